//! A one-line text editor that is correct with Chinese: the search query,
//! the units filter and the progress note.
//!
//! The cursor moves by character, never inside a UTF-8 sequence, and
//! [`LineEdit::cursor_column`] gives its display column (a Chinese character
//! is two cells wide) so the UI can put the real terminal cursor there and
//! an input method opens its candidate window in place.

use unicode_width::UnicodeWidthStr;

/// An edit the user asked for; the UI maps keys to these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// Ctrl-J or Alt-Enter in a note: a line break (only multi-line text
    /// is given this edit).
    Newline,
    /// Backspace: delete the character before the cursor.
    Backspace,
    /// Delete: delete the character under the cursor.
    Delete,
    /// Ctrl-W: delete the word before the cursor.
    DeleteWord,
    /// Ctrl-U: delete everything before the cursor.
    DeleteToStart,
    Left,
    Right,
    Home,
    End,
}

/// The text and a cursor, kept as a character index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    /// Characters before the cursor.
    cursor: usize,
}

impl LineEdit {
    pub fn new() -> LineEdit {
        LineEdit::default()
    }

    /// A line holding `text`, with the cursor at its end.
    pub fn with_text(text: &str) -> LineEdit {
        LineEdit {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The cursor as a character index into the text.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The byte offset of the cursor in the text.
    pub fn cursor_byte(&self) -> usize {
        self.byte_at(self.cursor)
    }

    /// The display column of the cursor: the width of the text before it.
    pub fn cursor_column(&self) -> usize {
        self.text[..self.byte_at(self.cursor)].width()
    }

    /// Empties the line.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Applies one edit. Returns whether the text changed (a cursor move
    /// alone does not change it).
    pub fn apply(&mut self, edit: Edit) -> bool {
        match edit {
            Edit::Insert(c) => {
                if c.is_control() {
                    return false;
                }
                let at = self.byte_at(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
                true
            }
            Edit::Newline => {
                let at = self.byte_at(self.cursor);
                self.text.insert(at, '\n');
                self.cursor += 1;
                true
            }
            Edit::Backspace => {
                if self.cursor == 0 {
                    return false;
                }
                self.remove_chars(self.cursor - 1, self.cursor);
                true
            }
            Edit::Delete => {
                if self.cursor >= self.len() {
                    return false;
                }
                self.remove_chars(self.cursor, self.cursor + 1);
                true
            }
            Edit::DeleteWord => {
                let start = self.word_start();
                if start == self.cursor {
                    return false;
                }
                self.remove_chars(start, self.cursor);
                true
            }
            Edit::DeleteToStart => {
                if self.cursor == 0 {
                    return false;
                }
                self.remove_chars(0, self.cursor);
                true
            }
            Edit::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            Edit::Right => {
                self.cursor = (self.cursor + 1).min(self.len());
                false
            }
            Edit::Home => {
                self.cursor = 0;
                false
            }
            Edit::End => {
                self.cursor = self.len();
                false
            }
        }
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// The byte offset of character index `chars`.
    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Removes characters `from..to` and leaves the cursor at `from`.
    fn remove_chars(&mut self, from: usize, to: usize) {
        let (a, b) = (self.byte_at(from), self.byte_at(to));
        self.text.replace_range(a..b, "");
        self.cursor = from;
    }

    /// Where Ctrl-W deletes back to: skip spaces before the cursor, then a
    /// run of the same class (an ASCII word, a run of CJK text, or a run
    /// of punctuation).
    fn word_start(&self) -> usize {
        let before: Vec<char> = self.text.chars().take(self.cursor).collect();
        let mut i = before.len();
        while i > 0 && before[i - 1].is_whitespace() {
            i -= 1;
        }
        if let Some(&last) = before[..i].last() {
            let class = CharClass::of(last);
            while i > 0 && CharClass::of(before[i - 1]) == class {
                i -= 1;
            }
        }
        i
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharClass {
    Space,
    Word,
    Wide,
    Punct,
}

impl CharClass {
    fn of(c: char) -> CharClass {
        if c.is_whitespace() {
            CharClass::Space
        } else if c.is_ascii_alphanumeric() || c == '_' {
            CharClass::Word
        } else if c.is_alphanumeric() {
            CharClass::Wide
        } else {
            CharClass::Punct
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> LineEdit {
        let mut line = LineEdit::new();
        for c in text.chars() {
            line.apply(Edit::Insert(c));
        }
        line
    }

    #[test]
    fn typing_chinese_appends_characters() {
        let line = typed("市发改局");
        assert_eq!(line.text(), "市发改局");
        assert_eq!(line.cursor(), 4);
    }

    #[test]
    fn cursor_column_counts_chinese_as_two_cells() {
        assert_eq!(typed("市发改局").cursor_column(), 8);
        assert_eq!(typed("K2.16规上").cursor_column(), 9);
    }

    #[test]
    fn left_moves_one_character_not_one_byte() {
        let mut line = typed("规上企业");
        line.apply(Edit::Left);
        assert_eq!(line.cursor(), 3);
        assert_eq!(line.cursor_column(), 6);
    }

    #[test]
    fn insert_in_the_middle_of_chinese() {
        let mut line = typed("市局");
        line.apply(Edit::Left);
        line.apply(Edit::Insert('发'));
        line.apply(Edit::Insert('改'));
        assert_eq!(line.text(), "市发改局");
        assert_eq!(line.cursor_column(), 6);
    }

    #[test]
    fn backspace_deletes_the_character_before_the_cursor() {
        let mut line = typed("市发改局");
        line.apply(Edit::Left);
        assert!(line.apply(Edit::Backspace));
        assert_eq!(line.text(), "市发局");
        assert_eq!(line.cursor(), 2);
    }

    #[test]
    fn backspace_at_start_changes_nothing() {
        let mut line = typed("局");
        line.apply(Edit::Home);
        assert!(!line.apply(Edit::Backspace));
        assert_eq!(line.text(), "局");
    }

    #[test]
    fn delete_removes_the_character_under_the_cursor() {
        let mut line = typed("发改局");
        line.apply(Edit::Home);
        assert!(line.apply(Edit::Delete));
        assert_eq!(line.text(), "改局");
        assert_eq!(line.cursor(), 0);
    }

    #[test]
    fn delete_at_end_changes_nothing() {
        let mut line = typed("发改局");
        assert!(!line.apply(Edit::Delete));
        assert_eq!(line.text(), "发改局");
    }

    #[test]
    fn ctrl_w_deletes_the_chinese_run_before_the_cursor() {
        let mut line = typed("fgj 市发改局");
        assert!(line.apply(Edit::DeleteWord));
        assert_eq!(line.text(), "fgj ");
    }

    #[test]
    fn ctrl_w_skips_spaces_then_deletes_an_ascii_word() {
        let mut line = typed("规上 fgj  ");
        line.apply(Edit::DeleteWord);
        assert_eq!(line.text(), "规上 ");
        assert_eq!(line.cursor_column(), 5);
    }

    #[test]
    fn ctrl_w_stops_at_punctuation() {
        let mut line = typed("市发改局,规上企业");
        line.apply(Edit::DeleteWord);
        assert_eq!(line.text(), "市发改局,");
    }

    #[test]
    fn ctrl_u_deletes_everything_before_the_cursor() {
        let mut line = typed("市发改局");
        line.apply(Edit::Left);
        assert!(line.apply(Edit::DeleteToStart));
        assert_eq!(line.text(), "局");
        assert_eq!(line.cursor(), 0);
    }

    #[test]
    fn home_and_end_move_to_the_ends() {
        let mut line = typed("规上企业");
        line.apply(Edit::Home);
        assert_eq!(line.cursor_column(), 0);
        line.apply(Edit::End);
        assert_eq!(line.cursor_column(), 8);
    }

    #[test]
    fn right_stops_at_the_end_and_left_at_the_start() {
        let mut line = typed("局");
        line.apply(Edit::Right);
        assert_eq!(line.cursor(), 1);
        line.apply(Edit::Left);
        line.apply(Edit::Left);
        assert_eq!(line.cursor(), 0);
    }

    #[test]
    fn cursor_moves_do_not_report_a_change() {
        let mut line = typed("局");
        assert!(!line.apply(Edit::Left));
        assert!(!line.apply(Edit::End));
    }

    #[test]
    fn control_characters_are_not_inserted() {
        let mut line = typed("a");
        assert!(!line.apply(Edit::Insert('\u{7}')));
        assert_eq!(line.text(), "a");
    }

    #[test]
    fn newline_breaks_the_line_at_the_cursor() {
        let mut line = typed("完成征地");
        line.apply(Edit::Left);
        assert!(line.apply(Edit::Newline));
        assert_eq!(line.text(), "完成征\n地");
        assert_eq!(line.cursor_byte(), "完成征\n".len());
    }

    #[test]
    fn with_text_puts_the_cursor_at_the_end() {
        let line = LineEdit::with_text("横店镇");
        assert_eq!(line.cursor(), 3);
        assert_eq!(line.cursor_column(), 6);
    }

    #[test]
    fn clear_empties_the_line() {
        let mut line = typed("横店镇");
        line.clear();
        assert!(line.is_empty());
        assert_eq!(line.cursor_column(), 0);
    }
}
