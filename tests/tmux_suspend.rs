//! Job control in a real terminal: Ctrl-Z gives the shell back a normal
//! screen, `fg` brings the whole dashboard back; SIGQUIT restores the
//! terminal.
#![cfg(unix)]

mod tmux;

use std::process::Command;

use tmux::{BIN, Tmux};

/// An interactive shell (job control on) in the session's window, with a
/// plain prompt, and `duban` started from it.
/// `None` (after a skip notice) without tmux.
fn dashboard_from_a_shell(name: &str, home: &std::path::Path) -> Option<Tmux> {
    let t = Tmux::launch(name, home, 120, 40, "--version")?;
    t.wait_for("EXITED:0");
    let out = t.run(&[
        "respawn-pane",
        "-k",
        "-t",
        "t",
        "env PS1='READY$ ' bash --norc --noprofile -i",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t.wait_for("READY$");
    t.type_text(&format!(
        "DUBAN_DATA_HOME='{0}' DUBAN_CONFIG_HOME='{0}/config' {BIN} --today 2023-06-30",
        home.display()
    ));
    t.keys(&["Enter"]);
    t.wait_for("2023-06-30");
    Some(t)
}

#[test]
fn ctrl_z_restores_the_terminal_and_fg_redraws_everything() {
    let home = tempfile::tempdir().unwrap();
    let Some(t) = dashboard_from_a_shell("suspend", home.path()) else {
        return;
    };
    t.keys(&["l", "l"]);
    let before = t.wait_for("┌ 详情");
    assert_eq!(t.flag("alternate_on"), "1");

    t.keys(&["C-z"]);
    let shell = t.wait_until(
        |s| s.contains("Stopped") && s.trim_end().ends_with("READY$"),
        "the shell prompt after Ctrl-Z",
    );
    assert!(!shell.contains("┌ 详情"), "{shell}");
    assert_eq!(t.flag("alternate_on"), "0", "still on the alternate screen");
    assert_eq!(t.flag("cursor_flag"), "1", "the cursor is hidden");
    assert_eq!(t.flag("mouse_any_flag"), "0", "the mouse is still captured");

    t.type_text("fg");
    t.keys(&["Enter"]);
    let after = t.wait_until(|s| s.contains("┌ 详情"), "the dashboard after fg");
    assert_eq!(after, before, "the dashboard was not fully redrawn");
    assert_eq!(t.flag("alternate_on"), "1");
    assert_eq!(
        t.flag("mouse_any_flag"),
        "1",
        "the mouse is not captured again"
    );
    // Still alive and answering keys.
    t.keys(&["q"]);
    t.wait_until(|s| s.trim_end().ends_with("READY$"), "the prompt after q");
}

#[test]
fn sigtstp_from_outside_suspends_cleanly_too() {
    let home = tempfile::tempdir().unwrap();
    let Some(t) = dashboard_from_a_shell("tstp", home.path()) else {
        return;
    };
    let before = t.wait_for("┌ 领导");
    let pid = t.duban_pid().expect("the pid of duban");
    let status = Command::new("kill").args(["-TSTP", &pid]).status().unwrap();
    assert!(status.success());
    t.wait_until(|s| s.contains("Stopped"), "the shell prompt after SIGTSTP");
    assert_eq!(t.flag("alternate_on"), "0");
    assert_eq!(t.flag("cursor_flag"), "1");
    t.type_text("fg");
    t.keys(&["Enter"]);
    let after = t.wait_until(|s| s.contains("┌ 领导"), "the dashboard after fg");
    assert_eq!(after, before);
}

#[test]
fn sigquit_restores_the_terminal_and_exits() {
    let home = tempfile::tempdir().unwrap();
    let Some(t) = dashboard_from_a_shell("quit", home.path()) else {
        return;
    };
    let pid = t.duban_pid().expect("the pid of duban");
    let status = Command::new("kill").args(["-QUIT", &pid]).status().unwrap();
    assert!(status.success());
    t.wait_until(
        |s| s.trim_end().ends_with("READY$"),
        "the prompt after SIGQUIT",
    );
    assert_eq!(t.flag("alternate_on"), "0");
    assert_eq!(t.flag("cursor_flag"), "1");
    assert_eq!(t.flag("mouse_any_flag"), "0");
    t.type_text("echo code=$?");
    t.keys(&["Enter"]);
    t.wait_for("code=131");
}
