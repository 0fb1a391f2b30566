//! The search popup `/`: one query over key tasks, livelihood projects and
//! their sub-items, units and leaders, through the search engine.
//!
//! The popup holds the query, the hits and the selection; the engine's
//! narrowing state (a [`crate::search::Searcher`]) lives in [`App`] and is
//! advanced here, in `update`, once per edit, never while drawing. On a
//! large dataset ([`BACKGROUND_FROM`]) an edit becomes an
//! [`Effect::Search`] instead: the event loop hands it to a search thread,
//! the popup keeps its hits until the answer comes back as
//! [`Action::Found`], and an answer to an older query is dropped. The
//! dashboard's own view is not touched while the popup is open, so Esc
//! leaves it exactly as it was; Enter jumps to the selected hit (a jump Esc
//! can come back from).

use ratatui::layout::{Position, Rect};

use super::layout;
use super::nav;
use super::update::{Action, Effect};
use super::{App, Cursor, DetailView, Mode, Pane, Popup, Tab, TaskRef};
use crate::line_edit::{Edit, LineEdit};
use crate::search::{Hit, Reply, Request, Target};

/// How many hits the popup keeps (best first).
pub const LIMIT: usize = 100;

/// From this many index entries (tasks, projects, sub-items, units and
/// leaders) the popup searches off the UI thread. At 10,000 a keystroke
/// can take a few milliseconds on a loaded machine; at 100,000, tens.
pub const BACKGROUND_FROM: usize = 10_000;

/// The popup's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchPopup {
    pub query: LineEdit,
    /// Hits for the query as it is now, best first.
    pub hits: Vec<Hit>,
    pub list: Cursor,
    /// The background search the popup waits for, by request number;
    /// `hits` are the previous query's until it answers.
    pub pending: Option<u64>,
    /// Enter was pressed while waiting: jump to the best hit of the
    /// answer when it comes.
    pub jump_on_answer: bool,
}

impl SearchPopup {
    /// Shows the hits for the query as it is now, from the top.
    fn show(&mut self, hits: Vec<Hit>) {
        self.hits = hits;
        self.list = Cursor::default();
        self.pending = None;
    }

    /// The selected hit, if any.
    pub fn selected(&self) -> Option<&Hit> {
        self.hits.get(self.list.sel)
    }
}

/// What a hit points at in the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// A key task or a livelihood project.
    Task(TaskRef),
    /// A project's sub-item: the project and the item's index.
    Item(TaskRef, usize),
    /// A unit, by registry index.
    Unit(usize),
    /// A leader, by plan order.
    Leader(usize),
}

/// The dataset entry a search target names.
pub fn resolve(app: &App, target: &Target) -> Option<Found> {
    let index = &app.index;
    match target {
        Target::Task(id) | Target::Project(id) => index.ids.task(id).map(Found::Task),
        Target::Item(id) => index.ids.item(id).map(|(r, i)| Found::Item(r, i)),
        Target::Unit(name) => index.unit_by_name.get(name).map(|&u| Found::Unit(u)),
        Target::Leader(id) => app
            .data
            .plan
            .leaders
            .iter()
            .position(|l| l.id == *id)
            .map(Found::Leader),
    }
}

/// Where the popup's parts go on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The bordered popup.
    pub outer: Rect,
    /// The query line.
    pub query: Rect,
    /// The hits, one per row.
    pub list: Rect,
    /// The line between the hits and the preview.
    pub rule: Rect,
    /// The preview of the selected hit.
    pub preview: Rect,
}

/// The popup's layout over a screen: the help popup's box, the query on
/// top, then the hits and the preview sharing the rest.
pub fn areas(screen: Rect) -> Areas {
    let outer = layout::popup(screen);
    let inner = Rect {
        x: outer.x.saturating_add(1),
        y: outer.y.saturating_add(1),
        width: outer.width.saturating_sub(2),
        height: outer.height.saturating_sub(2),
    };
    let rows = inner.height.saturating_sub(2);
    let list_h = rows.div_ceil(2);
    let row = |y: u16, height: u16| Rect { y, height, ..inner };
    let query = row(inner.y, inner.height.min(1));
    let list = row(query.bottom(), list_h);
    let rule = row(
        list.bottom(),
        inner.height.saturating_sub(1 + list_h).min(1),
    );
    let preview = row(rule.bottom(), rows - list_h);
    Areas {
        outer,
        query,
        list,
        rule,
        preview,
    }
}

/// The line edit an action asks for, in a mode where the user types a
/// line (the search query, the units filter).
pub(super) fn as_edit(action: &Action) -> Option<Edit> {
    match action {
        Action::Edit(e) => Some(*e),
        Action::Input(c) => Some(Edit::Insert(*c)),
        Action::DeleteChar => Some(Edit::Backspace),
        _ => None,
    }
}

/// `/`: an empty popup over the current view.
pub(super) fn open(app: &mut App) {
    app.searcher.reset();
    app.mode = Mode::Popup(Popup::Search(SearchPopup::default()));
}

