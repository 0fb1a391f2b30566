//! Answering queries keystroke by keystroke.
//!
//! When the query grows at its end, every direct hit of the new query was a
//! candidate of the previous one (a fuzzy subsequence of a longer query is
//! also one of its prefix), so only the previous candidates are matched
//! again. Pinyin candidates come afresh from the pair index at every
//! keystroke (see [`super::pinyin_search`]). Large candidate sets are
//! matched on all cores.

use std::sync::OnceLock;
use std::thread;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::index::Index;
use super::pinyin;
use super::pinyin_search::{self, PinyinStats, Wanted};
use super::plain;
use super::plain_query::Plain;
use super::rank::{self, Candidate};
use super::score::{self, Scorer};
use super::shared::Shared;
use super::{Field, Hit, Kind, Via, ranges_of};

/// Pinyin needs at least this many letters on short texts (names, titles)
/// and one more on long texts (task texts).
pub const PINYIN_MIN_LETTERS: usize = 2;

/// Below this many documents, matching stays on the calling thread.
const PARALLEL_FROM: usize = 1024;

/// What the previous query matched, for narrowing.
#[derive(Debug, Default)]
struct State {
    query: String,
    kind: Option<Kind>,
    /// Documents the query matched directly, ascending; or, when not all
    /// candidates were scored, every document holding the query's
    /// characters (what a fresh search starts from).
    direct: Vec<u32>,
}

/// What the last search did, for `--timings` and tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Texts holding every character of the query.
    pub candidates: usize,
    /// Of those, the texts the fuzzy matcher scored; fewer when the best
    /// hits were known without the rest.
    pub scored: usize,
    /// What the pinyin walk did.
    pub pinyin: PinyinStats,
}

/// A search session over one index: the dashboard popup, the units filter
/// and `duban search` each hold one.
pub struct Searcher {
    index: Shared,
    state: Option<State>,
    stats: Stats,
}

impl Searcher {
    pub fn new(index: impl Into<Shared>) -> Searcher {
        Searcher {
            index: index.into(),
            state: None,
            stats: Stats::default(),
        }
    }

    /// The index, to share with another searcher (a [`super::Worker`]).
    pub fn shared_index(&self) -> Shared {
        self.index.clone()
    }

    /// What the last search did.
    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// Forgets the previous query, so the next search starts afresh.
    pub fn reset(&mut self) {
        self.state = None;
    }

