//! The help popup: every key by pane, filtered by what the user types.

use ratatui::Frame;
use ratatui::layout::Position;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style;
use crate::app::{App, help, layout};
use crate::text::{fit, tail, width};

pub fn draw(frame: &mut Frame, app: &App, filter: &str, scroll: usize) {
    let l = app.labels;
    let area = layout::popup(frame.area());
    if area.width < 4 || area.height < 3 {
        return;
    }
    super::popup::clear(frame, area);
    let title = format!("{} ({})", l.help_title, l.help_filter);
    let keys = help::filtered(l, filter);
    let rows = usize::from(area.height.saturating_sub(3));
    let last = (scroll + rows).min(keys.len());
    let block = style::block(&title, true, area.width).title_bottom(format!(
        " {}-{last}/{} ",
        (scroll + 1).min(last),
        keys.len()
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let w = usize::from(inner.width);
    let prompt = format!("{}: ", l.filter);
    let shown = tail(filter, w.saturating_sub(width(&prompt) + 1));
    let mut lines = vec![Line::from(vec![
        Span::styled(prompt.clone(), style::key()),
        Span::raw(shown.to_string()),
    ])];
    let scope_w = keys
        .iter()
        .map(|k| width(k.scope.name(l.lang)))
        .max()
        .unwrap_or(0);
    let keys_w = keys.iter().map(|k| width(k.keys)).max().unwrap_or(0);
    for key in keys.iter().skip(scroll).take(rows) {
        let scope = fit(key.scope.name(l.lang), scope_w.min(w));
        let rest = w.saturating_sub(width(&scope) + 1);
        let keys = fit(key.keys, keys_w.min(rest));
        let what = fit(key.what(l.lang), rest.saturating_sub(width(&keys) + 1));
        lines.push(Line::from(vec![
            Span::styled(scope, style::muted()),
            Span::raw(" "),
            Span::styled(keys, style::key()),
            Span::raw(" "),
            Span::raw(what),
        ]));
    }
    if keys.is_empty() {
        lines.push(Line::from(Span::styled(l.nothing, style::muted())));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    let x = inner.x + u16::try_from(width(&prompt) + width(shown)).unwrap_or(0);
    if x < inner.right() {
        frame.set_cursor_position(Position { x, y: inner.y });
    }
}
