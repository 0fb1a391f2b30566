//! The built binary in a real terminal (tmux): what a person sees.

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_duban");

/// A tmux server of its own, killed when the test ends, even on failure.
struct Tmux {
    socket: String,
    /// DUBAN_DATA_HOME: where progress for the bundled dataset is kept.
    home: tempfile::TempDir,
}

impl Tmux {
    /// Runs `duban ARGS` in a `w`x`h` window, followed by an EXITED line.
    fn start(name: &str, w: u16, h: u16, args: &str) -> Tmux {
        let home = tempfile::tempdir().expect("a temp dir");
        Tmux::start_in(home, name, w, h, args)
    }

    fn start_in(home: tempfile::TempDir, name: &str, w: u16, h: u16, args: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("duban-{name}-{}", std::process::id()),
            home,
        };
        let cmd = format!(
            "DUBAN_DATA_HOME='{}' {BIN} --today 2023-06-30 {args}; echo EXITED:$?; exec sleep 600",
            tmux.home.path().display()
        );
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
            "sh",
            "-c",
            &cmd,
        ]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux.wait_for("2023-06-30");
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env("LANG", "C.UTF-8")
            .env("LC_ALL", "C.UTF-8")
            .output()
            .expect("tmux is installed")
    }

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// A pane format variable, e.g. `alternate_on`.
    fn flag(&self, name: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "t", &format!("#{{{name}}}")]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "t", k]);
        }
    }

    /// Types text literally.
    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }

    /// Waits (at most 10 s) until the screen shows `text`; returns it.
    fn wait_for(&self, text: &str) -> String {
        self.wait_until(|s| s.contains(text), text)
    }

    /// Waits until the screen satisfies `ok` and has stopped changing (a
    /// capture can catch a frame half drawn).
    fn wait_until(&self, ok: impl Fn(&str) -> bool, what: &str) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let screen = self.capture();
            if ok(&screen) && screen == last {
                return screen;
            }
            last = screen;
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {what:?}; screen:\n{last}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// The pid of the duban process (the child of the pane's shell).
    fn duban_pid(&self) -> String {
        let shell = self.flag("pane_pid");
        let out = Command::new("pgrep")
            .args(["-P", &shell])
            .output()
            .expect("pgrep");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

#[test]
fn shows_a_leaders_tasks() {
    let t = Tmux::start("leader", 120, 40, "");
    t.keys(&["j"]);
    let screen = t.wait_for("重点工作与民生实事 郭锦明");
    assert!(screen.contains("落地省市县长项目3个"), "{screen}");
}

#[test]
fn jumps_from_a_task_detail_to_a_units_duties() {
    let t = Tmux::start("jump", 120, 40, "");
    t.keys(&["l", "l", "j", "Enter"]);
    let screen = t.wait_for("职责 市发改局");
    assert!(screen.contains("牵头 K1.1"), "{screen}");
    t.keys(&["Enter"]);
    let screen = t.wait_for("K1.1  牵头领导: 黄胜可 市长");
    assert!(screen.contains("重点工作与民生实事 黄胜可"), "{screen}");
}

#[test]
fn filters_units_as_you_type() {
    let t = Tmux::start("filter", 120, 40, "");
    t.keys(&["2", "f"]);
    t.type_text("横店");
    let screen = t.wait_for("筛选: 横店");
    assert!(screen.contains("┌ 单位 3/138"), "{screen}");
    assert!(screen.contains("│横店镇 "), "{screen}");
    assert!(!screen.contains("│市发改局 "), "{screen}");
}

#[test]
fn help_popup_opens_filters_and_closes_cleanly() {
    let t = Tmux::start("help", 120, 40, "");
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
    let t = Tmux::start("quit", 120, 40, "");
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
    let t = Tmux::start("ctrlc", 100, 30, "");
    t.keys(&["C-c"]);
    t.wait_for("EXITED:0");
    assert_eq!(t.flag("alternate_on"), "0");
}

fn signal_restores(name: &str, signal: &str, code: i32) {
    let t = Tmux::start(name, 100, 30, "");
    let pid = t.duban_pid();
    assert!(!pid.is_empty(), "duban is running");
    let status = Command::new("kill")
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
    let t = Tmux::start("mouse", 100, 30, "");
    assert_eq!(t.flag("mouse_any_flag"), "1");
    let t = Tmux::start("nomouse", 100, 30, "--no-mouse");
    assert_eq!(t.flag("mouse_any_flag"), "0");
}

#[test]
fn survives_rapid_resizes_and_says_when_too_small() {
    let t = Tmux::start("resize", 120, 40, "");
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
    let t = Tmux::start("english", 120, 40, "--lang en");
    let screen = t.wait_for("Lead units");
    assert!(screen.contains("1 Leaders"), "{screen}");
}

#[test]
fn shows_recorded_progress() {
    let home = tempfile::tempdir().expect("a temp dir");
    let dir = home.path().join(duban::progress::BUNDLED_DATASET);
    std::fs::create_dir_all(&dir).expect("progress dir");
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
    };
    journal.commit(entry).expect("saved");
    let t = Tmux::start_in(home, "progress", 120, 40, "");
    let screen = t.wait_for("状态: 滞后  40%");
    assert!(screen.contains("2023-05-04 滞后 40%"), "{screen}");
    assert!(screen.contains("一季度增长6.8%"), "{screen}");
    assert!(screen.contains("  1 滞后    40%"), "{screen}");
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
    let tmux = Tmux::start("hangup", 100, 30, "");
    let pid = tmux.duban_pid();
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
