//! What one commit costs as the history and the dataset grow, each size
//! against the empty journal measured in the same run. Journals are what
//! `duban synth --tasks N --entries M --seed 7` writes (the same library
//! calls, made here):
//! - `progress_set`: the library call `duban progress set` makes
//!   ([`commit_one`]) on journals of 0, 10,000, 100,000 and 1,000,000
//!   entries over 100 tasks, and `progress_set_full`: reading the whole
//!   journal first, as every call did before the index;
//! - `progress_set_process`: one `duban progress set` run of the release
//!   binary, dataset loading and all, at 0, 100,000 and 1,000,000 entries;
//! - `dashboard_save`: a commit in the dashboard (the journal's append and
//!   the app's update) at 0 to 1,000,000 entries on 100 tasks, and at 0 and
//!   1,000,000 entries on 10,000, 100,000 and (when the run asks for them,
//!   see `benches/scale/`, or names `DUBAN_BENCH_1M_DIR`) 1,000,000 tasks;
//!   `dashboard_save_whole`: the same save handing the app the saved ID's
//!   whole history, as the dashboard did before it added the one entry.
//!
//! Every bench runs twice: on `disk` (the temporary directory, where the
//! flush reaches the disk) and on `tmpfs` (`/dev/shm`, Linux only, where
//! `fdatasync` returns at once): the same code, so `tmpfs` is the work
//! besides the flush, and the flush is the difference.

// Only the switch: the saves make their datasets in memory.
#[allow(
    dead_code,
    reason = "scale's setup helpers are for the benches that load a directory"
)]
#[path = "scale/mod.rs"]
mod scale;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use duban::app::{Action, App, Effect, Lang, Progress, Subject, update};
use duban::model::{Dataset, ProgressEntry, Status};
use duban::progress::{Journal, commit_one};
use duban::synth::synth;
use duban::synth_journal::synth_journal;

/// Where a journal is written: on disk, or in memory where the flush
/// costs nothing.
#[derive(Clone, Copy)]
enum Place {
    Disk,
    Tmpfs,
}

impl Place {
    /// The places this machine has (`/dev/shm` only on Linux).
    fn all() -> Vec<Place> {
        let shm = cfg!(target_os = "linux") && Path::new("/dev/shm").is_dir();
        if shm {
            vec![Place::Disk, Place::Tmpfs]
        } else {
            vec![Place::Disk]
        }
    }

    fn name(self) -> &'static str {
        match self {
            Place::Disk => "disk",
            Place::Tmpfs => "tmpfs",
        }
    }

    fn dir(self) -> tempfile::TempDir {
        match self {
            Place::Disk => tempfile::tempdir(),
            Place::Tmpfs => tempfile::tempdir_in("/dev/shm"),
        }
        .expect("temp dir")
    }
}

/// A directory at `place` holding the journal `text` (and the dataset,
/// when given).
fn journal_at(place: Place, text: &str, data: Option<&Dataset>) -> (tempfile::TempDir, PathBuf) {
    let dir = place.dir();
    if let Some(data) = data {
        duban::store::write_dataset(dir.path(), data).expect("write the dataset");
    }
    let path = dir.path().join("progress.ron");
    std::fs::write(&path, text).expect("write the journal");
    (dir, path)
}

