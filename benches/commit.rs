//! What one commit costs as the history grows, each size against the
//! empty journal measured in the same run:
//! - `progress_set`: the library call `duban progress set` makes
//!   ([`commit_one`]) on journals of 0, 10,000, 100,000 and 250,000
//!   entries (a 1,000,000-entry journal is past the 64 MiB cap on files
//!   duban reads), and `progress_set_full`: reading the whole journal
//!   first, as every call did before the index;
//! - `progress_set_process`: one `duban progress set` run of the release
//!   binary, dataset loading and all;
//! - `dashboard_save`: a commit in the dashboard (the journal's append and
//!   the app's update) at 0, 10,000 and 100,000 entries on 100 tasks, and
//!   at 0 and 100,000 entries on 100,000 tasks.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use duban::app::{Action, App, Effect, Lang, Progress, update};
use duban::model::{Dataset, ProgressEntry, Status};
use duban::progress::{Journal, commit_one};
use duban::synth::synth;
use duban::synth_journal::synth_journal;

/// A dataset of `tasks` tasks and its journal of `entries` entries, in a
/// new directory.
fn dataset(tasks: usize, entries: usize) -> (tempfile::TempDir, Dataset, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = synth(tasks, 7);
    duban::store::write_dataset(dir.path(), &data).expect("write the dataset");
    let path = dir.path().join("progress.ron");
    std::fs::write(&path, synth_journal(&data, entries, 7)).expect("write the journal");
    (dir, data, path)
}

/// An entry after every synthetic one (they are all dated 2023).
fn entry(i: u32) -> ProgressEntry {
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2024-02-01T09:00:00+08:00").expect("time");
    ProgressEntry {
        task: "K1.1".to_string(),
        at: start + TimeDelta::milliseconds(i64::from(i)),
        date: NaiveDate::from_ymd_opt(2023, 12, 31).expect("date"),
        percent: (i % 100) as u8,
        status: Status::OnTrack,
        note: format!("第{i}次汇报:按计划推进"),
        actuals: Vec::new(),
        reporter: None,
        problems: String::new(),
        next_steps: String::new(),
    }
}

const SIZES: [usize; 4] = [0, 10_000, 100_000, 250_000];

fn progress_set(c: &mut Criterion) {
    let mut group = c.benchmark_group("progress_set");
    group.sample_size(10);
    for n in SIZES {
        let (_dir, _, path) = dataset(100, n);
        // The first call reads the journal and writes the index.
        commit_one(&path, entry(0)).expect("read").expect("save");
        let mut i = 1;
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                i += 1;
                commit_one(&path, entry(i)).expect("read").expect("save")
            });
        });
    }
    group.finish();
    let mut group = c.benchmark_group("progress_set_full");
    group.sample_size(10);
    for n in [0, 100_000] {
        let (_dir, _, path) = dataset(100, n);
        let mut i = 1;
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                i += 1;
                Journal::open(&path)
                    .expect("read")
                    .commit(entry(i))
                    .expect("save")
            });
        });
    }
    group.finish();
}

fn run_set(dir: &Path, home: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .args([
            "progress",
            "set",
            "K1.1",
            "--percent",
            "50",
            "--date",
            "2023-12-31",
        ])
        .args(["--today", "2024-01-05", "--data"])
        .arg(dir)
        .env("DUBAN_DATA_HOME", home)
        .env("HOME", home)
        .output()
        .expect("run duban");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn progress_set_process(c: &mut Criterion) {
    let home = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("progress_set_process");
    group.sample_size(10);
    for n in [0, 100_000] {
        let (dir, _, _) = dataset(100, n);
        run_set(dir.path(), home.path());
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| run_set(dir.path(), home.path()));
        });
    }
    group.finish();
}

fn dashboard_save(c: &mut Criterion) {
    let mut group = c.benchmark_group("dashboard_save");
    group.sample_size(10);
    for (tasks, n) in [
        (100, 0),
        (100, 10_000),
        (100, 100_000),
        (100_000, 0),
        (100_000, 100_000),
    ] {
        let (_dir, data, path) = dataset(tasks, n);
        let mut journal = Journal::open(&path).expect("read");
        let progress = Progress::from_entries(journal.entries().cloned());
        let today = NaiveDate::from_ymd_opt(2023, 12, 31).expect("date");
        let mut app = App::new(data, progress, Lang::Zh, today);
        // The session's first save makes the backup.
        let first = duban::cli::perform(&mut journal, Effect::Commit(entry(0)));
        update(&mut app, Action::Saved(first.expect("an outcome")));
        let id = format!("{tasks}/{n}");
        group.bench_function(BenchmarkId::from_parameter(id), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    let saved = duban::cli::perform(&mut journal, Effect::Commit(entry(1)));
                    update(&mut app, Action::Saved(saved.expect("an outcome")));
                    total += start.elapsed();
                }
                total
            });
        });
    }
    group.finish();
}

criterion_group!(benches, progress_set, progress_set_process, dashboard_save);
criterion_main!(benches);
