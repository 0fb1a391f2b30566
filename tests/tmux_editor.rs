//! The editor's three notes, Esc's question, Ctrl-R and `d` in the built
//! dashboard in a real terminal (tmux), on the bundled data.
#![cfg(unix)] // tmux: unix only

mod tmux;

use std::path::{Path, PathBuf};

use tmux::Tmux;
use unicode_width::UnicodeWidthStr;

fn start(name: &str, home: &Path) -> Option<Tmux> {
    Tmux::start_in(name, home, 120, 40, "")
}

fn journal(home: &Path) -> PathBuf {
    home.join(duban::progress::BUNDLED_DATASET)
        .join(duban::progress::FILE_NAME)
}

/// The first leader's first task (K1.1): `e`, past its three targets'
/// actual values, 40 in the percent, then on to 主要进展.
fn open_on_k11_notes(t: &Tmux) {
    t.keys(&["l", "e"]);
    t.wait_for("填报进展 K1.1");
    t.keys(&["Tab", "Tab", "Tab"]);
    t.type_text("40");
    t.keys(&["Tab", "Tab"]);
}

/// Whether a line of the screen has a field's name and its text.
fn shows(screen: &str, name: &str, text: &str) -> bool {
    screen.lines().any(|l| l.contains(name) && l.contains(text))
}

/// A pasted note of two lines stays two lines of the note: the line break
/// in the paste does not press Enter (which would save at once).
#[test]
fn a_pasted_two_line_note_is_one_note_and_saves_nothing() {
    let home = tempfile::tempdir().expect("a temp dir");
    let Some(t) = start("paste", home.path()) else {
        return;
    };
    open_on_k11_notes(&t);
    t.paste("完成征地\n开工建设");
    let screen = t.wait_for("开工建设");
    assert!(
        screen.contains("填报进展 K1.1") && !screen.contains("已保存"),
        "the editor is still open and nothing was saved: {screen}"
    );
    assert!(shows(&screen, "主要进展", "完成征地"), "{screen}");
    t.keys(&["Enter"]);
    t.wait_for("K1.1 已保存");
    t.keys(&["q"]);
    t.wait_for("EXITED:0");
    let text = std::fs::read_to_string(journal(home.path())).expect("the journal");
    let saved: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("Entry(task: \"K1.1\""))
        .collect();
    assert_eq!(saved.len(), 1, "{text}");
    assert!(
        saved[0].contains("note: \"完成征地\\n开工建设\""),
        "{}",
        saved[0]
    );
}

#[test]
fn a_multi_line_chinese_note_and_a_problem_are_typed_and_saved() {
    let home = tempfile::tempdir().expect("a temp dir");
    let Some(t) = start("notes", home.path()) else {
        return;
    };
    open_on_k11_notes(&t);
    t.type_text("完成征地");
    t.keys(&["C-j"]);
    t.type_text("开工建设");
    let screen = t.wait_for("开工建设");
    // The cursor is on the note's second row, right after 开工建设.
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("开工建设"))
        .expect("the second row");
    let above = screen.lines().nth(row - 1).unwrap_or_default();
    assert!(
        above.contains("主要进展") && above.contains("完成征地"),
        "{screen}"
    );
    let end = line.find("开工建设").expect("text") + "开工建设".len();
    assert_eq!(t.cursor(), (line[..end].width() as u16, row as u16));

    t.keys(&["Tab"]);
    t.type_text("资金未到位");
    t.wait_until(|s| shows(s, "存在问题", "资金未到位"), "the problem typed");
    t.keys(&["Enter"]);
    t.wait_for("K1.1 已保存");
    t.keys(&["q"]);
    t.wait_for("EXITED:0");
    let text = std::fs::read_to_string(journal(home.path())).expect("the journal");
    let entry = text
        .lines()
        .find(|l| l.starts_with("Entry(task: \"K1.1\""))
        .expect("an entry for K1.1");
    assert!(entry.contains("note: \"完成征地\\n开工建设\""), "{entry}");
    // The record, then duban's terminator (` //#crc32:…`).
    assert!(
        entry.contains("problems: \"资金未到位\") //#crc32:"),
        "{entry}"
    );
}

