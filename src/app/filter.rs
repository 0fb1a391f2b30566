//! The units filter: which units match what the user typed. A trait so a
//! fuzzy and pinyin matcher can replace the plain substring one.

use crate::model::Unit;

pub trait UnitFilter {
    /// Whether `unit` matches `query` (never called with an empty query).
    fn matches(&self, query: &str, unit: &Unit) -> bool;
}

/// Case-insensitive substring of the name or an alias.
#[derive(Debug, Clone, Copy, Default)]
pub struct SubstringFilter;

impl UnitFilter for SubstringFilter {
    fn matches(&self, query: &str, unit: &Unit) -> bool {
        let q = query.to_lowercase();
        std::iter::once(&unit.name)
            .chain(&unit.aliases)
            .any(|n| n.to_lowercase().contains(&q))
    }
}
