//! A save in the dashboard updates the progress and standings for the one
//! ID it touched (`Changed::One`); the result must equal working
//! everything out again from all entries, whatever the saves.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use duban::app::{Action, App, Changed, Lang, Progress, SaveKind, SaveOutcome, update};
use duban::model::{Dataset, ProgressEntry, Status};
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

/// One save: a new entry for an ID, or the undo of its latest.
#[derive(Debug, Clone)]
struct Save {
    id: usize,
    undo: bool,
    day: u32,
    percent: u8,
    status: usize,
}

fn save() -> impl Strategy<Value = Save> {
    (
        0usize..200,
        prop::bool::weighted(0.25),
        0u32..365,
        0u8..=100,
        0usize..5,
    )
        .prop_map(|(id, undo, day, percent, status)| Save {
            id,
            undo,
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
            let kind = if s.undo {
                let Some(last) = entries.iter().rposition(|e| e.task == id) else {
                    continue;
                };
                SaveKind::Undo(entries.remove(last))
            } else {
                entries.push(entry(&id, 1000 + n as i64, s.day, s.percent, s.status));
                SaveKind::Commit(id.clone())
            };
            let outcome = SaveOutcome {
                kind,
                error: None,
                pending: 0,
                changed: Changed::One(history(&entries, &id)),
                warnings: Box::default(),
            };
            update(&mut app, Action::Saved(outcome));
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
