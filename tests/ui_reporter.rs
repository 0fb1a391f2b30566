//! The reporter prompt: asked once when the per-user config names no unit.
//! Snapshots in both languages at 80x24 and 160x45, the completion from
//! units and aliases, and what Enter and Esc hand to the event loop.

mod common;

use common::{app, bundled, render, screen};
use duban::app::{Action, App, Effect, Lang, Mode, update};
use duban::line_edit::Edit;
use duban::model::Reporter;
use duban::user::UserConfig;
use ratatui::layout::Position;

fn asking(lang: Lang) -> App {
    let mut a = app(bundled(), lang);
    a.ask_reporter(None);
    a
}

fn typed(text: &str) -> Vec<Action> {
    text.chars()
        .map(|c| Action::Edit(Edit::Insert(c)))
        .collect()
}

fn cursor(t: &ratatui::Terminal<ratatui::backend::TestBackend>) -> Position {
    let mut b = t.backend().clone();
    ratatui::backend::Backend::get_cursor_position(&mut b).expect("cursor")
}

#[test]
fn the_prompt_asks_for_unit_and_name_80x24() {
    let mut a = asking(Lang::Zh);
    let t = render(&mut a, 80, 24, &typed("经信"));
    insta::assert_snapshot!(screen(&t));
}

#[test]
fn the_prompt_asks_for_unit_and_name_english_80x24() {
    let mut a = asking(Lang::En);
    let t = render(&mut a, 80, 24, &typed("经信"));
    insta::assert_snapshot!(screen(&t));
}

#[test]
fn the_prompt_on_the_name_160x45() {
    let mut a = asking(Lang::Zh);
    let mut actions = typed("经信");
    actions.push(Action::NextPane);
    actions.extend(typed("张三"));
    let t = render(&mut a, 160, 45, &actions);
    insta::assert_snapshot!(screen(&t));
}

#[test]
fn the_prompt_names_an_unknown_unit_english_160x45() {
    let mut a = asking(Lang::En);
    let mut actions = typed("无此单位");
    actions.push(Action::Enter);
    let t = render(&mut a, 160, 45, &actions);
    insta::assert_snapshot!(screen(&t));
}

#[test]
fn the_cursor_sits_after_the_text_typed() {
    let mut a = asking(Lang::Zh);
    let t = render(&mut a, 80, 24, &typed("市经"));
    let at = cursor(&t);
    let row = screen(&t)
        .lines()
        .nth(usize::from(at.y))
        .expect("the cursor's row")
        .to_string();
    // The row reads `… 单位：市经` and the cursor is just after 市经: five
    // characters of two columns each.
    let (before, _) = row.split_once("单位：市经").expect("the unit field");
    let col = unicode_width::UnicodeWidthStr::width(before) + 5 * 2;
    assert_eq!(usize::from(at.x), col, "{row}");
    let mut actions = vec![Action::NextPane];
    actions.extend(typed("张"));
    let t = render(&mut a, 80, 24, &actions);
    let at = cursor(&t);
    let row = screen(&t)
        .lines()
        .nth(usize::from(at.y))
        .expect("row")
        .to_string();
    let (before, _) = row.split_once("姓名：张").expect("the name field");
    assert_eq!(
        usize::from(at.x),
        unicode_width::UnicodeWidthStr::width(before) + 4 * 2,
        "{row}"
    );
}

#[test]
fn tab_completes_the_unit_and_enter_saves_unit_and_name() {
    let mut a = asking(Lang::Zh);
    for action in typed("经信") {
        assert_eq!(update(&mut a, action), Effect::None);
    }
    assert_eq!(update(&mut a, Action::NextPane), Effect::None);
    for action in typed("张三") {
        update(&mut a, action);
    }
    let effect = update(&mut a, Action::Enter);
    assert_eq!(
        effect,
        Effect::SaveUser(UserConfig {
            unit: Some("市经信局".into()),
            name: Some("张三".into()),
            skipped: false,
        })
    );
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(
        a.reporter,
        Some(Reporter {
            unit: "市经信局".into(),
            name: "张三".into()
        })
    );
}

#[test]
fn an_unknown_unit_is_not_taken() {
    let mut a = asking(Lang::Zh);
    for action in typed("无此单位") {
        update(&mut a, action);
    }
    assert_eq!(update(&mut a, Action::Enter), Effect::None);
    assert_eq!(update(&mut a, Action::Enter), Effect::None);
    assert!(matches!(a.mode, Mode::Reporter(_)));
    assert_eq!(a.reporter, None);
}

#[test]
fn esc_skips_for_good_and_keeps_a_configured_name() {
    let mut a = app(bundled(), Lang::Zh);
    a.ask_reporter(Some("李四"));
    let effect = update(&mut a, Action::Back);
    assert_eq!(
        effect,
        Effect::SaveUser(UserConfig {
            unit: None,
            name: Some("李四".into()),
            skipped: true,
        })
    );
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(a.reporter, None);
}

#[test]
fn a_config_that_cannot_be_written_is_said_and_closes_on_enter() {
    let mut a = asking(Lang::En);
    update(
        &mut a,
        Action::UserNotSaved("/nowhere/user.ron: Permission denied".into()),
    );
    let t = render(&mut a, 80, 24, &[]);
    assert!(screen(&t).contains("Permission denied"), "{}", screen(&t));
    assert_eq!(update(&mut a, Action::Enter), Effect::None);
    assert_eq!(a.mode, Mode::Browse);
}
