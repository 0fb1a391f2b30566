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

use super::index::{Lists, offset};
use super::pinyin::Readings;

/// How many pairs of letters.
pub(crate) const PAIRS: usize = 26 * 26;

/// The longest syllable (zhuang), in letters.
const LONGEST: usize = 6;

/// A set of documents: ascending numbers when sparse, a bitmap when
/// dense (whichever is smaller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DocSet {
    List(Vec<u32>),
    Bits(Vec<u64>),
}

impl DocSet {
    /// The set of `docs` (ascending) out of `total` documents.
    fn of(docs: Vec<u32>, total: usize) -> DocSet {
        if docs.len() * 32 <= total {
            return DocSet::List(docs);
        }
        let mut bits = vec![0u64; words(total)];
        for d in docs {
            bits[d as usize / 64] |= 1 << (d % 64);
        }
        DocSet::Bits(bits)
    }

    fn heap_bytes(&self) -> usize {
        match self {
            DocSet::List(l) => l.capacity() * 4,
            DocSet::Bits(b) => b.capacity() * 8,
        }
    }

    /// Keeps the documents of `out` that are in this set.
    fn and_into(&self, out: &mut [u64]) {
        match self {
            DocSet::Bits(bits) => out.iter_mut().zip(bits).for_each(|(o, b)| *o &= b),
            DocSet::List(list) => {
                let mut kept = vec![0u64; out.len()];
                for &d in list {
                    let (w, bit) = (d as usize / 64, 1u64 << (d % 64));
                    kept[w] |= out[w] & bit;
                }
                out.copy_from_slice(&kept);
            }
        }
    }

    /// Adds this set's documents to `out`.
    fn or_into(&self, out: &mut [u64]) {
        match self {
            DocSet::Bits(bits) => out.iter_mut().zip(bits).for_each(|(o, b)| *o |= b),
            DocSet::List(list) => list
                .iter()
                .for_each(|&d| out[d as usize / 64] |= 1 << (d % 64)),
        }
    }
}

/// 64-bit words for a bitmap of `n` documents.
pub(crate) fn words(n: usize) -> usize {
    n.div_ceil(64)
}

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
    /// The pairs of a text given as character IDs into `table`.
    pub fn of(text: &[u32], table: &[Readings]) -> DocPairs {
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
        let mut out = DocPairs::default();
        for w in text.windows(2) {
            pairs_of(w, &mut out.all);
        }
        if let Some(w) = text.get(..2) {
            pairs_of(w, &mut out.head);
        }
        out.all.sort_unstable();
        out.all.dedup();
        out.head.sort_unstable();
        out.head.dedup();
        out
    }
}

impl PairIndex {
    /// The index of documents' pairs, given in document order.
    pub fn of(docs: impl Iterator<Item = DocPairs>) -> PairIndex {
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); PAIRS];
        let mut heads: Vec<Vec<u32>> = vec![Vec::new(); PAIRS];
        let mut total = 0;
        for (doc, pairs) in docs.enumerate() {
            let doc = offset(doc);
            for p in pairs.all {
                lists[p as usize].push(doc);
            }
            for p in pairs.head {
                heads[p as usize].push(doc);
            }
            total += 1;
        }
        PairIndex {
            sets: lists.into_iter().map(|l| DocSet::of(l, total)).collect(),
            heads: Lists::of(heads),
            docs: total,
        }
    }

    pub fn heap_bytes(&self) -> usize {
        self.sets.iter().map(DocSet::heap_bytes).sum::<usize>()
            + self.sets.capacity() * std::mem::size_of::<DocSet>()
            + (self.heads.items.capacity() + self.heads.ends.capacity()) * 4
    }

    fn set(&self, a: u8, b: u8) -> Option<&DocSet> {
        self.sets.get(pair(a, b)?)
    }

    /// The documents a pinyin match of `query` (lowercase letters) may be
    /// in, as a bitmap: for some split of the query into two or more
    /// syllable prefixes, the text holds the pair of initials of every two
    /// neighbouring pieces, and for each piece of two letters or more the
    /// documents `held` gives for it (a character with a reading beginning
    /// with the piece; `None` when that would not narrow much).
    pub fn candidates(
        &self,
        query: &[u8],
        syllables: &Syllables,
        held: impl Fn(&[u8]) -> Option<Vec<u64>>,
    ) -> Vec<u64> {
        let n = query.len();
        // from[i]: the documents where pieces from letter i on can follow
        // a character (`None`: every document).
        let mut from: Vec<Option<Vec<u64>>> = vec![Some(Vec::new()); n + 1];
        from[n] = None;
        for i in (0..n).rev() {
            let mut acc = vec![0u64; words(self.docs)];
            let mut any = false;
            for end in pieces(query, i, syllables) {
                if end == n && i == 0 {
                    continue;
                }
                // The documents this piece allows; `None`: all of them.
                let mut part: Option<Vec<u64>> = match &from[end] {
                    Some(next) if next.is_empty() => continue,
                    next => next.clone(),
                };
                if end < n {
                    let Some(set) = self.set(query[i], query[end]) else {
                        continue;
                    };
                    match &mut part {
                        Some(bits) => set.and_into(bits),
                        None => {
                            let mut bits = vec![0u64; words(self.docs)];
                            set.or_into(&mut bits);
                            part = Some(bits);
                        }
                    }
                }
                let with = (end - i >= 2).then(|| held(&query[i..end])).flatten();
                match (&mut part, with) {
                    (Some(bits), Some(with)) => {
                        bits.iter_mut().zip(&with).for_each(|(b, w)| *b &= w)
                    }
                    (None, with) => part = with,
                    (Some(_), None) => {}
                }
                match part {
                    Some(bits) => acc.iter_mut().zip(&bits).for_each(|(a, p)| *a |= p),
                    None => {
                        any = true;
                        break;
                    }
                }
            }
            from[i] = if any {
                None
            } else if acc.iter().all(|&w| w == 0) {
                Some(Vec::new())
            } else {
                Some(acc)
            };
        }
        match from.swap_remove(0) {
            Some(bits) if bits.is_empty() => vec![0; words(self.docs)],
            Some(bits) => bits,
            // Unreachable: a piece at letter 0 never ends the query.
            None => vec![u64::MAX; words(self.docs)],
        }
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
fn pieces<'a>(
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

/// The document numbers in `bits` below `end`, ascending.
pub(crate) fn docs_in(bits: &[u64], end: usize) -> impl Iterator<Item = u32> + '_ {
    bits.iter().enumerate().flat_map(move |(w, &word)| {
        let mut word = word;
        std::iter::from_fn(move || {
            (word != 0).then(|| {
                let bit = word.trailing_zeros();
                word &= word - 1;
                offset(w * 64) + bit
            })
        })
        .take_while(move |&d| (d as usize) < end)
    })
}

/// Whether document `doc` is in `bits`.
pub(crate) fn contains(bits: &[u64], doc: u32) -> bool {
    bits.get(doc as usize / 64)
        .is_some_and(|w| w & (1 << (doc % 64)) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_index_has_no_candidates_and_no_heads() {
        let empty = PairIndex::default();
        let syllables = Syllables::of(&[Readings::of('规'), Readings::of('上')]);
        assert!(empty.heads(b"gs", &syllables).is_empty());
        assert!(empty.candidates(b"gs", &syllables, |_| None).is_empty());
    }
}
