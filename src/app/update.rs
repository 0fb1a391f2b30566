//! The one place state changes: `update(&mut App, Action)`.

use ratatui::layout::Rect;

use super::layout::{self, inner_height};
use super::nav;
use super::search;
use super::{App, Mode, Pane, Popup};
use super::{EditorAction, SaveOutcome, done, editor, notice, saving, task_filter};
use crate::line_edit::Edit;
use crate::model::ProgressEntry;

/// Everything the user can do.
// `Saved` carries a save's whole report (a few hundred bytes). An action
// lives for one event and is never stored in bulk, so its size costs
// nothing worth a box at every construction site.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// A terminal paste: typed as text where typing is text, line breaks
    /// kept only in the editor's notes (see `paste`).
    Paste(String),
    ShowTab(super::Tab),
    NextPane,
    PrevPane,
    PaneLeft,
    PaneRight,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the selection or follow a link.
    Enter,
    /// Close, stop typing, or go back where the last jump came from.
    Back,
    Help,
    /// Start typing into the units filter.
    Filter,
    /// Overview: the unit table's next order.
    Sort,
    Input(char),
    DeleteChar,
    /// `/`: open the search popup.
    Search,
    /// An edit of the line being typed (search query, units filter).
    Edit(Edit),
    Resize(u16, u16),
    Click {
        x: u16,
        y: u16,
    },
    Wheel {
        x: u16,
        y: u16,
        down: bool,
    },
    /// `e`: record progress on the selected task, project or sub-item.
    EditProgress,
    /// `F`: narrow the task lists to the next light or status.
    TaskFilter,
    /// A key in the progress editor.
    Editor(EditorAction),
    /// `u`: undo the last entry made in this session.
    Undo,
    /// Ctrl-R: bring back what `u` undid last.
    Redo,
    /// `H`: the detail shows the task's whole history, or again only its
    /// latest entries.
    WholeHistory,
    /// `d`: ask whether to mark the selected task done.
    MarkDone,
    /// `y` (true) or `n`/Esc (false) to a question.
    Answer(bool),
    /// Ctrl-S: save what earlier saves could not.
    Retry,
    /// The event loop's report on an [`Effect`] it performed on the journal.
    Saved(SaveOutcome),
    /// A background search's answer to an [`Effect::Search`]; dropped when
    /// the query has changed since.
    Found(crate::search::Reply),
    /// The event loop could not write the per-user config ([`Effect::SaveUser`]).
    UserNotSaved(String),
    /// The store worker's report: reachable or not, pending, refused.
    StoreStatus(super::StoreStatus),
    /// Entries other clients wrote, pulled from the store and already
    /// written to the journal by the event loop.
    Pulled(super::Pulled),
    /// The answer to [`super::App::rest_job`], worked out off the UI
    /// thread: the units' duties and the overview's standings.
    Rested(Box<super::Rested>),
}

/// What the event loop should do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Save this entry (the loop stamps `at` with the time of saving).
    Commit(ProgressEntry),
    /// Undo the session's last entry.
    Undo,
    /// Bring back the entry undone last (see `Journal::redo_last_undo`).
    Redo,
    /// Save what is pending.
    Retry,
    /// Run this search off the UI thread and report back with
    /// [`Action::Found`].
    Search(crate::search::Request),
    /// Save the records of this recovery file into the journal.
    Replay(std::path::PathBuf),
    /// Write the per-user config (the reporter prompt's answer).
    SaveUser(crate::user::UserConfig),
}

/// How a list or a detail pane moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Move {
    By(isize),
    /// The mouse wheel: a list moves its selection, the detail scrolls.
    Scroll(isize),
    Page(isize),
    Top,
    Bottom,
}

pub fn update(app: &mut App, action: Action) -> Effect {
    // Nothing searches on the stand-in index (see `start.rs`).
    if !matches!(action, Action::Resize(..)) {
        app.start_search();
    }
    // Nothing acts on standings not yet worked out (see `start.rs`).
    if !super::start::waits_for_nothing(app, &action) {
        app.finish_start();
    }
    let effect = apply(app, action);
    // What the lists show follows the selection, the filter and the data
    // here, not when they are drawn.
    super::narrowed::refresh(app);
    super::shown::refresh(app);
    effect
}

