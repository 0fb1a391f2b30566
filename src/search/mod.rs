//! One fuzzy + pinyin search over everything in a dataset.
//!
//! [`Index::build`] reads a dataset once; a [`Searcher`] answers queries
//! keystroke by keystroke, narrowing the previous keystroke's candidates
//! when the query grows. Hits are ranked by the fuzzy matcher's
//! (`SkimMatcherV2`) score; an ID hit ranks first, a direct (Chinese or
//! ASCII) hit above a pinyin hit. Each hit carries the character ranges to
//! highlight on the text it shows. A [`Worker`] runs a searcher on its own
//! thread for datasets where a keystroke can take longer than a frame.
//! Nothing here knows about the terminal.

mod build;
mod cache;
mod cache_form;
mod chars;
mod doc_set;
mod fill;
mod index;
mod initials;
mod pinyin;
mod pinyin_docs;
mod pinyin_search;
mod pinyin_tiers;
mod plain;
mod plain_query;
mod rank;
mod score;
mod searcher;
mod shared;
mod texts;
mod worker;

use std::ops::Range;

pub use cache::{IndexFrom, index_for};
pub use index::{Index, SHORT_TEXT};
pub use pinyin::{PinyinMatch, Readings, pinyin_query};
pub use pinyin_search::PinyinStats;
pub use searcher::{Searcher, Stats};
pub use shared::{Shared, entry_count};
pub use worker::{Background, Gone, Reply, Request, THREAD_NAME, Worker};

/// What sort of thing a hit is; also the `--kind` filter. Sub-items of a
/// livelihood project are of kind `Project`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Task,
    Project,
    Unit,
    Leader,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Task => "task",
            Kind::Project => "project",
            Kind::Unit => "unit",
            Kind::Leader => "leader",
        }
    }

    /// The Chinese tag the dashboard shows.
    pub fn label_zh(self) -> &'static str {
        match self {
            Kind::Task => "任务",
            Kind::Project => "实事",
            Kind::Unit => "单位",
            Kind::Leader => "领导",
        }
    }
}

/// Where a hit jumps to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// A key task, by ID (`K2.16`).
    Task(String),
    /// A livelihood project, by ID (`M3`).
    Project(String),
    /// A project's sub-item, by ID (`M3.2`).
    Item(String),
    /// A unit, by canonical name.
    Unit(String),
    /// A leader, by ID (`L2`).
    Leader(String),
}

impl Target {
    /// The ID or name that identifies the target.
    pub fn key(&self) -> &str {
        match self {
            Target::Task(s)
            | Target::Project(s)
            | Target::Item(s)
            | Target::Unit(s)
            | Target::Leader(s) => s,
        }
    }
}

/// Which text of an entry a hit matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// A task, project or sub-item ID.
    Id,
    /// A unit's or leader's name.
    Name,
    /// A project's title or a leader's title (市长).
    Title,
    /// Another spelling of a unit.
    Alias,
    /// The full text of a task, project or sub-item.
    Text,
}

/// How a hit matched; ranks first to last in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Via {
    Pinyin,
    Direct,
    Id,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub kind: Kind,
    /// The field the shown text comes from.
    pub field: Field,
    /// `SkimMatcherV2` score for a direct hit; a comparable score for an
    /// ID or pinyin hit.
    pub score: i64,
    /// The text to show: the matched field.
    pub text: String,
    /// Matched characters, as ascending, disjoint character-index ranges
    /// into `text` (not bytes, not display columns).
    pub ranges: Vec<Range<usize>>,
    /// Whether the hit matched through pinyin.
    pub pinyin_match: bool,
    pub via: Via,
}

/// Merges ascending character indices into ranges.
pub fn ranges_of(indices: &[usize]) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for &i in indices {
        match ranges.last_mut() {
            Some(last) if last.end == i => last.end = i + 1,
            _ => ranges.push(i..i + 1),
        }
    }
    ranges
}
