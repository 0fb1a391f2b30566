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
//! Of the standings, the first frame (the leaders tab) needs every task's
//! light and completion and the plan's and each leader's figures; what
//! only the overview tab shows (the unit table's completion and orders,
//! the red items, the units owing reports: at 1,000,000 tasks a list of
//! every overdue report) is worked out after it, by
//! [`App::finish_standings`], which the dashboard calls once the first
//! frame is drawn and its keys so far are handled. Any action but a resize
//! or showing a tab finishes them first, so nothing acts on what is not
//! worked out yet; the overview opened before shows that it is working
//! them out, never figures it does not have.

use std::sync::Arc;

use super::{Action, App, Standings, UnitFilter};
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

/// What the standings lack for the overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Rest {
    /// Nothing: they are whole.
    Done,
    /// Left until [`App::finish_standings`], with every task's
    /// completion to work it out from.
    Pending(Vec<u8>),
}

impl App {
    /// The standings the first frame shows; the rest is left for
    /// [`App::finish_standings`].
    pub(super) fn stand_first(&mut self) {
        let (standings, states) = Standings::first(self);
        self.standings = standings;
        self.rest = Rest::Pending(states);
        self.restood();
    }

    /// Works out what the standings lack for the overview, once; the
    /// dashboard calls it after its first frame.
    pub fn finish_standings(&mut self) {
        if let Rest::Pending(states) = std::mem::replace(&mut self.rest, Rest::Done) {
            Standings::keep(self, &states);
            self.restood();
        }
    }

    /// Whether the standings are whole (see the module's text): the
    /// overview shows it is working them out until they are.
    pub fn standings_ready(&self) -> bool {
        matches!(self.rest, Rest::Done)
    }
}

/// Whether `action` may be applied before the standings are whole: it
/// reads none of what they lack (showing a tab only shows it).
pub(super) fn waits_for_nothing(action: &Action) -> bool {
    matches!(
        action,
        Action::Resize(..) | Action::ShowTab(_) | Action::StoreStatus(_)
    )
}

/// An empty index standing in until [`App::start_search`].
pub(super) fn stand_in() -> Shared {
    Shared::from(std::sync::Arc::new(crate::search::Index::default()))
}
