//! The search popup and the units filter on the bundled dataset: what the
//! search index adds to start-up, and a keystroke in the popup (update,
//! which searches, then draw) at 120x40.
//!
//! `cargo bench --bench popup -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use duban::app::{Action, App, Lang, Progress, Tab, update};
use duban::line_edit::Edit;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 30).unwrap_or_default()
}

fn index_build(c: &mut Criterion) {
    let data = duban::store::load(None).expect("bundled dataset");
    c.bench_function("search_index_build_bundled", |b| {
        b.iter(|| black_box(duban::search::Index::build(&data)));
    });
    c.bench_function("app_new_bundled", |b| {
        b.iter(|| {
            black_box(App::new(
                data.clone(),
                Progress::default(),
                Lang::Zh,
                today(),
            ))
        });
    });
}

/// The app with the popup open and all but the last character of `query`
/// typed, as the user has it before the measured keystroke.
fn typed_but_last(data: &duban::model::Dataset, query: &str) -> (App, char) {
    let mut app = App::new(data.clone(), Progress::default(), Lang::Zh, today());
    update(&mut app, Action::Resize(120, 40));
    update(&mut app, Action::Search);
    let mut chars: Vec<char> = query.chars().collect();
    let last = chars.pop().unwrap_or(' ');
    for c in chars {
        update(&mut app, Action::Edit(Edit::Insert(c)));
    }
    (app, last)
}

fn keystroke(c: &mut Criterion) {
    let data = duban::store::load(None).expect("bundled dataset");
    for query in ["规上企业", "fgj", "k2.1"] {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        c.bench_function(&format!("popup_keystroke_update_and_draw/{query}"), |b| {
            b.iter_batched_ref(
                || typed_but_last(&data, query),
                |(app, last)| {
                    update(app, Action::Edit(Edit::Insert(*last)));
                    terminal.draw(|f| duban::ui::draw(f, app)).expect("draw");
                },
                BatchSize::LargeInput,
            );
        });
    }
    c.bench_function("popup_keystroke_update_only/规上企业", |b| {
        b.iter_batched_ref(
            || typed_but_last(&data, "规上企业"),
            |(app, last)| update(app, Action::Edit(Edit::Insert(*last))),
            BatchSize::LargeInput,
        );
    });
    let (app, _) = typed_but_last(&data, "规上企业");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    c.bench_function("popup_frame_规上企业", |b| {
        b.iter(|| {
            terminal.clear().expect("clear");
            terminal.draw(|f| duban::ui::draw(f, &app)).expect("draw");
        });
    });
    let mut app = App::new(data.clone(), Progress::default(), Lang::Zh, today());
    update(&mut app, Action::Resize(120, 40));
    update(&mut app, Action::ShowTab(Tab::Units));
    update(&mut app, Action::Filter);
    c.bench_function("units_filter_keystroke_fgj", |b| {
        b.iter(|| {
            for ch in "fgj".chars() {
                update(&mut app, Action::Edit(Edit::Insert(ch)));
            }
            update(&mut app, Action::Edit(Edit::DeleteToStart));
            black_box(app.nav.units.shown.len());
        });
    });
}

criterion_group!(benches, index_build, keystroke);
criterion_main!(benches);
