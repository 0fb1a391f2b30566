//! The editor's fields on their own, without the app around them.
use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 30).expect("date")
}

fn editor() -> Editor {
    Editor::open("K1.1", "全面完成", None, today())
}

/// A fresh editor with `digits` typed into the percent.
fn typed(digits: &str) -> Editor {
    let mut e = editor();
    for c in digits.chars() {
        e.apply(EditorAction::Input(c));
    }
    e
}

/// `text` typed into a note, `\n` as Ctrl-J.
fn type_note(e: &mut Editor, note: Note, text: &str) {
    e.field = Field::Note(note);
    for c in text.chars() {
        e.apply(match c {
            '\n' => EditorAction::Edit(Edit::Newline),
            c => EditorAction::Input(c),
        });
    }
}

#[test]
fn the_three_notes_make_the_entrys_fields() {
    let mut e = typed("40");
    type_note(&mut e, Note::Made, "完成征地\n开工");
    type_note(&mut e, Note::Problems, " 资金未到位 ");
    type_note(&mut e, Note::Next, "督促拨付");
    let entry = e
        .entry(&Calendar::new(2023, None, Default::default()), today())
        .expect("entry");
    assert_eq!(entry.note, "完成征地\n开工");
    assert_eq!(entry.problems, "资金未到位");
    assert_eq!(entry.next_steps, "督促拨付");
}

#[test]
fn a_line_break_is_refused_outside_the_notes() {
    let mut e = editor();
    e.field = Field::Date;
    e.apply(EditorAction::Edit(Edit::Newline));
    assert_eq!(e.date.text(), "2023-06-30");
}

#[test]
fn the_editor_is_untouched_until_something_changes() {
    let mut e = editor();
    assert!(!e.is_touched());
    e.field = Field::Note(Note::Next);
    e.apply(EditorAction::Input(' '));
    assert!(!e.is_touched(), "a space alone is not typing");
    e.apply(EditorAction::Input('a'));
    assert!(e.is_touched());
    assert!(typed("5").is_touched());
}

#[test]
fn a_zero_then_a_digit_is_that_digit() {
    assert_eq!(typed("07").percent, "7");
}

#[test]
fn at_most_three_digits() {
    assert_eq!(typed("1234").percent, "123");
}

#[test]
fn stepping_an_out_of_range_percent_comes_back_to_100() {
    let mut e = typed("150");
    e.apply(EditorAction::Less);
    assert_eq!(e.percent, "95");
}

#[test]
fn a_percent_too_big_for_a_byte_is_still_reported_as_typed() {
    let e = typed("999");
    assert_eq!(
        e.problems(&Calendar::new(2023, None, Default::default()), today()),
        vec![Problem::PercentOutOfRange(999)]
    );
}
