//! The search index: every searchable text of a dataset (held as
//! [`super::texts`] describes), each character interned once with its pinyin
//! readings, and per character the texts that contain it (and the texts
//! where it stands at a place the fuzzy matcher gives a bonus).
//!
//! Documents are numbered in ranking order for equal scores: shorter texts
//! first, then by entry, then in the order the dataset gives them. Every
//! list of documents is ascending in that order, so walking a posting list
//! meets the texts a tie would put first before the others.

pub(crate) use super::chars::CharTable;
use super::doc_set::DocSet;
use super::initials::{PairIndex, Syllables};
use super::pinyin::Readings;
pub(crate) use super::texts::{Strings, Texts};
use super::{Field, Kind, Target};
use crate::model::Text;

/// Texts longer than this (in characters) are "long": pinyin needs one
/// more letter on them, so that a few letters do not match most tasks.
pub const SHORT_TEXT: usize = 16;

/// How many texts [`Index::texts_of`] looks up at a time.
const READ_AHEAD: usize = 16;

/// What an entry is: the kind a hit shows and how its key names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntryKind {
    Task,
    Project,
    Item,
    Unit,
    Leader,
}

impl EntryKind {
    pub const ALL: [EntryKind; 5] = [
        EntryKind::Task,
        EntryKind::Project,
        EntryKind::Item,
        EntryKind::Unit,
        EntryKind::Leader,
    ];

    pub fn kind(self) -> Kind {
        match self {
            EntryKind::Task => Kind::Task,
            EntryKind::Project | EntryKind::Item => Kind::Project,
            EntryKind::Unit => Kind::Unit,
            EntryKind::Leader => Kind::Leader,
        }
    }

    pub fn target(self, key: &str) -> Target {
        let key = key.to_string();
        match self {
            EntryKind::Task => Target::Task(key),
            EntryKind::Project => Target::Project(key),
            EntryKind::Item => Target::Item(key),
            EntryKind::Unit => Target::Unit(key),
            EntryKind::Leader => Target::Leader(key),
        }
    }

    /// Whether the key is an ID a query may name (`K2.16`, `M3.2`).
    pub fn has_id(self) -> bool {
        matches!(self, EntryKind::Task | EntryKind::Project | EntryKind::Item)
    }
}

/// Lists of document numbers stored back to back in one buffer.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Lists {
    pub items: Vec<u32>,
    /// Where each list ends.
    pub ends: Vec<u32>,
}

impl Lists {
    pub fn of(lists: Vec<Vec<u32>>) -> Lists {
        let total = lists.iter().map(Vec::len).sum();
        let mut out = Lists {
            items: Vec::with_capacity(total),
            ends: Vec::with_capacity(lists.len()),
        };
        for list in lists {
            out.items.extend(list);
            out.ends.push(offset(out.items.len()));
        }
        out
    }

    pub fn get(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.items
            .get(start..self.ends[i] as usize)
            .unwrap_or_default()
    }

    fn heap_bytes(&self) -> usize {
        (self.items.capacity() + self.ends.capacity()) * 4
    }
}

/// A length or offset as stored (texts beyond 4 GiB are not indexed
/// whole, never a panic).
pub(crate) fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One index over a dataset's key tasks (text and ID), projects and their
/// sub-items, units (names and aliases) and leaders. Built once
/// ([`Index::build`]) or read from the search cache; cheap to share behind
/// an `Arc` between the search popup and the units filter.
#[derive(Debug, Default)]
pub struct Index {
    /// Per entry: what it is, and its ID or name.
    pub(crate) entry_kinds: Vec<EntryKind>,
    pub(crate) keys: Texts,
    /// Per document: the text, traditional characters folded to
    /// simplified so that either script finds it. The dataset's own
    /// shared text where folding left it as it was (not a copy).
    pub(crate) texts: Texts,
    pub(crate) doc_entry: Vec<u32>,
    pub(crate) doc_field: Vec<Field>,
    /// Characters in the lowercased text.
    pub(crate) doc_len: Vec<u32>,
    /// The text as written, for the documents folding changed; by document.
    pub(crate) shown: Vec<(u32, Text)>,
    /// Bytes of shared texts above that the index holds copies of (of
    /// `shown`, and in a built index the texts folding changed and the
    /// names of units and leaders).
    pub(crate) owned: usize,
    pub(crate) chars: CharTable,
    /// Pinyin readings per character ID.
    pub(crate) readings: Vec<Readings>,
    /// Per character ID, the documents that contain it.
    pub(crate) postings: Vec<DocSet>,
    /// Per character ID, the documents where it stands at a bonus place
    /// (first, after a separator, at a camel-case step).
    pub(crate) bonus: Lists,
    /// Entries with an ID, by lowercased ID.
    pub(crate) ids: Vec<u32>,
    /// Per pair of pinyin initials, the documents holding it.
    pub(crate) pairs: PairIndex,
    /// Every reading of the characters above.
    pub(crate) syllables: Syllables,
}

