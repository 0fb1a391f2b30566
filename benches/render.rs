//! Dashboard speed on the bundled dataset: start to first frame (load,
//! build the app, draw once) and the time to draw each tab at 120x40.
//! At scale: building the app on 100,000 synthetic tasks, quitting, and a
//! frame of every tab and popup at 160x45 on 10,000, 100,000 and 1,000,000
//! tasks (each dataset built once), with the per-frame work of the code
//! before (whole lists walked every frame) as the baseline in the same run.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use duban::app::overview::reason_text;
use duban::app::{Action, App, Lang, Mode, Nav, Progress, Role, Tab, TaskRef, update};
use duban::lights::{Light, counts_as, units_by};
use duban::model::{Dataset, ProgressEntry, Status, TaskKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 30).unwrap_or_default()
}

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

/// Where each frame case starts: the leaders tab, browsing, no filter.
fn reset(app: &mut App, nav: &Nav, actions: &[Action]) {
    app.mode = Mode::Browse;
    app.nav = nav.clone();
    app.back.clear();
    update(app, Action::Resize(W, H));
    for a in actions {
        update(app, a.clone());
    }
}

const W: u16 = 160;
const H: u16 = 45;

/// Every tab and popup: its name, the actions that open it, and the work
/// its frame did before that work moved to data changes (the baseline).
fn cases() -> Vec<(&'static str, Vec<Action>, Old)> {
    let search = std::iter::once(Action::Search)
        .chain("新增规上企业".chars().map(Action::Input))
        .collect();
    vec![
        ("leaders", vec![], Old::Leaders),
        ("units", vec![Action::ShowTab(Tab::Units)], Old::Units),
        ("projects", vec![Action::ShowTab(Tab::Projects)], Old::None),
        (
            "overview",
            vec![Action::ShowTab(Tab::Overview)],
            Old::Overview,
        ),
        (
            "detail",
            vec![Action::PaneRight, Action::Down, Action::PaneRight],
            Old::Leaders,
        ),
        (
            "editor",
            vec![Action::PaneRight, Action::EditProgress],
            Old::Leaders,
        ),
        ("search_popup", search, Old::Leaders),
        ("filter_f", vec![Action::TaskFilter], Old::Filter),
        ("help", vec![Action::Help], Old::Leaders),
    ]
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
                .map(|d| d.iter().filter(|d| d.role == Role::Lead).count())
                .sum();
            let owed = (app.unit_duties().iter())
                .filter(|d| {
                    d.role == Role::Lead && st.light(d.task).map(|l| l.0) == Some(Light::Overdue)
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
                        .filter(|d| d.role == Role::Lead)
                        .filter_map(|d| app.task(d.task));
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

/// Frames of every tab and popup on `tasks` synthetic tasks, each with
/// the frame plus the old per-frame work as the baseline in the same run.
fn frames_at(c: &mut Criterion, tasks: usize, label: &str) {
    let data = duban::synth::synth(tasks, 2023);
    let progress = progress_for(&data);
    let mut app = App::new(data, progress, Lang::Zh, today());
    app.background_search = false;
    let nav = app.nav.clone();
    let mut group = c.benchmark_group(format!("synth-{label}"));
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let mut terminal = Terminal::new(TestBackend::new(W, H)).expect("terminal");
    for (name, actions, old) in cases() {
        reset(&mut app, &nav, &actions);
        group.bench_function(format!("frame_{name}_{W}x{H}"), |b| {
            b.iter(|| {
                terminal.clear().expect("clear");
                terminal.draw(|f| duban::ui::draw(f, &app)).expect("draw");
            });
        });
        if matches!(old, Old::None) {
            continue;
        }
        group.bench_function(format!("old_{name}_{W}x{H}"), |b| {
            b.iter(|| {
                terminal.clear().expect("clear");
                terminal.draw(|f| duban::ui::draw(f, &app)).expect("draw");
                black_box(old_work(&app, old));
            });
        });
    }
    group.finish();
    // Not freed piece by piece: the next size needs the time.
    app.leave();
}

/// Progress on one task in seven, behind, so the overview has red items
/// (the tasks without an entry are overdue: units owe reports).
fn progress_for(data: &Dataset) -> Progress {
    let at = DateTime::parse_from_rfc3339("2023-03-31T17:00:00+08:00").expect("a time");
    Progress::from_entries(data.all_tasks().step_by(7).map(|t| ProgressEntry {
        task: t.id.clone(),
        at,
        date: at.date_naive(),
        percent: 5,
        status: Status::Behind,
        note: String::new(),
        actuals: Vec::new(),
        reporter: None,
        problems: String::new(),
        next_steps: String::new(),
    }))
}

fn frames_10k(c: &mut Criterion) {
    frames_at(c, 10_000, "10k");
}

fn frames_100k(c: &mut Criterion) {
    frames_at(c, 100_000, "100k");
}

fn frames_1m(c: &mut Criterion) {
    frames_at(c, 1_000_000, "1m");
}

fn app_new(c: &mut Criterion) {
    let data = duban::synth::synth(100_000, 2023);
    let mut group = c.benchmark_group("synth-100k");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("app_new", |b| {
        b.iter_batched(
            || data.clone(),
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
criterion_group!(scale, frames_10k, frames_100k, frames_1m);
criterion_main!(benches, scale);
