//! The progress editor, driven through the same `update` the app uses:
//! every field, every validation error, the effects it asks the event loop
//! for, and the save status the loop reports back.

mod common;

use common::editing::{H, W, draw, editor, go, on_k11, on_k21, problems, send, type_text};
use common::{app, render, sample, screen};
use duban::app::editor::{Field, Note, Problem};
use duban::app::{Action, EditorAction as E, Effect, Lang, Mode, Tab, update};
use duban::line_edit::Edit;
use duban::model::Status;

// Opening.

#[test]
fn e_opens_the_editor_with_the_latest_percent_and_status_and_today() {
    let a = on_k11(Lang::Zh);
    let e = editor(&a);
    assert_eq!(e.id, "K1.1");
    assert_eq!((e.percent.as_str(), e.status), ("45", Status::Behind));
    assert_eq!(e.date.text(), "2023-06-30");
    assert!(e.note(Note::Made).is_empty());
    assert_eq!(e.field, Field::Percent);
}

#[test]
fn e_on_the_leaders_list_edits_the_task_selected_beside_it() {
    let mut a = app(sample(), Lang::Zh);
    update(&mut a, Action::EditProgress);
    assert_eq!(editor(&a).id, "K1.1");
}

#[test]
fn e_on_a_project_sub_item_edits_the_sub_item() {
    let mut a = app(sample(), Lang::Zh);
    let acts = [
        Action::ShowTab(Tab::Projects),
        Action::Down,
        Action::EditProgress,
    ];
    render(&mut a, W, H, &acts);
    let e = editor(&a);
    assert_eq!(e.id, "M1.1");
    assert_eq!((e.percent.as_str(), e.status), ("60", Status::OnTrack));
}

#[test]
fn e_in_the_units_duties_edits_the_duty_task() {
    let mut a = app(sample(), Lang::Zh);
    let acts = [
        Action::ShowTab(Tab::Units),
        Action::PaneRight,
        Action::EditProgress,
    ];
    render(&mut a, W, H, &acts);
    assert_eq!(editor(&a).id, "K1.1");
}

#[test]
fn esc_on_an_untouched_editor_closes_at_once() {
    let mut a = on_k11(Lang::Zh);
    send(&mut a, &[E::NextField, E::NextField]);
    assert_eq!(send(&mut a, &[E::Cancel]), Effect::None);
    assert_eq!(a.mode, Mode::Browse);
}

#[test]
fn esc_after_typing_asks_before_throwing_it_away() {
    let mut a = on_k11(Lang::Zh);
    type_text(&mut a, "80");
    assert_eq!(send(&mut a, &[E::Cancel]), Effect::None);
    assert!(editor(&a).confirm_discard, "asks first");
    let text = draw(&mut a);
    assert!(text.contains("放弃已输入的内容？y/n"), "{text}");
    send(&mut a, &[E::KeepEditing]);
    assert!(!editor(&a).confirm_discard);
    assert_eq!(editor(&a).percent, "80", "the typing is kept");
    assert_eq!(send(&mut a, &[E::Cancel, E::Discard]), Effect::None);
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(a.progress().latest("K1.1").map(|e| e.percent), Some(45));
}

// Percent.

#[test]
fn arrows_and_plus_minus_step_the_percent_by_5_within_0_to_100() {
    let mut a = on_k11(Lang::Zh);
    send(&mut a, &[E::More, E::More]);
    assert_eq!(editor(&a).percent, "55");
    send(&mut a, &[E::Less]);
    assert_eq!(editor(&a).percent, "50");
    send(&mut a, &[E::More; 30]);
    assert_eq!(editor(&a).percent, "100");
    send(&mut a, &[E::Less; 30]);
    assert_eq!(editor(&a).percent, "0");
}

#[test]
fn digits_type_a_new_percent() {
    let mut a = on_k11(Lang::Zh);
    type_text(&mut a, "40");
    assert_eq!(editor(&a).percent, "40");
    send(&mut a, &[E::Edit(Edit::Backspace)]);
    assert_eq!(editor(&a).percent, "4");
}

#[test]
fn letters_do_nothing_on_the_percent() {
    let mut a = on_k11(Lang::Zh);
    type_text(&mut a, "ab");
    assert_eq!(editor(&a).percent, "45");
}

#[test]
fn a_percent_over_100_is_explained_under_the_percent() {
    let mut a = on_k11(Lang::Zh);
    type_text(&mut a, "150");
    assert_eq!(problems(&a), vec![Problem::PercentOutOfRange(150)]);
    insta::assert_snapshot!(draw(&mut a));
}

#[test]
fn an_empty_percent_is_explained() {
    let mut a = on_k11(Lang::En);
    send(
        &mut a,
        &[E::Edit(Edit::Backspace), E::Edit(Edit::Backspace)],
    );
    assert_eq!(problems(&a), vec![Problem::PercentMissing]);
    assert!(draw(&mut a).contains("type a percent (0-100)"));
}

// Status.

