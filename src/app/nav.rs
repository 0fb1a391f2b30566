//! Moving around: selections, focus, jumps between tabs and back.

use super::layout::{inner_height, top_rows};
use super::update::Move;
use super::{App, Cursor, DetailView, Mode, Pane, Subject, Tab, TaskRef, overview};

/// Rows the list in `pane` shows (0 when the pane is not on screen).
fn list_height(app: &App, pane: Pane) -> usize {
    let h = app.screen().pane(pane).map_or(0, inner_height);
    h.saturating_sub(top_rows(app.nav.tab, pane))
}

/// How many rows the list in `pane` has.
fn list_len(app: &App, pane: Pane) -> usize {
    match (app.nav.tab, pane) {
        (Tab::Leaders, Pane::List) => app.index.group_names.len(),
        (Tab::Leaders, Pane::Middle) => app.leader_tasks().len(),
        (Tab::Units, Pane::List) => app.nav.units.shown.len(),
        (Tab::Units, Pane::Middle) => app.unit_duties().len(),
        (Tab::Projects, Pane::List) => app.project_rows().len(),
        (Tab::Overview, _) => overview::len(app, pane),
        _ => 0,
    }
}

fn cursor_mut(app: &mut App, pane: Pane) -> Option<&mut Cursor> {
    let nav = &mut app.nav;
    match (nav.tab, pane) {
        (Tab::Leaders, Pane::List) => Some(&mut nav.leaders.leaders),
        (Tab::Leaders, Pane::Middle) => Some(&mut nav.leaders.tasks),
        (Tab::Units, Pane::List) => Some(&mut nav.units.units),
        (Tab::Units, Pane::Middle) => Some(&mut nav.units.duties),
        (Tab::Projects, Pane::List) => Some(&mut nav.projects.rows),
        (Tab::Overview, _) => nav.overview.cursor_mut(pane),
        _ => None,
    }
}

fn detail_mut(app: &mut App) -> Option<&mut DetailView> {
    match app.nav.tab {
        Tab::Leaders => Some(&mut app.nav.leaders.detail),
        Tab::Units => Some(&mut app.nav.units.detail),
        Tab::Projects => Some(&mut app.nav.projects.detail),
        Tab::Overview => None,
    }
}

/// After a list's selection changes, the lists and detail that depend on
/// it start over.
fn reset_after(app: &mut App, pane: Pane) {
    if pane == Pane::List {
        match app.nav.tab {
            Tab::Leaders => app.nav.leaders.tasks = Cursor::default(),
            Tab::Units => app.nav.units.duties = Cursor::default(),
            Tab::Projects | Tab::Overview => {}
        }
    }
    if let Some(view) = detail_mut(app) {
        *view = DetailView::default();
    }
}

/// `H`: the detail shows the task's whole history, or again only its
/// latest entries (scrolled no further than their end).
pub(super) fn toggle_history(app: &mut App) {
    let Some(view) = detail_mut(app) else {
        return;
    };
    view.whole_history = !view.whole_history;
    if !view.whole_history {
        move_detail(app, Move::Scroll(0));
    }
}

/// Moves the selection of a list pane, or the detail's link and scroll.
pub(super) fn move_in(app: &mut App, pane: Pane, m: Move) {
    if pane == Pane::Detail {
        return move_detail(app, m);
    }
    let (len, height) = (list_len(app, pane), list_height(app, pane));
    let page = isize::try_from(height.max(1)).unwrap_or(1);
    let Some(c) = cursor_mut(app, pane) else {
        return;
    };
    let before = c.sel;
    match m {
        Move::By(d) | Move::Scroll(d) => c.step(d, len, height),
        Move::Page(d) => c.step(d * page, len, height),
        Move::Top => c.select(0, len, height),
        Move::Bottom => c.select(len.saturating_sub(1), len, height),
    }
    if c.sel != before {
        reset_after(app, pane);
    }
}

