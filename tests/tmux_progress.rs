//! Recording progress in the built dashboard in a real terminal (tmux):
//! open, select a task, `e`, type 40 and a note in Chinese, Enter, quit; the
//! file holds the entry and reopening shows it. And a broken file: left as
//! it is, the entry kept in memory and saved by Ctrl-S once it is fixed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthStr;

const BIN: &str = env!("CARGO_BIN_EXE_duban");

/// A tmux server of its own running `duban` with DUBAN_DATA_HOME at
/// `home`; killed when dropped, even on failure.
struct Term {
    socket: String,
}

impl Term {
    fn start(name: &str, home: &Path, w: u16) -> Term {
        let term = Term {
            socket: format!("duban-progress-{name}-{}", std::process::id()),
        };
        let cmd = format!(
            "DUBAN_DATA_HOME='{}' {BIN} --today 2023-06-30; echo EXITED:$?; exec sleep 600",
            home.display()
        );
        let (w, h) = (w.to_string(), "40".to_string());
        let out = term.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &w,
            "-y",
            &h,
            "sh",
            "-c",
            &cmd,
        ]);
        assert!(out.status.success(), "tmux: {out:?}");
        term.wait_for("2023-06-30");
        term
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

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// A pane format variable, e.g. `cursor_x`.
    fn flag(&self, name: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "t", &format!("#{{{name}}}")]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "t", k]);
        }
    }

    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }

    /// Waits (at most 10 s) for `text` on a screen that stopped changing.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let screen = self.screen();
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
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn journal(home: &Path) -> PathBuf {
    home.join(duban::progress::BUNDLED_DATASET)
        .join(duban::progress::FILE_NAME)
}

/// On the leaders tab: the first leader's first task (K1.1), `e`, 40 in
/// the percent, the note in Chinese.
fn record_40_on_k11(t: &Term, note: &str) {
    t.keys(&["l", "e"]);
    t.wait_for("填报进展 K1.1");
    t.type_text("40");
    t.keys(&["Tab", "Tab"]);
    t.type_text(note);
    t.wait_for(&format!("备注  {note}"));
}

#[test]
fn record_progress_quit_and_see_it_again() {
    let home = tempfile::tempdir().expect("a temp dir");
    let t = Term::start("record", home.path(), 120);
    record_40_on_k11(&t, "完成征地");

    // The terminal cursor sits right after the note, counted in cells.
    let screen = t.screen();
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("备注  完成征地"))
        .expect("the note line");
    let end = line.find("完成征地").expect("note") + "完成征地".len();
    assert_eq!(t.flag("cursor_y"), row.to_string());
    assert_eq!(t.flag("cursor_x"), line[..end].width().to_string());

    t.keys(&["Enter"]);
    let screen = t.wait_for("K1.1 已保存");
    assert!(screen.contains("2023-06-30 推进中 40%"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("EXITED:0");

    let text = std::fs::read_to_string(journal(home.path())).expect("the journal");
    let entry = text
        .lines()
        .find(|l| l.starts_with("Entry(task: \"K1.1\""))
        .expect("an entry for K1.1");
    for part in [
        "date: \"2023-06-30\"",
        "percent: 40",
        "status: on_track",
        "note: \"完成征地\"",
    ] {
        assert!(entry.contains(part), "{part} in {entry}");
    }

    drop(t);
    let t = Term::start("reopen", home.path(), 120);
    let screen = t.wait_for("状态: 推进中  40%");
    assert!(screen.contains("2023-06-30 推进中 40%"), "{screen}");
    assert!(screen.contains("完成征地"), "{screen}");
}

#[test]
fn a_broken_file_is_left_alone_and_ctrl_s_saves_once_it_is_fixed() {
    let home = tempfile::tempdir().expect("a temp dir");
    let path = journal(home.path());
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("the directory");
    let good = "Entry(task: \"K1.2\", at: \"2023-05-04T09:30:00+08:00\", date: \"2023-05-04\", \
                percent: 100, status: done, note: \"\")\n";
    let bad = good.replace("K1.2", "K1.3").replace("100", "150");
    let broken = format!("{good}{bad}");
    std::fs::write(&path, &broken).expect("a broken journal");

    let t = Term::start("broken", home.path(), 200);
    let screen = t.wait_for("进展文件有误,只读");
    assert!(
        screen.contains("progress.ron:2:"),
        "file:line:col: {screen}"
    );

    record_40_on_k11(&t, "待核");
    t.keys(&["Enter"]);
    t.wait_for("保存失败 (1 条未保存, Ctrl-S 重试)");
    let after = std::fs::read_to_string(&path).expect("the journal");
    assert_eq!(after, broken, "a broken file is never written to");

    std::fs::write(&path, good).expect("the fixed journal");
    t.keys(&["C-s"]);
    let screen = t.wait_for("已保存");
    assert!(screen.contains("2023-06-30 推进中 40%"), "{screen}");
    let fixed = std::fs::read_to_string(&path).expect("the journal");
    assert!(fixed.starts_with(good), "{fixed}");
    assert!(fixed.contains("note: \"待核\""), "{fixed}");
}