/// An entry of `task` after every synthetic one (they are all dated 2023).
fn entry_of(task: &str, i: u32) -> ProgressEntry {
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2024-02-01T09:00:00+08:00").expect("time");
    ProgressEntry {
        task: task.to_string(),
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

fn entry(i: u32) -> ProgressEntry {
    entry_of("K1.1", i)
}

const HISTORY: [usize; 4] = [0, 10_000, 100_000, 1_000_000];

fn progress_set(c: &mut Criterion) {
    let data = synth(100, 7);
    let mut group = c.benchmark_group("progress_set");
    group.sample_size(10);
    let mut i = 1;
    for n in HISTORY {
        // Made on first use, so a filter that leaves a size out makes
        // nothing of it.
        let text = std::cell::OnceCell::new();
        for place in Place::all() {
            let mut made = None;
            let id = format!("{}/{n}", place.name());
            group.bench_function(BenchmarkId::from_parameter(id), |b| {
                let (_, path) = made.get_or_insert_with(|| {
                    let text = text.get_or_init(|| synth_journal(&data, n, 7));
                    let (dir, path) = journal_at(place, text, None);
                    // The first call reads the journal and writes the index.
                    commit_one(&path, entry(0)).expect("read").expect("save");
                    (dir, path)
                });
                b.iter(|| {
                    i += 1;
                    commit_one(path, entry(i)).expect("read").expect("save")
                });
            });
        }
    }
    group.finish();
    let mut group = c.benchmark_group("progress_set_full");
    group.sample_size(10);
    for n in [0, 100_000] {
        let mut made = None;
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            let (_, path) = made
                .get_or_insert_with(|| journal_at(Place::Disk, &synth_journal(&data, n, 7), None));
            b.iter(|| {
                i += 1;
                Journal::open(path)
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
    let data = synth(100, 7);
    let mut group = c.benchmark_group("progress_set_process");
    group.sample_size(10);
    for n in [0, 100_000, 1_000_000] {
        let text = std::cell::OnceCell::new();
        for place in Place::all() {
            let mut made = None;
            let id = format!("{}/{n}", place.name());
            group.bench_function(BenchmarkId::from_parameter(id), |b| {
                let (dir, _) = made.get_or_insert_with(|| {
                    let text = text.get_or_init(|| synth_journal(&data, n, 7));
                    let made = journal_at(place, text, Some(&data));
                    // The first run reads the journal and writes the index.
                    run_set(made.0.path(), home.path());
                    made
                });
                b.iter(|| run_set(dir.path(), home.path()));
            });
        }
    }
    group.finish();
}

/// A size of dataset as bench names give it.
fn tasks_name(tasks: usize) -> String {
    match tasks {
        1_000_000 => "1m".to_string(),
        n if n >= 10_000 => format!("{}k", n / 1000),
        n => n.to_string(),
    }
}

/// The selected task's ID.
fn selected(app: &App) -> String {
    let Some(Subject::Task(r)) = app.subject() else {
        panic!("a task is selected");
    };
    app.task(r).expect("the task").id.to_string()
}

/// Selects the next task of the list (the first after the last), so the
/// saves spread over the tasks as a user's do instead of piling on one.
fn next_task(app: &mut App) {
    let was = selected(app);
    update(app, Action::Down);
    if selected(app) == was {
        update(app, Action::Top);
    }
}

/// The save as the dashboard makes it, of the selected task (as the
/// editor does; the detail pane shows it), its percent another each time;
/// or (`whole`) handing the app the task's whole history, as the dashboard
/// did before.
fn save(journal: &mut Journal, app: &mut App, whole: bool, i: &mut u32) {
    let id = selected(app);
    *i += 1;
    let effect = Effect::Commit(entry_of(&id, *i));
    let saved = duban::cli::perform(journal, effect).expect("an outcome");
    assert_eq!(saved.error, None);
    if whole {
        let history = journal.history(&id).into_iter().cloned().collect();
        app.apply_history(&id, history);
    } else {
        update(app, Action::Saved(saved));
    }
}

/// What a size's saves start from, made when the first of them runs.
struct Setup {
    /// Until the app takes it.
    data: Option<Dataset>,
    text: String,
    /// One app for every place: each save adds an entry to the
    /// selected task.
    app: Option<App>,
    saves: u32,
}

/// The dashboard's saves on `tasks` tasks and a journal of `n` entries, at
/// every place; `whole` as for [`save`]. Nothing is made unless one of them
/// is selected.
fn saves_at(c: &mut Criterion, tasks: usize, n: usize, whole: bool) {
    let setup = std::cell::RefCell::new(None::<Setup>);
    let name = if whole {
        "dashboard_save_whole"
    } else {
        "dashboard_save"
    };
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    for place in Place::all() {
        let mut opened: Option<(tempfile::TempDir, Journal)> = None;
        let id = format!("{}/{}/{n}", place.name(), tasks_name(tasks));
        group.bench_function(BenchmarkId::from_parameter(id), |b| {
            let mut setup = setup.borrow_mut();
            let setup = setup.get_or_insert_with(|| {
                let data = synth(tasks, 7);
                let text = synth_journal(&data, n, 7);
                Setup {
                    data: Some(data),
                    text,
                    app: None,
                    saves: 0,
                }
            });
            if opened.is_none() {
                let (dir, path) = journal_at(place, &setup.text, None);
                let mut journal = Journal::open(&path).expect("read");
                let app = setup.app.get_or_insert_with(|| {
                    let today = NaiveDate::from_ymd_opt(2023, 12, 31).expect("date");
                    let progress = Progress::from_entries(journal.shared().cloned());
                    let data = setup.data.take().expect("the dataset");
                    let mut app = App::new(data, progress, Lang::Zh, today);
                    // A terminal's size: the detail pane shows the
                    // selected task, whose text follows each save.
                    update(&mut app, Action::Resize(160, 45));
                    update(&mut app, Action::PaneRight);
                    app
                });
                // The session's first save makes the backup (and, the
                // first time, the app's overview standings).
                save(&mut journal, app, whole, &mut setup.saves);
                opened = Some((dir, journal));
            }
            let Setup { app, saves, .. } = setup;
            let (Some((_, journal)), Some(app)) = (opened.as_mut(), app.as_mut()) else {
                unreachable!("made above");
            };
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    next_task(app);
                    let start = Instant::now();
                    save(journal, app, whole, saves);
                    total += start.elapsed();
                }
                total
            });
        });
    }
    group.finish();
    if let Some(Setup { app: Some(app), .. }) = setup.borrow().as_ref() {
        let id = selected(app);
        let k = app.progress().history(&id).len();
        eprintln!("{name} {tasks} tasks, {n} entries: the last saved task ({id}) has {k} entries");
    }
}

fn dashboard_save(c: &mut Criterion) {
    for n in HISTORY {
        saves_at(c, 100, n, false);
    }
    for tasks in [10_000, 100_000] {
        for n in [0, 1_000_000] {
            saves_at(c, tasks, n, false);
        }
    }
    saves_at(c, 100, 1_000_000, true);
    saves_at(c, 100_000, 1_000_000, true);
}

/// 1,000,000 tasks only when the run asks for them (see `benches/scale/`)
/// or names a 1,000,000-task dataset directory.
fn dashboard_save_1m(c: &mut Criterion) {
    if scale::wants_1m() || std::env::var_os("DUBAN_BENCH_1M_DIR").is_some() {
        for n in [0, 1_000_000] {
            saves_at(c, 1_000_000, n, false);
        }
    }
}

criterion_group!(
    benches,
    progress_set,
    progress_set_process,
    dashboard_save,
    dashboard_save_1m
);
criterion_main!(benches);