fn move_detail(app: &mut App, m: Move) {
    let doc = app.detail_doc();
    let height = app.screen().pane(Pane::Detail).map_or(0, inner_height);
    let max_scroll = doc.lines.len().saturating_sub(height);
    let links = doc.links.len();
    let Some(view) = detail_mut(app) else {
        return;
    };
    let link_step = |d: isize, link: Option<usize>| match link {
        None if d > 0 => Some(0),
        None => None,
        Some(l) => Some(l.saturating_add_signed(d).min(links - 1)),
    };
    match m {
        Move::By(d) if links > 0 => view.link = link_step(d, view.link),
        Move::By(d) | Move::Scroll(d) => view.scroll = view.scroll.saturating_add_signed(d),
        Move::Page(d) => {
            let page = isize::try_from(height.max(1)).unwrap_or(1);
            view.scroll = view.scroll.saturating_add_signed(d * page);
        }
        Move::Top => {
            *view = DetailView {
                whole_history: view.whole_history,
                ..DetailView::default()
            }
        }
        Move::Bottom => {
            view.scroll = max_scroll;
            view.link = links.checked_sub(1);
        }
    }
    if let (Move::By(_), Some(l)) = (m, view.link) {
        let line = doc.link_lines.get(l).copied().unwrap_or(0);
        if line < view.scroll {
            view.scroll = line;
        } else if height > 0 && line >= view.scroll + height {
            view.scroll = line + 1 - height;
        }
    }
    view.scroll = view.scroll.min(max_scroll);
}

/// Keeps every list's selection visible at the current size.
pub(super) fn fit_all(app: &mut App) {
    let tab = app.nav.tab;
    for &pane in tab.panes() {
        let (len, height) = (list_len(app, pane), list_height(app, pane));
        if let Some(c) = cursor_mut(app, pane) {
            c.fit(len, height);
        }
    }
}

pub(super) fn set_focus(app: &mut App, pane: Pane) {
    let tab = app.nav.tab;
    if !tab.panes().contains(&pane) {
        return;
    }
    match tab {
        Tab::Leaders => app.nav.leaders.focus = pane,
        Tab::Units => app.nav.units.focus = pane,
        Tab::Projects => app.nav.projects.focus = pane,
        Tab::Overview => app.nav.overview.focus = pane,
    }
    fit_all(app);
}

fn focus_index(app: &App) -> usize {
    let panes = app.nav.tab.panes();
    panes.iter().position(|p| *p == app.focus()).unwrap_or(0)
}

/// Tab / Shift-Tab: the next or previous pane, wrapping around.
pub(super) fn cycle_focus(app: &mut App, d: isize) {
    let panes = app.nav.tab.panes();
    let n = isize::try_from(panes.len()).unwrap_or(1);
    let i = (isize::try_from(focus_index(app)).unwrap_or(0) + d).rem_euclid(n);
    let i = usize::try_from(i).unwrap_or(0);
    set_focus(app, panes[i]);
}

/// h / l: the pane to the left or right, stopping at the edges.
pub(super) fn step_focus(app: &mut App, d: isize) {
    let panes = app.nav.tab.panes();
    let i = focus_index(app)
        .saturating_add_signed(d)
        .min(panes.len() - 1);
    set_focus(app, panes[i]);
}

pub(super) fn enter(app: &mut App) {
    match (app.nav.tab, app.focus()) {
        (Tab::Overview, _) => overview::enter(app),
        (Tab::Projects, Pane::List) => set_focus(app, Pane::Detail),
        (_, Pane::List) => set_focus(app, Pane::Middle),
        (Tab::Leaders, Pane::Middle) => set_focus(app, Pane::Detail),
        (Tab::Units, Pane::Middle) => {
            if let Some(d) = app.unit_duties().get(app.nav.units.duties.sel) {
                let task = d.task();
                jump_to_task(app, task);
            }
        }
        (_, Pane::Detail) => {
            let doc = app.detail_doc();
            if let Some(&unit) = app.detail_view().link.and_then(|l| doc.links.get(l)) {
                jump_to_unit(app, unit);
            }
        }
        _ => {}
    }
}

/// Esc: back where the last jump came from; else one pane to the left.
pub(super) fn back(app: &mut App) {
    if let Some(nav) = app.back.pop() {
        app.nav = nav;
        fit_all(app);
    } else if app.focus() != Pane::List {
        step_focus(app, -1);
    }
}

fn subject_task(app: &App) -> Option<TaskRef> {
    app.subject().map(|s| match s {
        Subject::Task(r) | Subject::Item(r, _) => r,
    })
}

/// Before a jump: keeps where we are for Esc, and shows every task where
/// the jump lands (the `F` filter could hide it; Esc brings it back).
pub(super) fn push_back(app: &mut App) {
    app.back.push(app.nav.clone());
    app.nav.filter = None;
}

