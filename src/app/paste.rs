//! A terminal paste (bracketed paste) arrives as one text, never as keys:
//! a line break in it must not save the editor or jump from the search.
//! The text becomes the edits typing it would make, where typing is text.

use super::{Action, EditorAction, Mode, Popup};
use crate::line_edit::Edit;

/// The actions that type `text` in `mode`: in the editor's notes a line
/// break stays a line break; in one-line fields (search, units filter, the
/// editor's date and percent) it becomes a space. Tabs become spaces and
/// other control characters are dropped, so nothing pasted can reach the
/// terminal raw. Where typing is not text (browsing, a question), a paste
/// does nothing.
pub fn actions(mode: &Mode, text: &str) -> Vec<Action> {
    match mode {
        Mode::Editor(editor) if !editor.confirm_discard => chars(text, true)
            .map(|c| {
                Action::Editor(match c {
                    '\n' => EditorAction::Edit(Edit::Newline),
                    c => EditorAction::Input(c),
                })
            })
            .collect(),
        Mode::UnitFilter | Mode::Popup(Popup::Search(_)) => chars(text, false)
            .map(|c| Action::Edit(Edit::Insert(c)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The characters to type: CR LF and lone CR are one line break (kept
/// only when `lines`, else a space); tabs are spaces; other control
/// characters go.
fn chars(text: &str, lines: bool) -> impl Iterator<Item = char> + '_ {
    let mut prev_cr = false;
    text.chars().filter_map(move |c| {
        let after_cr = std::mem::replace(&mut prev_cr, c == '\r');
        match c {
            '\n' if after_cr => None,
            '\r' | '\n' if lines => Some('\n'),
            '\r' | '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str, lines: bool) -> String {
        chars(text, lines).collect()
    }

    #[test]
    fn line_breaks_of_every_kind_are_one_break_in_notes() {
        assert_eq!(typed("甲\r\n乙\r丙\n丁", true), "甲\n乙\n丙\n丁");
    }

    #[test]
    fn line_breaks_become_spaces_on_one_line() {
        assert_eq!(typed("市发改局\r\n市财政局\t", false), "市发改局 市财政局 ");
    }

    #[test]
    fn control_characters_never_get_through() {
        assert_eq!(typed("a\u{1b}[2Jb\u{7}\u{0}c", true), "a[2Jbc");
    }

    #[test]
    fn browsing_ignores_a_paste() {
        assert!(actions(&Mode::Browse, "e\n").is_empty());
    }
}
