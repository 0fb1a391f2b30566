//! The editor's multi-line notes: wrapped between characters by display
//! width, with the row and column of the text cursor on the wrapped rows
//! (so the real terminal cursor, and an input method's candidate window,
//! sit where the next character goes).

use crate::line_edit::LineEdit;
use crate::text::{self, width};

/// A note wrapped to a width, and where its cursor is on the rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped<'a> {
    pub rows: Vec<&'a str>,
    /// (row, column) of the cursor.
    pub cursor: (usize, usize),
}

/// `line` wrapped into rows of at most `w - 1` columns (the last column is
/// kept for the cursor after a full row).
pub fn wrap(line: &LineEdit, w: usize) -> Wrapped<'_> {
    let all = line.text();
    let max = w.saturating_sub(1).max(1);
    let rows = text::wrap(all, max);
    let at = line.cursor_byte();
    // Rows are slices of `all`: their offsets place the cursor. The cursor
    // goes on the last row starting at or before it (at a row's end it is
    // on that row unless the next row starts there too).
    let base = all.as_ptr() as usize;
    let starts: Vec<usize> = rows.iter().map(|r| r.as_ptr() as usize - base).collect();
    let row = starts.iter().rposition(|s| *s <= at).unwrap_or(0);
    let col = match (rows.get(row), starts.get(row)) {
        (Some(r), Some(&s)) => width(&all[s..at.min(s + r.len()).max(s)]),
        _ => 0,
    };
    let rows = if rows.is_empty() { vec![""] } else { rows };
    Wrapped {
        rows,
        cursor: (row, col.min(max)),
    }
}

/// The rows to show when only `room` fit: the first ones, or for the
/// focused note the ones around the cursor. Returns the first row shown.
pub fn first_shown(wrapped: &Wrapped<'_>, room: usize, focused: bool) -> usize {
    let room = room.max(1);
    if !focused || wrapped.rows.len() <= room {
        return 0;
    }
    (wrapped.cursor.0 + 1).saturating_sub(room)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_edit::Edit;

    fn typed(text: &str) -> LineEdit {
        let mut line = LineEdit::new();
        for c in text.chars() {
            line.apply(match c {
                '\n' => Edit::Newline,
                c => Edit::Insert(c),
            });
        }
        line
    }

    #[test]
    fn chinese_wraps_between_characters_with_the_cursor_on_the_last_row() {
        // Five columns: two Chinese characters a row, the fifth for the cursor.
        let line = typed("完成征地拆迁");
        let w = wrap(&line, 5);
        assert_eq!(w.rows, vec!["完成", "征地", "拆迁"]);
        assert_eq!(w.cursor, (2, 4));
    }

    #[test]
    fn the_cursor_follows_a_move_onto_a_wrapped_row() {
        let mut line = typed("完成征地拆迁");
        for _ in 0..3 {
            line.apply(Edit::Left);
        }
        assert_eq!(wrap(&line, 5).cursor, (1, 2));
        line.apply(Edit::Home);
        assert_eq!(wrap(&line, 5).cursor, (0, 0));
    }

    #[test]
    fn a_line_break_starts_a_row_and_an_empty_one_is_kept() {
        let line = typed("进展\n\n问题");
        let w = wrap(&line, 20);
        assert_eq!(w.rows, vec!["进展", "", "问题"]);
        assert_eq!(w.cursor, (2, 4));
        let broken = typed("进展\n");
        assert_eq!(wrap(&broken, 20).cursor, (1, 0));
    }

    #[test]
    fn an_empty_note_is_one_empty_row() {
        let empty = LineEdit::new();
        let w = wrap(&empty, 10);
        assert_eq!((w.rows, w.cursor), (vec![""], (0, 0)));
    }

    #[test]
    fn the_focused_note_shows_the_rows_up_to_its_cursor() {
        let line = typed("一二三四五六七八");
        let w = wrap(&line, 5);
        assert_eq!(w.rows.len(), 4);
        assert_eq!(first_shown(&w, 2, true), 2);
        assert_eq!(first_shown(&w, 2, false), 0);
    }
}
