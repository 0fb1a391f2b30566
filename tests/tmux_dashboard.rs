//! The built binary in a real terminal (tmux): what a person sees.
#![cfg(unix)] // tmux, signals and /proc: unix only

mod tmux;

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use tmux::Tmux;

#[test]
fn shows_a_leaders_tasks() {
    let Some(t) = Tmux::start("leader", 120, 40, "") else {
        return;
    };
    t.keys(&["j"]);
    let screen = t.wait_for("重点工作与民生实事 郭锦明");
    assert!(screen.contains("落地省市县长项目3个"), "{screen}");
}

#[test]
fn jumps_from_a_task_detail_to_a_units_duties() {
    let Some(t) = Tmux::start("jump", 120, 40, "") else {
        return;
    };
    t.keys(&["l", "l", "j", "Enter"]);
    let screen = t.wait_for("职责 市发改局");
    assert!(screen.contains("牵头 K1.1"), "{screen}");
    t.keys(&["Enter"]);
    let screen = t.wait_for("K1.1  牵头领导: 黄胜可 市长");
    assert!(screen.contains("重点工作与民生实事 黄胜可"), "{screen}");
}

#[test]
fn filters_units_as_you_type() {
    let Some(t) = Tmux::start("filter", 120, 40, "") else {
        return;
    };
    t.keys(&["2", "f"]);
    t.type_text("横店");
    let screen = t.wait_for("筛选: 横店");
    assert!(screen.contains("┌ 单位 3/138"), "{screen}");
    assert!(screen.contains("│横店镇 "), "{screen}");
    assert!(!screen.contains("│市发改局 "), "{screen}");
}

#[test]
fn help_popup_opens_filters_and_closes_cleanly() {
    let Some(t) = Tmux::start("help", 120, 40, "") else {
        return;
    };
    t.keys(&["l", "l"]);
    let before = t.wait_for("┌ 详情");
    t.keys(&["?"]);
    let screen = t.wait_for("按键帮助");
    assert!(screen.contains("切换标签"), "{screen}");
    t.type_text("退出");
    t.wait_until(
        |s| s.contains("q Ctrl-C") && !s.contains("切换标签"),
        "filtered help",
    );
    t.keys(&["Escape"]);
    let after = t.wait_until(|s| !s.contains("按键帮助"), "help closed");
    assert_eq!(
        after, before,
        "no leftovers after closing the popup over Chinese text"
    );
}

#[test]
fn quits_with_q_to_a_clean_shell() {
    let Some(t) = Tmux::start("quit", 120, 40, "") else {
        return;
    };
    assert_eq!(t.flag("alternate_on"), "1");
    t.keys(&["q"]);
    let screen = t.wait_for("EXITED:0");
    assert!(!screen.contains("截至 2023-06-30"), "{screen}");
    assert_eq!(t.flag("alternate_on"), "0");
    assert_eq!(t.flag("cursor_flag"), "1");
    assert_eq!(t.flag("mouse_any_flag"), "0");
}

#[test]
fn ctrl_c_quits() {
    let Some(t) = Tmux::start("ctrlc", 100, 30, "") else {
        return;
    };
    t.keys(&["C-c"]);
    t.wait_for("EXITED:0");
    assert_eq!(t.flag("alternate_on"), "0");
}

fn signal_restores(name: &str, signal: &str, code: i32) {
    let Some(t) = Tmux::start(name, 100, 30, "") else {
        return;
    };
    let Some(pid) = t.duban_pid() else {
        return;
    };
    assert!(!pid.is_empty(), "duban is running");
    let Some(kill) = tmux::external::program(&["kill"]) else {
        return;
    };
    let status = Command::new(kill)
        .args([&format!("-{signal}"), &pid])
        .status()
        .expect("kill");
    assert!(status.success());
    t.wait_for(&format!("EXITED:{code}"));
    assert_eq!(t.flag("alternate_on"), "0");
    assert_eq!(t.flag("cursor_flag"), "1");
    assert_eq!(t.flag("mouse_any_flag"), "0");
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores("term", "TERM", 143);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores("hup", "HUP", 129);
}

#[test]
fn sigint_restores_the_terminal() {
    signal_restores("int", "INT", 130);
}

#[test]
fn captures_the_mouse_unless_told_not_to() {
    let Some(t) = Tmux::start("mouse", 100, 30, "") else {
        return;
    };
    assert_eq!(t.flag("mouse_any_flag"), "1");
    let Some(t) = Tmux::start("nomouse", 100, 30, "--no-mouse") else {
        return;
    };
    assert_eq!(t.flag("mouse_any_flag"), "0");
}