#[test]
fn esc_with_typing_asks_n_keeps_it_and_y_throws_it_away() {
    let home = tempfile::tempdir().expect("a temp dir");
    let Some(t) = start("esc", home.path()) else {
        return;
    };
    open_on_k11_notes(&t);
    t.type_text("待核");
    t.wait_until(|s| shows(s, "主要进展", "待核"), "the note typed");
    t.keys(&["Escape"]);
    t.wait_for("放弃已输入的内容？y/n");
    t.keys(&["n"]);
    let screen = t.wait_until(|s| !s.contains("y/n"), "the question gone");
    assert!(shows(&screen, "主要进展", "待核"), "{screen}");
    t.keys(&["Escape"]);
    t.wait_for("放弃已输入的内容？y/n");
    t.keys(&["y"]);
    t.wait_until(|s| !s.contains("填报进展 K1.1"), "the editor closed");
    t.keys(&["q"]);
    t.wait_for("EXITED:0");
    assert!(!journal(home.path()).exists(), "nothing was saved");
}

#[test]
fn ctrl_r_brings_back_what_u_undid() {
    let home = tempfile::tempdir().expect("a temp dir");
    let Some(t) = start("redo", home.path()) else {
        return;
    };
    open_on_k11_notes(&t);
    t.keys(&["Enter"]);
    t.wait_for("K1.1 已保存");
    t.keys(&["u"]);
    t.wait_for("K1.1 已撤销");
    t.keys(&["C-r"]);
    let screen = t.wait_for("K1.1 已重做");
    assert!(screen.contains("2023-06-30 推进中 40%"), "{screen}");
    t.keys(&["C-r"]);
    t.wait_for("没有可重做的撤销");
    t.keys(&["q"]);
    t.wait_for("EXITED:0");
    let text = std::fs::read_to_string(journal(home.path())).expect("the journal");
    let kinds: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("//"))
        .map(|l| l.split('(').next().unwrap_or_default())
        .collect();
    assert_eq!(kinds, ["Entry", "Retract", "Entry"], "{text}");
}

#[test]
fn d_asks_and_y_marks_the_task_done() {
    let home = tempfile::tempdir().expect("a temp dir");
    let Some(t) = start("done", home.path()) else {
        return;
    };
    t.keys(&["l", "d"]);
    t.wait_for("标记为已完成(进度 100%,日期 2023-06-30)？y/n");
    t.keys(&["y"]);
    let screen = t.wait_for("K1.1 已保存");
    assert!(screen.contains("2023-06-30 已完成 100%"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("EXITED:0");
    let text = std::fs::read_to_string(journal(home.path())).expect("the journal");
    assert!(
        text.contains("date: \"2023-06-30\", percent: 100, status: done"),
        "{text}"
    );
}

/// The backup cannot be made (a directory stands where it goes): the
/// dashboard saves all the same and its header says what went wrong, as
/// the command line does.
#[test]
fn a_save_whose_backup_fails_warns_in_the_header() {
    let home = tempfile::tempdir().expect("a temp dir");
    let journal = journal(home.path());
    std::fs::create_dir_all(journal.parent().expect("dataset dir")).expect("dir");
    std::fs::write(&journal, "").expect("an empty journal");
    std::fs::create_dir(journal.with_extension("ron.bak")).expect("a directory");
    let Some(t) = Tmux::start_in("backup", home.path(), 200, 40, "") else {
        return;
    };
    open_on_k11_notes(&t);
    t.keys(&["Enter"]);
    let screen = t.wait_for("K1.1 已保存");
    assert!(screen.contains("的备份没有写成"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("EXITED:0");
    let text = std::fs::read_to_string(&journal).expect("the journal");
    assert!(text.contains("Entry(task: \"K1.1\""), "saved: {text}");
}
