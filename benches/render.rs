//! Dashboard speed on the bundled dataset: start to first frame (load,
//! build the app, draw once) and the time to draw each tab at 120x40.
//! At scale: building the app on 100,000 synthetic tasks, quitting, and a
//! frame of every tab, pane and popup (`tests/frames`) at 160x45 on 10,000,
//! 100,000 and 1,000,000 tasks (each dataset built once, when one of its
//! frames is selected; 1,000,000 only when the filter names `1m` or
//! `DUBAN_BENCH_1M` is set, see `benches/scale/`), drawn into ratatui's
//! `TestBackend` and into the crossterm backend writing to a sink, with
//! the empty frame (ratatui's own cost) as the baseline in the same run;
//! each frame's median and slowest are printed at the end of each size.
//! `DUBAN_BENCH_OLD=1` adds the per-frame work of the code before (whole
//! lists walked every frame).
//!
//! `cargo bench --bench render -- 'synth-(10k|100k|1m)/(frame|real)_'`

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BatchSize, BenchmarkGroup, Criterion, criterion_group, criterion_main};
use duban::app::overview::reason_text;
use duban::app::{Action, App, Lang, Nav, Progress, Role, Tab, TaskRef, update};
use duban::lights::{Light, counts_as, units_by};
use duban::model::{Dataset, TaskKind};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};

#[path = "../tests/frames/mod.rs"]
mod frames;
// Only the switch and the lazy setup: this bench draws datasets made in
// memory, not the directories `scale::Data` writes or names.
#[allow(
    dead_code,
    reason = "scale::Data is for the benches that load a directory"
)]
#[path = "scale/mod.rs"]
mod scale;

use frames::{H, W, by_section, cases, open, progress_for, reset, section_cases, today};
use scale::{Lazy, wants_1m};

fn first_frame(c: &mut Criterion) {
    c.bench_function("first_frame_bundled_120x40", |b| {
        b.iter(|| {
            let data = duban::store::load(None).expect("bundled dataset");
            let mut app = App::new(data, Progress::default(), Lang::Zh, today());
            update(&mut app, Action::Resize(120, 40));
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
            terminal.draw(|f| duban::ui::draw(f, &app)).expect("draw");
            black_box(terminal);
        });
    });
}

fn frames(c: &mut Criterion) {
    let data = duban::store::load(None).expect("bundled dataset");
    let cases: [(&str, &[Action]); 4] = [
        ("frame_leaders_120x40", &[]),
        ("frame_units_120x40", &[Action::ShowTab(Tab::Units)]),
        ("frame_projects_120x40", &[Action::ShowTab(Tab::Projects)]),
        ("frame_help_120x40", &[Action::Help]),
    ];
    for (name, actions) in cases {
        let mut app = App::new(data.clone(), Progress::default(), Lang::Zh, today());
        update(&mut app, Action::Resize(120, 40));
        for a in actions {
            update(&mut app, a.clone());
        }
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        c.bench_function(name, |b| {
            b.iter(|| {
                // A full redraw each time: clear the previous buffer so the
                // diff is as large as a first frame's.
                terminal.clear().expect("clear");
                terminal.draw(|f| duban::ui::draw(f, &app)).expect("draw");
            });
        });
    }
}

fn keypress(c: &mut Criterion) {
    let data = duban::store::load(None).expect("bundled dataset");
    let mut app = App::new(data, Progress::default(), Lang::Zh, today());
    update(&mut app, Action::Resize(120, 40));
    update(&mut app, Action::ShowTab(Tab::Units));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut down = true;
    c.bench_function("keypress_update_and_draw_units_120x40", |b| {
        b.iter(|| {
            let a = if down { Action::Down } else { Action::Up };
            down = !down;
            update(&mut app, a);
            terminal.draw(|f| duban::ui::draw(f, &app)).expect("draw");
        });
    });
}

/// The work a frame did before that work moved to data changes (see
/// [`old_work`]), by case name.
fn old_for(name: &str) -> Old {
    match name {
        "projects" | "detail_project" => Old::None,
        n if n.starts_with("units") || n == "detail_units" => Old::Units,
        n if n.starts_with("overview") => Old::Overview,
        "filter_f" => Old::Filter,
        _ => Old::Leaders,
    }
}

