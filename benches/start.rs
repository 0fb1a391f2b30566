//! Start-up at scale: loading a synthetic dataset directory from its RON
//! and from the binary cache, and launch to first frame (load, build the
//! app, draw once at 160x45) from the cache (warm) and from the RON (cold),
//! at 10,000 and 100,000 tasks; with `DUBAN_BENCH_1M=1` also at 1,000,000
//! (several minutes, and about 2 GB of memory). The baseline, in the same
//! run: reading the bytes of the four files and of the cache file.
//!
//! The app's lookups (`app::Index`) are timed on their own beside
//! numbering the plan's IDs, a part of them.
//!
//! `cargo bench --bench start -- --warm-up-time 1 --measurement-time 5`

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::app::{Action, App, Index, Lang, Progress, update};
use duban::lights::Positions;
use duban::store::{self, Cache, CacheUse};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 30).unwrap_or_default()
}

fn load(dir: &Path, cache: &Cache) -> duban::model::Dataset {
    store::load_dir_cached(dir, cache).expect("dataset").0
}

/// Launch to first frame; the app is returned so that its search index,
/// still building on its own thread, can be waited for outside the timing.
fn first_frame(dir: &Path, cache: &Cache) -> (App, Terminal<TestBackend>) {
    let data = load(dir, cache);
    let mut app = App::new(data, Progress::default(), Lang::Zh, today());
    update(&mut app, Action::Resize(160, 45));
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    terminal.draw(|f| duban::ui::draw(f, &app)).expect("draw");
    (app, terminal)
}

fn at(c: &mut Criterion, tasks: usize, name: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    store::write_dataset(dir.path(), &duban::synth::synth(tasks, 2023)).expect("write");
    let home = tempfile::tempdir().expect("cache dir");
    let cache = Cache::at(home.path());
    let (_, used) = store::load_dir_cached(dir.path(), &cache).expect("first load");
    assert!(matches!(used, CacheUse::Written), "{used:?}");

    let mut group = c.benchmark_group(name);
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    if tasks >= 1_000_000 {
        group.measurement_time(Duration::from_secs(30));
    }
    group.bench_function("read-bytes", |b| {
        b.iter(|| {
            let mut n = 0;
            for name in store::FILES {
                n += std::fs::read(dir.path().join(name)).expect("read").len();
            }
            for file in std::fs::read_dir(home.path()).expect("cache dir") {
                n += std::fs::read(file.expect("entry").path())
                    .expect("read")
                    .len();
            }
            black_box(n)
        })
    });
    group.bench_function("load-ron", |b| {
        b.iter(|| black_box(load(dir.path(), &Cache::off())))
    });
    group.bench_function("load-cache", |b| {
        b.iter(|| black_box(load(dir.path(), &cache)))
    });
    // The app's lookups, against numbering the plan's IDs alone (a part
    // of them: a pass over every task's ID and sub-items).
    let data = load(dir.path(), &cache);
    group.bench_function("app-index", |b| {
        b.iter(|| black_box(Index::new(black_box(&data))))
    });
    group.bench_function("number-ids", |b| {
        b.iter(|| black_box(Positions::of(black_box(&data))))
    });
    drop(data);
    for (name, cache) in [
        ("first-frame-cache", cache.clone()),
        ("first-frame-ron", Cache::off()),
    ] {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let started = Instant::now();
                    let (app, terminal) = first_frame(dir.path(), &cache);
                    total += started.elapsed();
                    // Not timed: the index finishes before the next launch.
                    black_box(app.searcher.shared_index().len());
                    black_box(terminal);
                }
                total
            })
        });
    }
    group.finish();
}

fn start(c: &mut Criterion) {
    at(c, 10_000, "start-10k");
    at(c, 100_000, "start-100k");
    if std::env::var_os("DUBAN_BENCH_1M").is_some() {
        at(c, 1_000_000, "start-1m");
    }
}

criterion_group!(benches, start);
criterion_main!(benches);
