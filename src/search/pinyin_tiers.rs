//! Pinyin candidates in tiers of the best score a match can have on them.
//!
//! The pair index tells which texts a match may be in (for some split of
//! the query into syllable prefixes, the text holds the pair of initials of
//! every two neighbouring pieces, and for a piece of two letters or more a
//! character read with it where that narrows), and
//! [`super::initials::Syllables::best_score`] the most any of them can
//! score. That best counts every piece of the best split as a whole
//! syllable (+8 each), which few texts can give: `she` is best as s|he
//! (和), but most candidates hold 设施 or 生行 (s|he as a prefix of heng).
//! Here the same walk over the splits also keeps, per piece that is a
//! whole syllable, apart the texts holding a character read exactly so;
//! each text gets the best score of the splits it may match, and the
//! search matches the tier of the highest bound first.

use super::doc_set::words;
use super::initials::{PairIndex, Syllables, pieces};

/// At most this many bounds per suffix of the query; the lower ones fold
/// into the lowest kept (which stays an upper bound for them).
const LEVELS: usize = 3;

/// Per extra score (8 per whole syllable, -1 per piece) the pieces from a
/// letter on can add, the documents where they can (`None`: all).
type Levels = Vec<(i64, Option<Vec<u64>>)>;

impl PairIndex {
    /// The documents a pinyin match of `query` (lowercase letters) may be
    /// in, as bitmaps in disjoint tiers, best first, each with the highest
    /// score a match not at a text's start can have on them. `held` gives
    /// the documents holding a character with a reading beginning with a
    /// piece (`None`: too many to narrow), `exact` those holding one read
    /// exactly as the piece.
    pub fn tiers(
        &self,
        query: &[u8],
        syllables: &Syllables,
        held: impl Fn(&[u8]) -> Option<Vec<u64>>,
        exact: impl Fn(&[u8]) -> Vec<u64>,
    ) -> Vec<(i64, Vec<u64>)> {
        let n = query.len();
        let w = words(self.docs);
        let mut from: Vec<Levels> = vec![Vec::new(); n + 1];
        from[n] = vec![(0, None)];
        for i in (0..n).rev() {
            let mut acc: Levels = Vec::new();
            for end in pieces(query, i, syllables) {
                if (end == n && i == 0) || from[end].is_empty() {
                    continue;
                }
                // The documents this piece allows, whatever follows it.
                let mut allow: Option<Vec<u64>> = None;
                if end < n {
                    let Some(set) = self.set(query[i], query[end]) else {
                        continue;
                    };
                    let mut bits = vec![0u64; w];
                    set.or_into(&mut bits);
                    allow = Some(bits);
                }
                if end - i >= 2
                    && let Some(with) = held(&query[i..end])
                {
                    allow = Some(and(allow, &with));
                }
                let piece = &query[i..end];
                let whole = syllables.has(piece).then(|| exact(piece));
                for (extra, docs) in &from[end] {
                    let part = match &allow {
                        Some(a) => Some(and(docs.clone(), a)),
                        None => docs.clone(),
                    };
                    if let Some(whole) = &whole {
                        add(&mut acc, extra + 7, Some(and(part.clone(), whole)));
                    }
                    add(&mut acc, extra - 1, part);
                }
            }
            from[i] = fold(acc);
        }
        let mut seen = vec![0u64; w];
        let mut out = Vec::new();
        for (extra, docs) in from.swap_remove(0) {
            // Every level below 0 has documents; none is all of them (a
            // piece at letter 0 never ends the query).
            let Some(mut bits) = docs else { continue };
            bits.iter_mut().zip(&mut seen).for_each(|(b, s)| {
                *b &= !*s;
                *s |= *b;
            });
            if bits.iter().any(|&b| b != 0) {
                out.push((16 * n as i64 + extra, bits));
            }
        }
        out
    }
}

/// `docs` (`None`: all) and `with`.
fn and(docs: Option<Vec<u64>>, with: &[u64]) -> Vec<u64> {
    match docs {
        Some(mut bits) => {
            bits.iter_mut().zip(with).for_each(|(b, w)| *b &= w);
            bits
        }
        None => with.to_vec(),
    }
}

/// Adds `docs` at `extra`, unless it is empty.
fn add(acc: &mut Levels, extra: i64, docs: Option<Vec<u64>>) {
    if docs.as_ref().is_some_and(|b| b.iter().all(|&x| x == 0)) {
        return;
    }
    match acc.iter_mut().find(|(e, _)| *e == extra) {
        Some((_, have)) => *have = or(have.take(), docs),
        None => acc.push((extra, docs)),
    }
}

fn or(a: Option<Vec<u64>>, b: Option<Vec<u64>>) -> Option<Vec<u64>> {
    let (mut a, b) = (a?, b?);
    a.iter_mut().zip(&b).for_each(|(x, y)| *x |= y);
    Some(a)
}

/// The levels best first, at most [`LEVELS`] of them.
fn fold(mut acc: Levels) -> Levels {
    acc.sort_by_key(|(e, _)| std::cmp::Reverse(*e));
    if acc.len() > LEVELS {
        let rest = acc.split_off(LEVELS);
        let last = acc.last_mut().map(|(_, d)| d);
        if let Some(last) = last {
            for (_, docs) in rest {
                *last = or(last.take(), docs);
            }
        }
    }
    acc
}
