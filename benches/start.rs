//! Start-up at scale: loading a synthetic dataset directory from its RON
//! and from the binary cache, and launch to first frame (load, build the
//! app, draw once at 160x45) from the cache (warm) and from the RON (cold),
//! at 10,000 and 100,000 tasks; at 1,000,000 when the filter names them
//! (`start-1m`) or `DUBAN_BENCH_1M=1` is set (several minutes, and about
//! 2 GB of memory; `DUBAN_BENCH_1M_DIR=DIR` uses a dataset `duban synth
//! --tasks 1000000 --out DIR` wrote instead of writing one). Each size's
//! dataset is written only if one of its benches is selected. The
//! baseline, in the same run: reading the bytes of the four files and of
//! the cache file.
//!
//! The app's lookups (`app::Index`) are timed on their own beside
//! numbering the plan's IDs, a part of them; the standings whole beside
//! the part the first frame needs (`Standings::first`: the rest is worked
//! out after it). What is left after the first frame (`App::rest_job`,
//! the units' duties and the overview's part of the standings, which the
//! dashboard works out on a thread of its own) is timed whole
//! (`rest-job`: taking the copy it works from and working it out, as
//! `App::finish_start` does in place) and for its copy alone (`rest-copy`:
//! what the UI thread pays to hand it over).
//!
//! `cargo bench --bench start -- --warm-up-time 1 --measurement-time 5`

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use duban::app::{Action, App, Index, Lang, Progress, Standings, update};
use duban::lights::Positions;
use duban::store::{self, Cache, CacheUse};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod scale;
use scale::{Data, Lazy, wants_1m};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 30).unwrap_or_default()
}

fn load(dir: &Path, cache: &Cache) -> duban::model::Dataset {
    store::load_dir_cached(dir, cache).expect("dataset").0
}

/// Launch to first frame, as the dashboard opens (`App::opened`: the
/// search index and the overview's standings are left for after it); the
/// app is returned so that it is dropped outside the timing.
fn first_frame(dir: &Path, cache: &Cache) -> (App, Terminal<TestBackend>) {
    let data = load(dir, cache);
    let config = duban::lights::Config::default();
    let mut app = App::opened(data, Progress::default(), Lang::Zh, today(), &config);
    update(&mut app, Action::Resize(160, 45));
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    terminal.draw(|f| duban::ui::draw(f, &app)).expect("draw");
    (app, terminal)
}

/// A dataset directory with a warm load cache in a directory of its own.
struct Setup {
    data: Data,
    home: tempfile::TempDir,
    cache: Cache,
}

impl Setup {
    fn new(tasks: usize) -> Setup {
        let data = Data::new(tasks);
        let home = tempfile::tempdir().expect("cache dir");
        let cache = Cache::at(home.path());
        let setup = Setup { data, home, cache };
        let (_, used) = store::load_dir_cached(setup.dir(), &setup.cache).expect("first load");
        assert!(matches!(used, CacheUse::Written), "{used:?}");
        setup
    }

    fn dir(&self) -> &Path {
        self.data.path()
    }
}

fn at(c: &mut Criterion, tasks: usize, name: &str) {
    let setup = Lazy::new(|| Setup::new(tasks));

    let mut group = c.benchmark_group(name);
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    if tasks >= 1_000_000 {
        group.measurement_time(Duration::from_secs(30));
    }
    group.bench_function("read-bytes", |b| {
        let setup = setup.get();
        b.iter(|| {
            let mut n = 0;
            for name in store::FILES {
                n += std::fs::read(setup.dir().join(name)).expect("read").len();
            }
            for file in std::fs::read_dir(setup.home.path()).expect("cache dir") {
                n += std::fs::read(file.expect("entry").path())
                    .expect("read")
                    .len();
            }
            black_box(n)
        })
    });
    group.bench_function("load-ron", |b| {
        let setup = setup.get();
        b.iter(|| black_box(load(setup.dir(), &Cache::off())))
    });
    group.bench_function("load-cache", |b| {
        let setup = setup.get();
        b.iter(|| black_box(load(setup.dir(), &setup.cache)))
    });
    // The app's lookups, against numbering the plan's IDs alone (a part
    // of them: a pass over every task's ID and sub-items).
    let data = Lazy::new(|| load(setup.get().dir(), &setup.get().cache));
    group.bench_function("app-index", |b| {
        let data = data.get();
        b.iter(|| black_box(Index::new(black_box(data))))
    });
    // What the first frame needs of them (`Index::first`: all but the
    // units' duties, added after it).
    group.bench_function("app-index-first", |b| {
        let data = data.get();
        b.iter(|| black_box(Index::first(black_box(data))))
    });
    group.bench_function("number-ids", |b| {
        let data = data.get();
        b.iter(|| black_box(Positions::of(black_box(data))))
    });
    drop(data);
    // The standings whole, against the part the first frame needs.
    let app = Lazy::new(|| {
        let data = load(setup.get().dir(), &setup.get().cache);
        // No search index building beside the timings.
        let config = duban::lights::Config::default();
        App::opened(data, Progress::default(), Lang::Zh, today(), &config)
    });
    group.bench_function("standings-all", |b| {
        let app = app.get();
        b.iter(|| black_box(Standings::of(black_box(app))))
    });
    group.bench_function("standings-first", |b| {
        let app = app.get();
        b.iter(|| black_box(Standings::first(black_box(app))))
    });
    group.bench_function("rest-job", |b| {
        let app = app.get();
        b.iter(|| black_box(app.rest_job().map(|job| job.run())))
    });
    group.bench_function("rest-copy", |b| {
        let app = app.get();
        b.iter(|| black_box(app.rest_job()))
    });
    drop(app);
    for (name, off) in [("first-frame-cache", false), ("first-frame-ron", true)] {
        group.bench_function(name, |b| {
            let setup = setup.get();
            let cache = if off {
                Cache::off()
            } else {
                setup.cache.clone()
            };
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let started = Instant::now();
                    let (app, terminal) = first_frame(setup.dir(), &cache);
                    total += started.elapsed();
                    black_box(terminal);
                    // Not timed: dropping the app.
                    drop(app);
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
    if wants_1m() {
        at(c, 1_000_000, "start-1m");
    }
}

criterion_group!(benches, start);
criterion_main!(benches);
