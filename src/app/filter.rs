//! The units filter: the search engine restricted to units, so the filter
//! finds what the `/` popup finds: fuzzy matches on names and aliases, and
//! pinyin initials (`fgj` finds 市发改局).

use std::sync::Arc;

use super::Index;
use crate::search::{self, Kind, Searcher, Target};

/// The filter's own search session (it narrows keystroke by keystroke,
/// like the popup's, without disturbing it).
pub struct UnitFilter {
    searcher: Searcher,
}

impl UnitFilter {
    pub fn new(index: Arc<search::Index>) -> UnitFilter {
        UnitFilter {
            searcher: Searcher::new(index),
        }
    }

    /// The units matching `query` as registry indices, best match first;
    /// every unit, heaviest load first, when the query is blank.
    pub fn units(&mut self, query: &str, index: &Index) -> Vec<usize> {
        if query.trim().is_empty() {
            self.searcher.reset();
            return index.units_by_load.clone();
        }
        let all = index.units_by_load.len();
        self.searcher
            .search(query, Some(Kind::Unit), all)
            .into_iter()
            .filter_map(|hit| match hit.target {
                Target::Unit(name) => index.unit_by_name.get(&name).copied(),
                _ => None,
            })
            .collect()
    }
}
