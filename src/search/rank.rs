//! Ranking candidates: best first, one hit per entry, only as many as
//! asked for.

use std::cmp::Ordering;

use super::Via;

/// A document (or an ID) that matched, before it becomes a [`super::Hit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub entry: u32,
    /// The matched document; `None` for an ID hit.
    pub doc: Option<u32>,
    pub via: Via,
    pub score: i64,
    /// Pinyin hits: first character and character count of the match.
    pub span: (u32, u32),
    /// Length of the matched text in characters, the first tie-break:
    /// between equal scores, the shorter, more specific text first.
    pub len: u32,
}

fn compare(a: &Candidate, b: &Candidate) -> Ordering {
    b.via
        .cmp(&a.via)
        .then(b.score.cmp(&a.score))
        .then(a.len.cmp(&b.len))
        .then(a.entry.cmp(&b.entry))
        .then(a.doc.cmp(&b.doc))
}

/// The best `limit` candidates, best first, keeping only the best
/// candidate of each entry.
pub(crate) fn top(mut cands: Vec<Candidate>, limit: usize) -> Vec<Candidate> {
    if limit == 0 || cands.is_empty() {
        return Vec::new();
    }
    let mut want = limit;
    loop {
        let all = want >= cands.len();
        if !all {
            cands.select_nth_unstable_by(want, compare);
        }
        let mut head: Vec<Candidate> = cands[..want.min(cands.len())].to_vec();
        head.sort_unstable_by(compare);
        let mut seen = std::collections::HashSet::new();
        head.retain(|c| seen.insert(c.entry));
        if head.len() >= limit || all {
            head.truncate(limit);
            return head;
        }
        want *= 2;
    }
}
