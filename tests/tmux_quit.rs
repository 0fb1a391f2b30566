//! Quitting: the dashboard exits at once and leaves its memory to a
//! helper (`duban-exit`, Linux) that frees it after the exit; the helper
//! holds no terminal or pipe and never lingers.
#![cfg(unix)] // tmux and /proc: unix only

mod tmux;

use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};

use tmux::Tmux;

/// The pids of processes named `duban-exit` whose parent is `parent`.
fn helpers_of(parent: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let comm = std::fs::read_to_string(e.path().join("comm")).unwrap_or_default();
            let status = std::fs::read_to_string(e.path().join("status")).unwrap_or_default();
            let ppid = (status.lines())
                .find_map(|l| l.strip_prefix("PPid:"))
                .map(str::trim);
            comm.trim_end() == "duban-exit" && ppid == Some(parent)
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

/// The helper of dashboard `pid`, once it has started (after the first
/// frame).
fn helper_of(pid: &str) -> String {
    let start = Instant::now();
    loop {
        if let [helper] = helpers_of(pid).as_slice() {
            return helper.clone();
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no helper of {pid}: {:?}",
            helpers_of(pid)
        );
        sleep(Duration::from_millis(20));
    }
}

fn exists(pid: &str) -> bool {
    Path::new("/proc").join(pid).exists()
}

#[test]
fn quitting_exits_and_no_helper_is_left_behind() {
    let Some(t) = Tmux::start("quit", 100, 30, "") else {
        return;
    };
    let Some(pid) = t.duban_pid() else {
        return;
    };
    assert!(!pid.is_empty(), "duban is running");
    // Started with the session, so that `q` need not start a process.
    let helper = helper_of(&pid);
    t.keys(&["q"]);
    t.wait_for("EXITED:0");
    assert!(!exists(&pid), "duban {pid} still runs");
    // The helper ends once its dashboard is gone and the memory is freed.
    let start = Instant::now();
    while exists(&helper) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "helper {helper} still running"
        );
        sleep(Duration::from_millis(50));
    }
    assert_eq!(t.flag("alternate_on"), "0");
}

#[test]
fn a_pipe_from_the_dashboard_closes_when_it_exits() {
    // The helper closes every descriptor it was given: a reader of the
    // dashboard's standard error sees the end at the exit.
    let home = tempfile::tempdir().expect("a temp dir");
    let user = home.path().join("config").join(duban::user::USER_FILE);
    std::fs::create_dir_all(user.parent().unwrap()).unwrap();
    std::fs::write(&user, "(skipped: true)\n").unwrap();
    let cmd = format!(
        "DUBAN_DATA_HOME='{0}' DUBAN_CONFIG_HOME='{0}/config' {1} --today 2023-06-30 2>&1 >/dev/tty | cat >/dev/null; echo PIPE-CLOSED; exec sleep 600",
        home.path().display(),
        env!("CARGO_BIN_EXE_duban"),
    );
    let Some(t) = Tmux::shell("pipe", 100, 30, &cmd) else {
        return;
    };
    t.wait_for("2023-06-30");
    t.keys(&["q"]);
    t.wait_for("PIPE-CLOSED");
}
