//! The dashboard asks before quitting with unsaved entries, and offers to
//! replay a recovery file: snapshots and behaviour through `update`.

mod common;

use std::path::PathBuf;

use common::{app, bundled, render, screen};
use duban::app::{Action, App, Effect, Lang, Mode, SaveState, update};

fn with_unsaved(lang: Lang, pending: usize) -> App {
    let mut a = app(bundled(), lang);
    a.saving.path = "~/.local/share/duban/dongyang-2023/progress.ron".into();
    a.saving.state = SaveState::Failed {
        error: "cannot append to the file: No space left on device (os error 28)".into(),
        pending,
    };
    a
}

#[test]
fn quitting_with_unsaved_entries_asks_80x24() {
    let mut a = with_unsaved(Lang::Zh, 2);
    insta::assert_snapshot!(screen(&render(&mut a, 80, 24, &[Action::Quit])));
}

#[test]
fn quitting_with_unsaved_entries_asks_english_120x40() {
    let mut a = with_unsaved(Lang::En, 1);
    insta::assert_snapshot!(screen(&render(&mut a, 120, 40, &[Action::Quit])));
}

#[test]
fn a_recovery_file_is_offered_at_start_80x24() {
    let mut a = app(bundled(), Lang::Zh);
    a.offer_replay(PathBuf::from("/data/dongyang-2023/progress.ron.recover"), 3);
    insta::assert_snapshot!(screen(&render(&mut a, 80, 24, &[])));
}

#[test]
fn quit_with_everything_saved_does_not_ask() {
    let mut a = app(bundled(), Lang::Zh);
    assert_eq!(update(&mut a, Action::Quit), Effect::Quit);
}

#[test]
fn n_stays_and_y_quits() {
    let mut a = with_unsaved(Lang::Zh, 2);
    assert_eq!(update(&mut a, Action::Quit), Effect::None);
    assert!(matches!(a.mode, Mode::Popup(_)));
    assert_eq!(update(&mut a, Action::Input('n')), Effect::None);
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(update(&mut a, Action::Quit), Effect::None);
    assert_eq!(
        update(&mut a, Action::Input('j')),
        Effect::None,
        "other keys wait"
    );
    assert_eq!(update(&mut a, Action::Input('y')), Effect::Quit);
}

#[test]
fn ctrl_c_twice_quits() {
    let mut a = with_unsaved(Lang::Zh, 1);
    assert_eq!(update(&mut a, Action::Quit), Effect::None);
    assert_eq!(update(&mut a, Action::Quit), Effect::Quit);
}

#[test]
fn y_replays_and_esc_leaves_it_for_later() {
    let file = PathBuf::from("/data/progress.ron.recover");
    let mut a = app(bundled(), Lang::Zh);
    a.offer_replay(file.clone(), 1);
    assert_eq!(update(&mut a, Action::Back), Effect::None);
    assert_eq!(a.mode, Mode::Browse);
    a.offer_replay(file.clone(), 1);
    assert_eq!(update(&mut a, Action::Input('y')), Effect::Replay(file));
    assert_eq!(a.mode, Mode::Browse);
}