/// The per-frame work of the code before: whole lists walked each frame.
#[derive(Clone, Copy)]
enum Old {
    None,
    /// Projects counted over every group's tasks; the number column's
    /// width over the selected group's.
    Leaders,
    /// Each unit's duties counted by role; the owed reports over the
    /// selected unit's duties.
    Units,
    /// The red items collected and their reasons written out, the units
    /// sorted, each unit's lead completion and the owing units worked out.
    Overview,
    /// The leader's tasks narrowed, as well as the leaders tab's work.
    Filter,
}

fn old_work(app: &App, old: Old) -> usize {
    let task = |r: &TaskRef| app.task(*r);
    let leaders = |app: &App| {
        let projects: usize = (app.index.leader_tasks.iter())
            .map(|ts| {
                (ts.iter().filter_map(task))
                    .filter(|t| t.kind == TaskKind::Project)
                    .count()
            })
            .sum();
        let tasks = &app.index.leader_tasks[app.nav.leaders.leaders.sel];
        let widest = (tasks.iter().filter_map(task))
            .map(|t| t.number.checked_ilog10().unwrap_or(0) as usize + t.id.len())
            .max()
            .unwrap_or(0);
        projects + widest
    };
    let st = app.standings();
    match old {
        Old::None => 0,
        Old::Leaders => leaders(app),
        Old::Units => {
            let roles: usize = (app.index.duties.iter())
                .map(|d| d.iter().filter(|d| d.role() == Role::Lead).count())
                .sum();
            let owed = (app.unit_duties().iter())
                .filter(|d| {
                    d.role() == Role::Lead
                        && st.light(d.task()).map(|l| l.0) == Some(Light::Overdue)
                })
                .count();
            roles + owed
        }
        Old::Overview => {
            let red: Vec<_> = (st.lights.iter().enumerate())
                .filter(|(_, (l, r))| counts_as(*l, *r) == Light::Red)
                .collect();
            let reasons: Vec<String> = (red.iter())
                .map(|(_, (_, r))| reason_text(app.labels.lang, *r))
                .collect();
            let units = units_by(&st.units, app.nav.overview.sort);
            let completion: usize = (units.iter())
                .map(|s| {
                    let u = app.index.unit_by_name[&s.key];
                    let lead = (app.index.duties[u].iter())
                        .filter(|d| d.role() == Role::Lead)
                        .filter_map(|d| app.task(d.task()));
                    usize::from(app.progress().completion(lead))
                })
                .sum();
            let tasks = (app.data.all_tasks().zip(&st.lights)).map(|(t, &(l, r))| (t, l, r));
            let owing = duban::lights::owing(&app.data, tasks, None);
            let ids: usize = (owing.iter())
                .map(|u| {
                    u.tasks
                        .iter()
                        .map(|t| t.id.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                        .len()
                })
                .sum();
            reasons.len() + completion + ids
        }
        Old::Filter => {
            let sel = app.nav.leaders.leaders.sel;
            let f = app.nav.filter;
            let narrowed = (app.index.leader_tasks[sel].iter())
                .filter(|r| f.is_none_or(|f| f.passes(app, **r)))
                .count();
            narrowed + leaders(app)
        }
    }
}

/// The dashboard's crossterm backend writing its escape sequences to
/// `io::sink`: the real encoding of a frame, with no terminal to wait for
/// or to ask where its cursor is.
struct Sink(CrosstermBackend<std::io::Sink>);

impl Backend for Sink {
    type Error = std::io::Error;

    fn draw<'a, I>(&mut self, content: I) -> std::io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn hide_cursor(&mut self) -> std::io::Result<()> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> std::io::Result<()> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> std::io::Result<Position> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> std::io::Result<()> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> std::io::Result<()> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> std::io::Result<()> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> std::io::Result<Size> {
        Ok(Size::new(W, H))
    }

    fn window_size(&mut self) -> std::io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: Size::new(W, H),
            pixels: Size::new(0, 0),
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Backend::flush(&mut self.0)
    }
}

/// The two terminals a frame is drawn into: ratatui's `TestBackend`
/// (cells copied into a buffer) and [`Sink`] (the real diff and escape
/// sequences).
struct Terminals {
    test: Terminal<TestBackend>,
    real: Terminal<Sink>,
}

impl Terminals {
    fn new() -> Terminals {
        let real = Terminal::with_options(
            Sink(CrosstermBackend::new(std::io::sink())),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, W, H)),
            },
        );
        Terminals {
            test: Terminal::new(TestBackend::new(W, H)).expect("terminal"),
            real: real.expect("terminal"),
        }
    }
}

