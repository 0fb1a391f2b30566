//! Where pinyin can match: per pair of initials, the documents where a
//! character with a reading beginning with the first letter is followed by
//! one with a reading beginning with the second; and per pair, the
//! documents whose first two characters form it.
//!
//! A pinyin match splits the query into pieces, one per character, each a
//! prefix of one of its readings, so every two neighbouring pieces name a
//! pair of initials the text holds. [`PairIndex::candidates`] intersects
//! the pairs of every split the syllables allow (`gsq` can only be
//! g|s|q: the texts holding g→s and s→q) and unites the splits: a superset
//! of the texts that match, from a few bitmap operations instead of a pass
//! over every text.

use super::doc_set::DocSet;
use super::index::{Lists, offset};
use super::pinyin::Readings;

/// How many pairs of letters.
pub(crate) const PAIRS: usize = 26 * 26;

/// The longest syllable (zhuang), in letters.
const LONGEST: usize = 6;

/// The pair index; see the module documentation.
#[derive(Debug, Default)]
pub(crate) struct PairIndex {
    /// Per pair `26 * a + b`.
    pub sets: Vec<DocSet>,
    /// Per pair, the documents beginning with it.
    pub heads: Lists,
    pub docs: usize,
}

/// What a document contributes: its pairs, and the pairs its first two
/// characters form.
#[derive(Debug, Default)]
pub(crate) struct DocPairs {
    pub all: Vec<u16>,
    pub head: Vec<u16>,
}

impl DocPairs {
    /// The pairs of a text given as character IDs into `table`, in place
    /// of those held.
    pub fn fill(&mut self, text: &[u32], table: &[Readings]) {
        let initials = |id: u32| table.get(id as usize).map_or(0, Readings::initials);
        let pairs_of = |w: &[u32], out: &mut Vec<u16>| {
            let b = initials(w[1]);
            let mut a = initials(w[0]);
            while a != 0 && b != 0 {
                let x = a.trailing_zeros() as u16;
                a &= a - 1;
                let mut rest = b;
                while rest != 0 {
                    out.push(26 * x + rest.trailing_zeros() as u16);
                    rest &= rest - 1;
                }
            }
        };
        self.all.clear();
        self.head.clear();
        for w in text.windows(2) {
            pairs_of(w, &mut self.all);
        }
        if let Some(w) = text.get(..2) {
            pairs_of(w, &mut self.head);
        }
        self.all.sort_unstable();
        self.all.dedup();
        self.head.sort_unstable();
        self.head.dedup();
    }
}

impl PairIndex {
    pub fn heap_bytes(&self) -> usize {
        self.sets.iter().map(DocSet::heap_bytes).sum::<usize>()
            + self.sets.capacity() * std::mem::size_of::<DocSet>()
            + (self.heads.items.capacity() + self.heads.ends.capacity()) * 4
    }

    pub(super) fn set(&self, a: u8, b: u8) -> Option<&DocSet> {
        self.sets.get(pair(a, b)?)
    }

    /// The documents whose first two characters may begin a match of
    /// `query`; ascending, without repeats.
    pub fn heads(&self, query: &[u8], syllables: &Syllables) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for end in pieces(query, 0, syllables).filter(|&e| e < query.len()) {
            // An index without documents (one whose build failed) has no lists.
            match pair(query[0], query[end]) {
                Some(p) if p < self.heads.ends.len() => out.extend(self.heads.get(p)),
                _ => {}
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Where a piece beginning at letter `i` may end: the prefixes of
/// syllables found at `i`, shortest first.
pub(super) fn pieces<'a>(
    query: &'a [u8],
    i: usize,
    syllables: &'a Syllables,
) -> impl Iterator<Item = usize> + 'a {
    (i + 1..=query.len().min(i + LONGEST))
        .take_while(move |&end| syllables.has_prefix(&query[i..end]))
}

fn pair(a: u8, b: u8) -> Option<usize> {
    let (a, b) = (a.checked_sub(b'a')?, b.checked_sub(b'a')?);
    (a < 26 && b < 26).then_some(26 * a as usize + b as usize)
}

/// Every reading of every character the index holds, sorted, each with
/// the characters (IDs) that have it.
#[derive(Debug, Default)]
pub(crate) struct Syllables(Vec<(Box<[u8]>, Vec<u32>)>);

impl Syllables {
    pub fn of(table: &[Readings]) -> Syllables {
        let mut all: Vec<(Box<[u8]>, u32)> = (table.iter().enumerate())
            .flat_map(|(id, r)| {
                r.syllables()
                    .map(move |s| (s.as_bytes().into(), offset(id)))
            })
            .collect();
        all.sort_unstable();
        let mut out: Vec<(Box<[u8]>, Vec<u32>)> = Vec::new();
        for (s, id) in all {
            match out.last_mut() {
                Some((last, ids)) if *last == s => ids.push(id),
                _ => out.push((s, vec![id])),
            }
        }
        Syllables(out)
    }

    /// Whether some syllable begins with `piece`.
    pub fn has_prefix(&self, piece: &[u8]) -> bool {
        let at = self.0.partition_point(|(s, _)| **s < *piece);
        self.0.get(at).is_some_and(|(s, _)| s.starts_with(piece))
    }

    pub fn has(&self, piece: &[u8]) -> bool {
        self.0.binary_search_by(|(s, _)| (**s).cmp(piece)).is_ok()
    }

    /// The characters with a reading beginning with `piece`, repeats
    /// possible.
    pub fn chars_reading<'a>(&'a self, piece: &'a [u8]) -> impl Iterator<Item = u32> + 'a {
        let at = self.0.partition_point(|(s, _)| **s < *piece);
        self.0[at..]
            .iter()
            .take_while(move |(s, _)| s.starts_with(piece))
            .flat_map(|(_, ids)| ids.iter().copied())
    }

    /// The characters read exactly `piece`.
    pub fn chars_read<'a>(&'a self, piece: &[u8]) -> impl Iterator<Item = u32> + 'a {
        let at = self.0.binary_search_by(|(s, _)| (**s).cmp(piece)).ok();
        at.map(|i| self.0[i].1.iter().copied())
            .into_iter()
            .flatten()
    }

    /// The highest score ([`super::pinyin::PinyinMatch::score`]) a match
    /// of `query` not at the start of a text can have.
    pub fn best_score(&self, query: &[u8]) -> Option<i64> {
        let n = query.len();
        // best[i]: the most (8 per whole syllable, -1 per piece) the
        // pieces from letter i on can add.
        let mut best: Vec<Option<i64>> = vec![None; n + 1];
        best[n] = Some(0);
        for i in (0..n).rev() {
            best[i] = pieces(query, i, self)
                .filter(|&end| !(i == 0 && end == n))
                .filter_map(|end| {
                    let whole = if self.has(&query[i..end]) { 8 } else { 0 };
                    best[end].map(|b| b + whole - 1)
                })
                .max();
        }
        best[0].map(|b| 16 * n as i64 + b)
    }

    pub fn heap_bytes(&self) -> usize {
        self.0
            .iter()
            .map(|(s, ids)| s.len() + 40 + ids.capacity() * 4)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_index_has_no_candidates_and_no_heads() {
        let empty = PairIndex::default();
        let syllables = Syllables::of(&[Readings::of('规'), Readings::of('上')]);
        assert!(empty.heads(b"gs", &syllables).is_empty());
        assert!(
            empty
                .tiers(b"gs", &syllables, |_| None, |_| Vec::new())
                .is_empty()
        );
    }
}
