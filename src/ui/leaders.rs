//! The leaders tab: the leader list and the selected leader's tasks.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::list::{ListPane, header, light_cell, name_header, percent_cell, row, status_cell};
use crate::app::columns::{self, Column};
use crate::app::{App, Tab, TaskRef};
use crate::model::TaskKind;
use crate::text::{fit_right, width};

pub fn draw_leaders(frame: &mut Frame, app: &App, rect: Rect, focused: bool) {
    let groups = &app.index.group_names;
    let title = if app.data.plan.by_section {
        app.labels.pane_sections
    } else {
        app.labels.pane_leaders
    };
    let heads = columns::heads(app.labels.lang);
    let inner = usize::from(rect.width.saturating_sub(2));
    let pane = ListPane {
        title,
        focused,
        cursor: app.nav.leaders.leaders,
        len: groups.len(),
        top: None,
        header: Some(name_header(heads.leader_name, heads.leader_counts, inner)),
    };
    pane.draw(frame, rect, |i, w| {
        let Some(name) = groups.get(i) else {
            return row(Vec::new(), "", w);
        };
        let tasks = app.index.leader_tasks.get(i).map_or(0, Vec::len);
        let projects = app.index.group_projects.get(i).copied().unwrap_or(0);
        let done = (app.standings().leader_completion.get(i).copied()).unwrap_or(0);
        let counts = format!("{}+{projects} {done:>3}%", tasks - projects);
        let left = w.saturating_sub(width(&counts) + 1);
        row(
            vec![(crate::text::fit(name, left), Style::new())],
            &fit_right(&counts, w.saturating_sub(left + 1)),
            w,
        )
    });
}

/// The number a task list shows: `16` for a key task, `M3` for a project.
pub fn number(app: &App, r: TaskRef) -> String {
    match app.task(r) {
        Some(t) if t.kind == TaskKind::Project => t.id.to_string(),
        Some(t) => t.number.to_string(),
        None => String::new(),
    }
}

pub fn draw_tasks(frame: &mut Frame, app: &App, rect: Rect, focused: bool) {
    let tasks = app.leader_tasks();
    let name =
        (app.index.group_names.get(app.nav.leaders.leaders.sel)).map_or(String::new(), |g| {
            let short = g.split_whitespace().next().unwrap_or_default();
            format!("{} {short}", app.labels.pane_tasks)
        });
    let title = name + &crate::app::task_filter::title_note(app);
    let mut cols: Vec<(String, usize)> = (columns::task_list(Tab::Leaders, app.labels).iter())
        .map(|c| match c.column {
            Column::Number => (c.head.to_string(), app.leader_number_width().max(c.width)),
            _ => (c.head.to_string(), c.width),
        })
        .collect();
    let number_w = cols.first().map_or(3, |c| c.1);
    if let Some(first) = cols.first_mut() {
        first.0 = fit_right(&first.0, number_w);
    }
    let inner = usize::from(rect.width.saturating_sub(2));
    let pane = ListPane {
        title: &title,
        focused,
        cursor: app.nav.leaders.tasks,
        len: tasks.len(),
        top: None,
        header: Some(header(&cols, columns::heads(app.labels.lang).task, inner)),
    };
    pane.draw(frame, rect, |i, w| {
        let Some(task) = tasks.get(i).and_then(|r| app.task(*r)) else {
            return row(Vec::new(), "", w);
        };
        let (status, pct) = app.progress.state(task);
        let cells = vec![
            (fit_right(&number(app, tasks[i]), number_w), Style::new()),
            light_cell(app, tasks[i]),
            status_cell(app, status),
            percent_cell(pct),
        ];
        row(cells, task.headline(), w)
    });
}