    /// The best `limit` hits for `query`, best first, of one kind or all.
    /// Leading and trailing spaces are ignored.
    pub fn search(&mut self, query: &str, kind: Option<Kind>, limit: usize) -> Vec<Hit> {
        let folded = crate::script::fold(query);
        let query = folded.trim();
        if query.is_empty() {
            self.state = None;
            return Vec::new();
        }
        let prev = self
            .state
            .take()
            .filter(|s| s.kind == kind && query.starts_with(&s.query));
        let shared = self.index.clone();
        let index = shared.get();
        let wanted = |doc: u32| kind.is_none_or(|k| index.kind_of(doc) == k);

        let direct_base: Vec<u32> = match &prev {
            Some(p) => {
                let added = &query[p.query.len()..];
                index.narrow_to_chars(&p.direct, added)
            }
            None => index
                .docs_with_chars(query)
                .into_iter()
                .filter(|&d| wanted(d))
                .collect(),
        };
        let (direct, scored) = self.score_direct(&direct_base, query, limit);
        let complete = scored == direct_base.len();
        self.stats = Stats {
            candidates: direct_base.len(),
            scored,
            pinyin: PinyinStats::default(),
        };

        let ids = self.id_hits(query, kind);
        let pinyin = match pinyin::pinyin_query(query) {
            Some(letters) if letters.len() >= PINYIN_MIN_LETTERS => {
                // Entries with a direct or ID hit rank above every pinyin hit.
                let reach = (direct.iter().map(|&(doc, _)| index.entry_of(doc)))
                    .chain(ids.iter().map(|c| c.entry))
                    .collect();
                let want = Wanted {
                    letters: &letters,
                    long_ok: letters.len() > PINYIN_MIN_LETTERS,
                    limit,
                };
                let (hits, stats) = pinyin_search::hits(index, &want, wanted, reach);
                self.stats.pinyin = stats;
                hits
            }
            _ => Vec::new(),
        };

        let mut cands: Vec<Candidate> = Vec::with_capacity(direct.len() + pinyin.len());
        let entry_of = |doc: u32| index.entry_of(doc);
        cands.extend(direct.iter().map(|&(doc, score)| Candidate {
            entry: entry_of(doc),
            doc: Some(doc),
            via: Via::Direct,
            score,
            span: (0, 0),
            len: index.len_of(doc),
        }));
        cands.extend(pinyin.iter().map(|(doc, m)| Candidate {
            entry: entry_of(*doc),
            doc: Some(*doc),
            via: Via::Pinyin,
            score: m.score(query.len()),
            span: (m.start as u32, m.len as u32),
            len: index.len_of(*doc),
        }));
        cands.extend(ids);

        let hits = rank::top(cands, limit)
            .into_iter()
            .map(|c| self.hit(c, query))
            .collect();
        self.state = Some(State {
            query: query.to_string(),
            kind,
            direct: if complete {
                let mut matched: Vec<u32> = direct.iter().map(|&(doc, _)| doc).collect();
                matched.sort_unstable();
                matched
            } else {
                direct_base
            },
        });
        hits
    }

    /// Fuzzy-matches `query` against `docs`: (document, score), enough to
    /// rank the best `limit` entries exactly; and how many documents were
    /// scored.
    ///
    /// For a query of one or two characters (the keystrokes that match
    /// most of a large dataset), documents whose first character is the
    /// query's first are scored first. Any other document scores at most
    /// [`score::off_head_bound`]; when `limit` entries already score above
    /// it, the others cannot reach the top and are not scored. Longer
    /// queries rarely clear the bound (a run of Chinese characters at the
    /// head does not), so every candidate is scored.
    fn score_direct(&self, docs: &[u32], query: &str, limit: usize) -> (Vec<(u32, i64)>, usize) {
        let index = &*self.index;
        let score = |docs: &[u32]| score_all(index, docs, query);
        if let Some(plain) = Plain::new(query) {
            return plain::score(index, docs, query, &plain, limit);
        }
        let n = query.chars().count();
        if n > 2 {
            return (score(docs), docs.len());
        }
        let lower = |s: &str| s.chars().flat_map(char::to_lowercase).next();
        let first = lower(query);
        let (mut head, mut rest) = (Vec::new(), Vec::new());
        for (doc, text) in index.texts_of(docs) {
            match lower(text) == first {
                true => head.push(doc),
                false => rest.push(doc),
            }
        }
        let mut scored = score(&head);
        let bound = score::off_head_bound(n);
        let mut above = std::collections::HashSet::new();
        for &(doc, s) in &scored {
            if s > bound {
                above.insert(index.entry_of(doc));
            }
        }
        if above.len() >= limit {
            return (scored, head.len());
        }
        scored.extend(score(&rest));
        (scored, docs.len())
    }

