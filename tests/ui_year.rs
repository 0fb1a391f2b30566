//! The reporting year on screen: the past-plan header, the editor's date
//! on a past plan, opening on a unit with its owed reports on top, and the
//! overview's units owing reports.

mod common;

use chrono::NaiveDate;
use common::{app, bundled, render, sample, screen};
use duban::app::{Action, EditorAction, Lang, Mode, Tab, year};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

#[test]
fn past_plan_header_120x40() {
    let mut a = app(sample(), Lang::Zh);
    a.open_on(day(2026, 11, 30));
    assert_eq!(a.today(), day(2023, 12, 31));
    let text = screen(&render(&mut a, 120, 40, &[]));
    assert!(
        text.contains("计划年度已结束，按 2023-12-31 显示"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn within_the_close_date_the_header_shows_today() {
    let mut a = app(sample(), Lang::En);
    a.open_on(day(2024, 2, 29));
    let text = screen(&render(&mut a, 120, 40, &[]));
    assert!(
        text.contains("2024-02-29") && !text.contains("plan year over"),
        "{text}"
    );
}

#[test]
fn on_a_past_plan_e_a_percent_and_enter_commit_on_the_last_day() {
    let mut a = app(sample(), Lang::Zh);
    a.open_on(day(2026, 11, 30));
    render(&mut a, 120, 40, &[Action::PaneRight, Action::EditProgress]);
    assert!(matches!(a.mode, Mode::Editor(_)), "the editor opens");
    let typing = "70".chars().map(|c| Action::Editor(EditorAction::Input(c)));
    for action in typing {
        duban::app::update(&mut a, action);
    }
    let effect = duban::app::update(&mut a, Action::Editor(EditorAction::Commit));
    let duban::app::Effect::Commit(entry) = effect else {
        panic!("not committed: {effect:?}");
    };
    assert_eq!((entry.date, entry.percent), (day(2023, 12, 31), 70));
}

#[test]
fn a_unit_opens_with_its_owed_reports_on_top_120x40() {
    let mut a = app(bundled(), Lang::Zh);
    a.open_on(day(2023, 7, 10));
    let unit = a
        .data
        .units
        .iter()
        .position(|u| u.name == "市发改局")
        .expect("unit");
    year::open_unit(&mut a, unit);
    assert_eq!(a.nav.tab, Tab::Units);
    let text = screen(&render(&mut a, 120, 40, &[]));
    assert!(text.contains("逾期未报"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn overview_lists_units_owing_reports_120x40() {
    let mut a = app(bundled(), Lang::Zh);
    a.open_on(day(2023, 7, 10));
    let owing = year::owing_units(&a);
    let fgw = owing.iter().find(|u| u.unit == "市发改局").expect("owes");
    assert!(fgw.tasks.iter().all(|t| t.due == day(2023, 6, 30)));
    let text = screen(&render(&mut a, 120, 40, &[Action::ShowTab(Tab::Overview)]));
    assert!(
        text.contains(&format!("逾期未报单位 ({})", owing.len())),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

/// The dashboard opens in one step (`App::opened`, one pass over the
/// data): the same app as building it, setting the config and opening on
/// the day, for a past plan and one still in its year.
#[test]
fn opening_in_one_step_equals_the_three_steps() {
    let config = duban::lights::Config {
        lights: duban::lights::Thresholds {
            red_behind: 40,
            ..Default::default()
        },
        close: Some(day(2024, 1, 31)),
        ..Default::default()
    };
    for today in [day(2023, 7, 10), day(2026, 11, 30)] {
        let mut stepwise = app(bundled(), Lang::Zh);
        stepwise.set_config(&config);
        stepwise.open_on(today);
        let mut at_once =
            duban::app::App::opened(bundled(), common::progress(), Lang::Zh, today, &config);
        // What the first frame does not need is worked out after it.
        at_once.finish_start();
        assert_eq!(at_once.today(), stepwise.today(), "{today}");
        assert_eq!(at_once.rule(), stepwise.rule(), "{today}");
        assert_eq!(at_once.standings(), stepwise.standings(), "{today}");
        let screens = [stepwise, at_once].map(|mut a| screen(&render(&mut a, 120, 40, &[])));
        assert_eq!(screens[0], screens[1], "{today}");
    }
}
