//! The units filter: the search engine restricted to units, so the filter
//! finds what the `/` popup finds: fuzzy matches on names and aliases, and
//! pinyin initials (`fgj` finds 市发改局).

use std::cmp::Reverse;
use std::collections::HashMap;

use super::Index;
use crate::search::{self, Kind, Searcher, Target, Via};

/// The filter's own search session (it narrows keystroke by keystroke,
/// like the popup's, without disturbing it).
pub struct UnitFilter {
    searcher: Searcher,
}

impl UnitFilter {
    pub fn new(index: search::Shared) -> UnitFilter {
        UnitFilter {
            searcher: Searcher::new(index),
        }
    }

    /// The units matching `query` as registry indices, best match first
    /// and, between equally good matches, heaviest load first (the list's
    /// order without a query).
    pub fn units(&mut self, query: &str, index: &Index) -> Vec<usize> {
        if query.trim().is_empty() {
            self.searcher.reset();
            return index.units_by_load.clone();
        }
        let all = index.units_by_load.len();
        let mut rank: HashMap<usize, (Via, i64)> = HashMap::new();
        for hit in self.searcher.search(query, Some(Kind::Unit), all) {
            if let Target::Unit(name) = &hit.target
                && let Some(&u) = index.unit_by_name.get(name)
            {
                rank.insert(u, (hit.via, hit.score));
            }
        }
        let mut shown: Vec<usize> = index
            .units_by_load
            .iter()
            .copied()
            .filter(|u| rank.contains_key(u))
            .collect();
        // Stable: ties keep the load order.
        shown.sort_by_key(|u| Reverse(rank.get(u).copied()));
        shown
    }
}
