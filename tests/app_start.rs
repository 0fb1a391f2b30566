//! The dashboard's app leaves its search index until the first frame is up
//! (`App::opened`, `src/app/start.rs`): the first frame is the same as an
//! app whose index is started, and the first key starts the index before
//! anything could search the empty stand-in. Likewise what only the
//! overview shows of the standings: the overview opened before says it is
//! working them out, they arrive whole, and every other action works them
//! out before it acts.

mod common;

use common::{bundled, opened, render, screen};
use duban::app::{Action, App, Lang, Mode, Popup, Tab, action_for, update};
use duban::lights::Config;
use duban::lights::UnitOrder;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn key(a: &mut App, c: char) {
    let ev = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    if let Some(action) = action_for(a, &ev) {
        update(a, action);
    }
}

/// The popup's hits for `query`, typed key by key.
fn hits(a: &mut App, query: &str) -> Vec<String> {
    key(a, '/');
    for c in query.chars() {
        key(a, c);
    }
    match &a.mode {
        Mode::Popup(Popup::Search(p)) => p.hits.iter().map(|h| format!("{h:?}")).collect(),
        other => panic!("the search popup is not open: {other:?}"),
    }
}

#[test]
fn the_first_frame_is_drawn_before_the_search_index_is_started() {
    let mut deferred = opened();
    assert!(!deferred.search_started());
    let first = screen(&render(&mut deferred, 120, 40, &[]));
    assert!(
        !deferred.search_started(),
        "a resize and a frame start nothing"
    );
    let mut started = opened();
    started.start_search();
    assert!(started.search_started());
    assert_eq!(first, screen(&render(&mut started, 120, 40, &[])));
}

#[test]
fn the_first_key_starts_the_search_index() {
    let mut a = opened();
    update(&mut a, Action::Resize(120, 40));
    update(&mut a, Action::ShowTab(Tab::Units));
    assert!(a.search_started());
}

#[test]
fn a_search_typed_first_finds_what_a_started_index_finds() {
    let mut deferred = opened();
    update(&mut deferred, Action::Resize(120, 40));
    let found = hits(&mut deferred, "企业");
    assert!(!found.is_empty(), "the bundled plan names 企业");
    let mut started = opened();
    started.start_search();
    update(&mut started, Action::Resize(120, 40));
    assert_eq!(found, hits(&mut started, "企业"));
}

#[test]
fn apps_built_with_new_have_their_index_started() {
    let a = common::app(bundled(), Lang::Zh);
    assert!(a.search_started());
}

/// An opened app whose standings are worked out whole, as a change of the
/// light rule works them out.
fn whole() -> App {
    let mut a = opened();
    a.set_config(&Config::default());
    assert!(a.start_finished());
    a
}

/// The overview at 120x40 in `lang`, on an opened app as it comes.
fn overview_before(lang: Lang) -> String {
    let mut a = App::opened(
        bundled(),
        common::progress(),
        lang,
        common::today(),
        &Config::default(),
    );
    let text = screen(&render(&mut a, 120, 40, &[Action::ShowTab(Tab::Overview)]));
    assert!(!a.start_finished(), "showing a tab works nothing out");
    text
}

#[test]
fn the_first_frame_leaves_the_overview_standings_for_after() {
    let mut a = opened();
    assert!(!a.start_finished());
    assert!(a.standings().owing.is_empty(), "the owing units come after");
    // The leaders tab's figures are whole already, and so are the red
    // items: they are the overall standing's own list.
    let b = whole();
    assert_eq!(a.standings().red().len(), b.standings().red().len());
    assert_eq!(a.standings().lights, b.standings().lights);
    assert_eq!(a.standings().leaders, b.standings().leaders);
    assert_eq!(a.standings().completion, b.standings().completion);
    assert_eq!(
        a.standings().leader_completion,
        b.standings().leader_completion
    );
    // And so is the first frame.
    let first = screen(&render(&mut a, 120, 40, &[]));
    assert!(!a.start_finished(), "a resize works nothing out");
    assert_eq!(first, screen(&render(&mut whole(), 120, 40, &[])));
}