#[test]
fn survives_rapid_resizes_and_says_when_too_small() {
    let Some(t) = Tmux::start("resize", 120, 40, "") else {
        return;
    };
    for (w, h) in [(80, 24), (300, 100), (20, 5), (61, 17), (1, 1), (90, 30)] {
        t.run(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
        ]);
    }
    t.wait_for("截至 2023-06-30");
    t.run(&["resize-window", "-t", "t", "-x", "30", "-y", "8"]);
    t.wait_for("终端太小");
    t.run(&["resize-window", "-t", "t", "-x", "80", "-y", "24"]);
    t.wait_for("截至 2023-06-30");
    t.keys(&["q"]);
    t.wait_for("EXITED:0");
}

#[test]
fn english_labels() {
    let Some(t) = Tmux::start("english", 120, 40, "--lang en") else {
        return;
    };
    let screen = t.wait_for("Lead units");
    assert!(screen.contains("1 Leaders"), "{screen}");
}

/// A DUBAN_DATA_HOME with the bundled dataset's progress directory in it.
fn bundled_progress_dir() -> (tempfile::TempDir, std::path::PathBuf) {
    let home = tempfile::tempdir().expect("a temp dir");
    let dir = home.path().join(duban::progress::BUNDLED_DATASET);
    std::fs::create_dir_all(&dir).expect("progress dir");
    (home, dir)
}

#[test]
fn shows_recorded_progress() {
    let (home, dir) = bundled_progress_dir();
    let mut journal =
        duban::progress::Journal::open(&dir.join(duban::progress::FILE_NAME)).expect("journal");
    let at = chrono::DateTime::parse_from_rfc3339("2023-05-04T09:30:00+08:00").expect("time");
    let entry = duban::model::ProgressEntry {
        task: "K1.1".into(),
        at,
        date: at.date_naive(),
        percent: 40,
        status: duban::model::Status::Behind,
        note: "一季度增长6.8%".into(),
        actuals: Vec::new(),
        reporter: None,
        problems: String::new(),
        next_steps: String::new(),
    };
    journal.commit(entry).expect("saved");
    let Some(t) = Tmux::start_in("progress", home.path(), 120, 40, "") else {
        return;
    };
    let screen = t.wait_for("状态: 滞后  40%");
    assert!(screen.contains("2023-05-04 滞后 40%"), "{screen}");
    assert!(screen.contains("一季度增长6.8%"), "{screen}");
    assert!(screen.contains("  1 黄灯 滞后    40%"), "{screen}");
}

#[test]
fn key_4_shows_the_overview_with_lights() {
    let (home, dir) = bundled_progress_dir();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/overview/progress.ron"
    );
    std::fs::copy(fixture, dir.join(duban::progress::FILE_NAME)).expect("journal copied");
    let Some(t) = Tmux::start_in("overview", home.path(), 120, 40, "") else {
        return;
    };
    t.keys(&["4"]);
    let screen = t.wait_for("┌ 领导进度");
    assert!(screen.contains("红灯事项 8"), "{screen}");
    assert!(screen.contains("│K2.3   受阻"), "{screen}");
    assert!(screen.contains("牵头单位 按牵头数"), "{screen}");
    t.keys(&["s"]);
    t.wait_for("牵头单位 按红灯数");
    t.keys(&["Tab", "Enter"]);
    let screen = t.wait_for("K1.5  牵头领导: 黄胜可 市长");
    assert!(screen.contains("状态灯: 红灯"), "{screen}");
    t.keys(&["Escape"]);
    t.wait_for("┌ 红灯事项 8");
}

/// Whether the process is gone (or a zombie waiting to be reaped).
fn ended(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit(')')
            .next()
            .is_some_and(|rest| rest.trim_start().starts_with('Z')),
    }
}

#[test]
fn ends_when_its_terminal_goes_away() {
    // Killing the tmux server closes the terminal under the dashboard. The
    // dashboard must end rather than spin on the dead terminal.
    let Some(tmux) = Tmux::start("hangup", 100, 30, "") else {
        return;
    };
    let Some(pid) = tmux.duban_pid() else {
        return;
    };
    assert!(!pid.is_empty(), "no duban process");
    tmux.run(&["kill-server"]);
    let start = Instant::now();
    while !ended(&pid) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "duban {pid} still runs after its terminal went away"
        );
        sleep(Duration::from_millis(50));
    }
}
