//! The search popup in a real terminal (tmux): typing pinyin and Chinese,
//! where the terminal cursor sits, and jumping to a hit.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_duban");

/// `duban` on the bundled data in a 120x40 window of a tmux server of its
/// own; the server is killed when the value is dropped.
struct Session {
    socket: String,
    home: tempfile::TempDir,
}

impl Session {
    fn start(name: &str) -> Session {
        let home = tempfile::tempdir().expect("a temp dir");
        let s = Session {
            socket: format!("duban-search-{name}-{}", std::process::id()),
            home,
        };
        let cmd = format!(
            "DUBAN_DATA_HOME='{}' {BIN} --today 2023-06-30; exec sleep 600",
            s.home.path().display()
        );
        let ok = s.tmux(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "120",
            "-y",
            "40",
            "sh",
            "-c",
            &cmd,
        ]);
        assert!(ok.is_some(), "tmux could not start");
        s.wait_for("截至 2023-06-30");
        s
    }

    /// Runs a tmux command; its output when it succeeded.
    fn tmux(&self, args: &[&str]) -> Option<String> {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env("LANG", "C.UTF-8")
            .env("LC_ALL", "C.UTF-8")
            .output()
            .expect("tmux is installed");
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn key(&self, key: &str) {
        self.tmux(&["send-keys", "-t", "t", key]);
    }

    /// Types text literally, as an input method hands it over.
    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", text]);
    }

    /// The screen once it shows `text` and has stopped changing (at most
    /// 10 s).
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let screen = self
                .tmux(&["capture-pane", "-p", "-t", "t"])
                .unwrap_or_default();
            if screen.contains(text) && screen == last {
                return screen;
            }
            last = screen;
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {text:?}; screen:\n{last}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// The terminal cursor: (column, row).
    fn cursor(&self) -> (u16, u16) {
        let out = self
            .tmux(&["display", "-p", "-t", "t", "#{cursor_x} #{cursor_y}"])
            .unwrap_or_default();
        let mut nums = out.split_whitespace().filter_map(|n| n.parse().ok());
        (
            nums.next().unwrap_or(u16::MAX),
            nums.next().unwrap_or(u16::MAX),
        )
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// In a 120x40 window the popup is 84x30 at (18, 5): the query line is row
/// 6 and starts at column 19 with "搜索: " (6 columns).
const QUERY_X: u16 = 19 + 6;
const QUERY_Y: u16 = 6;

#[test]
fn pinyin_initials_find_a_unit_and_enter_shows_its_duties() {
    let s = Session::start("pinyin");
    s.key("/");
    s.wait_for("┌ 搜索 ");
    s.type_text("fgj");
    let screen = s.wait_for("单位 市发改局");
    assert!(screen.contains("搜索: fgj"), "{screen}");
    assert_eq!(s.cursor(), (QUERY_X + 3, QUERY_Y));
    s.key("Enter");
    let screen = s.wait_for("┌ 职责 市发改局");
    assert!(!screen.contains("┌ 搜索 "), "{screen}");
    assert!(screen.contains("牵头 K1.1"), "{screen}");
}

#[test]
fn a_chinese_query_puts_the_cursor_after_it_and_enter_jumps() {
    let s = Session::start("chinese");
    s.key("/");
    s.wait_for("┌ 搜索 ");
    s.type_text("规上企业");
    let screen = s.wait_for("任务 K2.16");
    assert!(screen.contains("搜索: 规上企业"), "{screen}");
    // Two columns a character, so an input method's window opens in place.
    assert_eq!(s.cursor(), (QUERY_X + 8, QUERY_Y));
    s.key("BSpace");
    s.wait_for("搜索: 规上企 ");
    assert_eq!(s.cursor(), (QUERY_X + 6, QUERY_Y));
    s.type_text("业");
    s.wait_for("任务 K2.16");
    s.key("Enter");
    let screen = s.wait_for("K2.16  牵头领导: 郭锦明 常务副市长");
    assert!(screen.contains("┌ 重点工作与民生实事 郭锦明"), "{screen}");
    s.key("Escape");
    let screen = s.wait_for("重点工作与民生实事 黄胜可");
    assert!(!screen.contains("┌ 搜索 "), "{screen}");
}