#[test]
fn s_cycles_the_status_and_wraps_around() {
    let mut a = on_k11(Lang::Zh);
    go(&mut a, Field::Status);
    send(&mut a, &[E::CycleStatus]);
    assert_eq!(editor(&a).status, Status::Blocked);
    send(&mut a, &[E::CycleStatus, E::CycleStatus]);
    assert_eq!(editor(&a).status, Status::NotStarted);
}

#[test]
fn a_status_is_picked_from_the_list_by_number_or_arrows() {
    let mut a = on_k11(Lang::Zh);
    go(&mut a, Field::Status);
    send(&mut a, &[E::PickStatus(Status::OnTrack)]);
    assert_eq!(editor(&a).status, Status::OnTrack);
    send(&mut a, &[E::Less]);
    assert_eq!(editor(&a).status, Status::NotStarted);
    send(&mut a, &[E::More, E::More]);
    assert_eq!(editor(&a).status, Status::Behind);
}

#[test]
fn the_status_list_shows_every_status_as_plain_text() {
    let mut a = on_k11(Lang::Zh);
    go(&mut a, Field::Status);
    let text = draw(&mut a);
    assert!(
        text.lines()
            .any(|l| l.contains("状态 ") && l.contains("  未开始  推进中  滞后  受阻  已完成")),
        "{text}"
    );
}

#[test]
fn the_chosen_status_stands_out_in_its_colour() {
    let mut a = on_k11(Lang::Zh);
    go(&mut a, Field::Status);
    let t = render(&mut a, W, H, &[]);
    let buf = t.backend().buffer();
    let text = screen(&t);
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("状态 ") && l.contains("  未开始"))
        .expect("the status line");
    // Columns of the first cell of 滞后 and of 受阻 (Chinese is two wide).
    let col = |s: &str| {
        let at = line.find(s).expect("label");
        unicode_width::UnicodeWidthStr::width(&line[..at]) as u16
    };
    let y = y as u16;
    let chosen = &buf[(col("滞后"), y)];
    let other = &buf[(col("受阻"), y)];
    assert_eq!(chosen.fg, ratatui::style::Color::Yellow);
    assert!(
        chosen
            .modifier
            .contains(ratatui::style::Modifier::UNDERLINED)
    );
    assert!(
        !other
            .modifier
            .contains(ratatui::style::Modifier::UNDERLINED)
    );
}

#[test]
fn the_status_follows_the_percent_until_chosen() {
    let mut a = on_k21();
    assert_eq!(editor(&a).status, Status::NotStarted);
    type_text(&mut a, "40");
    assert_eq!(editor(&a).status, Status::OnTrack);
    type_text(&mut a, "0");
    assert_eq!(editor(&a).status, Status::Done, "400 is no percent, 100 is");
    go(&mut a, Field::Status);
    send(&mut a, &[E::PickStatus(Status::Blocked)]);
    go(&mut a, Field::Percent);
    type_text(&mut a, "30");
    assert_eq!(editor(&a).status, Status::Blocked);
}

#[test]
fn a_behind_task_stays_behind_when_its_percent_changes() {
    let mut a = on_k11(Lang::Zh);
    type_text(&mut a, "60");
    assert_eq!(editor(&a).status, Status::Behind);
}

#[test]
fn done_below_100_is_explained_with_an_offer_to_set_100() {
    let mut a = on_k11(Lang::Zh);
    go(&mut a, Field::Status);
    send(&mut a, &[E::PickStatus(Status::Done)]);
    assert_eq!(problems(&a), vec![Problem::DoneBelowFull(45)]);
    insta::assert_snapshot!(draw(&mut a));
}

#[test]
fn y_takes_the_offer_and_sets_100() {
    let mut a = on_k11(Lang::Zh);
    go(&mut a, Field::Status);
    send(&mut a, &[E::PickStatus(Status::Done), E::SetFull]);
    assert_eq!(editor(&a).percent, "100");
    assert!(problems(&a).is_empty());
}

// Note.

#[test]
fn the_note_takes_chinese_and_letters_are_text() {
    let mut a = on_k11(Lang::Zh);
    go(&mut a, Field::Note(Note::Made));
    type_text(&mut a, "完成征地s");
    assert_eq!(editor(&a).note(Note::Made).text(), "完成征地s");
    assert_eq!(editor(&a).status, Status::Behind, "s is text in the note");
}

#[test]
fn the_terminal_cursor_follows_the_note_in_display_columns() {
    let mut a = on_k11(Lang::Zh);
    go(&mut a, Field::Note(Note::Made));
    type_text(&mut a, "完成征地");
    let mut t = render(&mut a, W, H, &[]);
    let end = t.get_cursor_position().expect("cursor");
    send(&mut a, &[E::Edit(Edit::Left)]);
    t.draw(|f| duban::ui::draw(f, &a)).expect("draw");
    let left = t.get_cursor_position().expect("cursor");
    assert_eq!(end.y, left.y);
    assert_eq!(end.x - left.x, 2, "one Chinese character is two columns");
    let text = screen(&t);
    let row: String = text
        .lines()
        .nth(usize::from(end.y))
        .unwrap_or_default()
        .into();
    assert!(row.contains("主要进展  完成征地"), "{row}");
}

