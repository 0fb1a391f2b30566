//! The rest of the dashboard's start (the units' duties and the overview's
//! standings) is worked out off the UI thread from a copy of what it needs
//! (`App::rest_job`) and comes back as `Action::Rested`
//! (`src/app/rest.rs`). Keys that read none of it are answered before it
//! arrives and leave the app as they would after it; a save made before it
//! arrives is kept; the answer leaves standings equal to a full rebuild.

mod common;

use common::{opened, render, screen};
use duban::app::{Action, App, Index, Standings, Tab, update};

/// An opened app whose standings are worked out whole.
fn whole() -> App {
    let mut a = opened();
    a.finish_start();
    assert!(a.start_finished());
    a
}

/// Moving in the leaders and projects tabs, showing tabs but the units
/// tab, and the help popup: none of them reads what the rest brings.
fn keys_before_the_rest() -> Vec<Action> {
    vec![
        Action::Down,
        Action::Down,
        Action::PaneRight,
        Action::Down,
        Action::PageDown,
        Action::NextPane,
        Action::ShowTab(Tab::Projects),
        Action::Down,
        Action::Bottom,
        Action::ShowTab(Tab::Overview),
        Action::ShowTab(Tab::Leaders),
        Action::Help,
        Action::Input('j'),
        Action::DeleteChar,
        Action::Down,
        Action::Back,
        Action::PrevPane,
        Action::Top,
    ]
}

/// The rest as the dashboard's thread answers it.
fn rested(a: &App) -> Action {
    let job = a
        .rest_job()
        .expect("an opened app has the rest to work out");
    Action::Rested(Box::new(job.run()))
}

#[test]
fn keys_answered_before_the_rest_leave_the_app_as_after_it() {
    let mut a = opened();
    update(&mut a, Action::Resize(120, 40));
    let answer = rested(&a);
    for action in keys_before_the_rest() {
        assert!(!a.needs_rest(&action), "{action:?}");
        update(&mut a, action.clone());
        assert!(!a.start_finished(), "{action:?} waited for the rest");
    }
    update(&mut a, answer);
    assert!(a.start_finished());

    let mut b = whole();
    update(&mut b, Action::Resize(120, 40));
    for action in keys_before_the_rest() {
        update(&mut b, action);
    }
    assert_eq!(a.nav, b.nav);
    assert_eq!(a.mode, b.mode);
    assert_eq!(a.standings(), b.standings());
    assert_eq!(a.index.duties, b.index.duties);
    for tab in Tab::ALL {
        let show = [Action::ShowTab(tab)];
        assert_eq!(
            screen(&render(&mut a, 120, 40, &show)),
            screen(&render(&mut b, 120, 40, &show)),
            "{tab:?}"
        );
    }
}

#[test]
fn the_leaders_list_moves_before_the_rest_arrives() {
    let mut a = opened();
    update(&mut a, Action::Resize(120, 40));
    let before = screen(&render(&mut a, 120, 40, &[]));
    let moved = screen(&render(&mut a, 120, 40, &[Action::Down]));
    assert!(!a.start_finished());
    assert_eq!(a.nav.leaders.leaders.sel, 1);
    assert_ne!(before, moved);
}

#[test]
fn actions_that_read_the_rest_wait_for_it() {
    let mut a = opened();
    update(&mut a, Action::Resize(120, 40));
    for action in [
        Action::ShowTab(Tab::Units),
        Action::Search,
        Action::EditProgress,
        Action::MarkDone,
        Action::TaskFilter,
        Action::Enter,
        Action::Undo,
    ] {
        assert!(a.needs_rest(&action), "{action:?}");
    }
    update(&mut a, Action::ShowTab(Tab::Overview));
    assert!(a.needs_rest(&Action::Down), "the overview's lists need it");
    assert!(a.needs_rest(&Action::Sort));
    a.finish_start();
    assert!(!a.needs_rest(&Action::ShowTab(Tab::Units)), "whole now");
}

#[test]
fn a_save_before_the_rest_arrives_is_kept() {
    let (id, entry) = common::first_done();
    let mut a = opened();
    let answer = rested(&a);
    // The save works the rest out at once, then moves the standings.
    a.apply_history(&id, vec![entry.clone()]);
    assert!(a.start_finished());
    let saved = a.standings().clone();
    // The answer taken before the save comes late: it is dropped.
    update(&mut a, answer);
    assert_eq!(a.standings(), &saved);
    let mut b = whole();
    b.apply_history(&id, vec![entry]);
    assert_eq!(a.standings(), b.standings());
    assert_ne!(a.standings(), whole().standings(), "the save moved them");
}

#[test]
fn an_answer_for_another_app_is_dropped() {
    let other = opened();
    let answer = rested(&other);
    let mut a = opened();
    update(&mut a, answer);
    assert!(!a.start_finished(), "another dataset's answer is not taken");
}

#[test]
fn the_rest_arriving_late_equals_a_full_rebuild() {
    let mut a = opened();
    update(&mut a, Action::Resize(120, 40));
    let answer = rested(&a);
    for action in keys_before_the_rest() {
        update(&mut a, action);
    }
    update(&mut a, answer);
    assert!(a.start_finished());
    assert_eq!(a.standings(), &Standings::of(&a));
    let index = Index::new(&a.data);
    assert_eq!(a.index.duties, index.duties);
    assert_eq!(a.index.units_by_load, index.units_by_load);
    assert_eq!(a.nav.units.shown, index.units_by_load);
    assert!(!a.standings().owing.is_empty(), "the fixture owes reports");
}
