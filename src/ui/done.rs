//! The `d` question: mark the selected task done? y/n.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::style;
use crate::app::{App, MarkDone};
use crate::text::{self, truncate};

/// The popup's widest width.
const MAX_WIDTH: u16 = 64;

pub fn draw(frame: &mut Frame, app: &App, ask: &MarkDone) {
    let words = app.labels.editor();
    let area = frame.area();
    let w = area.width.saturating_sub(4).min(MAX_WIDTH);
    let inner = usize::from(w.saturating_sub(2));
    if inner < 4 {
        return;
    }
    let mut lines = vec![Line::styled(
        truncate(&format!("{} {}", ask.id, ask.title), inner).into_owned(),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    let question = words.done_ask.replace("{date}", &app.today().to_string());
    lines.extend(
        text::wrap(&question, inner)
            .into_iter()
            .map(|l| Line::raw(l.to_string())),
    );
    let h = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    super::popup::clear(frame, rect);
    let block = style::block(words.done_title, true, rect.width);
    let body = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), body);
}
