//! What the dashboard keeps for the session, held to its size: the
//! journal's entries once (shared with the progress shown, no second set
//! to tell duplicates), the standings' red lists without spare room and
//! the red items kept once, the duties at 4 bytes each.

use std::sync::Arc;

use chrono::NaiveDate;
use duban::app::{App, Lang, Progress, TaskRef};
use duban::lights::{Light, counts_as};
use duban::progress::Journal;

/// A synthetic plan of `tasks` tasks and a journal of `entries` entries
/// over it, written to a temporary directory.
fn journal(tasks: usize, entries: usize) -> (duban::model::Dataset, tempfile::TempDir, Journal) {
    let data = duban::synth::synth(tasks, 5);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("progress.ron");
    let text = duban::synth_journal::synth_journal(&data, entries, 5);
    std::fs::write(&path, text).expect("write the journal");
    let journal = Journal::open(&path).expect("a journal that parses");
    (data, dir, journal)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 9, 30).expect("a date")
}

#[test]
fn the_progress_shown_shares_the_journals_entries() {
    let (_, _dir, journal) = journal(200, 3_000);
    let progress = Progress::from_entries(journal.shared().cloned());
    let mut ids = 0;
    for e in journal.entries() {
        let history = progress.history(&e.task);
        let held = (history.iter())
            .find(|h| ***h == *e)
            .expect("every entry shown");
        // Held by the journal and by the progress: one entry, two owners.
        assert_eq!(Arc::strong_count(held), 2, "{}", e.task);
        ids += 1;
    }
    assert_eq!(ids, 3_000);
}

#[test]
fn an_entry_read_twice_is_kept_once_and_one_made_at_the_same_time_is_not_lost() {
    let (_, dir, journal) = journal(50, 400);
    let path = dir.path().join("progress.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("Entry(")).collect();
    assert!(lines.len() >= 400, "{} record lines", lines.len());
    // The same record twice, and one with the first's identity (task and
    // time of entry) but another note.
    let twin = lines[0].to_string();
    let first = journal.entries().next().expect("an entry").clone();
    assert!(twin.contains("note: \""), "{twin}");
    let other = twin.replacen("note: \"", "note: \"补报：", 1);
    std::fs::write(&path, format!("{text}{twin}\n{other}\n")).expect("write");
    let reread = Journal::open(&path).expect("a journal that parses");
    assert_eq!(reread.entries().count(), 401);
    let same: Vec<_> = (reread.history(&first.task).into_iter())
        .filter(|e| e.at == first.at)
        .collect();
    assert_eq!(same.len(), 2, "{same:?}");
    assert!(same.iter().any(|e| **e == first));
}

#[test]
fn the_standings_keep_their_red_lists_exactly_and_the_red_items_once() {
    let (data, _dir, journal) = journal(3_000, 6_000);
    let progress = Progress::from_entries(journal.shared().cloned());
    let app = App::new(data, progress, Lang::Zh, today());
    let s = app.standings();
    let all = std::iter::once(&s.overall)
        .chain(&s.leaders)
        .chain(&s.units);
    let mut lists = 0;
    for standing in all {
        assert_eq!(
            standing.red.capacity(),
            standing.red.len(),
            "{}",
            standing.key
        );
        lists += 1;
    }
    assert!(lists > 3);
    let red: Vec<TaskRef> = (s.lights.iter().enumerate())
        .filter(|(_, (l, r))| counts_as(*l, *r) == Light::Red)
        .map(|(i, _)| TaskRef(i))
        .collect();
    assert!(!red.is_empty(), "some tasks count red");
    assert_eq!(s.red().collect::<Vec<_>>(), red);
    assert_eq!(s.red_item(red.len() - 1), red.last().copied());
    assert_eq!(s.red_item(red.len()), None);
}

#[test]
fn a_duty_takes_four_bytes_for_the_session() {
    let (data, _dir, _journal) = journal(2_000, 10);
    let units = data.units.len();
    let app = App::new(data, Progress::default(), Lang::Zh, today());
    let duties: usize = app.index.duties.iter().map(<[_]>::len).sum();
    assert!(duties >= 2_000, "{duties}");
    assert_eq!(app.index.duties.heap_bytes(), 4 * duties + 4 * units);
}
