//! The bottom bar: the keys that work where the user is.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style;
use crate::app::{App, help};
use crate::text::width;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let room = usize::from(area.width);
    let mut used = 0;
    let mut spans = Vec::new();
    for (key, what) in help::bar(app) {
        let w = 1 + width(key) + 1 + width(what) + 1;
        if used + w > room {
            break;
        }
        used += w;
        spans.push(Span::raw(" "));
        spans.push(Span::styled(key, style::key()));
        spans.push(Span::raw(format!(" {what} ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
