//! The detail pane of a task with a long history: its latest entries in
//! full, then a muted line counting the earlier ones and saying how to see
//! them (`H`, or `duban progress log ID`); so a save onto a task with
//! thousands of entries lays out no more than onto one with a few.

mod common;

use chrono::TimeDelta;
use common::{render, sample, screen, today};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use duban::app::detail::LATEST_ENTRIES;
use duban::app::{
    Action, App, Changed, Lang, Progress, SaveKind, SaveOutcome, Subject, action_for, update,
};
use duban::model::{ProgressEntry, Status};

/// `n` entries on K1.1 (the first task shown), a minute apart, their
/// notes as short as each other, so every entry takes two lines.
fn history(n: usize) -> Vec<ProgressEntry> {
    let start = common::entry("K1.1", "2023-01-02T09:00:00+08:00", 0, Status::OnTrack, "");
    (0..n)
        .map(|i| {
            let mut e = start.clone();
            e.at = start.at + TimeDelta::minutes(i64::try_from(i).expect("a small count"));
            e.date = e.at.date_naive();
            e.percent = u8::try_from(i % 100).expect("under 100");
            e.note = format!("第{:04}次报送", i % 10_000);
            e
        })
        .collect()
}

fn app_with(n: usize, lang: Lang) -> App {
    let mut a = App::new(sample(), Progress::from_entries(history(n)), lang, today());
    update(&mut a, Action::Resize(100, 30));
    update(&mut a, Action::PaneRight);
    a
}

fn shown_id(a: &App) -> String {
    let Some(Subject::Task(r)) = a.subject() else {
        panic!("a task is selected");
    };
    a.task(r).expect("the task").id.to_string()
}

fn text(a: &App) -> String {
    (a.detail_doc().lines.iter())
        .map(|l| l.iter().map(|s| s.text.as_str()).collect::<String>() + "\n")
        .collect()
}

/// The detail pane focused and scrolled to its end: the oldest entries
/// shown and the count line below them.
fn bottom(lang: Lang, first: &[Action]) -> String {
    let mut a = app_with(1_200, lang);
    assert_eq!(shown_id(&a), "K1.1");
    let acts = [first, &[Action::PaneRight, Action::Bottom]].concat();
    screen(&render(&mut a, 100, 30, &acts))
}

#[test]
fn a_long_history_ends_with_how_many_earlier_entries_100x30() {
    insta::assert_snapshot!(bottom(Lang::Zh, &[]));
}

#[test]
fn a_long_history_ends_with_how_many_earlier_entries_english_100x30() {
    insta::assert_snapshot!(bottom(Lang::En, &[]));
}

#[test]
fn the_whole_history_after_h_100x30() {
    insta::assert_snapshot!(bottom(Lang::Zh, &[Action::WholeHistory]));
}

#[test]
fn the_whole_history_after_h_english_100x30() {
    insta::assert_snapshot!(bottom(Lang::En, &[Action::WholeHistory]));
}

#[test]
fn h_shows_the_whole_history_and_again_only_the_latest() {
    let mut a = app_with(1_200, Lang::En);
    let h = Event::Key(KeyEvent::new(KeyCode::Char('H'), KeyModifiers::SHIFT));
    assert_eq!(action_for(&a, &h), Some(Action::WholeHistory));
    let latest = a.detail_doc().lines.len();

    update(&mut a, Action::WholeHistory);
    let shown = text(&a);
    assert!(shown.contains("第0000次报送"), "{shown}");
    assert!(shown.contains("H: only the latest 50 entries"), "{shown}");
    assert!(!shown.contains("earlier entries"), "{shown}");
    assert!(a.detail_doc().lines.len() > 2 * 1_200);

    update(&mut a, Action::WholeHistory);
    assert_eq!(a.detail_doc().lines.len(), latest);
    assert!(!text(&a).contains("第0000次报送"));
}

#[test]
fn another_task_shows_only_its_latest_entries_again() {
    let mut a = app_with(1_200, Lang::En);
    update(&mut a, Action::WholeHistory);
    update(&mut a, Action::Down);
    update(&mut a, Action::Up);
    assert_eq!(shown_id(&a), "K1.1");
    assert!(!a.detail_view().whole_history);
    assert!(text(&a).contains("1150 earlier entries"));
}

#[test]
fn the_latest_entries_are_shown_and_the_earlier_counted() {
    let a = app_with(1_200, Lang::En);
    let shown = text(&a);
    let earlier = 1_200 - LATEST_ENTRIES;
    assert!(shown.contains("第1199次报送"), "{shown}");
    assert!(shown.contains(&format!("第{earlier:04}次报送")), "{shown}");
    let hidden = format!("第{:04}次报送", earlier - 1);
    assert!(!shown.contains(&hidden), "{shown}");
    assert!(
        shown.contains(&format!("{earlier} earlier entries:")),
        "{shown}"
    );
    // The count line, however it wraps.
    let flowed = shown.replace("\n  ", " ");
    assert!(flowed.contains("`duban progress log K1.1`"), "{shown}");
}

#[test]
fn a_history_that_fits_has_no_count_line() {
    let a = app_with(LATEST_ENTRIES, Lang::En);
    let shown = text(&a);
    assert!(shown.contains("第0000次报送"), "{shown}");
    assert!(!shown.contains("earlier entries"), "{shown}");
}

#[test]
fn a_save_onto_thousands_of_entries_lays_out_as_much_as_onto_a_few() {
    let short = app_with(LATEST_ENTRIES, Lang::Zh).detail_doc().lines.len();
    let mut a = app_with(5_000, Lang::Zh);
    let long = a.detail_doc().lines.len();
    // The count line, wrapped on at most two.
    assert!(long > short && long <= short + 2, "{long} against {short}");

    let id = shown_id(&a);
    let mut added = history(1).remove(0);
    added.at += TimeDelta::days(170);
    added.date = added.at.date_naive();
    added.note = "刚保存的进展".into();
    let outcome = SaveOutcome {
        kind: SaveKind::Commit(id.clone()),
        error: None,
        pending: 0,
        changed: Changed::Added(added.into()),
        warnings: Box::default(),
    };
    update(&mut a, Action::Saved(outcome));

    assert_eq!(a.progress().history(&id).len(), 5_001);
    assert_eq!(a.detail_doc().lines.len(), long, "the same after the save");
    let shown = text(&a);
    assert!(shown.contains("刚保存的进展"), "{shown}");
    let earlier = 5_001 - LATEST_ENTRIES;
    assert!(
        shown.contains(&format!("另有 {earlier} 条更早的记录")),
        "{shown}"
    );
}
