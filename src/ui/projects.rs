//! The projects tab: the livelihood projects with their sub-items.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::list::{ListPane, percent_cell, row, status_cell};
use crate::app::App;
use crate::text::fit_right;

pub fn draw(frame: &mut Frame, app: &App, rect: Rect, focused: bool) {
    let rows = &app.index.project_rows;
    let pane = ListPane {
        title: app.labels.pane_projects,
        focused,
        cursor: app.nav.projects.rows,
        len: rows.len(),
        top: None,
    };
    pane.draw(frame, rect, |i, w| {
        let Some((r, task)) = rows.get(i).and_then(|r| app.task(r.task).map(|t| (r, t))) else {
            return row(Vec::new(), "", w);
        };
        match r.item.and_then(|n| task.items.get(n)) {
            Some(item) => {
                let (status, pct) = app.progress.item_state(&item.id);
                let cells = vec![
                    (fit_right(&item.id, 6), Style::new()),
                    status_cell(app, status),
                    percent_cell(pct),
                ];
                row(cells, &item.text, w)
            }
            None => {
                let (status, pct) = app.progress.state(task);
                let bold = Style::new().add_modifier(Modifier::BOLD);
                let cells = vec![
                    (crate::text::fit(&task.id, 6), bold),
                    status_cell(app, status),
                    percent_cell(pct),
                ];
                row(cells, task.headline(), w).patch_style(bold)
            }
        }
    });
}