#[test]
fn ctrl_w_deletes_the_last_word_of_the_note() {
    let mut a = on_k11(Lang::Zh);
    go(&mut a, Field::Note(Note::Made));
    type_text(&mut a, "已批 完成征地");
    send(&mut a, &[E::Edit(Edit::DeleteWord)]);
    assert_eq!(editor(&a).note(Note::Made).text(), "已批 ");
}

// Date.

#[test]
fn the_date_is_editable() {
    let mut a = on_k11(Lang::Zh);
    go(&mut a, Field::Date);
    send(
        &mut a,
        &[E::Edit(Edit::Backspace), E::Edit(Edit::Backspace)],
    );
    type_text(&mut a, "15");
    assert_eq!(editor(&a).date.text(), "2023-06-15");
    assert!(problems(&a).is_empty());
}

#[test]
fn an_unreadable_date_is_explained() {
    let mut a = on_k11(Lang::Zh);
    go(&mut a, Field::Date);
    send(&mut a, &[E::Edit(Edit::Backspace); 4]);
    assert_eq!(problems(&a), vec![Problem::DateUnreadable("2023-0".into())]);
    let text = draw(&mut a);
    assert!(text.contains("日期 \"2023-0\" 应写作 YYYY-MM-DD"), "{text}");
}

#[test]
fn a_date_outside_the_plan_year_is_explained_under_the_date() {
    let mut a = on_k11(Lang::Zh);
    go(&mut a, Field::Date);
    send(&mut a, &[E::Edit(Edit::DeleteToStart)]);
    type_text(&mut a, "2022-12-31");
    assert!(matches!(
        problems(&a).as_slice(),
        [Problem::DateOutsideYear { year: 2023, .. }]
    ));
    insta::assert_snapshot!(draw(&mut a));
}

#[test]
fn a_date_in_the_future_is_explained_under_the_date() {
    let mut a = on_k11(Lang::Zh);
    go(&mut a, Field::Date);
    send(&mut a, &[E::Edit(Edit::DeleteToStart)]);
    type_text(&mut a, "2023-07-01");
    assert!(matches!(
        problems(&a).as_slice(),
        [Problem::DateInFuture { .. }]
    ));
    insta::assert_snapshot!(draw(&mut a));
}

// Navigation.

#[test]
fn tab_and_shift_tab_move_between_fields_and_wrap() {
    let mut a = on_k11(Lang::Zh);
    send(&mut a, &[E::NextField, E::NextField]);
    assert_eq!(editor(&a).field, Field::Note(Note::Made));
    send(&mut a, &[E::PrevField, E::PrevField, E::PrevField]);
    assert_eq!(editor(&a).field, Field::Date);
}

// Committing.

#[test]
fn enter_commits_a_valid_entry_and_closes_the_editor() {
    let mut a = on_k11(Lang::Zh);
    type_text(&mut a, "60");
    go(&mut a, Field::Note(Note::Made));
    type_text(&mut a, "完成征地");
    let Effect::Commit(entry) = send(&mut a, &[E::Commit]) else {
        panic!("no commit");
    };
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(entry.task, "K1.1");
    assert_eq!((entry.percent, entry.status), (60, Status::Behind));
    assert_eq!(entry.note, "完成征地");
    assert_eq!(entry.date, common::today());
}

#[test]
fn enter_with_a_problem_saves_nothing_and_goes_to_the_field() {
    let mut a = on_k11(Lang::Zh);
    go(&mut a, Field::Date);
    send(&mut a, &[E::Edit(Edit::DeleteToStart)]);
    type_text(&mut a, "2023-07-01");
    go(&mut a, Field::Percent);
    type_text(&mut a, "150");
    go(&mut a, Field::Note(Note::Made));
    assert_eq!(send(&mut a, &[E::Commit]), Effect::None);
    let e = editor(&a);
    assert!(e.refused);
    assert_eq!(e.field, Field::Percent, "the first field with a problem");
    let text = draw(&mut a);
    assert!(text.contains("未保存:请先改正上面标出的问题"), "{text}");
    assert!(text.contains("进度须在 0 到 100 之间,不能是 150"), "{text}");
    assert!(
        text.contains("日期 2023-07-01 晚于今天 (2023-06-30)"),
        "{text}"
    );
}

#[test]
fn editor_popup_120x40() {
    let mut a = app(sample(), Lang::Zh);
    let acts = [Action::PaneRight, Action::EditProgress];
    insta::assert_snapshot!(screen(&render(&mut a, 120, 40, &acts)));
}

#[test]
fn editor_popup_english_80x24() {
    let mut a = app(sample(), Lang::En);
    let acts = [Action::PaneRight, Action::EditProgress];
    insta::assert_snapshot!(screen(&render(&mut a, 80, 24, &acts)));
}
