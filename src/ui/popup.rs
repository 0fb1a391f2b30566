//! Clearing the area under a popup. ratatui's `Clear` resets the cells
//! inside the area only: a wide (two-column) character whose first half
//! sits just left of the popup still covers the popup's left border, and
//! the terminal never gets the border. Every popup clears through here.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

/// Clears `area` for a popup, and blanks any wide character cut by its
/// left edge.
pub fn clear(frame: &mut Frame, area: Rect) {
    cut_wide_edges(frame.buffer_mut(), area);
    frame.render_widget(Clear, area);
}

/// Blanks, on every row of `area`, a wide character starting just left of
/// it: its second half would cover the left border. (One cut by the right
/// edge needs nothing: `Clear` resets its first half, and the terminal is
/// sent the cell after it because the character it had there was wide.)
fn cut_wide_edges(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    if area.is_empty() || area.x == buf.area.x {
        return;
    }
    for y in area.top()..area.bottom() {
        let cell = &mut buf[(area.x - 1, y)];
        if crate::text::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Block;

    use super::*;

    /// Whether the terminal shows `want` at column `x` of row `y`: the
    /// cell was sent, and no wide character just before it covers it.
    fn shows(backend: &TestBackend, x: u16, y: u16, want: &str) -> bool {
        let buf = backend.buffer();
        let covered = x > 0 && crate::text::width(buf[(x - 1, y)].symbol()) > 1;
        buf[(x, y)].symbol() == want && !covered
    }

    /// A popup at every column over rows of wide characters, starting at
    /// either parity: both borders always reach the terminal.
    #[test]
    fn a_popup_keeps_its_borders_next_to_wide_characters_at_every_column() {
        let (w, h) = (30u16, 5u16);
        for start in 0..2u16 {
            for x in 1..w - 4 {
                for pw in [4u16, 5] {
                    let mut term = Terminal::new(TestBackend::new(w, h)).expect("a terminal");
                    let popup = Rect::new(x, 1, pw, 3);
                    term.draw(|f| {
                        let buf = f.buffer_mut();
                        for y in 0..h {
                            buf.set_string(
                                start,
                                y,
                                "宽".repeat(usize::from(w)),
                                ratatui::style::Style::new(),
                            );
                        }
                        clear(f, popup);
                        f.render_widget(Block::bordered(), popup);
                    })
                    .expect("a draw");
                    let b = term.backend();
                    assert!(
                        shows(b, x, 2, "│"),
                        "left border at {x} (start {start}, width {pw})"
                    );
                    assert!(
                        shows(b, x + pw - 1, 2, "│"),
                        "right border at {x} (start {start}, width {pw})"
                    );
                }
            }
        }
    }
}
