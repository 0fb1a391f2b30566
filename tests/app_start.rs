//! The dashboard's app leaves its search index until the first frame is up
//! (`App::opened`, `src/app/start.rs`): the first frame is the same as an
//! app whose index is started, and the first key starts the index before
//! anything could search the empty stand-in.

mod common;

use common::{bundled, render, screen};
use duban::app::{Action, App, Lang, Mode, Popup, Tab, action_for, update};
use duban::lights::Config;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn opened() -> App {
    App::opened(
        bundled(),
        common::progress(),
        Lang::Zh,
        common::today(),
        &Config::default(),
    )
}

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
