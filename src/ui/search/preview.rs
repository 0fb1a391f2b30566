//! The preview of the selected hit: a task's, project's or sub-item's
//! detail as the detail pane lays it out; a unit's aliases, load and
//! duties; a leader's tasks and projects.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::super::list::{row, status_cell};
use super::super::style;
use crate::app::detail::Tone;
use crate::app::search::{self, Found};
use crate::app::{App, Role, Subject};
use crate::search::Hit;
use crate::text::{fit, truncate};

/// At most `height` lines, `w` columns wide.
pub fn lines(app: &App, hit: &Hit, w: usize, height: usize) -> Vec<Line<'static>> {
    let mut out = match search::resolve(app, &hit.target) {
        Some(Found::Task(r)) => doc(app, Subject::Task(r), w, height),
        Some(Found::Item(r, i)) => doc(app, Subject::Item(r, i), w, height),
        Some(Found::Unit(u)) => unit(app, u, w, height),
        Some(Found::Leader(i)) => leader(app, i, w, height),
        None => Vec::new(),
    };
    out.truncate(height);
    out
}

fn doc(app: &App, subject: Subject, w: usize, height: usize) -> Vec<Line<'static>> {
    (app.detail_at(subject, w).lines.iter())
        .take(height)
        .map(|segs| {
            Line::from(
                segs.iter()
                    .map(|seg| Span::styled(seg.text.clone(), style::tone(seg.tone)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

fn title(s: &str, w: usize) -> Line<'static> {
    Line::from(Span::styled(
        truncate(s, w).into_owned(),
        style::tone(Tone::Title),
    ))
}

fn muted(s: &str, w: usize) -> Line<'static> {
    Line::from(Span::styled(truncate(s, w).into_owned(), style::muted()))
}

fn unit(app: &App, u: usize, w: usize, height: usize) -> Vec<Line<'static>> {
    let l = app.labels;
    let Some(unit) = app.data.units.get(u) else {
        return Vec::new();
    };
    let mut out = vec![title(&unit.name, w)];
    if !unit.aliases.is_empty() {
        out.push(muted(
            &format!("{} {}", l.aliases, unit.aliases.join("、")),
            w,
        ));
    }
    let (lead, co, members) = app.index.load(u);
    out.push(muted(
        &format!(
            "{} {lead}  {} {co}  {} {members}",
            l.role_lead, l.role_co, l.role_member
        ),
        w,
    ));
    out.push(Line::default());
    let duties = app.index.duties.get(u).unwrap_or_default();
    let role_w = [l.role_lead, l.role_co, l.role_member]
        .iter()
        .map(|s| crate::text::width(s))
        .max()
        .unwrap_or(0);
    for duty in duties.iter().take(height.saturating_sub(out.len())) {
        let Some(task) = app.task(duty.task()) else {
            continue;
        };
        let role = match duty.role() {
            Role::Lead => l.role_lead,
            Role::Co => l.role_co,
            Role::Members => l.role_member,
        };
        let cells = vec![
            (fit(role, role_w), Style::new()),
            (fit(&task.id, 6), Style::new()),
        ];
        out.push(row(cells, task.headline(), w));
    }
    out
}

fn leader(app: &App, i: usize, w: usize, height: usize) -> Vec<Line<'static>> {
    let l = app.labels;
    let Some(leader) = app.data.plan.leaders.get(i) else {
        return Vec::new();
    };
    let tasks = app.index.leader_tasks.get(i).map_or(&[][..], Vec::as_slice);
    let projects = app.index.group_projects.get(i).copied().unwrap_or(0);
    let mut out = vec![
        title(&format!("{} {}", leader.name, leader.title), w),
        muted(
            &format!(
                "{} {}  {} {projects}",
                l.key_tasks,
                tasks.len() - projects,
                l.projects
            ),
            w,
        ),
        Line::default(),
    ];
    for r in tasks.iter().take(height.saturating_sub(out.len())) {
        let Some(task) = app.task(*r) else {
            continue;
        };
        let (status, _) = app.progress.state(task);
        let cells = vec![(fit(&task.id, 6), Style::new()), status_cell(app, status)];
        out.push(row(cells, task.headline(), w));
    }
    out
}
