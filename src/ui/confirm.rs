//! A yes/no question over the dashboard (see `app::confirm`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::app::confirm::{Confirm, text};
use crate::text::{truncate, width};

pub fn draw(frame: &mut Frame, app: &App, confirm: &Confirm) {
    let (title, lines) = text(confirm, app.labels.lang);
    let area = frame.area();
    let widest = lines
        .iter()
        .map(|l| width(l))
        .max()
        .unwrap_or(0)
        .max(width(title));
    let w = (widest as u16 + 4).min(area.width);
    let h = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let room = usize::from(w.saturating_sub(4));
    let shown: Vec<Line> = lines
        .iter()
        .map(|l| Line::from(format!(" {}", truncate(l, room))))
        .collect();
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(shown).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", truncate(title, room))),
        ),
        rect,
    );
}
