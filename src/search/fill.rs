//! Lists of documents built in two passes, so that the index is laid out
//! at its final size with no growing on the way: a first pass over the
//! texts counts, per key (a character, a pair of initials), how many
//! documents hold it; a second pass, in document order, fills lists and
//! bitmaps allocated at exactly that size.

use super::doc_set::{DocSet, dense, words};
use super::index::{Lists, offset};

/// Per key, how many documents hold it, each document counted once.
#[derive(Debug, Default)]
pub(super) struct Counts {
    per: Vec<u32>,
    /// Per key, the last document counted.
    last: Vec<u32>,
}

impl Counts {
    /// Counts `doc` for `key`, once however often it is given in a row;
    /// keys beyond those known are added.
    pub fn add(&mut self, key: u32, doc: u32) {
        let k = key as usize;
        if k >= self.per.len() {
            self.per.resize(k + 1, 0);
            self.last.resize(k + 1, u32::MAX);
        }
        if self.last[k] != doc {
            self.last[k] = doc;
            self.per[k] += 1;
        }
    }

    /// The counts, for `keys` keys.
    pub fn into_counts(mut self, keys: usize) -> Vec<u32> {
        self.per.resize(keys, 0);
        self.per
    }
}

/// Sets of documents, each allocated at its counted size in the form
/// [`DocSet::of`] would choose.
pub(super) struct SetsFill(Vec<DocSet>);

impl SetsFill {
    pub fn new(counts: &[u32], docs: usize) -> SetsFill {
        let sets = (counts.iter())
            .map(|&n| match dense(n as usize, docs) {
                false => DocSet::List(Vec::with_capacity(n as usize)),
                true => DocSet::Bits(vec![0; words(docs)]),
            })
            .collect();
        SetsFill(sets)
    }

    /// Adds `doc`, not below any document added before to this key.
    pub fn add(&mut self, key: u32, doc: u32) {
        match self.0.get_mut(key as usize) {
            Some(DocSet::List(list)) if list.last() != Some(&doc) => list.push(doc),
            Some(DocSet::Bits(bits)) => {
                if let Some(word) = bits.get_mut(doc as usize / 64) {
                    *word |= 1 << (doc % 64);
                }
            }
            _ => {}
        }
    }

    pub fn finish(self) -> Vec<DocSet> {
        self.0
    }
}

/// [`Lists`] filled into one buffer allocated at the counted size.
pub(super) struct ListsFill {
    lists: Lists,
    /// Per list, where its next document goes.
    at: Vec<u32>,
}

impl ListsFill {
    pub fn new(counts: &[u32]) -> ListsFill {
        let mut ends = Vec::with_capacity(counts.len());
        let mut total = 0usize;
        for &n in counts {
            total += n as usize;
            ends.push(offset(total));
        }
        let at = std::iter::once(0).chain(ends.iter().copied()).collect();
        ListsFill {
            lists: Lists {
                items: vec![0; total],
                ends,
            },
            at,
        }
    }

    /// Adds `doc`, not below any document added before to this key.
    pub fn add(&mut self, key: u32, doc: u32) {
        let k = key as usize;
        let (Some(&at), Some(&end)) = (self.at.get(k), self.lists.ends.get(k)) else {
            return;
        };
        let start = if k == 0 { 0 } else { self.lists.ends[k - 1] };
        let repeat = at > start && self.lists.items[at as usize - 1] == doc;
        if at < end && !repeat {
            self.lists.items[at as usize] = doc;
            self.at[k] = at + 1;
        }
    }

    pub fn finish(self) -> Lists {
        self.lists
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_then_filled_lists_and_sets_are_exact() {
        let docs: [&[u32]; 4] = [&[0, 2, 2], &[1], &[], &[0, 1, 2, 2]];
        let mut counts = Counts::default();
        for (doc, keys) in docs.iter().enumerate() {
            for &k in *keys {
                counts.add(k, doc as u32);
            }
        }
        let counts = counts.into_counts(3);
        assert_eq!(counts, [2, 2, 2]);
        let mut lists = ListsFill::new(&counts);
        let mut sets = SetsFill::new(&counts, 4);
        for (doc, keys) in docs.iter().enumerate() {
            for &k in *keys {
                lists.add(k, doc as u32);
                sets.add(k, doc as u32);
            }
        }
        let lists = lists.finish();
        assert_eq!(
            (lists.get(0), lists.get(1), lists.get(2)),
            (&[0, 3][..], &[1, 3][..], &[0, 3][..])
        );
        assert_eq!(lists.items.capacity(), 6);
        let sets = sets.finish();
        let wanted: Vec<DocSet> = [vec![0, 3], vec![1, 3], vec![0, 3]]
            .into_iter()
            .map(|l| DocSet::of(l, 4))
            .collect();
        assert_eq!(sets, wanted);
    }

    #[test]
    fn a_list_fill_never_writes_past_its_count() {
        let mut lists = ListsFill::new(&[1, 0]);
        for doc in 0..3 {
            for key in [0, 1, 5] {
                lists.add(key, doc);
            }
        }
        let lists = lists.finish();
        assert_eq!((lists.get(0), lists.get(1)), (&[0][..], &[][..]));
    }
}
