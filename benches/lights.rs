//! Lights for a whole plan: 100,000 tasks and 1,000,000 progress entries,
//! from the journal's entries to every task's light and the standings.
//! Baseline in the same run: one pass that only groups the entries by task
//! (the cost of touching the data at all). A third case works the lights
//! out as the dashboard does, from progress grouped by task at load.

use std::collections::HashMap;
use std::hint::black_box;

use chrono::{DateTime, NaiveDate, TimeDelta};
use criterion::{Criterion, criterion_group, criterion_main};
use duban::app::{App, Lang, Progress};
use duban::lights::{Config, Lights, Overview, Positions, Rule, latest_as_of, standing_at};
use duban::model::{Dataset, ProgressEntry, Status};

const TASKS: usize = 100_000;
const ENTRIES: usize = 1_000_000;

/// Entry `i`: tasks in turn, dates spread over the year, written later
/// than they are dated.
fn entries(data: &Dataset) -> Vec<ProgressEntry> {
    let ids: Vec<&str> = data.all_tasks().map(|t| t.id.as_str()).collect();
    let start = DateTime::parse_from_rfc3339("2023-01-01T08:00:00+08:00").expect("time");
    (0..ENTRIES)
        .map(|i| {
            let day = u32::try_from((i * 7 + i / ids.len() * 31) % 360 + 1).expect("day");
            ProgressEntry {
                task: ids[i % ids.len()].to_string(),
                at: start + TimeDelta::seconds(i as i64),
                date: NaiveDate::from_yo_opt(2023, day).expect("date"),
                percent: (i % 100) as u8,
                status: if i % 41 == 0 {
                    Status::Blocked
                } else {
                    Status::OnTrack
                },
                note: String::new(),
                actuals: Vec::new(),
                reporter: None,
                problems: String::new(),
                next_steps: String::new(),
            }
        })
        .collect()
}

fn lights(c: &mut Criterion) {
    let data = duban::synth::synth(TASKS, 2023);
    let entries = entries(&data);
    let rule = Rule::new(data.plan.year, &Config::default());
    let as_of = NaiveDate::from_ymd_opt(2023, 9, 15).expect("date");
    let mut group = c.benchmark_group("lights_100k_tasks_1m_entries");
    group.sample_size(10);
    group.bench_function("baseline_group_by_task", |b| {
        b.iter(|| {
            let mut count: HashMap<&str, usize> = HashMap::new();
            for e in black_box(&entries) {
                *count.entry(e.task.as_str()).or_default() += 1;
            }
            count.len()
        });
    });
    group.bench_function("lights_and_standings", |b| {
        b.iter(|| {
            let latest = latest_as_of(black_box(&entries), as_of);
            let o = Overview::new(&data, &latest, as_of, &rule);
            o.overall.total()
        });
    });
    // By position: the plan's IDs interned once, as the plan is loaded
    // (its own row below), then one look-up per entry, the standing entries
    // by position and the lights and standings in one flat loop.
    let positions = Positions::of(&data);
    group.bench_function("by_position", |b| {
        b.iter(|| {
            let standing = standing_at(black_box(&entries), &positions, as_of);
            let lights = Lights::of(&data, &positions, &standing, as_of, &rule);
            lights.overall.total()
        });
    });
    group.bench_function("positions_of_the_plan", |b| {
        b.iter(|| Positions::of(black_box(&data)).len());
    });
    // The dashboard holds progress grouped by ID and sorted by report
    // order (`app::Progress`, built once when the journal is read) and
    // works the lights out from it whenever progress changes: this is
    // `App::overview`, which `Standings::of` calls.
    let app = App::new(
        data.clone(),
        Progress::from_entries(entries.clone()),
        Lang::Zh,
        as_of,
    );
    group.bench_function("dashboard_lights_from_grouped_progress", |b| {
        b.iter(|| black_box(&app).overview().overall.total());
    });
    group.finish();
}

criterion_group!(benches, lights);
criterion_main!(benches);
