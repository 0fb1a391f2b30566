//! A save in the dashboard updates the progress and standings for the one
//! entry it added or undid (`Changed::Added`, `Changed::Removed`), a pull
//! for the one ID it touched (`App::apply_history`); the result must equal
//! working everything out again from all entries, whatever the saves.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use duban::app::{Action, App, Changed, Effect, Lang, Progress, SaveKind, SaveOutcome, update};
use duban::cli::perform;
use duban::model::{Dataset, ProgressEntry, Status};
use duban::progress::{Journal, Record};
use proptest::prelude::*;

mod common;
use common::sectioned;

fn data() -> Dataset {
    duban::synth::synth(24, 11)
}

/// Every ID a save can name: key tasks, projects, sub-items, and one the
/// dataset does not know.
fn ids(data: &Dataset) -> Vec<String> {
    let mut ids: Vec<String> = data
        .all_tasks()
        .flat_map(|t| {
            std::iter::once(t.id.to_string()).chain(t.items.iter().map(|i| i.id.to_string()))
        })
        .collect();
    ids.push("K99.99".to_string());
    ids
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 9, 30).expect("date")
}

fn new_app(data: &Dataset, entries: &[ProgressEntry]) -> App {
    App::new(
        data.clone(),
        Progress::from_entries(entries.to_vec()),
        Lang::Zh,
        as_of(),
    )
}

/// One save: a new entry for an ID, or the undo of its latest; handed to
/// the app as the dashboard's save does, or as a pull of the ID's history.
#[derive(Debug, Clone)]
struct Save {
    id: usize,
    undo: bool,
    /// Made before every entry so far (a clock set back).
    early: bool,
    pull: bool,
    day: u32,
    percent: u8,
    status: usize,
}

fn save() -> impl Strategy<Value = Save> {
    (
        0usize..200,
        prop::bool::weighted(0.25),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.25),
        0u32..365,
        0u8..=100,
        0usize..5,
    )
        .prop_map(|(id, undo, early, pull, day, percent, status)| Save {
            id,
            undo,
            early,
            pull,
            day,
            percent,
            status,
        })
}

fn start() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2023-01-01T09:00:00+08:00").expect("time")
}

fn history(entries: &[ProgressEntry], id: &str) -> Vec<ProgressEntry> {
    entries.iter().filter(|e| e.task == id).cloned().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn saving_one_id_equals_working_everything_out_again(
        saves in prop::collection::vec(save(), 1..25),
        seeded in 0usize..40,
        by_section in any::<bool>(),
    ) {
        let data = if by_section { sectioned() } else { data() };
        let ids = ids(&data);
        // Some history to start from.
        let mut entries: Vec<ProgressEntry> = (0..seeded)
            .map(|i| entry(&ids[(i * 7) % ids.len()], i as i64, (i * 9 % 365) as u32, (i * 13 % 101) as u8, i % 5))
            .collect();
        let mut app = new_app(&data, &entries);
        for (n, s) in saves.iter().enumerate() {
            let id = ids[s.id % ids.len()].clone();
            let (kind, changed) = if s.undo {
                let Some(last) = entries.iter().rposition(|e| e.task == id) else {
                    continue;
                };
                let undone = entries.remove(last);
                (SaveKind::Undo(undone.clone()), Changed::Removed(undone))
            } else {
                let second = if s.early { -1 - n as i64 } else { 1000 + n as i64 };
                let new = entry(&id, second, s.day, s.percent, s.status);
                entries.push(new.clone());
                (SaveKind::Commit(id.clone()), Changed::Added(new.into()))
            };
            if s.pull {
                app.apply_history(&id, history(&entries, &id));
            } else {
                let outcome = SaveOutcome {
                    kind,
                    error: None,
                    pending: 0,
                    changed,
                    warnings: Box::default(),
                };
                update(&mut app, Action::Saved(outcome));
            }
            let full = new_app(&data, &entries);
            prop_assert_eq!(app.standings(), full.standings(), "after save {} ({:?})", n, s);
            for id in &ids {
                prop_assert_eq!(app.progress().history(id), full.progress().history(id));
            }
        }
    }
}

