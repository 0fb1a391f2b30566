//! What the dashboard leaves until its first frame is up.
//!
//! The search index (for the popup and the units filter) is the largest
//! piece of start-up work the first frame does not need: at 1,000,000
//! tasks its build takes as much CPU as everything else before the first
//! frame together, and on a two-core machine a build running beside the
//! start slows the start down by that much. So [`App::opened`] (the
//! dashboard's app) leaves it unbuilt, with empty searchers standing in;
//! the dashboard starts it once the first frame is drawn
//! ([`App::start_search`]), and any action but a resize starts it first,
//! so no search ever runs on the empty stand-ins. A search asked for
//! before the build is over waits for it (the popup shows it is waiting).
//!
//! The first frame (the leaders tab) needs every task's light and
//! completion and the plan's and each leader's figures. What only the
//! other tabs show is worked out after it: the units' duties (a pass over
//! every task's units, which the units tab lists) and what only the
//! overview shows of the standings (the unit table's completion and
//! orders, the widths of the red items' reasons, the units owing reports:
//! at 1,000,000 tasks a list of every overdue report; the red items
//! themselves are the overall standing's list and come with the first
//! frame). The dashboard works it out on a thread of its own from a copy
//! of what it needs ([`App::rest_job`], `rest.rs`) and gives the answer
//! back as [`Action::Rested`]. Meanwhile the actions that read none of it
//! are answered at once: a resize, quitting, showing the leaders, projects
//! or overview tab, moving in the leaders and projects tabs, and the help
//! popup. Any other action needs it: the dashboard waits for the answer
//! first, and [`update`](super::update) works it out in place
//! ([`App::finish_start`]) when there is no answer to wait for (tests, a
//! thread that could not start), so nothing acts on what is not worked out
//! yet. The overview shown before shows that it is working its figures
//! out, never figures it does not have.

use std::sync::Arc;

use super::rest::RestJob;
use super::{Action, App, Mode, Popup, Standings, Tab, UnitFilter};
use crate::search::{Searcher, Shared};

/// Whether the search index was asked for yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SearchStart {
    /// Being built, or built.
    Started,
    /// Left until [`App::start_search`].
    Deferred,
}

impl App {
    /// Starts building the search index on a thread of its own, once; the
    /// dashboard calls it after its first frame.
    pub fn start_search(&mut self) {
        if self.search_start == SearchStart::Started {
            return;
        }
        self.search_start = SearchStart::Started;
        let search = Shared::build_in_background(Arc::clone(&self.data));
        self.filter = UnitFilter::new(search.clone());
        self.searcher = Searcher::new(search);
    }

    /// Whether the search index was started (see the module's text).
    pub fn search_started(&self) -> bool {
        self.search_start == SearchStart::Started
    }
}

/// What the app lacks for the tabs after the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Rest {
    /// Nothing: they are whole.
    Done,
    /// The units' duties and the overview's standings, left until an
    /// answer to [`App::rest_job`] or [`App::finish_start`], with every
    /// task's completion to work the standings out from.
    Pending(Vec<u8>),
}

impl App {
    /// The standings the first frame shows; the rest is left for
    /// [`App::rest_job`].
    pub(super) fn stand_first(&mut self) {
        let (standings, states) = Standings::first(self);
        self.standings = standings;
        self.rest = Rest::Pending(states);
        self.restood();
    }

    /// Works out what the tabs after the first need (see the module's
    /// text) in place, once, as the dashboard's thread works it out.
    pub fn finish_start(&mut self) {
        if let Some(job) = self.rest_job() {
            self.rested(job.run());
        }
    }

    /// What is left of the start to work out, for a thread of its own
    /// (see the module's text); `None` once the app is whole. Its answer
    /// comes back as [`Action::Rested`].
    pub fn rest_job(&self) -> Option<RestJob> {
        match &self.rest {
            Rest::Pending(states) => Some(RestJob::of(self, states)),
            Rest::Done => None,
        }
    }

    /// Whether `action` reads what is left of the start (see the module's
    /// text): the dashboard waits for the answer to [`App::rest_job`]
    /// before it applies such an action.
    pub fn needs_rest(&self, action: &Action) -> bool {
        !self.start_finished() && !waits_for_nothing(self, action)
    }

    /// Adds the units' duties if they were left out, and gives what the
    /// standings were left with (`None`: nothing was left out).
    pub(super) fn whole_index(&mut self) -> Option<Vec<u8>> {
        let Rest::Pending(states) = std::mem::replace(&mut self.rest, Rest::Done) else {
            return None;
        };
        let data = Arc::clone(&self.data);
        self.index.add_duties(&data);
        self.nav.units.shown = self.index.units_by_load.clone();
        Some(states)
    }

    /// Whether the app is whole (see the module's text): the overview
    /// shows it is working its standings out until it is.
    pub fn start_finished(&self) -> bool {
        matches!(self.rest, Rest::Done)
    }
}

/// Whether `action` may be applied before the app is whole: it reads
/// none of what the app lacks (showing a tab but the units tab only shows
/// it; quitting works nothing out it would not use; the leaders and
/// projects tabs and the help popup show none of it).
pub(super) fn waits_for_nothing(app: &App, action: &Action) -> bool {
    use Action::*;
    let always = matches!(
        action,
        Resize(..)
            | ShowTab(Tab::Leaders | Tab::Projects | Tab::Overview)
            | StoreStatus(_)
            | Quit
            | Rested(_)
    );
    let moves = matches!(action, Up | Down | PageUp | PageDown | Top | Bottom);
    always
        || match (&app.mode, app.nav.tab) {
            (Mode::Browse, Tab::Leaders | Tab::Projects) => {
                moves || matches!(action, NextPane | PrevPane | PaneLeft | PaneRight | Help)
            }
            (Mode::Popup(Popup::Help { .. }), _) => {
                moves || matches!(action, Input(_) | DeleteChar | Back | Enter)
            }
            _ => false,
        }
}

/// An empty index standing in until [`App::start_search`].
pub(super) fn stand_in() -> Shared {
    Shared::from(std::sync::Arc::new(crate::search::Index::default()))
}
