//! Actual values in the progress editor and target vs actual in the
//! detail, on K2.16 of the bundled dataset (新增规上企业100家、亿元企业20家、
//! "专精特新"小巨人企业5家), driven through the same `update` the app uses.

mod common;

use common::editing::{editor, go, send, type_text};

use common::{bundled, entry, render, screen, today};
use duban::app::editor::{Field, Problem};
use duban::app::{Action, App, EditorAction as E, Effect, Lang, Progress};
use duban::line_edit::Edit;
use duban::model::{Actual, Status};
use ratatui::style::Color;

const W: u16 = 120;
const H: u16 = 40;

/// K2.16 is the second leader's sixteenth task.
fn to_k216() -> Vec<Action> {
    let mut acts = vec![Action::Down, Action::PaneRight];
    acts.extend(std::iter::repeat_n(Action::Down, 15));
    acts
}

fn actual(target: &str, value: f64) -> Actual {
    Actual {
        target: target.into(),
        value,
    }
}

/// The latest K2.16 entry: 60 and 10 reported, 26 % (the derived one
/// would be (60 + 50 + 0) / 3 = 36 when `percent` differs).
fn reported(percent: u8) -> Progress {
    let mut e = entry(
        "K2.16",
        "2023-06-01T17:00:00+08:00",
        percent,
        Status::OnTrack,
        "",
    );
    e.actuals = vec![actual("新增规上企业", 60.0), actual("新增亿元企业", 10.0)];
    Progress::from_entries([e])
}

fn k216_app(progress: Progress, lang: Lang) -> App {
    App::new(bundled(), progress, lang, today())
}

/// The editor open on K2.16.
fn editing(progress: Progress, lang: Lang) -> App {
    let mut a = k216_app(progress, lang);
    let mut acts = to_k216();
    acts.push(Action::EditProgress);
    render(&mut a, W, H, &acts);
    a
}

#[test]
fn the_editor_has_one_field_per_target_and_starts_on_the_first() {
    let a = editing(Progress::default(), Lang::Zh);
    let e = editor(&a);
    assert_eq!(e.id, "K2.16");
    assert_eq!(e.targets().len(), 3);
    assert_eq!(e.field, Field::Actual(0));
    assert_eq!(
        &e.fields()[..4],
        &[
            Field::Actual(0),
            Field::Actual(1),
            Field::Actual(2),
            Field::Percent
        ]
    );
}

#[test]
fn typing_an_actual_derives_the_percent_and_the_status_follows() {
    let mut a = editing(Progress::default(), Lang::Zh);
    type_text(&mut a, "60");
    let e = editor(&a);
    assert_eq!(e.percent, "20", "60 of 100, nothing of the other two");
    assert_eq!(e.status, Status::OnTrack);
    assert!(!e.is_overridden());
    go(&mut a, Field::Actual(1));
    type_text(&mut a, "20");
    assert_eq!(editor(&a).percent, "53", "(60 + 100 + 0) / 3");
}

#[test]
fn a_typed_percent_overrides_the_actuals() {
    let mut a = editing(Progress::default(), Lang::Zh);
    type_text(&mut a, "60");
    go(&mut a, Field::Percent);
    type_text(&mut a, "50");
    go(&mut a, Field::Actual(1));
    type_text(&mut a, "20");
    let e = editor(&a);
    assert_eq!(e.percent, "50");
    assert!(e.is_overridden());
}

#[test]
fn a_stepped_percent_overrides_the_actuals() {
    let mut a = editing(Progress::default(), Lang::Zh);
    type_text(&mut a, "60");
    go(&mut a, Field::Percent);
    send(&mut a, &[E::More]);
    assert_eq!(editor(&a).percent, "25");
    assert!(editor(&a).is_overridden());
}

#[test]
fn clearing_the_override_returns_to_the_derived_percent() {
    let mut a = editing(Progress::default(), Lang::Zh);
    type_text(&mut a, "60");
    go(&mut a, Field::Percent);
    type_text(&mut a, "75");
    let bs = E::Edit(Edit::Backspace);
    send(&mut a, &[bs, bs]);
    let e = editor(&a);
    assert_eq!(e.percent, "20");
    assert!(!e.is_overridden());
}

#[test]
fn the_popup_says_whether_the_percent_is_derived_or_set_by_hand() {
    let mut a = editing(Progress::default(), Lang::Zh);
    type_text(&mut a, "60");
    let text = screen(&render(&mut a, W, H, &[]));
    assert!(text.contains("20%  (由实际值计算)"), "{text}");
    go(&mut a, Field::Percent);
    type_text(&mut a, "50");
    let text = screen(&render(&mut a, W, H, &[]));
    assert!(text.contains("50%  (手动设定,退格清空恢复计算)"), "{text}");
}

