//! Commit latency with 10 and 100,000 entries in the journal's history, and
//! the time to open a 100,000-entry journal.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeDelta};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use duban::model::{ProgressEntry, Status};
use duban::progress::{Journal, entry_line};

fn entry(i: usize) -> ProgressEntry {
    let start = DateTime::parse_from_rfc3339("2023-01-01T08:00:00+08:00").expect("time");
    ProgressEntry {
        task: format!("K{}.{}", 1 + i % 8, 1 + i % 17),
        at: start + TimeDelta::seconds(i as i64),
        date: NaiveDate::from_ymd_opt(2023, 1 + (i % 12) as u32, 1).expect("date"),
        percent: (i % 100) as u8,
        status: Status::OnTrack,
        note: format!("第{i}次汇报:按计划推进"),
        actuals: Vec::new(),
        reporter: None,
        problems: String::new(),
        next_steps: String::new(),
    }
}

/// A journal file with `n` entries.
fn journal_file(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join(format!("base-{n}.ron"));
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&entry_line(&entry(i)));
        text.push('\n');
    }
    std::fs::write(&path, text).expect("write the base file");
    path
}

fn commit(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("progress_commit");
    group.sample_size(10);
    for n in [10, 100_000] {
        let base = journal_file(dir.path(), n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, &n| {
            b.iter_custom(|iters| {
                let path = dir.path().join("progress.ron");
                std::fs::copy(&base, &path).expect("copy");
                let mut journal = Journal::open(&path).expect("open");
                // The session's first save also writes progress.ron.bak.
                journal.commit(entry(n)).expect("first commit");
                let mut total = Duration::ZERO;
                for i in 0..iters as usize {
                    let e = entry(n + 1 + i);
                    let start = Instant::now();
                    journal.commit(e).expect("commit");
                    total += start.elapsed();
                }
                total
            });
        });
    }
    group.finish();
}

fn open(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = journal_file(dir.path(), 100_000);
    let mut group = c.benchmark_group("progress_open");
    group.sample_size(10);
    group.bench_function("100000", |b| {
        b.iter(|| Journal::open(&path).expect("open"));
    });
    group.finish();
}

criterion_group!(benches, commit, open);
criterion_main!(benches);
