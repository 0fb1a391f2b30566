//! The bottom bar: the keys that work where the user is, or a notice on
//! why the last key did nothing. `?` (help) and `q` (quit) always stay;
//! when the bar is short, the hints after the last that fits are dropped.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style;
use crate::app::{App, hints};
use crate::text::{truncate, width};

/// Keys the bar never drops.
const KEPT: [&str; 2] = ["?", "q"];

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let room = usize::from(area.width);
    let cost = |(key, what): &(&str, &str)| 1 + width(key) + 1 + width(what) + 1;
    let all = hints::bar(app);
    let kept: Vec<_> = all.iter().filter(|(k, _)| KEPT.contains(k)).collect();
    let kept_w: usize = kept.iter().map(|k| cost(k)).sum();
    let mut spans = Vec::new();
    let mut shown: Vec<&(&str, &str)> = Vec::new();
    if let Some(notice) = app.notice {
        let text = truncate(
            notice.text(app.labels.lang),
            room.saturating_sub(kept_w + 2),
        );
        spans.push(Span::styled(
            format!(" {text} "),
            Style::new().fg(Color::Yellow),
        ));
        shown = kept;
    } else {
        let mut used = kept_w;
        for item in &all {
            if KEPT.contains(&item.0) {
                shown.push(item);
            } else if used + cost(item) <= room {
                used += cost(item);
                shown.push(item);
            } else {
                // Lower-priority hints go first: none after one that does not fit.
                used = room;
            }
        }
    }
    for (key, what) in shown {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(*key, style::key()));
        spans.push(Span::raw(format!(" {what} ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
