//! Pinyin hits for one keystroke, enough to rank the best `limit` entries
//! exactly.
//!
//! The pair index ([`super::initials`]) gives the texts a match may be in.
//! No text scores above [`super::initials::Syllables::best_score`] plus the start bonus,
//! and among equal scores the ranking puts the lower document number
//! first; so texts are matched in document order, and a walk stops once
//! `limit` entries are known to beat every text not yet matched (entries
//! with a direct or ID hit beat every pinyin hit from the start). First
//! the texts whose first two characters may begin a match, as only they
//! can have the start bonus (their first characters are tried before the
//! rest); then, unless that settled it, every candidate, each of which
//! scores at most the best score.

use std::collections::HashSet;

use super::Field;
use super::doc_set::{contains, docs_in};
use super::index::Index;
use super::pinyin::{self, PinyinMatch};
use super::pinyin_docs::{exact, held};
use super::searcher::par_filter_map;

/// The first block of candidates matched before the stop is checked; each
/// next block is twice as large, up to [`LARGEST_BLOCK`]. (Tests stop
/// after a few texts, so that small datasets see the walk stop.)
#[cfg(not(test))]
const FIRST_BLOCK: usize = 64;
#[cfg(test)]
const FIRST_BLOCK: usize = 2;
const LARGEST_BLOCK: usize = 16 * 1024;

/// What a search is after.
pub(super) struct Wanted<'a> {
    pub letters: &'a [u8],
    /// Whether long texts may match (one more letter than short ones).
    pub long_ok: bool,
    pub limit: usize,
}

/// What the walk did, for `--timings` and tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PinyinStats {
    /// Whether the query was looked up by pinyin at all (letters enough,
    /// each a syllable's start).
    pub searched: bool,
    /// Texts the pair index left as candidates.
    pub candidates: usize,
    /// Of those, the texts matched by pinyin.
    pub matched: usize,
    /// How many tiers of candidates (by the best score a match can have
    /// on them) were walked.
    pub tiers: usize,
}

/// (document, match) for the pinyin hits needed to rank the best `limit`
/// entries, given the entries `reach` that rank above every pinyin hit.
pub(super) fn hits(
    index: &Index,
    want: &Wanted,
    kind_ok: impl Fn(u32) -> bool + Sync,
    mut reach: HashSet<u32>,
) -> (Vec<(u32, PinyinMatch)>, PinyinStats) {
    let letters = want.letters;
    let mut stats = PinyinStats::default();
    let Some(bound) = index.syllables.best_score(letters) else {
        return (Vec::new(), stats);
    };
    stats.searched = true;
    let end = if want.long_ok {
        index.doc_count()
    } else {
        index.first_long()
    };
    let ok = |doc: u32| index.doc_field[doc as usize] != Field::Id && kind_ok(doc);
    let tiers = (index.pairs).tiers(
        letters,
        &index.syllables,
        |piece| held(index, piece),
        |piece| exact(index, piece),
    );
    let is_candidate = |d: u32| tiers.iter().any(|(_, bits)| contains(bits, d));
    // The most a match not at the start of `d` can score.
    let bound_of = |d: u32| (tiers.iter()).find_map(|(b, bits)| contains(bits, d).then_some(*b));
    stats.candidates = tiers
        .iter()
        .map(|(_, bits)| docs_in(bits, end).count())
        .sum();
    let find = |ids: &mut Vec<u32>, doc: u32, text: &str| {
        index.char_ids(text, ids);
        pinyin::find(letters, ids, &index.readings).map(|m| (doc, m))
    };
    let walk = Walk {
        index,
        letters: letters.len(),
        limit: want.limit,
    };

    // Texts matched at their start: up to `bound` and the start bonus.
    // Their first characters are matched first, the whole text only then.
    let heads: Vec<u32> = (index.pairs.heads(letters, &index.syllables).into_iter())
        .filter(|&d| (d as usize) < end && is_candidate(d) && ok(d))
        .collect();
    let (starts, walked) = walk.run(
        &heads,
        bound + pinyin::START_BONUS,
        &mut reach,
        |ids, doc, text| {
            let cut = text
                .char_indices()
                .nth(letters.len())
                .map_or(text.len(), |(i, _)| i);
            index.char_ids(&text[..cut], ids);
            let head = pinyin::at_start(letters, ids, &index.readings)?;
            // A match further on is the best only by scoring higher, and
            // none scores above the text's tier: then the rest of the
            // text need not be read.
            if bound_of(doc).is_none_or(|b| head.score(letters.len()) >= b) {
                return Some((doc, head));
            }
            find(ids, doc, text)
        },
    );
    stats.matched += walked;
    if reach.len() >= want.limit {
        return (starts, stats);
    }

    // Every text matched at its start is known. Then each tier in turn,
    // best bound first: once a tier is walked whole, a text known to score
    // above the next tier's bound beats every text not yet matched.
    let known = |doc: u32| starts.binary_search_by_key(&doc, |(d, _)| *d).ok();
    let mut found: Vec<(u32, PinyinMatch)> = Vec::new();
    for (k, (tier_bound, bits)) in tiers.iter().enumerate() {
        let above = |m: &PinyinMatch| m.score(letters.len()) > *tier_bound;
        for (doc, m) in starts.iter().chain(&found) {
            if above(m) {
                reach.insert(index.entry_of(*doc));
            }
        }
        if reach.len() >= want.limit {
            break;
        }
        let docs: Vec<u32> = docs_in(bits, end).filter(|&d| ok(d)).collect();
        let (tier, walked) = walk.run(
            &docs,
            *tier_bound,
            &mut reach,
            |ids, doc, text| match known(doc) {
                Some(i) => Some(starts[i].clone()),
                None => find(ids, doc, text),
            },
        );
        // The texts matched at their start are not matched again.
        stats.matched += (docs[..walked].iter())
            .filter(|&&d| known(d).is_none())
            .count();
        stats.tiers = k + 1;
        found.extend(tier);
    }
    found.extend(starts);
    found.sort_by_key(|(d, _)| *d);
    found.dedup_by_key(|(d, _)| *d);
    (found, stats)
}

