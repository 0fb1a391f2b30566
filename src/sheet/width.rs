//! Column widths for xlsx sheets from the display width of their text: a
//! Chinese character is two columns wide, as in a terminal, which is also
//! about two of Excel's width units (one unit is one digit of the default
//! font).

use unicode_width::UnicodeWidthStr;

/// The narrowest column written (Excel units).
pub const MIN_WIDTH: f64 = 6.0;
/// The widest column written; longer text wraps.
pub const MAX_WIDTH: f64 = 60.0;

/// The display width of the widest line of `text`.
pub fn text_width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// The widths of a sheet's columns, widened as cells are written.
#[derive(Debug, Clone, Default)]
pub struct Widths {
    widths: Vec<usize>,
}

impl Widths {
    pub fn new() -> Widths {
        Widths::default()
    }

    /// Notes that `text` is written in column `col`.
    pub fn note(&mut self, col: usize, text: &str) {
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        self.widths[col] = self.widths[col].max(text_width(text));
    }

    /// The width for column `col` in Excel units: the widest text plus a
    /// little room, between [`MIN_WIDTH`] and [`MAX_WIDTH`].
    pub fn width(&self, col: usize) -> f64 {
        let text = self.widths.get(col).copied().unwrap_or(0) as f64;
        (text + 2.0).clamp(MIN_WIDTH, MAX_WIDTH)
    }

    /// The number of columns noted.
    pub fn len(&self) -> usize {
        self.widths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.widths.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_counts_double_and_widths_are_bounded() {
        let mut widths = Widths::new();
        widths.note(0, "编号");
        widths.note(1, "市发展和改革局");
        widths.note(1, "ab");
        widths.note(2, &"很长".repeat(40));
        widths.note(3, "第一行\n短");
        assert_eq!(widths.width(0), MIN_WIDTH);
        assert_eq!(widths.width(1), 16.0);
        assert_eq!(widths.width(2), MAX_WIDTH);
        assert_eq!(widths.width(3), 8.0);
        assert_eq!(widths.width(9), MIN_WIDTH);
        assert_eq!(widths.len(), 4);
    }
}