    /// Task, project and sub-item IDs the query names: the exact ID
    /// (`k2.16`), or, once the query has a dot, every ID it begins
    /// (`k2.1` → K2.1, K2.10 …).
    fn id_hits(&self, query: &str, kind: Option<Kind>) -> Vec<Candidate> {
        let q = query.to_lowercase();
        if !q.starts_with(['k', 'm']) || !q[1..].starts_with(|c: char| c.is_ascii_digit()) {
            return Vec::new();
        }
        let index = &*self.index;
        let key = |e: u32| index.key(e);
        let lowered = |e: u32| key(e).chars().flat_map(char::to_lowercase);
        let from = (index.ids).partition_point(|&e| lowered(e).lt(q.chars()));
        index.ids[from..]
            .iter()
            .copied()
            .take_while(|&e| starts_with(lowered(e), &q))
            .filter(|&e| lowered(e).eq(q.chars()) || q.contains('.'))
            .filter(|&e| kind.is_none_or(|k| index.entry_kinds[e as usize].kind() == k))
            .map(|entry| {
                // Bytes of the lowercased ID.
                let len: usize = lowered(entry).map(char::len_utf8).sum();
                Candidate {
                    entry,
                    doc: None,
                    via: Via::Id,
                    score: 1000 - (len - q.len()) as i64,
                    span: (0, q.chars().count() as u32),
                    len: len as u32,
                }
            })
            .collect()
    }

    fn hit(&self, c: Candidate, query: &str) -> Hit {
        let index = &*self.index;
        let kind = index.entry_kinds[c.entry as usize];
        let key = index.key(c.entry);
        let (field, text, ranges) = match c.doc {
            None => (Field::Id, key.to_string(), span_ranges(c.span)),
            Some(doc) => {
                let text = index.text(doc);
                let ranges = match c.via {
                    Via::Pinyin => span_ranges(c.span),
                    _ => SkimMatcherV2::default()
                        .fuzzy_indices(text, query)
                        .map(|(_, idx)| ranges_of(&idx))
                        .unwrap_or_default(),
                };
                let field = index.doc_field[doc as usize];
                (field, index.shown(doc).to_string(), ranges)
            }
        };
        Hit {
            target: kind.target(key),
            kind: kind.kind(),
            field,
            score: c.score,
            text,
            ranges,
            pinyin_match: c.via == Via::Pinyin,
            via: c.via,
        }
    }
}

/// Whether `lowered` begins with `prefix`.
fn starts_with(mut lowered: impl Iterator<Item = char>, prefix: &str) -> bool {
    prefix.chars().all(|p| lowered.next() == Some(p))
}

/// The fuzzy matcher's score of `query` on each of `docs` that it matches.
pub(super) fn score_all(index: &Index, docs: &[u32], query: &str) -> Vec<(u32, i64)> {
    par_filter_map(
        index,
        docs,
        || (Scorer::new(query), Vec::new()),
        |(scorer, buf), doc, text| scorer.score_text(text, buf).map(|score| (doc, score)),
    )
}

/// `text` as characters, into `buf`.
pub(super) fn decode(text: &str, buf: &mut Vec<char>) {
    buf.clear();
    buf.extend(text.chars());
}

/// The one range a (start, length) span covers.
fn span_ranges((start, len): (u32, u32)) -> Vec<std::ops::Range<usize>> {
    std::iter::once(start as usize..(start + len) as usize).collect()
}

/// How many cores to search on; asked once (asking reads the process's
/// CPU limits, which costs more than a small search).
fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| thread::available_parallelism().map_or(1, |n| n.get()))
}

/// `f` over the documents `items` and their texts, split across the
/// available cores when there are many, each part with its own scratch
/// state from `init`; results keep the order of `items`.
pub(super) fn par_filter_map<T, S, I, F>(index: &Index, items: &[u32], init: I, f: F) -> Vec<T>
where
    T: Send,
    I: Fn() -> S + Sync,
    F: Fn(&mut S, u32, &str) -> Option<T> + Sync,
{
    let run = |part: &[u32]| {
        let mut state = init();
        (index.texts_of(part))
            .filter_map(|(doc, text)| f(&mut state, doc, text))
            .collect::<Vec<T>>()
    };
    let cores = cores();
    if cores < 2 || items.len() < PARALLEL_FROM {
        return run(items);
    }
    let chunk = items.len().div_ceil(cores);
    thread::scope(|scope| {
        let run = &run;
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || run(part)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}
