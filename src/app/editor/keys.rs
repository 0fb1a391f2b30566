//! Keys in the editor. What a letter means depends on the field: in the
//! notes and the date it is text; on the status `s` cycles, `1`–`5` pick and
//! `y` sets 100 %; on the percent digits type a value and `+`/`-` step.
//! Enter saves from every field; in a note, Ctrl-J or Alt-Enter breaks the
//! line. While the popup asks whether to throw typing away, only `y`, `n`
//! and Esc mean anything.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Editor, EditorAction as A, Field};
use crate::line_edit::Edit;
use crate::model::Status;

/// The editor action for a key, if it means one.
pub fn action_for(editor: &Editor, k: &KeyEvent) -> Option<A> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if editor.confirm_discard {
        return match k.code {
            KeyCode::Char('y' | 'Y') => Some(A::Discard),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(A::KeepEditing),
            _ => None,
        };
    }
    let newline = match k.code {
        KeyCode::Enter => k.modifiers.contains(KeyModifiers::ALT),
        KeyCode::Char('j' | 'J') => ctrl,
        _ => false,
    };
    if newline {
        return matches!(editor.field, Field::Note(_)).then_some(A::Edit(Edit::Newline));
    }
    let common = match k.code {
        KeyCode::Tab | KeyCode::Down => Some(A::NextField),
        KeyCode::BackTab | KeyCode::Up => Some(A::PrevField),
        KeyCode::Enter => Some(A::Commit),
        KeyCode::Esc => Some(A::Cancel),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    match editor.field {
        Field::Percent => match k.code {
            KeyCode::Left | KeyCode::Char('-') => Some(A::Less),
            KeyCode::Right | KeyCode::Char('+' | '=') => Some(A::More),
            KeyCode::Char(c) if c.is_ascii_digit() && !ctrl => Some(A::Input(c)),
            KeyCode::Backspace => Some(A::Edit(Edit::Backspace)),
            _ => None,
        },
        Field::Status => match k.code {
            KeyCode::Left => Some(A::Less),
            KeyCode::Right => Some(A::More),
            KeyCode::Char('s' | 'S' | ' ') => Some(A::CycleStatus),
            KeyCode::Char('y' | 'Y') => Some(A::SetFull),
            KeyCode::Char(c) => c
                .to_digit(10)
                .and_then(|d| usize::try_from(d).ok()?.checked_sub(1))
                .and_then(|i| Status::ALL.get(i).copied())
                .map(A::PickStatus),
            _ => None,
        },
        Field::Note(_) | Field::Date | Field::Actual(_) => text_key(k),
    }
}

/// A key in a line of text: the keys of every typed line (the search
/// query, the units filter).
fn text_key(k: &KeyEvent) -> Option<A> {
    Some(match crate::app::keys::line_edit(k)? {
        Edit::Insert(c) => A::Input(c),
        edit => A::Edit(edit),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::editor::Note;
    use chrono::NaiveDate;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn on(field: Field) -> Editor {
        let today = NaiveDate::from_ymd_opt(2023, 6, 30).expect("date");
        let mut e = Editor::open("K1.1", "", None, today);
        e.field = field;
        e
    }

    #[test]
    fn s_cycles_on_the_status_but_is_text_in_the_note() {
        let s = key(KeyCode::Char('s'));
        assert_eq!(action_for(&on(Field::Status), &s), Some(A::CycleStatus));
        assert_eq!(
            action_for(&on(Field::Note(Note::Made)), &s),
            Some(A::Input('s'))
        );
        assert_eq!(action_for(&on(Field::Percent), &s), None);
    }

    #[test]
    fn digits_pick_a_status_from_the_list() {
        let three = key(KeyCode::Char('3'));
        assert_eq!(
            action_for(&on(Field::Status), &three),
            Some(A::PickStatus(Status::Behind))
        );
        assert_eq!(
            action_for(&on(Field::Status), &key(KeyCode::Char('9'))),
            None
        );
    }

    #[test]
    fn arrows_step_the_percent_and_move_the_cursor_in_text() {
        let left = key(KeyCode::Left);
        assert_eq!(action_for(&on(Field::Percent), &left), Some(A::Less));
        assert_eq!(
            action_for(&on(Field::Note(Note::Problems)), &left),
            Some(A::Edit(Edit::Left))
        );
    }

    #[test]
    fn ctrl_w_deletes_a_word_in_the_note() {
        let k = KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(&on(Field::Note(Note::Next)), &k),
            Some(A::Edit(Edit::DeleteWord))
        );
    }

    #[test]
    fn ctrl_j_and_alt_enter_break_a_note_and_enter_saves() {
        let ctrl_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
        let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
        let note = on(Field::Note(Note::Made));
        assert_eq!(action_for(&note, &ctrl_j), Some(A::Edit(Edit::Newline)));
        assert_eq!(action_for(&note, &alt_enter), Some(A::Edit(Edit::Newline)));
        assert_eq!(action_for(&note, &key(KeyCode::Enter)), Some(A::Commit));
        assert_eq!(action_for(&on(Field::Date), &ctrl_j), None);
    }

    #[test]
    fn the_discard_question_takes_only_y_n_and_esc() {
        let mut e = on(Field::Note(Note::Made));
        e.confirm_discard = true;
        assert_eq!(action_for(&e, &key(KeyCode::Char('y'))), Some(A::Discard));
        assert_eq!(
            action_for(&e, &key(KeyCode::Char('n'))),
            Some(A::KeepEditing)
        );
        assert_eq!(action_for(&e, &key(KeyCode::Esc)), Some(A::KeepEditing));
        assert_eq!(action_for(&e, &key(KeyCode::Enter)), None);
        assert_eq!(action_for(&e, &key(KeyCode::Char('a'))), None);
    }
}
