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

use std::sync::Arc;

use super::{App, UnitFilter};
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

/// An empty index standing in until [`App::start_search`].
pub(super) fn stand_in() -> Shared {
    Shared::from(std::sync::Arc::new(crate::search::Index::default()))
}
