//! Snapshots of every tab and the help popup on the bundled dataset, at
//! 120x40 and 80x24, driven through the same `update` the app uses.

mod common;

use common::{app, bundled, render, screen};
use duban::app::{Action, Lang, Tab};

fn snap(lang: Lang, w: u16, h: u16, actions: &[Action]) -> String {
    let mut a = app(bundled(), lang);
    screen(&render(&mut a, w, h, actions))
}

const DETAIL: [Action; 2] = [Action::PaneRight, Action::PaneRight];

#[test]
fn leaders_120x40() {
    insta::assert_snapshot!(snap(Lang::Zh, 120, 40, &[]));
}

#[test]
fn leaders_detail_with_a_unit_selected_120x40() {
    let acts = [DETAIL.as_slice(), &[Action::Down, Action::Down]].concat();
    insta::assert_snapshot!(snap(Lang::Zh, 120, 40, &acts));
}

#[test]
fn units_120x40() {
    insta::assert_snapshot!(snap(Lang::Zh, 120, 40, &[Action::ShowTab(Tab::Units)]));
}

#[test]
fn units_after_a_jump_from_a_task_120x40() {
    let acts = [DETAIL.as_slice(), &[Action::Down, Action::Enter]].concat();
    insta::assert_snapshot!(snap(Lang::Zh, 120, 40, &acts));
}

#[test]
fn projects_120x40() {
    let acts = [Action::ShowTab(Tab::Projects), Action::Down, Action::Down];
    insta::assert_snapshot!(snap(Lang::Zh, 120, 40, &acts));
}

#[test]
fn help_120x40() {
    insta::assert_snapshot!(snap(Lang::Zh, 120, 40, &[Action::Help]));
}

#[test]
fn leaders_80x24() {
    insta::assert_snapshot!(snap(Lang::Zh, 80, 24, &[]));
}

#[test]
fn leaders_detail_80x24() {
    insta::assert_snapshot!(snap(Lang::Zh, 80, 24, &[Action::Enter]));
}

#[test]
fn units_80x24() {
    let acts = [
        Action::ShowTab(Tab::Units),
        Action::Filter,
        Action::Input('局'),
    ];
    insta::assert_snapshot!(snap(Lang::Zh, 80, 24, &acts));
}

#[test]
fn projects_80x24() {
    let acts = [Action::ShowTab(Tab::Projects), Action::Down];
    insta::assert_snapshot!(snap(Lang::Zh, 80, 24, &acts));
}

#[test]
fn help_80x24() {
    insta::assert_snapshot!(snap(Lang::Zh, 80, 24, &[Action::Help]));
}

#[test]
fn leaders_english_120x40() {
    insta::assert_snapshot!(snap(Lang::En, 120, 40, &[]));
}

#[test]
fn help_english_80x24() {
    insta::assert_snapshot!(snap(Lang::En, 80, 24, &[Action::Help]));
}