/// Shows a unit's duties, with the task we came from selected.
pub(super) fn jump_to_unit(app: &mut App, unit: usize) {
    let from = subject_task(app);
    push_back(app);
    app.nav.tab = Tab::Units;
    app.nav.units.filter.clear();
    app.nav.units.shown = app.index.units_by_load.clone();
    let pos = app
        .nav
        .units
        .shown
        .iter()
        .position(|&u| u == unit)
        .unwrap_or(0);
    app.nav.units.units = Cursor {
        sel: pos,
        offset: pos,
    };
    let duty = app
        .index
        .duties
        .get(unit)
        .and_then(|ds| ds.iter().position(|d| Some(d.task()) == from));
    app.nav.units.duties = Cursor {
        sel: duty.unwrap_or(0),
        offset: 0,
    };
    app.nav.units.detail = DetailView::default();
    set_focus(app, Pane::Middle);
}

/// Shows a task under its leader; a project without one in the projects tab.
pub(super) fn jump_to_task(app: &mut App, task: TaskRef) {
    let leader = (app.index.leader_tasks.iter()).position(|ts| ts.contains(&task));
    push_back(app);
    match leader {
        Some(l) => {
            app.nav.tab = Tab::Leaders;
            app.nav.leaders.leaders = Cursor { sel: l, offset: l };
            let pos = app
                .index
                .leader_tasks
                .get(l)
                .and_then(|ts| ts.iter().position(|t| *t == task));
            app.nav.leaders.tasks = Cursor {
                sel: pos.unwrap_or(0),
                offset: 0,
            };
            app.nav.leaders.detail = DetailView::default();
            set_focus(app, Pane::Middle);
        }
        None => {
            app.nav.tab = Tab::Projects;
            let pos = app
                .index
                .project_rows
                .iter()
                .position(|r| r.task == task && r.item.is_none());
            app.nav.projects.rows = Cursor {
                sel: pos.unwrap_or(0),
                offset: 0,
            };
            app.nav.projects.detail = DetailView::default();
            set_focus(app, Pane::List);
        }
    }
}

/// Applies the units filter; the best match is selected.
pub(super) fn refilter(app: &mut App) {
    app.nav.units.shown = app.filter.units(app.nav.units.filter.text(), &app.index);
    app.nav.units.units = Cursor::default();
    reset_after(app, Pane::List);
}

/// The pane under a screen position.
pub(super) fn pane_at(app: &App, x: u16, y: u16) -> Option<Pane> {
    let pos = ratatui::layout::Position { x, y };
    app.screen()
        .panes
        .iter()
        .find(|(_, r)| r.contains(pos))
        .map(|(p, _)| *p)
}

/// A click selects the tab, focuses the pane, and selects the row or link.
pub(super) fn click(app: &mut App, x: u16, y: u16) {
    let screen = app.screen();
    let pos = ratatui::layout::Position { x, y };
    if let Some((tab, _)) = screen.tab_hits.iter().find(|(_, r)| r.contains(pos)) {
        app.nav.tab = *tab;
        return fit_all(app);
    }
    let Some((pane, rect)) = screen.panes.iter().copied().find(|(_, r)| r.contains(pos)) else {
        return;
    };
    if y == rect.y || y + 1 >= rect.bottom() || x == rect.x || x + 1 >= rect.right() {
        return set_focus(app, pane); // the border
    }
    let row = usize::from(y - rect.y - 1);
    let col = usize::from(x - rect.x - 1);
    if pane == Pane::Detail {
        set_focus(app, pane);
        let doc = app.detail_doc();
        if let Some(view) = detail_mut(app)
            && let Some(l) = doc.link_at(view.scroll + row, col)
        {
            view.link = Some(l);
        }
        return;
    }
    let top = top_rows(app.nav.tab, pane);
    if row < top {
        // The overview's unit table header sorts; the units filter line
        // starts typing; headers and the overall gauge focus.
        set_focus(app, pane);
        if pane == Pane::UnitTable {
            overview::cycle_sort(app);
        } else if app.nav.tab == Tab::Units && pane == Pane::List && row == 0 {
            app.mode = Mode::UnitFilter;
        }
        return;
    }
    let row = row - top;
    let offset = cursor_mut(app, pane).map_or(0, |c| c.offset);
    let (len, height) = (list_len(app, pane), list_height(app, pane));
    set_focus(app, pane);
    if offset + row < len
        && let Some(c) = cursor_mut(app, pane)
    {
        let before = c.sel;
        c.select(offset + row, len, height);
        if c.sel != before {
            reset_after(app, pane);
        }
    }
}