#[test]
fn an_actual_that_is_not_a_number_is_explained_and_nothing_is_saved() {
    let mut a = editing(Progress::default(), Lang::Zh);
    type_text(&mut a, "六十");
    let problems = editor(&a).problems(&a.rule().calendar, a.today());
    assert_eq!(
        problems,
        vec![Problem::ActualNotANumber {
            index: 0,
            target: "新增规上企业".into(),
            text: "六十".into(),
        }]
    );
    let text = screen(&render(&mut a, W, H, &[]));
    assert!(
        text.contains("新增规上企业 的实际值 \"六十\" 不是数字"),
        "{text}"
    );
    go(&mut a, Field::Note(duban::app::editor::Note::Made));
    assert_eq!(send(&mut a, &[E::Commit]), Effect::None);
    let e = editor(&a);
    assert!(e.refused);
    assert_eq!(e.field, Field::Actual(0), "Enter goes to the bad actual");
}

#[test]
fn the_latest_entry_fills_in_the_actuals() {
    let a = editing(reported(36), Lang::Zh);
    let e = editor(&a);
    let texts: Vec<&str> = (0..3)
        .map(|i| e.actual(i).map_or("?", |l| l.text()))
        .collect();
    assert_eq!(texts, ["60", "10", ""]);
    assert_eq!(e.percent, "36");
    assert!(!e.is_overridden());
}

#[test]
fn a_latest_percent_other_than_the_derived_one_stays_an_override() {
    let a = editing(reported(26), Lang::Zh);
    let e = editor(&a);
    assert_eq!(e.percent, "26");
    assert!(e.is_overridden());
}

#[test]
fn the_committed_entry_carries_the_actuals() {
    let mut a = editing(Progress::default(), Lang::Zh);
    type_text(&mut a, "60");
    go(&mut a, Field::Actual(2));
    type_text(&mut a, "2.5");
    let Effect::Commit(entry) = send(&mut a, &[E::Commit]) else {
        panic!("no commit: {:?}", a.mode);
    };
    assert_eq!(
        entry.actuals,
        vec![
            actual("新增规上企业", 60.0),
            actual("新增\"专精特新\"小巨人企业", 2.5)
        ]
    );
    assert_eq!(entry.percent, 36, "(60 + 0 + 50) / 3");
}

#[test]
fn the_terminal_cursor_sits_in_the_actual_input() {
    let mut a = editing(Progress::default(), Lang::Zh);
    type_text(&mut a, "60");
    let mut t = render(&mut a, W, H, &[]);
    let text = screen(&t);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("新增规上企业") && l.contains("60"))
        .expect("the first target's line");
    let col = unicode_width::UnicodeWidthStr::width(&line[..line.find("60").expect("60") + 2]);
    let pos = t.get_cursor_position().expect("a cursor");
    assert_eq!((pos.x, pos.y), (col as u16, row as u16), "{text}");
}

#[test]
fn editor_with_targets_120x40() {
    let mut a = editing(Progress::default(), Lang::Zh);
    type_text(&mut a, "60");
    insta::assert_snapshot!(screen(&render(&mut a, 120, 40, &[])));
}

#[test]
fn editor_with_targets_english_80x24() {
    let mut a = editing(reported(26), Lang::En);
    insta::assert_snapshot!(screen(&render(&mut a, 80, 24, &[])));
}

/// The dashboard on K2.16 with its detail.
fn detail(progress: Progress, lang: Lang) -> (App, String) {
    let mut a = k216_app(progress, lang);
    let t = render(&mut a, W, H, &to_k216());
    let text = screen(&t);
    (a, text)
}

#[test]
fn the_detail_shows_target_vs_actual() {
    let (_, text) = detail(reported(36), Lang::Zh);
    assert!(text.contains("指标"), "{text}");
    assert!(
        text.contains("新增规上企业  100家  实际 60  60%  未达标"),
        "{text}"
    );
    assert!(text.contains("20家  实际 10  50%  未达标"), "{text}");
    assert!(text.contains("5家  实际 未填报"), "{text}");
}

#[test]
fn met_and_unmet_actuals_are_coloured() {
    let mut e = entry(
        "K2.16",
        "2023-06-01T17:00:00+08:00",
        40,
        Status::OnTrack,
        "",
    );
    e.actuals = vec![actual("新增规上企业", 120.0), actual("新增亿元企业", 10.0)];
    let mut a = k216_app(Progress::from_entries([e]), Lang::Zh);
    let t = render(&mut a, W, H, &to_k216());
    let buf = t.backend().buffer();
    let text = screen(&t);
    let colour_of = |needle: &str| {
        let (row, line) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} in\n{text}"));
        let col = unicode_width::UnicodeWidthStr::width(&line[..line.find(needle).unwrap_or(0)]);
        buf[(col as u16, row as u16)].fg
    };
    assert_eq!(colour_of("120  100%  达标"), Color::Green);
    assert_eq!(colour_of("10  50%  未达标"), Color::Yellow);
}

#[test]
fn detail_with_actuals_120x40() {
    let (_, text) = detail(reported(36), Lang::Zh);
    insta::assert_snapshot!(text);
}