#[test]
fn the_overview_standings_arrive_whole() {
    let mut a = opened();
    a.finish_start();
    assert!(a.start_finished());
    let b = whole();
    assert_eq!(a.standings(), b.standings());
    assert!(a.standings().red().len() > 0, "the fixture has red items");
    assert!(
        !a.standings().owing.is_empty(),
        "the fixture has owing units"
    );
    let unit_rows = |x: &App| {
        (0..x.standings().units.len())
            .map(|n| {
                x.standings()
                    .unit_row(UnitOrder::RedItems, n)
                    .map(|(s, c)| (s.key.clone(), c))
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(unit_rows(&a), unit_rows(&b));
}

#[test]
fn the_overview_says_it_is_working_its_standings_out() {
    let zh = overview_before(Lang::Zh);
    assert!(zh.contains("正在计算概览"), "{zh}");
    insta::assert_snapshot!("overview_computing_zh", zh);
    let en = overview_before(Lang::En);
    assert!(en.contains("Working out the overview"), "{en}");
    insta::assert_snapshot!("overview_computing_en", en);
}

#[test]
fn the_overview_shows_its_figures_once_they_arrive() {
    let mut a = opened();
    render(&mut a, 120, 40, &[Action::ShowTab(Tab::Overview)]);
    a.finish_start();
    let after = screen(&render(&mut a, 120, 40, &[]));
    assert!(!after.contains("正在计算概览"), "{after}");
    let mut b = whole();
    assert_eq!(
        after,
        screen(&render(&mut b, 120, 40, &[Action::ShowTab(Tab::Overview)]))
    );
}

#[test]
fn any_other_action_works_the_overview_standings_out_first() {
    for action in [Action::Down, Action::NextPane, Action::Sort, Action::Help] {
        let mut a = opened();
        update(&mut a, Action::Resize(120, 40));
        update(&mut a, Action::ShowTab(Tab::Overview));
        assert!(!a.start_finished());
        update(&mut a, action.clone());
        assert!(a.start_finished(), "{action:?}");
        assert_eq!(a.standings(), whole().standings(), "{action:?}");
    }
}

#[test]
fn a_save_before_the_overview_standings_updates_them_whole() {
    let (id, entry) = common::first_done();
    let mut a = opened();
    a.apply_history(&id, vec![entry.clone()]);
    let mut b = whole();
    b.apply_history(&id, vec![entry]);
    assert!(a.start_finished());
    assert_eq!(a.standings(), b.standings());
}

#[test]
fn the_units_duties_are_added_after_the_first_frame() {
    let mut a = opened();
    assert!(a.index.duties.is_empty());
    let mut b = whole();
    assert_eq!(a.index.leader_tasks, b.index.leader_tasks);
    a.finish_start();
    let data = bundled();
    let index = duban::app::Index::new(&data);
    assert_eq!(a.index.duties, index.duties);
    assert_eq!(a.index.loads, index.loads);
    assert_eq!(a.index.units_by_load, index.units_by_load);
    assert!(!index.units_by_load.is_empty());
    let units = [Action::ShowTab(Tab::Units)];
    assert_eq!(
        screen(&render(&mut a, 120, 40, &units)),
        screen(&render(&mut b, 120, 40, &units))
    );
}

#[test]
fn showing_the_units_tab_adds_the_duties_first() {
    let mut a = opened();
    let shown = screen(&render(&mut a, 120, 40, &[Action::ShowTab(Tab::Units)]));
    assert!(a.start_finished());
    let whole = screen(&render(
        &mut whole(),
        120,
        40,
        &[Action::ShowTab(Tab::Units)],
    ));
    assert_eq!(shown, whole);
}

#[test]
fn opening_on_a_unit_adds_the_duties_first() {
    let mut a = opened();
    let u = a.data.units.len() / 2;
    duban::app::year::open_unit(&mut a, u);
    let mut b = whole();
    duban::app::year::open_unit(&mut b, u);
    assert!(a.start_finished());
    assert_eq!(a.index.duties, b.index.duties);
    assert_eq!(a.standings(), b.standings());
    assert_eq!(
        screen(&render(&mut a, 120, 40, &[])),
        screen(&render(&mut b, 120, 40, &[]))
    );
}

#[test]
fn quitting_works_nothing_out() {
    let mut a = opened();
    update(&mut a, Action::Resize(120, 40));
    assert_eq!(update(&mut a, Action::Quit), duban::app::Effect::Quit);
    assert!(!a.start_finished());
}
