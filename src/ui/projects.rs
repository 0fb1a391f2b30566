//! The projects tab: the livelihood projects with their sub-items.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::list::{ListPane, blank_cell, header, light_cell, percent_cell, row, status_cell};
use crate::app::columns::{self, Column};
use crate::app::{App, Tab};
use crate::text::fit_right;

pub fn draw(frame: &mut Frame, app: &App, rect: Rect, focused: bool) {
    let rows = app.project_rows();
    let title = app.labels.pane_projects.to_string() + &crate::app::task_filter::title_note(app);
    let cols = columns::task_list(Tab::Projects, app.labels);
    let heads: Vec<(String, usize)> = cols.iter().map(|c| (c.head.to_string(), c.width)).collect();
    let id_w = (cols.iter().find(|c| c.column == Column::Id)).map_or(6, |c| c.width);
    let light_w = (cols.iter().find(|c| c.column == Column::Light)).map_or(0, |c| c.width);
    let inner = usize::from(rect.width.saturating_sub(2));
    let pane = ListPane {
        title: &title,
        focused,
        cursor: app.nav.projects.rows,
        len: rows.len(),
        top: None,
        header: Some(header(
            &heads,
            columns::heads(app.labels.lang).project,
            inner,
        )),
    };
    pane.draw(frame, rect, |i, w| {
        let Some((r, task)) = rows.get(i).and_then(|r| app.task(r.task).map(|t| (r, t))) else {
            return row(Vec::new(), "", w);
        };
        match r.item.and_then(|n| task.items.get(n)) {
            Some(item) => {
                let (status, pct) = app.progress.item_state(&item.id);
                // A sub-item has no light of its own.
                let cells = vec![
                    (fit_right(&item.id, id_w), Style::new()),
                    blank_cell(light_w),
                    status_cell(app, status),
                    percent_cell(pct),
                ];
                row(cells, &item.text, w)
            }
            None => {
                let (status, pct) = app.progress.state(task);
                let bold = Style::new().add_modifier(Modifier::BOLD);
                let cells = vec![
                    (crate::text::fit(&task.id, id_w), bold),
                    light_cell(app, r.task),
                    status_cell(app, status),
                    percent_cell(pct),
                ];
                row(cells, task.headline(), w).patch_style(bold)
            }
        }
    });
}