/// A full redraw: the previous buffer cleared so every cell is diffed and
/// sent, as in a first frame.
fn full_frame<B: Backend>(terminal: &mut Terminal<B>, app: Option<&App>) {
    terminal.clear().expect("clear");
    terminal
        .draw(|f| {
            if let Some(app) = app {
                duban::ui::draw(f, app);
            }
        })
        .expect("draw");
}

/// Each frame's time, by bench name, over every run criterion makes
/// (warm-up included): for each screen's median and slowest frame.
type Times = RefCell<BTreeMap<String, Vec<Duration>>>;

/// Runs `iters` frames, each timed on its own into `times`.
fn timed(iters: u64, times: &Times, name: &str, mut frame: impl FnMut()) -> Duration {
    let mut total = Duration::ZERO;
    let mut mine = Vec::with_capacity(usize::try_from(iters).unwrap_or(0));
    for _ in 0..iters {
        let start = Instant::now();
        frame();
        let took = start.elapsed();
        mine.push(took);
        total += took;
    }
    (times.borrow_mut().entry(name.to_string()).or_default()).extend(mine);
    total
}

/// The app of one size, made on the first bench that draws it (see
/// `benches/scale/`), with where every case starts from.
struct Opened {
    app: RefCell<App>,
    nav: Nav,
}

impl Opened {
    fn new(data: Dataset) -> Opened {
        let progress = progress_for(&data);
        let app = open(data, &progress);
        drop(progress);
        // Making this app freed what the bench made it from (the synthetic
        // dataset a sectioned plan is copied from, the app of the size
        // before, the build's own scratch): a million small blocks, which
        // glibc's allocator gathers on the next large allocation. A frame
        // drawn here, untimed, takes that, so no timed frame times the
        // bench's own setup.
        let mut scratch = Terminal::new(TestBackend::new(W, H)).expect("terminal");
        full_frame(&mut scratch, Some(&app));
        let nav = app.nav.clone();
        Opened {
            app: RefCell::new(app),
            nav,
        }
    }

    /// The app at a case's screen: reset, then the case's setup.
    fn at(&self, setup: fn(&mut App)) -> std::cell::RefMut<'_, App> {
        let mut app = self.app.borrow_mut();
        reset(&mut app, &self.nav);
        setup(&mut app);
        app
    }
}

/// A screen to draw: the app of its size and how to get there.
type Screen<'a, F> = (&'a Lazy<Opened, F>, fn(&mut App));

/// The benches of one size: the group, the two terminals, every frame's
/// time.
struct Run<'a, 'c> {
    group: BenchmarkGroup<'c, WallTime>,
    terms: Terminals,
    times: &'a Times,
}

impl Run<'_, '_> {
    /// Benches one frame of the case `name` (the app set up by `setup`)
    /// into both terminals; no app is the empty frame, ratatui's own cost
    /// at this size (the baseline).
    fn frame<F: Fn() -> Opened>(&mut self, name: &str, app: Option<Screen<'_, F>>) {
        let times = self.times;
        one(
            &mut self.group,
            times,
            &format!("frame_{name}_{W}x{H}"),
            &mut self.terms.test,
            app,
        );
        one(
            &mut self.group,
            times,
            &format!("real_{name}_{W}x{H}"),
            &mut self.terms.real,
            app,
        );
        let terms = &mut self.terms;
        let before = old_for(name);
        let Some((opened, setup)) = app else { return };
        if std::env::var_os("DUBAN_BENCH_OLD").is_none() || matches!(before, Old::None) {
            return;
        }
        let mut ready = None;
        self.group
            .bench_function(format!("old_{name}_{W}x{H}"), |b| {
                let app = ready.get_or_insert_with(|| opened.get().at(setup));
                b.iter(|| {
                    full_frame(&mut terms.test, Some(app));
                    black_box(old_work(app, before));
                });
            });
    }
}

/// Benches the frame `name` of `app` into `terminal`, each frame timed
/// into `times`. The app is set up once per bench, on its first call:
/// criterion calls the closure again for each warm-up round.
fn one<B: Backend, F: Fn() -> Opened>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    times: &Times,
    name: &str,
    terminal: &mut Terminal<B>,
    app: Option<Screen<'_, F>>,
) {
    let mut ready = None;
    group.bench_function(name, |b| {
        let app = ready.get_or_insert_with(|| app.map(|(opened, setup)| opened.get().at(setup)));
        b.iter_custom(|n| timed(n, times, name, || full_frame(terminal, app.as_deref())));
    });
}

