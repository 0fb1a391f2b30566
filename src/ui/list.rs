//! A bordered list that builds only its visible rows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::style;
use crate::app::Cursor;

/// A list pane to draw.
pub struct ListPane<'a> {
    pub title: &'a str,
    pub focused: bool,
    pub cursor: Cursor,
    pub len: usize,
    /// A line above the rows (the units filter).
    pub top: Option<Line<'static>>,
    /// The column headers, under `top`.
    pub header: Option<Line<'static>>,
}

impl ListPane<'_> {
    /// Draws the pane; `row(i, width)` builds row `i` at most `width`
    /// columns wide. Returns the inner area of the rows.
    pub fn draw(
        self,
        frame: &mut Frame,
        rect: Rect,
        row: impl Fn(usize, usize) -> Line<'static>,
    ) -> Rect {
        let mut block = style::block(self.title, self.focused, rect.width);
        if self.len > 0 {
            // Where the selection is: `n/m` on the bottom border.
            let at = format!(" {}/{} ", self.cursor.sel + 1, self.len);
            block = block.title_bottom(Line::from(at).right_aligned());
        }
        let mut inner = block.inner(rect);
        frame.render_widget(block, rect);
        for line in [self.top, self.header].into_iter().flatten() {
            if inner.height == 0 {
                break;
            }
            frame.render_widget(Paragraph::new(line), Rect { height: 1, ..inner });
            inner.y += 1;
            inner.height -= 1;
        }
        let width = usize::from(inner.width);
        let visible = self.cursor.visible(self.len, usize::from(inner.height));
        let lines: Vec<Line> = visible
            .map(|i| {
                let line = row(i, width);
                if i == self.cursor.sel {
                    line.patch_style(style::selected(self.focused))
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        inner
    }
}

/// A row of cells, the last one taking the rest of the width and cut to
/// it; the row is padded so a selection highlight spans the pane.
pub fn row(cells: Vec<(String, ratatui::style::Style)>, last: &str, width: usize) -> Line<'static> {
    use crate::text::{fit, width as w};
    let mut used = 0;
    let mut spans = Vec::new();
    for (text, st) in cells {
        if used >= width {
            break;
        }
        let t = fit(&text, w(&text).min(width - used));
        used += w(&t);
        spans.push(ratatui::text::Span::styled(t, st));
        if used < width {
            spans.push(" ".into());
            used += 1;
        }
    }
    spans.push(fit(last, width.saturating_sub(used)).into());
    Line::from(spans)
}

/// The header row of a task list: each column's header over its cells,
/// then the text column's.
pub fn header(cols: &[(String, usize)], last: &str, width: usize) -> Line<'static> {
    let cells = (cols.iter())
        .map(|(h, w)| (crate::text::fit(h, *w), style::muted()))
        .collect();
    row(cells, last, width).patch_style(style::muted())
}

/// The header of a list of names with figures on the right.
pub fn name_header(name: &str, figures: &str, width: usize) -> Line<'static> {
    use crate::text::{fit, fit_right, width as w};
    let right = w(figures).min(width);
    let left = width.saturating_sub(right + 1);
    row(
        vec![(fit(name, left), style::muted())],
        &fit_right(figures, width.saturating_sub(left + 1)),
        width,
    )
    .patch_style(style::muted())
}

/// A status cell: plain text padded to the widest label, in its colour.
pub fn status_cell(
    app: &crate::app::App,
    s: crate::model::Status,
) -> (String, ratatui::style::Style) {
    let l = app.labels;
    (
        crate::text::fit(l.status(s), l.status_width()),
        style::status(s),
    )
}

/// A percentage, right-aligned in four columns.
pub fn percent_cell(p: u8) -> (String, ratatui::style::Style) {
    (format!("{p:>3}%"), ratatui::style::Style::new())
}

/// A task's light cell: its label padded to the widest, in its colour;
/// from the standings, worked out when progress changes.
pub fn light_cell(
    app: &crate::app::App,
    task: crate::app::TaskRef,
) -> (String, ratatui::style::Style) {
    use crate::app::overview::{light_cell_label, light_width};
    let lang = app.labels.lang;
    match app.standings().light(task) {
        Some((light, _)) => (
            crate::text::fit(light_cell_label(lang, light), light_width(lang)),
            style::light(light),
        ),
        None => blank_cell(light_width(lang)),
    }
}

/// An empty cell `width` columns wide.
pub fn blank_cell(width: usize) -> (String, ratatui::style::Style) {
    (" ".repeat(width), ratatui::style::Style::new())
}
