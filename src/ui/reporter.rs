//! The reporter prompt (see `app::reporter`): unit with its completions,
//! name, and the keys; the terminal cursor sits where the next character
//! of the field being typed goes, so an input method's candidate window
//! opens in place.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::popup;
use crate::app::App;
use crate::app::reporter::{Field, Problem, ReporterPrompt, words};
use crate::text::{printable, truncate, width, wrap};

/// Completions shown under the unit at most.
const SHOWN: usize = 5;

/// The widest the prompt's text runs, in columns.
const WIDEST: usize = 76;

pub fn draw(frame: &mut Frame, app: &App, prompt: &ReporterPrompt) {
    let w = words(app.labels.lang);
    let area = frame.area();
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_row = None;
    let mut cursor_col = 0;
    let problem = |p: &Problem| match p {
        Problem::UnknownUnit(given) => format!("{}{}", w.unknown, printable(given)),
        Problem::NotSaved(error) => format!("{}{}", w.not_saved, printable(error)),
    };
    // Long texts (an error, the intro in a narrow window) wrap.
    let room = usize::from(area.width.saturating_sub(4)).min(WIDEST);
    let wrapped = |text: &str| -> Vec<Line<'static>> {
        (wrap(text, room).into_iter())
            .map(|l| Line::from(l.to_string()))
            .collect()
    };
    if let Some(p @ Problem::NotSaved(_)) = &prompt.problem {
        lines.extend(wrapped(&problem(p)));
        lines.push(Line::from(w.close));
    } else {
        lines.extend(wrapped(w.intro));
        lines.push(Line::from(""));
        if prompt.field == Field::Unit {
            cursor_row = Some(lines.len());
            cursor_col = width(w.unit) + prompt.unit.cursor_column();
        }
        lines.push(field(
            w.unit,
            prompt.unit.text(),
            prompt.field == Field::Unit,
        ));
        let shown = prompt.matches.len().min(SHOWN);
        let first = prompt.chosen.saturating_sub(shown.saturating_sub(1));
        for (k, &u) in prompt.matches.iter().enumerate().skip(first).take(shown) {
            let name = app.data.units.get(u).map_or("", |u| u.name.as_str());
            let style = if k == prompt.chosen && prompt.field == Field::Unit {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new().add_modifier(Modifier::DIM)
            };
            lines.push(Line::from(vec![
                Span::raw(" ".repeat(width(w.unit))),
                Span::styled(name.to_string(), style),
            ]));
        }
        if prompt.field == Field::Name {
            cursor_row = Some(lines.len());
            cursor_col = width(w.name) + prompt.name.cursor_column();
        }
        lines.push(field(
            w.name,
            prompt.name.text(),
            prompt.field == Field::Name,
        ));
        lines.push(Line::from(""));
        if let Some(p) = &prompt.problem {
            lines.extend(wrapped(&problem(p)));
        }
        lines.push(Line::from(w.keys));
    }
    let widest = lines.iter().map(Line::width).max().unwrap_or(0);
    let wide = u16::try_from(widest + 4).unwrap_or(u16::MAX).max(40);
    let rect_w = wide.min(area.width);
    let rect_h = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = Rect::new(
        area.x + (area.width - rect_w) / 2,
        area.y + (area.height - rect_h) / 2,
        rect_w,
        rect_h,
    );
    let room = usize::from(rect_w.saturating_sub(4));
    let inner_x = rect.x + 2;
    let shown: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            if l.width() <= room {
                l
            } else {
                let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
                Line::from(truncate(&text, room).into_owned())
            }
        })
        .map(|l| {
            let mut spans = vec![Span::raw(" ")];
            spans.extend(l.spans);
            Line::from(spans)
        })
        .collect();
    popup::clear(frame, rect);
    let title = format!(" {} ", truncate(w.title, room));
    frame.render_widget(
        Paragraph::new(shown).block(Block::default().borders(Borders::ALL).title(title)),
        rect,
    );
    if let Some(row) = cursor_row {
        let x = usize::from(inner_x) + cursor_col;
        let y = usize::from(rect.y) + 1 + row;
        if let (Ok(x), Ok(y)) = (u16::try_from(x), u16::try_from(y))
            && x < rect.right().saturating_sub(1)
            && y < rect.bottom().saturating_sub(1)
        {
            frame.set_cursor_position(Position { x, y });
        }
    }
}

/// `单位：市经信局`, the label bold when the field is being typed.
fn field<'a>(label: &'a str, text: &str, active: bool) -> Line<'a> {
    let style = if active {
        Style::new().add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::styled(label, style),
        Span::raw(printable(text).into_owned()),
    ])
}
