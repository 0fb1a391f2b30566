//! The reporter asked once, in the built dashboard in a real terminal
//! (tmux), with the per-user config in a temp dir: type part of a unit,
//! Tab completes it, type a name, Enter; the config holds both, an entry
//! recorded next carries them, and the next start does not ask. Esc skips
//! for good.
#![cfg(unix)] // tmux: unix only

mod tmux;

use tmux::Tmux;
use unicode_width::UnicodeWidthStr;

fn user_file(home: &std::path::Path) -> std::path::PathBuf {
    home.join("config").join(duban::user::USER_FILE)
}

#[test]
fn the_reporter_is_asked_once_and_stamped_on_entries() {
    let home = tempfile::tempdir().expect("a temp dir");
    let h = home.path();
    let Some(t) = Tmux::launch_asking("asked", h, 120, 40, "2023-06-30", "") else {
        return;
    };
    t.wait_for("填报人");
    t.type_text("经信");
    let screen = t.wait_for("市经信局");
    // The terminal cursor sits right after what was typed.
    let (row, line) = (screen.lines().enumerate())
        .find(|(_, l)| l.contains("单位：经信"))
        .expect("the unit line");
    let end = line.find("单位：经信").expect("unit") + "单位：经信".len();
    assert_eq!(t.flag("cursor_y"), row.to_string());
    assert_eq!(t.flag("cursor_x"), line[..end].width().to_string());
    t.keys(&["Tab"]);
    t.wait_for("单位：市经信局");
    t.type_text("张三");
    t.wait_for("姓名：张三");
    t.keys(&["Enter"]);
    t.wait_until(|s| !s.contains("填报人"), "the prompt to close");
    let saved = std::fs::read_to_string(user_file(h)).expect("the per-user config");
    assert!(
        saved.contains("市经信局") && saved.contains("张三"),
        "{saved}"
    );

    // An entry made now names its reporter.
    t.keys(&["l", "e"]);
    t.wait_for("填报进展 K1.1");
    t.keys(&["Tab", "Tab", "Tab"]);
    t.type_text("40");
    t.keys(&["Enter"]);
    t.wait_for("K1.1 已保存");
    t.keys(&["q"]);
    t.wait_for("EXITED:0");
    let journal = h
        .join(duban::progress::BUNDLED_DATASET)
        .join(duban::progress::FILE_NAME);
    let text = std::fs::read_to_string(journal).expect("the journal");
    assert!(text.contains("市经信局") && text.contains("张三"), "{text}");
    drop(t);

    // Asked once: the next start opens on the tabs.
    let Some(again) = Tmux::launch_asking("again", h, 120, 40, "2023-06-30", "") else {
        return;
    };
    let screen = again.wait_for("2023-06-30");
    assert!(!screen.contains("填报人"), "{screen}");
}

#[test]
fn esc_skips_the_question_for_good() {
    let home = tempfile::tempdir().expect("a temp dir");
    let h = home.path();
    let Some(t) = Tmux::launch_asking("skip", h, 80, 24, "2023-06-30", "--lang en") else {
        return;
    };
    t.wait_for("Who reports");
    t.keys(&["Escape"]);
    t.wait_until(|s| !s.contains("Who reports"), "the prompt to close");
    t.keys(&["q"]);
    t.wait_for("EXITED:0");
    let saved = std::fs::read_to_string(user_file(h)).expect("the per-user config");
    assert!(saved.contains("skipped: true"), "{saved}");
    drop(t);
    let Some(again) = Tmux::launch_asking("skip-again", h, 80, 24, "2023-06-30", "--lang en")
    else {
        return;
    };
    let screen = again.wait_for("2023-06-30");
    assert!(!screen.contains("Who reports"), "{screen}");
}
