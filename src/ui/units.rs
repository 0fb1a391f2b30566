//! The units tab: units by load with a filter line, and a unit's duties.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::list::{ListPane, header, light_cell, name_header, percent_cell, row, status_cell};
use super::style;
use crate::app::columns::{self, Column};
use crate::app::{App, Mode, Role, Tab};
use crate::text::{fit_right, width};

pub fn draw_units(frame: &mut Frame, app: &App, rect: Rect, focused: bool) {
    let l = app.labels;
    let view = &app.nav.units;
    let editing = app.mode == Mode::UnitFilter;
    let prompt = format!("{}: ", l.filter);
    let room = usize::from(rect.width.saturating_sub(2)).saturating_sub(width(&prompt) + 1);
    let (shown, col) = super::search::input_view(&view.filter, room);
    let top = if view.filter.is_empty() && !editing {
        Line::from(vec![
            Span::styled(prompt.clone(), style::muted()),
            Span::styled(l.filter_hint, style::muted()),
        ])
    } else {
        Line::from(vec![
            Span::styled(prompt.clone(), style::key()),
            Span::raw(shown.to_string()),
        ])
    };
    let title = format!(
        "{} {}/{}",
        l.pane_units,
        view.shown.len(),
        app.data.units.len()
    );
    let heads = columns::heads(l.lang);
    let pane = ListPane {
        title: &title,
        focused,
        cursor: view.units,
        len: view.shown.len(),
        top: Some(top),
        header: Some(name_header(
            heads.unit_name,
            heads.unit_counts,
            usize::from(rect.width.saturating_sub(2)),
        )),
    };
    let inner = pane.draw(frame, rect, |i, w| {
        let Some(unit) = view
            .shown
            .get(i)
            .and_then(|&u| app.data.units.get(u).map(|x| (u, x)))
        else {
            return row(Vec::new(), "", w);
        };
        let (lead, co, members) = app.index.load(unit.0);
        let counts = format!(
            "{}{lead:>2} {}{:>3}",
            l.lead_count,
            l.co_count,
            co + members
        );
        let left = w.saturating_sub(width(&counts) + 1);
        row(
            vec![(crate::text::fit(&unit.1.name, left), Style::new())],
            &fit_right(&counts, w.saturating_sub(left + 1)),
            w,
        )
    });
    if editing {
        // The real cursor where the next character goes, so an input
        // method's candidate window opens in place.
        let x = inner.x + u16::try_from(width(&prompt) + col).unwrap_or(0);
        let y = inner.y.saturating_sub(2);
        if x < inner.right() && y >= rect.y {
            frame.set_cursor_position(Position { x, y });
        }
    }
}

pub fn draw_duties(frame: &mut Frame, app: &App, rect: Rect, focused: bool) {
    let l = app.labels;
    let duties = app.unit_duties();
    let unit = app.selected_unit().and_then(|u| app.data.units.get(u));
    let title = match unit {
        Some(u) if !u.aliases.is_empty() => {
            format!(
                "{} {} ({} {})",
                l.pane_duties,
                u.name,
                l.aliases,
                u.aliases.join("、")
            )
        }
        Some(u) => format!("{} {}", l.pane_duties, u.name),
        None => l.pane_duties.to_string(),
    };
    let title = match crate::app::year::owed_note(app) {
        Some(note) => format!("{title} · {note}"),
        None => title,
    };
    let title = title + &crate::app::task_filter::title_note(app);
    let cols = columns::task_list(Tab::Units, l);
    let heads: Vec<(String, usize)> = cols.iter().map(|c| (c.head.to_string(), c.width)).collect();
    let width_of = |column| {
        cols.iter()
            .find(|c| c.column == column)
            .map_or(0, |c| c.width)
    };
    let (role_width, id_width, leader_width) = (
        width_of(Column::Role),
        width_of(Column::Id),
        width_of(Column::Leader),
    );
    let inner = usize::from(rect.width.saturating_sub(2));
    let pane = ListPane {
        title: &title,
        focused,
        cursor: app.nav.units.duties,
        len: duties.len(),
        top: None,
        header: Some(header(&heads, columns::heads(l.lang).task, inner)),
    };
    pane.draw(frame, rect, |i, w| {
        let Some((duty, task)) = duties
            .get(i)
            .and_then(|d| app.task(d.task()).map(|t| (d, t)))
        else {
            return row(Vec::new(), "", w);
        };
        let (role, role_style) = match duty.role() {
            Role::Lead => (l.role_lead, Style::new().fg(ratatui::style::Color::Cyan)),
            Role::Co => (l.role_co, Style::new()),
            Role::Members => (l.role_member, style::muted()),
        };
        let leader = task
            .leader
            .as_deref()
            .and_then(|id| app.data.leader(id))
            .map_or("", |ld| ld.name.as_str());
        let (status, pct) = app.progress.state(task);
        let cells = vec![
            (crate::text::fit(role, role_width), role_style),
            (crate::text::fit(&task.id, id_width), Style::new()),
            (crate::text::fit(leader, leader_width), Style::new()),
            light_cell(app, duty.task()),
            status_cell(app, status),
            percent_cell(pct),
        ];
        row(cells, task.headline(), w)
    });
}