impl Index {
    /// How many searchable texts.
    pub(crate) fn doc_count(&self) -> usize {
        self.doc_entry.len()
    }

    pub(crate) fn text(&self, doc: u32) -> &str {
        self.texts.get(doc as usize)
    }

    /// The documents of `docs` with their texts, looked up a few at a
    /// time before any is read. A built index's texts are the dataset's
    /// own, each in its own place on the heap, and a walk over scattered
    /// documents would wait on memory for each text in turn; looked up
    /// together, their reads from memory overlap.
    pub(crate) fn texts_of<'a>(
        &'a self,
        docs: &'a [u32],
    ) -> impl Iterator<Item = (u32, &'a str)> + 'a {
        docs.chunks(READ_AHEAD).flat_map(move |group| {
            let mut texts = [""; READ_AHEAD];
            for (text, &doc) in texts.iter_mut().zip(group) {
                *text = self.text(doc);
            }
            group.iter().copied().zip(texts)
        })
    }

    /// The ID or name of `entry`.
    pub(crate) fn key(&self, entry: u32) -> &str {
        self.keys.get(entry as usize)
    }

    /// The text to show for `doc`: as written.
    pub(crate) fn shown(&self, doc: u32) -> &str {
        match self.shown.binary_search_by_key(&doc, |(d, _)| *d) {
            Ok(i) => &self.shown[i].1,
            Err(_) => self.text(doc),
        }
    }

    pub(crate) fn len_of(&self, doc: u32) -> u32 {
        self.doc_len[doc as usize]
    }

    /// The first long document: documents are numbered shorter first.
    pub(crate) fn first_long(&self) -> usize {
        (self.doc_len).partition_point(|&len| len as usize <= SHORT_TEXT)
    }

    pub(crate) fn entry_of(&self, doc: u32) -> u32 {
        self.doc_entry[doc as usize]
    }

    pub(crate) fn kind_of(&self, doc: u32) -> Kind {
        self.entry_kinds[self.entry_of(doc) as usize].kind()
    }

    /// The lowercased characters of `text` as character IDs, into `out`
    /// (`u32::MAX` for one no document holds).
    pub(crate) fn char_ids(&self, text: &str, out: &mut Vec<u32>) {
        out.clear();
        let id = |c: char| self.chars.get(c).unwrap_or(u32::MAX);
        for c in text.chars() {
            if c.is_ascii() {
                out.push(id(c.to_ascii_lowercase()));
            } else if ('\u{3000}'..='\u{9fff}').contains(&c) {
                // CJK characters and punctuation have no case.
                out.push(id(c));
            } else {
                out.extend(c.to_lowercase().map(id));
            }
        }
    }

    /// The documents holding each character of `text`, lowercased, each
    /// character once, with their sizes, smallest first; `None` if some
    /// character is in no document.
    fn postings_of(&self, text: &str) -> Option<Vec<(usize, &DocSet)>> {
        let mut ids = (text.chars().flat_map(char::to_lowercase))
            .map(|c| self.chars.get(c))
            .collect::<Option<Vec<u32>>>()?;
        ids.sort_unstable();
        ids.dedup();
        let mut sets: Vec<(usize, &DocSet)> = (ids.into_iter())
            .filter_map(|id| self.postings.get(id as usize))
            .map(|set| (set.len(), set))
            .collect();
        sets.sort_by_key(|&(len, _)| len);
        Some(sets)
    }

    /// The documents where `c` (lowercased to one character) stands at a
    /// bonus place.
    pub(crate) fn bonus_docs(&self, c: char) -> &[u32] {
        match self.chars.get(c) {
            Some(id) => self.bonus.get(id as usize),
            None => &[],
        }
    }

    /// The documents containing every character of `query`, ignoring
    /// case; ascending.
    pub(crate) fn docs_with_chars(&self, query: &str) -> Vec<u32> {
        let Some(sets) = self.postings_of(query) else {
            return Vec::new();
        };
        let Some(((_, first), rest)) = sets.split_first() else {
            return Vec::new();
        };
        let mut out = first.to_vec();
        for (_, set) in rest {
            set.retain(&mut out);
        }
        out
    }

    /// The documents of `docs` (ascending) that contain every character
    /// of `added`, ignoring case; ascending.
    pub(crate) fn narrow_to_chars(&self, docs: &[u32], added: &str) -> Vec<u32> {
        let Some(sets) = self.postings_of(added) else {
            return Vec::new();
        };
        // Start from the smaller of the previous documents and the rarest
        // new character's documents, then keep what the others hold.
        let (mut out, others) = match sets.split_first() {
            Some(((len, rarest), rest)) if *len < docs.len() => {
                let mut out = rarest.to_vec();
                retain_in(&mut out, docs);
                (out, rest)
            }
            _ => (docs.to_vec(), &sets[..]),
        };
        for (_, set) in others {
            set.retain(&mut out);
        }
        out
    }

    /// How many entries (tasks, projects, sub-items, units, leaders).
    pub fn len(&self) -> usize {
        self.entry_kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entry_kinds.is_empty()
    }

    /// How many distinct characters the index holds.
    pub fn distinct_chars(&self) -> usize {
        self.readings.len()
    }

    /// Heap bytes the index holds (the pinyin readings, a few per
    /// distinct character, approximately): a shared text costs its
    /// handle, a copy its bytes too.
    pub fn heap_bytes(&self) -> usize {
        let shown = self.shown.capacity() * std::mem::size_of::<(u32, Text)>();
        let readings = self.readings.len() * (std::mem::size_of::<Readings>() + 32);
        let chars = self.chars.heap_bytes();
        self.entry_kinds.capacity()
            + self.keys.heap_bytes()
            + self.texts.heap_bytes()
            + self.owned
            + (self.doc_entry.capacity() + self.doc_len.capacity() + self.ids.capacity()) * 4
            + self.doc_field.capacity() * std::mem::size_of::<Field>()
            + self.pairs.heap_bytes()
            + self.syllables.heap_bytes()
            + shown
            + chars
            + readings
            + self.postings.iter().map(DocSet::heap_bytes).sum::<usize>()
            + self.postings.capacity() * std::mem::size_of::<DocSet>()
            + self.bonus.heap_bytes()
    }
}

