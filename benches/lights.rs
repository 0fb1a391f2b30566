//! Lights for a whole plan: 100,000 tasks and 1,000,000 progress entries,
//! from the journal's entries to every task's light and the standings.
//! Baseline in the same run: one pass that only groups the entries by task
//! (the cost of touching the data at all). Then the library's positional
//! path, and the product's paths that use it: the dashboard's full
//! restand, the circular `duban report` writes, and `duban remind`.

use std::collections::HashMap;
use std::hint::black_box;

use chrono::{DateTime, NaiveDate, TimeDelta};
use criterion::{Criterion, criterion_group, criterion_main};
use duban::app::{App, Lang, Progress, Standings};
use duban::lights::{Config, Lights, Positions, Rule, standing_at};
use duban::model::{Dataset, ProgressEntry, Status};
use duban::report::remind::Reminders;
use duban::report::{Circular, Filter, Options};

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
    // The product's own paths. The dashboard holds progress grouped by ID
    // and sorted by report order (`app::Progress`, built once when the
    // journal is read) and the plan's positions (built once with the
    // dataset); a full restand (at start-up, on a new as-of date or new
    // thresholds) is `Standings::of`.
    let app = App::new(
        data.clone(),
        Progress::from_entries(entries.clone()),
        Lang::Zh,
        as_of,
    );
    group.bench_function("dashboard_full_restand", |b| {
        b.iter(|| Standings::of(black_box(&app)).overall.total());
    });
    // `duban report` in every format builds one `Circular` from the
    // journal's entries (the lights on the as-of date and on the previous
    // circular's date, the plan's positions included) before writing it.
    group.bench_function("report_circular", |b| {
        b.iter(|| {
            let options = Options::default();
            let filter = Filter::default();
            let c = Circular::with_rule(&data, black_box(&entries), as_of, &rule, filter, options);
            c.map(|c| c.overview.overall.total()).unwrap_or(0)
        });
    });
    // `duban remind`.
    group.bench_function("remind", |b| {
        b.iter(|| {
            Reminders::new(&data, black_box(&entries), as_of, &rule, None)
                .units
                .len()
        });
    });
    group.finish();
}

criterion_group!(benches, lights);
criterion_main!(benches);