/// An action while the popup is open.
pub(super) fn update(app: &mut App, action: Action) -> Effect {
    let areas = areas(app.area);
    let page = usize::from(areas.list.height);
    let App {
        mode,
        searcher,
        background_search,
        search_seq,
        ..
    } = app;
    let Mode::Popup(Popup::Search(popup)) = mode else {
        return Effect::None;
    };
    if let Some(edit) = as_edit(&action) {
        if !popup.query.apply(edit) {
            return Effect::None;
        }
        popup.jump_on_answer = false;
        let query = popup.query.text();
        if *background_search && !query.trim().is_empty() {
            *search_seq += 1;
            popup.pending = Some(*search_seq);
            return Effect::Search(Request {
                seq: *search_seq,
                query: query.to_string(),
                kind: None,
                limit: LIMIT,
            });
        }
        // The searcher narrows the previous hits when the query only
        // grew at its end; it starts afresh otherwise.
        popup.show(searcher.search(query, None, LIMIT));
        return Effect::None;
    }
    let len = popup.hits.len();
    let list = &mut popup.list;
    let step = isize::try_from(page.max(1)).unwrap_or(1);
    match action {
        Action::Down | Action::Wheel { down: true, .. } => list.step(1, len, page),
        Action::Up | Action::Wheel { down: false, .. } => list.step(-1, len, page),
        Action::PageDown => list.step(step, len, page),
        Action::PageUp => list.step(-step, len, page),
        Action::Top => list.select(0, len, page),
        Action::Bottom => list.select(len.saturating_sub(1), len, page),
        Action::Click { x, y } => {
            let pos = Position { x, y };
            if areas.list.contains(pos) {
                let row = list.visible(len, page).start + usize::from(y - areas.list.y);
                if row < len {
                    list.select(row, len, page);
                }
            } else if !areas.outer.contains(pos) {
                app.mode = Mode::Browse;
            }
        }
        Action::Back => app.mode = Mode::Browse,
        // The hits on screen are an older query's: Enter means the best
        // hit of the query typed.
        Action::Enter if popup.pending.is_some() => popup.jump_on_answer = true,
        Action::Enter => enter(app),
        _ => {}
    }
    Effect::None
}

/// Enter: jump to the selected hit, if it resolves.
fn enter(app: &mut App) {
    let Mode::Popup(Popup::Search(popup)) = &app.mode else {
        return;
    };
    let found = popup
        .selected()
        .map(|hit| hit.target.clone())
        .and_then(|target| resolve(app, &target));
    if let Some(found) = found {
        app.mode = Mode::Browse;
        jump(app, found);
    }
}

/// A background search's answer: shown if the popup is still open and
/// waiting for exactly this request; an answer to an older query (the user
/// typed on) or to a closed popup is dropped.
pub(super) fn found(app: &mut App, reply: Reply) {
    let Mode::Popup(Popup::Search(popup)) = &mut app.mode else {
        return;
    };
    if popup.pending != Some(reply.seq) {
        return;
    }
    popup.show(reply.hits);
    if std::mem::take(&mut popup.jump_on_answer) {
        enter(app);
    }
}

/// Shows a hit in its tab; Esc comes back.
pub(super) fn jump(app: &mut App, found: Found) {
    match found {
        Found::Task(task) if task.0 < app.data.tasks.len() => nav::jump_to_task(app, task),
        Found::Task(project) => show_project_row(app, project, None),
        Found::Item(project, item) => show_project_row(app, project, Some(item)),
        Found::Unit(unit) => show_unit(app, unit),
        Found::Leader(leader) => show_leader(app, leader),
    }
}

/// A cursor on row `at`, scrolled so the row is on top when it can be.
fn at(row: usize) -> Cursor {
    Cursor {
        sel: row,
        offset: row,
    }
}

fn show_project_row(app: &mut App, task: TaskRef, item: Option<usize>) {
    let row = app
        .index
        .project_rows
        .iter()
        .position(|r| r.task == task && r.item == item);
    nav::push_back(app);
    app.nav.tab = Tab::Projects;
    app.nav.projects.rows = at(row.unwrap_or(0));
    app.nav.projects.detail = DetailView::default();
    nav::set_focus(app, Pane::List);
}

fn show_unit(app: &mut App, unit: usize) {
    nav::push_back(app);
    app.nav.tab = Tab::Units;
    let units = &mut app.nav.units;
    units.filter.clear();
    units.shown = app.index.units_by_load.clone();
    let row = units.shown.iter().position(|&u| u == unit);
    units.units = at(row.unwrap_or(0));
    units.duties = Cursor::default();
    units.detail = DetailView::default();
    nav::set_focus(app, Pane::List);
}

fn show_leader(app: &mut App, leader: usize) {
    nav::push_back(app);
    app.nav.tab = Tab::Leaders;
    let leaders = &mut app.nav.leaders;
    leaders.leaders = at(leader);
    leaders.tasks = Cursor::default();
    leaders.detail = DetailView::default();
    nav::set_focus(app, Pane::List);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_popup_splits_between_hits_and_preview() {
        let a = areas(Rect::new(0, 0, 120, 40));
        assert_eq!(a.outer, Rect::new(18, 5, 84, 30));
        assert_eq!(a.query.y, 6);
        assert_eq!(a.list, Rect::new(19, 7, 82, 13));
        assert_eq!(a.rule.y, 20);
        assert_eq!(a.preview, Rect::new(19, 21, 82, 13));
        assert_eq!(a.preview.bottom(), a.outer.bottom() - 1);
    }

    #[test]
    fn a_tiny_screen_gives_empty_areas_not_a_panic() {
        let a = areas(Rect::new(0, 0, 3, 2));
        assert_eq!(a.list.height + a.preview.height, 0);
    }
}