fn entry(task: &str, second: i64, day: u32, percent: u8, status: usize) -> ProgressEntry {
    let at = start() + TimeDelta::seconds(second);
    ProgressEntry {
        task: task.to_string(),
        at,
        date: NaiveDate::from_yo_opt(2023, 1 + day).expect("day of 2023"),
        percent,
        status: Status::ALL[status % Status::ALL.len()],
        note: String::new(),
        actuals: Vec::new(),
        reporter: None,
        problems: String::new(),
        next_steps: String::new(),
    }
}

#[test]
fn a_save_that_merged_records_in_rebuilds_everything() {
    let data = data();
    let ids = ids(&data);
    let mut app = new_app(&data, &[]);
    let all = vec![
        entry(&ids[0], 1, 100, 40, 1),
        entry(&ids[1], 2, 120, 100, 4),
    ];
    let outcome = SaveOutcome {
        kind: SaveKind::Commit(ids[0].clone()),
        error: None,
        pending: 0,
        changed: Changed::All(all.iter().cloned().map(Into::into).collect()),
        warnings: Box::default(),
    };
    update(&mut app, Action::Saved(outcome));
    assert_eq!(app.standings(), new_app(&data, &all).standings());
    assert_eq!(app.progress().history(&ids[1]).len(), 1);
}

/// A journal file of `n` entries of `id` (and a few of other IDs), all
/// made in 2099, so every entry a save makes now is earlier, and dated
/// over 2023 in no order.
fn long_journal(path: &std::path::Path, ids: &[String], n: usize) {
    let late = DateTime::parse_from_rfc3339("2099-01-01T09:00:00+08:00").expect("time");
    let mut text = String::new();
    for i in 0..n {
        let id = if i % 10 == 9 {
            &ids[1 + i % 7]
        } else {
            &ids[0]
        };
        // On track, behind or blocked, never done.
        let mut e = entry(id, 0, (i * 37 % 365) as u32, 1 + (i % 99) as u8, 1 + i % 3);
        e.at = late + TimeDelta::seconds(i as i64);
        text.push_str(&duban::progress::record_line(&Record::Entry(e)));
    }
    std::fs::write(path, text).expect("write the journal");
}

/// The app worked out again from the journal as it is on disk.
fn rebuilt(data: &Dataset, path: &std::path::Path) -> App {
    let journal = Journal::open(path).expect("the journal reads");
    let progress = Progress::from_entries(journal.shared().cloned());
    App::new(data.clone(), progress, Lang::Zh, as_of())
}

#[test]
fn a_save_onto_a_long_history_equals_a_rebuild() {
    let data = data();
    let ids = ids(&data);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("progress.ron");
    long_journal(&path, &ids, 3000);
    let mut journal = Journal::open(&path).expect("the journal reads");
    let mut app = rebuilt(&data, &path);
    let id = &ids[0];
    let long = app.progress().history(id).len();
    assert!(long > 2500, "{long} entries");
    // Dated in the middle of the history, and at the end: made earlier
    // than every entry (now, before 2099), so neither is the ID's last.
    let effects = [
        Effect::Commit(entry(id, 0, 180, 55, 1)),
        Effect::Commit(entry(id, 0, 364, 60, 1)),
        Effect::Undo,
        Effect::Redo,
        Effect::Undo,
        Effect::Undo,
        Effect::Commit(entry(&ids[3], 0, 200, 30, 2)),
    ];
    for (n, effect) in effects.into_iter().enumerate() {
        let outcome = perform(&mut journal, effect).expect("an outcome");
        assert_eq!(outcome.error, None, "save {n}");
        let added = match &outcome.changed {
            Changed::Added(e) => Some((**e).clone()),
            Changed::Removed(_) => None,
            other => panic!("save {n} changed {other:?}"),
        };
        update(&mut app, Action::Saved(outcome));
        let full = rebuilt(&data, &path);
        assert_eq!(app.standings(), full.standings(), "after save {n}");
        for id in &ids {
            assert_eq!(app.progress().history(id), full.progress().history(id));
        }
        if let Some(e) = added.filter(|e| &e.task == id) {
            let history = app.progress().history(id);
            let at = history.iter().position(|x| **x == e).expect("added");
            assert!(
                at + 1 < history.len(),
                "save {n} is the last of {}",
                history.len()
            );
        }
    }
    assert_eq!(app.progress().history(id).len(), long);
}
