//! Recording progress in the built dashboard in a real terminal (tmux):
//! open, select a task, `e`, type 40 and a note in Chinese, Enter, quit; the
//! file holds the entry and reopening shows it. And a broken file: left as
//! it is, the entry kept in memory and saved by Ctrl-S once it is fixed.
#![cfg(unix)] // tmux: unix only

mod tmux;

use std::path::{Path, PathBuf};

use tmux::Tmux;
use unicode_width::UnicodeWidthStr;

/// `duban` on the bundled data in a `w`x40 window, progress under `home`.
fn start(name: &str, home: &Path, w: u16) -> Option<Tmux> {
    Tmux::start_in(name, home, w, 40, "")
}

fn journal(home: &Path) -> PathBuf {
    home.join(duban::progress::BUNDLED_DATASET)
        .join(duban::progress::FILE_NAME)
}

/// On the leaders tab: the first leader's first task (K1.1), `e`, past
/// its three targets' actual values, 40 in the percent, the note in Chinese.
fn record_40_on_k11(t: &Tmux, note: &str) {
    t.keys(&["l", "e"]);
    t.wait_for("填报进展 K1.1");
    t.keys(&["Tab", "Tab", "Tab"]);
    t.type_text("40");
    t.keys(&["Tab", "Tab"]);
    t.type_text(note);
    t.wait_for(note);
}

#[test]
fn record_progress_quit_and_see_it_again() {
    let home = tempfile::tempdir().expect("a temp dir");
    let Some(t) = start("record", home.path(), 120) else {
        return;
    };
    record_40_on_k11(&t, "完成征地");

    // The terminal cursor sits right after the note, counted in cells.
    let screen = t.capture();
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("主要进展") && l.contains("完成征地"))
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
    let Some(t) = start("reopen", home.path(), 120) else {
        return;
    };
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

    let Some(t) = start("broken", home.path(), 200) else {
        return;
    };
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

#[test]
fn an_actual_typed_for_k216_is_saved_and_shown_in_the_detail() {
    let home = tempfile::tempdir().expect("a temp dir");
    let Some(t) = start("actual", home.path(), 160) else {
        return;
    };
    // The second leader, then down to the sixteenth task.
    t.keys(&["j", "l"]);
    for _ in 0..15 {
        t.keys(&["j"]);
    }
    t.keys(&["e"]);
    t.wait_for("填报进展 K2.16");
    t.type_text("60");
    t.wait_for("(由实际值计算)");
    t.keys(&["Enter"]);
    let screen = t.wait_for("K2.16 已保存");
    let line = screen
        .lines()
        .find(|l| l.contains("新增规上企业  "))
        .expect("the target's line in the detail");
    assert!(line.contains("100家  实际 60  60%  未达标"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("EXITED:0");

    let text = std::fs::read_to_string(journal(home.path())).expect("the journal");
    let entry = text
        .lines()
        .find(|l| l.starts_with("Entry(task: \"K2.16\""))
        .expect("an entry for K2.16");
    assert!(entry.contains("percent: 20"), "{entry}");
    assert!(entry.contains("新增规上企业"), "{entry}");
    assert!(entry.contains("value: 60"), "{entry}");
}