/// Frames of every tab, pane and popup on `tasks` synthetic tasks, each
/// into both terminals, with the empty frame as the baseline in the same
/// run. `DUBAN_BENCH_OLD=1` adds the frame plus the whole-list work the
/// code before did each frame (`old_*`). The dataset is made only if one
/// of its frames is selected; the table printed at the end gives each
/// frame's median and slowest, in ms.
fn frames_at(c: &mut Criterion, tasks: usize, label: &str) {
    let times = Times::default();
    let mut run = Run {
        group: c.benchmark_group(format!("synth-{label}")),
        terms: Terminals::new(),
        times: &times,
    };
    run.group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    run.frame::<fn() -> Opened>("empty", None);
    let plain = Lazy::new(|| Opened::new(duban::synth::synth(tasks, 2023)));
    for (name, setup) in cases() {
        run.frame(name, Some((&plain, setup)));
    }
    // The first tab grouped by section, for a plan without leaders; the
    // first app freed before this one is made, to keep memory in bounds
    // (and before its first frame, see `Opened::new`).
    drop(plain);
    let sectioned = Lazy::new(|| {
        // The plain dataset it is copied from is freed here, before the
        // app is made (a temporary inside `Opened::new(..)`'s statement
        // would be freed after it, on the first timed frame).
        let data = by_section(&duban::synth::synth(tasks, 2023));
        Opened::new(data)
    });
    for (name, setup) in section_cases() {
        run.frame(name, Some((&sectioned, setup)));
    }
    run.group.finish();
    print_times(label, &times.into_inner());
}

/// Each frame's median and slowest over the run, in ms: `TestBackend`
/// and crossterm side by side.
fn print_times(label: &str, times: &BTreeMap<String, Vec<Duration>>) {
    if times.is_empty() {
        return;
    }
    let stat = |name: &str| {
        let mut v = times.get(name).cloned().unwrap_or_default();
        v.sort();
        let ms = |d: Option<&Duration>| d.map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0);
        (ms(v.get(v.len() / 2)), ms(v.last()), v.len())
    };
    println!(
        "\nsynth-{label}, per frame (ms): TestBackend median / max, crossterm median / max, frames"
    );
    let names = std::iter::once("empty")
        .chain(cases().into_iter().map(|c| c.0))
        .chain(section_cases().into_iter().map(|c| c.0));
    for name in names {
        let (t, r) = (
            stat(&format!("frame_{name}_{W}x{H}")),
            stat(&format!("real_{name}_{W}x{H}")),
        );
        if t.2 + r.2 > 0 {
            println!(
                "{name}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{}",
                t.0,
                t.1,
                r.0,
                r.1,
                t.2 + r.2
            );
        }
    }
}

fn frames_10k(c: &mut Criterion) {
    frames_at(c, 10_000, "10k");
}

fn frames_100k(c: &mut Criterion) {
    frames_at(c, 100_000, "100k");
}

/// 1,000,000 tasks only when the run asks for them (see `benches/scale/`).
fn frames_1m(c: &mut Criterion) {
    if wants_1m() {
        frames_at(c, 1_000_000, "1m");
    }
}

fn app_new(c: &mut Criterion) {
    let data = Lazy::new(|| duban::synth::synth(100_000, 2023));
    let mut group = c.benchmark_group("synth-100k");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("app_new", |b| {
        b.iter_batched(
            || data.get().clone(),
            |data| App::new(data, Progress::default(), Lang::Zh, today()).leave(),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// Quitting at 10,000 tasks: the app left to the system as the dashboard
/// does, against freeing it (what quitting did before). Each sample builds
/// an app (not timed) and times one teardown.
fn quit(c: &mut Criterion) {
    let data = duban::synth::synth(10_000, 2023);
    let mut group = c.benchmark_group("quit-10k");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_millis(100));
    let teardown = |leave: bool| {
        let data = data.clone();
        move |iters: u64| {
            let app = App::new(data.clone(), Progress::default(), Lang::Zh, today());
            let start = Instant::now();
            if leave {
                app.leave();
            } else {
                drop(app);
            }
            start.elapsed() * u32::try_from(iters).unwrap_or(u32::MAX)
        }
    };
    group.bench_function("drop_app", |b| b.iter_custom(teardown(false)));
    group.bench_function("leave", |b| b.iter_custom(teardown(true)));
    group.finish();
}

criterion_group!(benches, first_frame, frames, keypress, app_new, quit);
criterion_group!(at_scale, frames_10k, frames_100k, frames_1m);
criterion_main!(benches, at_scale);
