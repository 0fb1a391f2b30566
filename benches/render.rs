//! Dashboard speed on the bundled dataset: start to first frame (load,
//! build the app, draw once) and the time to draw each tab at 120x40.
//! And at scale, on 100,000 synthetic tasks: building the app (its
//! lookups and search index) and a frame of the leaders and overview tabs.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use duban::app::{Action, App, Lang, Progress, Tab, update};
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

fn at_scale(c: &mut Criterion) {
    let data = duban::synth::synth(100_000, 2023);
    let mut group = c.benchmark_group("synth-100k");
    group
        .sample_size(10)
        .measurement_time(std::time::Duration::from_secs(5));
    group.bench_function("app_new", |b| {
        b.iter_batched(
            || data.clone(),
            |data| App::new(data, Progress::default(), Lang::Zh, today()),
            BatchSize::LargeInput,
        )
    });
    for (name, tab) in [
        ("frame_leaders_120x40", Tab::Leaders),
        ("frame_overview_120x40", Tab::Overview),
    ] {
        let mut app = App::new(data.clone(), Progress::default(), Lang::Zh, today());
        update(&mut app, Action::Resize(120, 40));
        update(&mut app, Action::ShowTab(tab));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        group.bench_function(name, |b| {
            b.iter(|| {
                terminal.clear().expect("clear");
                terminal.draw(|f| duban::ui::draw(f, &app)).expect("draw");
            });
        });
    }
    // The search popup with a query's hits, searched inline to fill it.
    let mut app = App::new(data.clone(), Progress::default(), Lang::Zh, today());
    app.background_search = false;
    update(&mut app, Action::Resize(120, 40));
    update(&mut app, Action::Search);
    for c in "新增规上企业".chars() {
        update(&mut app, Action::Input(c));
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    group.bench_function("frame_search_popup_120x40", |b| {
        b.iter(|| {
            terminal.clear().expect("clear");
            terminal.draw(|f| duban::ui::draw(f, &app)).expect("draw");
        });
    });
    group.finish();
}

criterion_group!(benches, first_frame, frames, keypress, at_scale);
criterion_main!(benches);
