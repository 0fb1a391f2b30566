//! The task lists of the current selection as `F` narrows them, and the
//! figures drawn over them (the number column's width, the reports the
//! selected unit owes). Kept in the app and worked out again by `update`
//! when the filter, the selection or the standings change, so a frame
//! never filters a whole list: at 1,000,000 tasks a leader has 125,000.

use super::{App, Duty, ProjectRow, TaskFilter, TaskRef};

/// What the lists were narrowed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    filter: Option<TaskFilter>,
    leader: usize,
    unit: Option<usize>,
    /// [`App::version`]: bumped when the standings or the duties change.
    version: u64,
}

/// The narrowed lists; empty without a filter (the lists are the index's).
#[derive(Debug, Clone, Default)]
pub(crate) struct Narrowed {
    key: Option<Key>,
    pub(super) tasks: Vec<TaskRef>,
    /// The widest number among `tasks`.
    pub(super) number_width: usize,
    pub(super) duties: Vec<Duty>,
    pub(super) projects: Vec<ProjectRow>,
    /// The reports the selected unit owes among its (narrowed) duties.
    pub(super) owed: usize,
}

fn key(app: &App) -> Key {
    Key {
        filter: app.nav.filter,
        leader: app.nav.leaders.leaders.sel,
        unit: app.selected_unit(),
        version: app.version,
    }
}

impl App {
    /// The narrowed lists, when they are up to date.
    pub(super) fn narrowed(&self) -> Option<&Narrowed> {
        (self.narrowed.key == Some(key(self))).then_some(&self.narrowed)
    }
}

/// Works the lists out again if what they depend on changed.
pub(super) fn refresh(app: &mut App) {
    let key = key(app);
    if app.narrowed.key == Some(key) {
        return;
    }
    // Cleared first so the lists below are worked out, not looked up.
    app.narrowed.key = None;
    let mut n = Narrowed {
        key: Some(key),
        owed: super::year::owed_reports(app),
        ..Narrowed::default()
    };
    if key.filter.is_some() {
        n.tasks = app.leader_tasks().into_owned();
        n.number_width = app.leader_number_width();
        n.duties = app.unit_duties().into_owned();
        n.projects = app.project_rows().into_owned();
    }
    app.narrowed = n;
}
