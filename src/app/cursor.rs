//! A selection in a list that shows `height` rows at a time, and the
//! scroll state of a detail pane.

use std::ops::Range;

/// The selected row and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub sel: usize,
    pub offset: usize,
}

impl Cursor {
    /// Selects row `sel` (clamped to the list) and scrolls it into view.
    pub fn select(&mut self, sel: usize, len: usize, height: usize) {
        self.sel = sel.min(len.saturating_sub(1));
        self.fit(len, height);
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn step(&mut self, delta: isize, len: usize, height: usize) {
        let sel = self.sel.saturating_add_signed(delta);
        self.select(sel, len, height);
    }

    /// Scrolls so the selection is visible and no space is wasted below
    /// the last row.
    pub fn fit(&mut self, len: usize, height: usize) {
        self.sel = self.sel.min(len.saturating_sub(1));
        self.offset = self.offset.min(len.saturating_sub(height));
        if height == 0 {
            return;
        }
        if self.sel < self.offset {
            self.offset = self.sel;
        } else if self.sel >= self.offset + height {
            self.offset = self.sel + 1 - height;
        }
    }

    /// The rows to draw, for any list length and height (even ones the
    /// cursor was not fitted to).
    pub fn visible(&self, len: usize, height: usize) -> Range<usize> {
        let mut c = *self;
        c.fit(len, height);
        c.offset..(c.offset + height).min(len)
    }
}

/// A detail pane: its first shown line, its selected link, and whether it
/// shows the task's whole history (`H`) or only its latest entries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DetailView {
    pub scroll: usize,
    pub link: Option<usize>,
    pub whole_history: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_past_the_end_stops_at_the_last_row() {
        let mut c = Cursor::default();
        c.step(50, 10, 4);
        assert_eq!(c, Cursor { sel: 9, offset: 6 });
    }

    #[test]
    fn stepping_up_scrolls_back() {
        let mut c = Cursor { sel: 9, offset: 6 };
        c.step(-5, 10, 4);
        assert_eq!(c, Cursor { sel: 4, offset: 4 });
    }

    #[test]
    fn visible_rows_stay_inside_a_shorter_list() {
        let c = Cursor { sel: 9, offset: 6 };
        assert_eq!(c.visible(3, 4), 0..3);
        assert_eq!(c.visible(0, 4), 0..0);
    }
}
