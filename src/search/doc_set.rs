//! Sets of documents as the index keeps them: ascending document numbers
//! when sparse, a bitmap when dense, whichever is smaller. A character
//! common to a third of the texts costs a bit per text instead of four
//! bytes per text holding it.

use super::index::{offset, retain_in};

/// A set of documents out of a known number of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DocSet {
    List(Vec<u32>),
    Bits(Vec<u64>),
}

impl Default for DocSet {
    fn default() -> DocSet {
        DocSet::List(Vec::new())
    }
}

impl DocSet {
    /// The set of `docs` (ascending) out of `total` documents.
    #[cfg(test)]
    pub fn of(docs: Vec<u32>, total: usize) -> DocSet {
        if !dense(docs.len(), total) {
            return DocSet::List(docs);
        }
        let mut bits = vec![0u64; words(total)];
        for d in docs {
            bits[d as usize / 64] |= 1 << (d % 64);
        }
        DocSet::Bits(bits)
    }

    pub fn heap_bytes(&self) -> usize {
        match self {
            DocSet::List(l) => l.capacity() * 4,
            DocSet::Bits(b) => b.capacity() * 8,
        }
    }

    /// How many documents.
    pub fn len(&self) -> usize {
        match self {
            DocSet::List(l) => l.len(),
            DocSet::Bits(b) => b.iter().map(|w| w.count_ones() as usize).sum(),
        }
    }

    /// The documents, ascending.
    pub fn to_vec(&self) -> Vec<u32> {
        match self {
            DocSet::List(l) => l.clone(),
            DocSet::Bits(b) => docs_in(b, usize::MAX).collect(),
        }
    }

    /// Keeps the documents of `out` (ascending) that are in this set.
    pub fn retain(&self, out: &mut Vec<u32>) {
        match self {
            DocSet::List(l) => retain_in(out, l),
            DocSet::Bits(b) => out.retain(|&d| contains(b, d)),
        }
    }

    /// Adds this set's documents to `out` (a bitmap).
    pub fn or_into(&self, out: &mut [u64]) {
        match self {
            DocSet::Bits(bits) => out.iter_mut().zip(bits).for_each(|(o, b)| *o |= b),
            DocSet::List(list) => list
                .iter()
                .for_each(|&d| out[d as usize / 64] |= 1 << (d % 64)),
        }
    }
}

/// Whether a set of `n` documents out of `total` is smaller as a bitmap.
pub(crate) fn dense(n: usize, total: usize) -> bool {
    n * 32 > total
}

/// 64-bit words for a bitmap of `n` documents.
pub(crate) fn words(n: usize) -> usize {
    n.div_ceil(64)
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
    use super::DocSet;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn either_form_holds_the_same_documents(
            docs in prop::collection::btree_set(0u32..700, 0..300),
            probe in prop::collection::btree_set(0u32..700, 0..300),
        ) {
            let docs: Vec<u32> = docs.into_iter().collect();
            let set = DocSet::of(docs.clone(), 700);
            prop_assert_eq!(set.len(), docs.len());
            prop_assert_eq!(set.to_vec(), docs.clone());
            let mut kept: Vec<u32> = probe.iter().copied().collect();
            set.retain(&mut kept);
            let expected: Vec<u32> = probe.into_iter().filter(|d| docs.contains(d)).collect();
            prop_assert_eq!(kept, expected);
        }
    }

    #[test]
    fn dense_sets_are_bitmaps_and_sparse_ones_lists() {
        assert!(matches!(
            DocSet::of((0..100).collect(), 200),
            DocSet::Bits(_)
        ));
        assert!(matches!(DocSet::of(vec![3, 90], 200), DocSet::List(_)));
    }
}
