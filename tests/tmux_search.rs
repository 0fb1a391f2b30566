//! The search popup in a real terminal (tmux): typing pinyin and Chinese,
//! where the terminal cursor sits, and jumping to a hit.
#![cfg(unix)] // tmux: unix only

mod tmux;

use tmux::Tmux;

/// `duban` on the bundled data in a 120x40 window.
fn start(name: &str) -> Option<Tmux> {
    Tmux::start(name, 120, 40, "")
}

/// In a 120x40 window the popup is 84x30 at (18, 5): the query line is row
/// 6 and starts at column 19 with "搜索: " (6 columns).
const QUERY_X: u16 = 19 + 6;
const QUERY_Y: u16 = 6;

#[test]
fn pinyin_initials_find_a_unit_and_enter_shows_its_duties() {
    let Some(s) = start("pinyin") else {
        return;
    };
    s.keys(&["/"]);
    s.wait_for("┌ 搜索 ");
    s.type_text("fgj");
    let screen = s.wait_for("单位 市发改局");
    assert!(screen.contains("搜索: fgj"), "{screen}");
    assert_eq!(s.cursor(), (QUERY_X + 3, QUERY_Y));
    s.keys(&["Enter"]);
    let screen = s.wait_for("┌ 职责 市发改局");
    assert!(!screen.contains("┌ 搜索 "), "{screen}");
    assert!(screen.contains("牵头 K1.1"), "{screen}");
}

#[test]
fn a_chinese_query_puts_the_cursor_after_it_and_enter_jumps() {
    let Some(s) = start("chinese") else {
        return;
    };
    s.keys(&["/"]);
    s.wait_for("┌ 搜索 ");
    s.type_text("规上企业");
    let screen = s.wait_for("任务 K2.16");
    assert!(screen.contains("搜索: 规上企业"), "{screen}");
    // Two columns a character, so an input method's window opens in place.
    assert_eq!(s.cursor(), (QUERY_X + 8, QUERY_Y));
    s.keys(&["BSpace"]);
    s.wait_for("搜索: 规上企 ");
    assert_eq!(s.cursor(), (QUERY_X + 6, QUERY_Y));
    s.type_text("业");
    s.wait_for("任务 K2.16");
    s.keys(&["Enter"]);
    let screen = s.wait_for("K2.16  牵头领导: 郭锦明 常务副市长");
    assert!(screen.contains("┌ 重点工作与民生实事 郭锦明"), "{screen}");
    s.keys(&["Escape"]);
    let screen = s.wait_for("重点工作与民生实事 黄胜可");
    assert!(!screen.contains("┌ 搜索 "), "{screen}");
}

#[test]
fn on_20000_tasks_the_search_runs_in_the_background_and_enter_jumps() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let data = dir.path().join("synth");
    let out = std::process::Command::new(tmux::BIN)
        .args(["synth", "--tasks", "20000", "--out"])
        .arg(&data)
        .output()
        .expect("duban synth runs");
    assert!(out.status.success(), "{out:?}");
    let Some(s) = Tmux::launch(
        "large",
        dir.path(),
        120,
        40,
        &format!("--data '{}'", data.display()),
    ) else {
        return;
    };
    s.wait_within(
        std::time::Duration::from_secs(60),
        |screen| screen.contains("2023-06-30"),
        "the dashboard on 20,000 tasks",
    );
    s.keys(&["/"]);
    s.wait_for("┌ 搜索 ");
    // Typed in one go: every keystroke asks the search thread, and only
    // the answer to the whole query is shown.
    s.type_text("新增规上企业");
    let screen = s.wait_until(
        |screen| screen.contains("任务 ") && !screen.contains("搜索中"),
        "hits for the whole query",
    );
    assert!(screen.contains("搜索: 新增规上企业"), "{screen}");
    assert_eq!(s.cursor(), (QUERY_X + 12, QUERY_Y));
    let first = screen
        .lines()
        .find(|l| l.contains("任务 K"))
        .expect("a task hit");
    assert!(
        first.contains("新增规上企业"),
        "the best hit holds the query: {first}"
    );
    let id = first
        .split("任务 ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the hit's ID")
        .to_string();
    s.keys(&["Enter"]);
    let screen = s.wait_for(&format!("{id}  牵头领导"));
    assert!(!screen.contains("┌ 搜索 "), "{screen}");
}