/// Keeps the elements of `out` that are in `list`; both ascending. Each
/// lookup gallops forward from the previous one, so the cost follows the
/// length of `out`, not of `list`.
pub(crate) fn retain_in(out: &mut Vec<u32>, list: &[u32]) {
    let mut at = 0;
    out.retain(|&doc| {
        // Exponential search for the first element >= doc.
        let rest = &list[at..];
        let mut step = 1;
        while step < rest.len() && rest[step] < doc {
            step *= 2;
        }
        let window = &rest[..rest.len().min(step + 1)];
        at += window.partition_point(|&d| d < doc);
        list.get(at) == Some(&doc)
    });
}

#[cfg(test)]
mod tests {
    use super::{Lists, Strings, retain_in};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn retain_in_is_the_sorted_intersection(
            a in prop::collection::btree_set(0u32..500, 0..200),
            b in prop::collection::btree_set(0u32..500, 0..200),
        ) {
            let mut out: Vec<u32> = a.iter().copied().collect();
            let list: Vec<u32> = b.iter().copied().collect();
            retain_in(&mut out, &list);
            let expected: Vec<u32> = a.intersection(&b).copied().collect();
            prop_assert_eq!(out, expected);
        }
    }

    #[test]
    fn the_range_char_ids_takes_as_caseless_has_no_case() {
        for c in ('\u{3000}'..='\u{9fff}').filter(|c| !c.is_ascii()) {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    #[test]
    fn strings_and_lists_give_back_what_was_stored() {
        let mut s = Strings::default();
        for t in ["市发改局", "", "K2.16"] {
            s.push(t);
        }
        assert_eq!(
            (s.get(0), s.get(1), s.get(2), s.len()),
            ("市发改局", "", "K2.16", 3)
        );
        let l = Lists::of(vec![vec![1, 5], vec![], vec![7]]);
        assert_eq!(
            (l.get(0), l.get(1), l.get(2)),
            (&[1, 5][..], &[][..], &[7][..])
        );
    }
}
