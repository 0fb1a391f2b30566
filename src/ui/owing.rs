//! The overview's table of units owing reports (逾期未报单位): each unit
//! with the number of reports it owes and their task IDs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::list::row;
use super::style;
use crate::app::{App, Lang};
use crate::lights::Light;
use crate::text::width;

struct Words {
    title: &'static str,
    none: &'static str,
}

const ZH: Words = Words {
    title: "逾期未报单位",
    none: "无逾期未报单位",
};

const EN: Words = Words {
    title: "Units owing reports",
    none: "No unit owes a report",
};

pub fn draw(frame: &mut Frame, app: &App, rect: Rect) {
    let w = match app.labels.lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    };
    let units = &app.standings().owing;
    let title = format!("{} ({})", w.title, units.len());
    let block = style::block(&title, false, rect.width);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let cols = usize::from(inner.width);
    if units.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::from(w.none).style(style::muted())),
            inner,
        );
        return;
    }
    let unit_width = app.owing_unit_width().min(cols / 3);
    let lines: Vec<Line> = units
        .iter()
        .take(usize::from(inner.height))
        .map(|u| {
            // Only the IDs that fit: a unit may owe thousands.
            let mut room = cols;
            let ids: Vec<&str> = (u.tasks.iter().map(|t| t.id.as_str()))
                .take_while(|id| {
                    let fits = room > 0;
                    room = room.saturating_sub(width(id) + 1);
                    fits
                })
                .collect();
            let cells = vec![
                (crate::text::fit(&u.unit, unit_width), Style::new()),
                (
                    crate::text::fit_right(&u.tasks.len().to_string(), 3),
                    style::light(Light::Overdue),
                ),
            ];
            row(cells, &ids.join(" "), cols)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
