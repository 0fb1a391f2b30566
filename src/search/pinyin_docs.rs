//! The documents holding a character read as a piece of a pinyin query,
//! as bitmaps from the index's postings: what narrows the pair index's
//! candidates to texts where a piece can be a whole syllable, or where a
//! rare piece can be read at all.

use super::doc_set::{DocSet, words};
use super::index::Index;

/// The documents holding a character read exactly `piece`, as a bitmap.
pub(super) fn exact(index: &Index, piece: &[u8]) -> Vec<u64> {
    let mut bits = vec![0u64; words(index.doc_count())];
    for c in index.syllables.chars_read(piece) {
        if let Some(set) = index.postings.get(c as usize) {
            set.or_into(&mut bits);
        }
    }
    bits
}

/// The documents holding a character with a reading beginning with
/// `piece`, as a bitmap; `None` when they are too many to be worth it
/// (more than a quarter of the texts' postings).
pub(super) fn held(index: &Index, piece: &[u8]) -> Option<Vec<u64>> {
    let chars: Vec<u32> = index.syllables.chars_reading(piece).collect();
    let total: usize = chars
        .iter()
        .filter_map(|&c| index.postings.get(c as usize))
        .map(DocSet::len)
        .sum();
    if total * 4 > index.doc_count() {
        return None;
    }
    let mut bits = vec![0u64; words(index.doc_count())];
    for c in chars {
        if let Some(set) = index.postings.get(c as usize) {
            set.or_into(&mut bits);
        }
    }
    Some(bits)
}