struct Walk<'a> {
    index: &'a Index,
    letters: usize,
    limit: usize,
}

impl Walk<'_> {
    /// Matches `docs` (ascending) with `f` in blocks until `reach` holds
    /// `limit` entries: a text scoring `best` or more joins it, as it beats
    /// every later text that can score no more than `best`. Returns the
    /// matches and how many of `docs` were matched.
    fn run<F>(
        &self,
        docs: &[u32],
        best: i64,
        reach: &mut HashSet<u32>,
        f: F,
    ) -> (Vec<(u32, PinyinMatch)>, usize)
    where
        F: Fn(&mut Vec<u32>, u32, &str) -> Option<(u32, PinyinMatch)> + Sync,
    {
        let mut found = Vec::new();
        let (mut at, mut block) = (0, FIRST_BLOCK);
        while at < docs.len() && reach.len() < self.limit {
            let part = &docs[at..docs.len().min(at + block)];
            let matched = par_filter_map(self.index, part, Vec::new, &f);
            for (doc, m) in &matched {
                if m.score(self.letters) >= best {
                    reach.insert(self.index.entry_of(*doc));
                }
            }
            found.extend(matched);
            at += part.len();
            block = (block * 2).min(LARGEST_BLOCK);
        }
        (found, at)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use proptest::prelude::*;

    use super::*;
    use crate::search::doc_set::contains;
    use crate::search::rank::{self, Candidate};
    use crate::search::{Searcher, Via};

    /// Characters with several readings (重 长 行 乐 和 都 了), common
    /// ones, letters a query may also match directly, and separators.
    const ALPHABET: &[char] = &[
        '重', '长', '行', '乐', '和', '都', '了', '发', '改', '局', '规', '上', '企', '业', '银',
        '市', '新', '增', '建', '设', 'g', 's', 'q', 'x', ',', ';', '1',
    ];

    fn text(max: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(ALPHABET), 1..max)
            .prop_map(|cs| cs.into_iter().collect())
    }

    /// An index over a small synthetic dataset whose task texts are `texts`.
    fn index_of(texts: &[String]) -> Index {
        let mut data = crate::synth::synth(texts.len(), 3);
        for (task, text) in data.tasks.iter_mut().zip(texts) {
            task.text = text.as_str().into();
        }
        Index::build(&data)
    }

    /// Letters a run of `text` spells: per character a prefix of one of
    /// its readings (`picks` choose which, and how long).
    fn spelled(text: &str, start: usize, picks: &[(usize, usize)]) -> String {
        let mut out = String::new();
        for (c, &(reading, take)) in text.chars().skip(start).zip(picks) {
            let readings = pinyin::Readings::of(c);
            let all: Vec<&str> = readings.syllables().collect();
            if let Some(s) = all.get(reading % all.len().max(1)) {
                out.push_str(&s[..1 + take % s.len()]);
            }
        }
        out
    }

    /// What the engine matched before the pair index: every text.
    fn full_scan(index: &Index, letters: &[u8], long_ok: bool) -> Vec<(u32, PinyinMatch)> {
        let mut ids = Vec::new();
        (0..index.doc_count() as u32)
            .filter(|&d| long_ok || (d as usize) < index.first_long())
            .filter(|&d| index.doc_field[d as usize] != Field::Id)
            .filter_map(|d| {
                index.char_ids(index.text(d), &mut ids);
                pinyin::find(letters, &ids, &index.readings).map(|m| (d, m))
            })
            .collect()
    }

    fn ranked(
        index: &Index,
        found: &[(u32, PinyinMatch)],
        n: usize,
        limit: usize,
    ) -> Vec<Candidate> {
        let cands = found.iter().map(|(doc, m)| Candidate {
            entry: index.entry_of(*doc),
            doc: Some(*doc),
            via: Via::Pinyin,
            score: m.score(n),
            span: (m.start as u32, m.len as u32),
            len: index.len_of(*doc),
        });
        rank::top(cands.collect(), limit)
    }

    fn query() -> impl Strategy<Value = (usize, usize, Vec<(usize, usize)>, String)> {
        (
            0usize..40,
            0usize..8,
            prop::collection::vec((0usize..4, 0usize..6), 2..6),
            "[a-z]{2,7}",
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn the_candidates_hold_every_match_and_the_ranking_is_the_full_scans(
            texts in prop::collection::vec(text(30), 40),
            (which, start, picks, random) in query(),
        ) {
            let index = index_of(&texts);
            let spelt = spelled(&texts[which], start, &picks);
            for q in [spelt.as_str(), random.as_str()] {
                let Some(letters) = pinyin::pinyin_query(q) else { continue };
                if letters.len() < 2 {
                    continue;
                }
                let long_ok = letters.len() > 2;
                let all = full_scan(&index, &letters, long_ok);
                let heads = index.pairs.heads(&letters, &index.syllables);
                let tiers = index.pairs.tiers(
                    &letters,
                    &index.syllables,
                    |p| held(&index, p),
                    |p| exact(&index, p),
                );
                let mut bits = vec![0u64; crate::search::doc_set::words(index.doc_count())];
                for (_, tier) in &tiers {
                    prop_assert!(bits.iter().zip(tier).all(|(u, t)| u & t == 0), "{}", q);
                    bits.iter_mut().zip(tier).for_each(|(u, t)| *u |= t);
                }
                for (doc, m) in &all {
                    prop_assert!(contains(&bits, *doc), "{} on {}", q, index.text(*doc));
                    if m.start == 0 {
                        prop_assert!(heads.contains(doc), "{} heads {}", q, index.text(*doc));
                    } else {
                        let bound = tiers.iter().find(|(_, t)| contains(t, *doc)).map(|(b, _)| *b);
                        prop_assert!(
                            bound.is_some_and(|b| m.score(letters.len()) <= b),
                            "{} on {}: {:?} above {:?}", q, index.text(*doc), m, bound
                        );
                    }
                }
                for limit in [1, 3, 10, usize::MAX] {
                    let want = Wanted { letters: &letters, long_ok, limit };
                    let (found, _) = hits(&index, &want, |_| true, HashSet::new());
                    prop_assert_eq!(
                        ranked(&index, &found, letters.len(), limit),
                        ranked(&index, &all, letters.len(), limit),
                        "{} limit {}", q, limit
                    );
                }
            }
        }

        #[test]
        fn a_few_hits_are_the_head_of_all_hits_whatever_the_query(
            texts in prop::collection::vec(text(30), 40),
            (which, start, picks, random) in query(),
            hanzi in prop::sample::select(ALPHABET),
        ) {
            let index = Arc::new(index_of(&texts));
            let spelt = spelled(&texts[which], start, &picks);
            let mixed = format!("{hanzi}{spelt}");
            for q in [spelt.as_str(), random.as_str(), mixed.as_str()] {
                let all = Searcher::new(Arc::clone(&index)).search(q, None, usize::MAX);
                for limit in [1, 5, 20] {
                    let few = Searcher::new(Arc::clone(&index)).search(q, None, limit);
                    prop_assert_eq!(&few[..], &all[..limit.min(all.len())], "{} limit {}", q, limit);
                }
            }
        }
    }

    #[test]
    fn a_common_initials_query_matches_few_texts_for_a_small_limit() {
        let texts: Vec<String> = (0..400).map(|i| format!("{i}规上企业新增")).collect();
        let index = Arc::new(index_of(&texts));
        let mut s = Searcher::new(Arc::clone(&index));
        let few = s.search("gsq", None, 10);
        let stats = s.stats().pinyin;
        assert!(stats.candidates >= 400, "{stats:?}");
        assert!(stats.matched < 200, "{stats:?}");
        let all = Searcher::new(index).search("gsq", None, usize::MAX);
        assert_eq!(few, &all[..10]);
    }

    #[test]
    fn texts_without_a_whole_syllable_are_matched_after_those_with_one() {
        // `she` is best as s|he with 和 read whole; 实施行动 matches it as
        // s|he(ng), 8 less. Only the texts holding 和 are in the best tier,
        // too few to fill the limit; the walk then stops early in the
        // next.
        let mut texts: Vec<String> = (0..400).map(|i| format!("{i}实施行动计划")).collect();
        for i in [5, 50, 300] {
            texts[i] = format!("{i}城市和乡村");
        }
        let index = Arc::new(index_of(&texts));
        let mut s = Searcher::new(Arc::clone(&index));
        let few = s.search("she", None, 10);
        let stats = s.stats().pinyin;
        assert!(stats.candidates >= 400, "{stats:?}");
        assert!(stats.matched < 100, "{stats:?}");
        assert!(stats.tiers >= 2, "{stats:?}");
        let all = Searcher::new(index).search("she", None, usize::MAX);
        assert_eq!(few, &all[..10]);
        assert!(few[..3].iter().all(|h| h.text.contains('和')), "{few:?}");
    }

    #[test]
    fn a_text_matched_at_its_start_keeps_a_better_match_further_on() {
        // sha|sha|sha begins 上 (shang) thrice at the start; 杀 (sha) is
        // read whole thrice after the comma, 8 a syllable against the
        // start's 16.
        let text = "上上上,杀杀杀";
        let mut texts: Vec<String> = (0..40).map(|i| format!("{i}规上企业")).collect();
        texts[7] = text.into();
        let index = index_of(&texts);
        let want = Wanted {
            letters: b"shashasha",
            long_ok: true,
            limit: 10,
        };
        let (found, _) = hits(&index, &want, |_| true, HashSet::new());
        let at = (found.iter()).find(|(d, _)| index.text(*d) == text);
        let best = at.map(|(_, m)| (m.start, m.len, m.full_syllables));
        assert_eq!(best, Some((4, 3, 3)));
    }

    #[test]
    fn letters_no_split_can_spell_have_no_candidates() {
        let texts: Vec<String> = (0..50).map(|i| format!("{i}规上企业")).collect();
        let index = index_of(&texts);
        let tiers = (index.pairs).tiers(b"qqqq", &index.syllables, |_| None, |_| Vec::new());
        assert!(tiers.is_empty());
        assert!(index.syllables.best_score(b"iu").is_none());
    }
}