fn apply(app: &mut App, action: Action) -> Effect {
    if !matches!(
        action,
        Action::Saved(_)
            | Action::Found(_)
            | Action::Resize(..)
            | Action::StoreStatus(_)
            | Action::Pulled(_)
            | Action::Rested(_)
    ) {
        app.notice = None;
    }
    match action {
        Action::Resize(w, h) => {
            app.area = Rect::new(0, 0, w, h);
            nav::fit_all(app);
        }
        Action::Saved(outcome) => saving::saved(app, outcome),
        Action::Found(reply) => search::found(app, reply),
        Action::UserNotSaved(error) => super::reporter::not_saved(app, error),
        Action::StoreStatus(status) => super::live::status(app, status),
        Action::Pulled(pulled) => super::live::pulled(app, pulled),
        Action::Rested(rested) => {
            app.rested(*rested);
        }
        Action::Retry => return Effect::Retry,
        Action::Editor(a) => return editor::update(app, a),
        Action::Undo if app.mode == Mode::Browse => return Effect::Undo,
        Action::Redo if app.mode == Mode::Browse => return Effect::Redo,
        Action::Answer(yes) => return done::answer(app, yes),
        Action::Paste(text) => {
            // Only the last edit's effect matters: a search asked for each
            // character is answered for the newest only.
            let mut effect = Effect::None;
            for a in super::paste::actions(&app.mode, &text) {
                effect = update(app, a);
            }
            return effect;
        }
        _ => match app.mode {
            Mode::Popup(Popup::Confirm(ref c)) => {
                let c = c.clone();
                return super::confirm::update(app, c, action);
            }
            _ if action == Action::Quit => return super::confirm::quit(app),
            Mode::Reporter(_) => return super::reporter::update(app, action),
            Mode::Editor(_) | Mode::MarkDone(_) => {}
            Mode::Popup(Popup::Search(_)) => return search::update(app, action),
            Mode::Popup(_) => popup(app, action),
            Mode::UnitFilter => filter(app, action),
            Mode::Browse => browse(app, action),
        },
    }
    Effect::None
}

fn moves(action: &Action) -> Option<Move> {
    Some(match action {
        Action::Up => Move::By(-1),
        Action::Down => Move::By(1),
        Action::PageUp => Move::Page(-1),
        Action::PageDown => Move::Page(1),
        Action::Top => Move::Top,
        Action::Bottom => Move::Bottom,
        _ => return None,
    })
}

fn browse(app: &mut App, action: Action) {
    if let Some(m) = moves(&action) {
        nav::move_in(app, app.focus(), m);
        return;
    }
    match action {
        Action::EditProgress if editor::can_edit(app) => editor::open(app),
        Action::EditProgress => app.notice = Some(notice::no_edit(app)),
        Action::MarkDone if editor::can_edit(app) => done::ask(app),
        Action::MarkDone => app.notice = Some(notice::no_edit(app)),
        Action::TaskFilter if task_filter::filters(app.nav.tab) => {
            let next = super::TaskFilter::next(app.nav.filter);
            task_filter::set(app, next);
        }
        Action::TaskFilter => app.notice = Some(super::Notice::NothingToFilter),
        Action::Back if app.nav.filter.is_some() => task_filter::set(app, None),
        Action::ShowTab(tab) => {
            app.nav.tab = tab;
            nav::fit_all(app);
        }
        Action::NextPane => nav::cycle_focus(app, 1),
        Action::PrevPane => nav::cycle_focus(app, -1),
        Action::PaneLeft => nav::step_focus(app, -1),
        Action::PaneRight => nav::step_focus(app, 1),
        Action::Enter => nav::enter(app),
        Action::Back => nav::back(app),
        Action::Help => {
            app.mode = Mode::Popup(Popup::Help {
                filter: String::new(),
                scroll: 0,
            });
        }
        Action::Search => search::open(app),
        Action::WholeHistory => nav::toggle_history(app),
        Action::Filter if app.nav.tab == super::Tab::Units => {
            nav::set_focus(app, Pane::List);
            app.mode = Mode::UnitFilter;
        }
        Action::Sort if app.nav.tab == super::Tab::Overview => super::overview::cycle_sort(app),
        Action::Click { x, y } => nav::click(app, x, y),
        Action::Wheel { x, y, down } => {
            let step = if down { 3 } else { -3 };
            if let Some(pane) = nav::pane_at(app, x, y) {
                nav::move_in(app, pane, Move::Scroll(step));
            }
        }
        _ => {}
    }
}

fn filter(app: &mut App, action: Action) {
    if let Some(edit) = search::as_edit(&action) {
        if app.nav.units.filter.apply(edit) {
            nav::refilter(app);
        }
        return;
    }
    match action {
        Action::Back => {
            app.nav.units.filter.clear();
            nav::refilter(app);
            app.mode = Mode::Browse;
        }
        Action::Enter | Action::Down => app.mode = Mode::Browse,
        Action::Click { .. } | Action::Wheel { .. } => {
            app.mode = Mode::Browse;
            browse(app, action);
        }
        _ => {}
    }
}

fn popup(app: &mut App, action: Action) {
    let labels = app.labels;
    let page = inner_height(layout::popup(app.area)).max(1);
    let Mode::Popup(Popup::Help { filter, scroll }) = &mut app.mode else {
        return;
    };
    let len = super::help::filtered(labels, filter).len();
    let last = len.saturating_sub(1);
    let page = isize::try_from(page).unwrap_or(1);
    match action {
        Action::Input(c) => {
            filter.push(c);
            *scroll = 0;
        }
        Action::DeleteChar => {
            filter.pop();
            *scroll = 0;
        }
        Action::Back | Action::Enter | Action::Click { .. } => app.mode = Mode::Browse,
        _ => {
            let delta = match action {
                Action::Down | Action::Wheel { down: true, .. } => 1,
                Action::Up | Action::Wheel { down: false, .. } => -1,
                Action::PageDown => page,
                Action::PageUp => -page,
                Action::Top => isize::MIN / 2,
                Action::Bottom => isize::MAX / 2,
                _ => 0,
            };
            *scroll = scroll.saturating_add_signed(delta).min(last);
        }
    }
}
