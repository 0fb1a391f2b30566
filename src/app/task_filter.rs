//! `F`: the task lists (a leader's tasks, a unit's duties, the projects)
//! show only tasks of one light or one status. Each press moves to the
//! next choice; Esc clears it. A project's sub-items show with it.

use std::borrow::Cow;

use super::{App, Cursor, DetailView, Duty, Lang, ProjectRow, Tab, TaskRef, nav};
use crate::lights::Light;
use crate::model::Status;

/// What the task lists are narrowed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskFilter {
    Light(Light),
    Status(Status),
}

impl TaskFilter {
    /// The choice after `now`: every light (most urgent first), every
    /// status, then none.
    pub fn next(now: Option<TaskFilter>) -> Option<TaskFilter> {
        let all: Vec<TaskFilter> = (Light::ALL.map(TaskFilter::Light).into_iter())
            .chain(Status::ALL.map(TaskFilter::Status))
            .collect();
        match now {
            None => all.first().copied(),
            Some(f) => {
                let i = all.iter().position(|x| *x == f)?;
                all.get(i + 1).copied()
            }
        }
    }

    /// The choice as the list titles show it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TaskFilter::Light(l) => super::overview::light_label(lang, l),
            TaskFilter::Status(s) => match lang {
                Lang::Zh => s.label_zh(),
                Lang::En => s.label_en(),
            },
        }
    }

    /// Whether a task passes: its light from the standings, its status
    /// from the progress.
    pub fn passes(self, app: &App, task: TaskRef) -> bool {
        match self {
            TaskFilter::Light(l) => app.standings().light(task).map(|x| x.0) == Some(l),
            TaskFilter::Status(s) => app.task(task).map(|t| app.progress.state(t).0) == Some(s),
        }
    }
}

/// The title's note on the filter, e.g. ` [F 红灯]`; empty without one.
pub fn title_note(app: &App) -> String {
    app.nav.filter.map_or(String::new(), |f| {
        format!(" [F {}]", f.label(app.labels.lang))
    })
}

impl App {
    fn passes(&self, task: TaskRef) -> bool {
        self.nav.filter.is_none_or(|f| f.passes(self, task))
    }

    /// The tasks of the selected leader that pass the filter.
    pub fn leader_tasks(&self) -> Cow<'_, [TaskRef]> {
        let all = (self.index.leader_tasks.get(self.nav.leaders.leaders.sel))
            .map_or(&[][..], Vec::as_slice);
        match self.narrowed() {
            Some(n) if self.nav.filter.is_some() => Cow::Borrowed(&n.tasks),
            _ => narrow(self, all, |r| *r),
        }
    }

    /// The widest number among [`App::leader_tasks`], in columns.
    pub fn leader_number_width(&self) -> usize {
        let sel = self.nav.leaders.leaders.sel;
        match self.narrowed() {
            _ if self.nav.filter.is_none() => {
                self.index.group_number_w.get(sel).copied().unwrap_or(0)
            }
            Some(n) => n.number_width,
            None => (self.leader_tasks().iter())
                .filter_map(|r| self.task(*r))
                .map(super::index::number_width)
                .fold(0, usize::max),
        }
    }

    /// The duties of the selected unit whose task passes the filter.
    pub fn unit_duties(&self) -> Cow<'_, [Duty]> {
        let all = (self.selected_unit())
            .and_then(|u| self.index.duties.get(u))
            .unwrap_or_default();
        match self.narrowed() {
            Some(n) if self.nav.filter.is_some() => Cow::Borrowed(&n.duties),
            _ => narrow(self, all, |d| d.task()),
        }
    }

    /// The projects list's rows whose project passes the filter.
    pub fn project_rows(&self) -> Cow<'_, [ProjectRow]> {
        match self.narrowed() {
            Some(n) if self.nav.filter.is_some() => Cow::Borrowed(&n.projects),
            _ => narrow(self, &self.index.project_rows, |r| r.task),
        }
    }
}

/// `all`, or the rows whose task passes the filter when one is set.
fn narrow<'a, T: Clone>(app: &App, all: &'a [T], task: impl Fn(&T) -> TaskRef) -> Cow<'a, [T]> {
    match app.nav.filter {
        None => Cow::Borrowed(all),
        Some(_) => Cow::Owned(
            all.iter()
                .filter(|x| app.passes(task(x)))
                .cloned()
                .collect(),
        ),
    }
}

/// Whether a tab lists tasks that `F` can narrow.
pub fn filters(tab: Tab) -> bool {
    tab != Tab::Overview
}

/// Sets the filter; the task lists start from their top.
pub(super) fn set(app: &mut App, filter: Option<TaskFilter>) {
    app.nav.filter = filter;
    app.nav.leaders.tasks = Cursor::default();
    app.nav.leaders.detail = DetailView::default();
    app.nav.units.duties = Cursor::default();
    app.nav.units.detail = DetailView::default();
    app.nav.projects.rows = Cursor::default();
    app.nav.projects.detail = DetailView::default();
    nav::fit_all(app);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f_cycles_through_every_light_and_status_then_off() {
        let mut seen = Vec::new();
        let mut f = TaskFilter::next(None);
        while let Some(x) = f {
            assert!(!seen.contains(&x), "{x:?} twice");
            seen.push(x);
            f = TaskFilter::next(f);
        }
        assert_eq!(seen.len(), Light::ALL.len() + Status::ALL.len());
    }
}
