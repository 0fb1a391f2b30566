//! Building the [`Index`] from a dataset.
//!
//! Two passes over the texts, so that the build never holds more than the
//! finished index and a few words per text: the first reads every text,
//! interns its characters and counts, per character and per pair of
//! initials, the texts holding it; the second, in document order, fills
//! lists and bitmaps allocated at exactly those sizes (see
//! [`super::fill`]). The texts themselves are not copied: the index holds
//! the dataset's own shared [`Text`]s, and a copy only of a text that
//! folding to simplified characters changed.

use std::cmp::Ordering;

use super::Field;
use super::fill::{Counts, ListsFill, SetsFill};
use super::index::{CharTable, EntryKind, Index, Texts, offset};
use super::initials::{DocPairs, PAIRS, PairIndex, Syllables};
use super::pinyin::Readings;
use super::score;
use crate::model::{Dataset, TaskKind, Text};

/// One text as read, before documents are numbered.
struct Doc {
    /// Folded to simplified characters.
    text: Text,
    /// As written, when folding changed it.
    shown: Option<Text>,
    entry: u32,
    /// Characters in the lowercased text.
    len: u32,
    field: Field,
}

/// What one text holds, as character IDs: every lowercased character in
/// order, those at a bonus place, and its pairs of initials.
#[derive(Default)]
struct Scan {
    ids: Vec<u32>,
    bonus: Vec<u32>,
    pairs: DocPairs,
}

impl Scan {
    fn read(&mut self, text: &str, mut id: impl FnMut(char) -> u32) {
        self.ids.clear();
        self.bonus.clear();
        let mut prev = '\0';
        for c in text.chars() {
            let at_bonus = score::bonus_place(prev, c);
            prev = c;
            for l in c.to_lowercase() {
                let id = id(l);
                self.ids.push(id);
                if at_bonus {
                    self.bonus.push(id);
                }
            }
        }
    }
}

/// The first pass's counts.
#[derive(Default)]
struct Tally {
    postings: Counts,
    bonus: Counts,
    pairs: Counts,
    heads: Counts,
}

#[derive(Default)]
struct Builder {
    entry_kinds: Vec<EntryKind>,
    keys: Vec<Text>,
    docs: Vec<Doc>,
    chars: CharTable,
    readings: Vec<Readings>,
    /// Bytes of texts the index holds copies of.
    owned: usize,
    tally: Tally,
    scan: Scan,
}

impl Index {
    pub fn build(data: &Dataset) -> Index {
        let mut b = Builder::default();
        b.reserve(data);
        for task in data.all_tasks() {
            let kind = match task.kind {
                TaskKind::Key => EntryKind::Task,
                TaskKind::Project => EntryKind::Project,
            };
            let mut fields = vec![(Field::Text, task.text.clone())];
            if let Some(title) = &task.title {
                fields.insert(0, (Field::Title, title.clone()));
            }
            b.add(kind, task.id.clone(), fields);
            for item in &task.items {
                let fields = vec![(Field::Text, item.text.clone())];
                b.add(EntryKind::Item, item.id.clone(), fields);
            }
        }
        for unit in &data.units {
            let mut fields = vec![(Field::Name, b.copy(&unit.name))];
            for alias in &unit.aliases {
                fields.push((Field::Alias, b.copy(alias)));
            }
            let key = b.copy(&unit.name);
            b.add(EntryKind::Unit, key, fields);
        }
        for leader in &data.plan.leaders {
            let fields = vec![
                (Field::Name, b.copy(&leader.name)),
                (Field::Title, b.copy(&leader.title)),
            ];
            let key = b.copy(&leader.id);
            b.add(EntryKind::Leader, key, fields);
        }
        b.finish()
    }
}

impl Builder {
    /// Room for every entry and text of `data`, so that nothing grows by
    /// doubling.
    fn reserve(&mut self, data: &Dataset) {
        let entries = super::entry_count(data);
        let titles = data.all_tasks().filter(|t| t.title.is_some()).count();
        let aliases: usize = data.units.iter().map(|u| u.aliases.len()).sum();
        let docs = entries + titles + aliases + data.plan.leaders.len();
        self.entry_kinds.reserve_exact(entries);
        self.keys.reserve_exact(entries);
        self.docs.reserve_exact(docs);
    }

    /// A text the dataset does not hold as a shared [`Text`].
    fn copy(&mut self, s: &str) -> Text {
        self.owned += s.len();
        Text::from(s)
    }

    fn add(&mut self, kind: EntryKind, key: Text, fields: Vec<(Field, Text)>) {
        let entry = offset(self.entry_kinds.len());
        self.entry_kinds.push(kind);
        self.keys.push(key);
        for (field, text) in fields.into_iter().filter(|(_, t)| !t.is_empty()) {
            let (text, shown) = match fold(&text) {
                Some(folded) => {
                    self.owned += folded.len();
                    (Text::from(folded), Some(text))
                }
                None => (text, None),
            };
            let doc = offset(self.docs.len());
            let (chars, readings) = (&mut self.chars, &mut self.readings);
            self.scan.read(&text, |c| {
                let (id, new) = chars.intern(c);
                if new {
                    readings.push(Readings::of(c));
                }
                id
            });
            let scan = &mut self.scan;
            scan.pairs.fill(&scan.ids, &self.readings);
            let tally = &mut self.tally;
            scan.ids.iter().for_each(|&id| tally.postings.add(id, doc));
            scan.bonus.iter().for_each(|&id| tally.bonus.add(id, doc));
            (scan.pairs.all.iter()).for_each(|&p| tally.pairs.add(p.into(), doc));
            (scan.pairs.head.iter()).for_each(|&p| tally.heads.add(p.into(), doc));
            self.docs.push(Doc {
                text,
                shown,
                entry,
                len: offset(scan.ids.len()),
                field,
            });
        }
    }

    /// Numbers the documents (shorter first, then by entry, then as read)
    /// and fills their lists in that order.
    fn finish(self) -> Index {
        let Builder {
            entry_kinds,
            keys,
            mut docs,
            chars,
            readings,
            owned,
            tally,
            mut scan,
        } = self;
        let mut order: Vec<u32> = (0..offset(docs.len())).collect();
        order.sort_unstable_by_key(|&i| {
            let d = &docs[i as usize];
            (d.len, d.entry, i)
        });
        let n = docs.len();
        let distinct = chars.chars.len();
        let mut postings = SetsFill::new(&tally.postings.into_counts(distinct), n);
        let mut bonus = ListsFill::new(&tally.bonus.into_counts(distinct));
        let mut pairs = SetsFill::new(&tally.pairs.into_counts(PAIRS), n);
        let mut heads = ListsFill::new(&tally.heads.into_counts(PAIRS));
        let mut texts = Vec::with_capacity(n);
        let mut index = Index {
            doc_entry: Vec::with_capacity(n),
            doc_field: Vec::with_capacity(n),
            doc_len: Vec::with_capacity(n),
            owned,
            ..Index::default()
        };
        for (doc, &i) in order.iter().enumerate() {
            let doc = offset(doc);
            let read = &mut docs[i as usize];
            scan.read(&read.text, |c| chars.get(c).unwrap_or(u32::MAX));
            scan.pairs.fill(&scan.ids, &readings);
            scan.ids.iter().for_each(|&id| postings.add(id, doc));
            scan.bonus.iter().for_each(|&id| bonus.add(id, doc));
            (scan.pairs.all.iter()).for_each(|&p| pairs.add(p.into(), doc));
            (scan.pairs.head.iter()).for_each(|&p| heads.add(p.into(), doc));
            texts.push(std::mem::take(&mut read.text));
            index.doc_entry.push(read.entry);
            index.doc_field.push(read.field);
            index.doc_len.push(read.len);
            if let Some(shown) = read.shown.take() {
                index.shown.push((doc, shown));
            }
        }
        drop((docs, order));
        index.texts = Texts::Shared(texts);
        index.shown.shrink_to_fit();
        index.postings = postings.finish();
        index.bonus = bonus.finish();
        index.pairs = PairIndex {
            sets: pairs.finish(),
            heads: heads.finish(),
            docs: n,
        };
        index.syllables = Syllables::of(&readings);
        let mut ids: Vec<u32> = (0..offset(entry_kinds.len()))
            .filter(|&e| entry_kinds[e as usize].has_id())
            .collect();
        // By lowercased ID, then as read.
        ids.sort_unstable_by(|&a, &b| {
            cmp_lowercase(&keys[a as usize], &keys[b as usize]).then(a.cmp(&b))
        });
        index.ids = ids;
        index.entry_kinds = entry_kinds;
        index.keys = Texts::Shared(keys);
        index.chars = chars;
        index.readings = readings;
        index
    }
}

/// `text` folded to simplified characters, if folding changes it.
fn fold(text: &str) -> Option<String> {
    let changed = text.chars().any(|c| crate::script::simplified(c) != c);
    changed.then(|| crate::script::fold(text))
}

/// `a` and `b` compared as their lowercase forms, without making them
/// when both are ASCII (IDs are).
fn cmp_lowercase(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        let (a, b) = (a.as_bytes().iter(), b.as_bytes().iter());
        return (a.map(u8::to_ascii_lowercase)).cmp(b.map(u8::to_ascii_lowercase));
    }
    // Rare: the full rules (a final sigma) as `str::to_lowercase` has them.
    a.to_lowercase().cmp(&b.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::cmp_lowercase;
    use crate::search::Index;
    use crate::search::doc_set::{DocSet, words};
    use crate::search::index::Texts;
    use proptest::prelude::*;

    #[test]
    fn the_index_holds_the_datasets_own_texts_not_copies() {
        let data = crate::synth::synth(3000, 5);
        let index = Index::build(&data);
        let held: std::collections::HashSet<*const u8> = (data.all_tasks())
            .flat_map(|t| {
                let items = t.items.iter().map(|i| i.text.as_ptr());
                [t.text.as_ptr()].into_iter().chain(items)
            })
            .collect();
        let Texts::Shared(all) = &index.texts else {
            panic!("a built index shares its texts")
        };
        let shared = all.iter().filter(|t| held.contains(&t.as_ptr()));
        // Every task's and sub-item's text, but those folding changed.
        let texts = data.all_tasks().map(|t| 1 + t.items.len()).sum::<usize>();
        assert_eq!(shared.count() + index.shown.len(), texts);
        // Copies: the folded texts, and the few names of units and leaders.
        let folded: usize = index.shown.iter().map(|(d, _)| index.text(*d).len()).sum();
        assert!(
            index.owned < folded + 20_000,
            "{} bytes copied",
            index.owned
        );
    }

    #[test]
    fn the_built_index_keeps_no_spare_room() {
        let index = Index::build(&crate::synth::synth(3000, 5));
        let docs = index.doc_count();
        let sets = index.postings.iter().chain(&index.pairs.sets);
        for set in sets {
            match set {
                DocSet::List(l) => assert_eq!(l.capacity(), l.len()),
                DocSet::Bits(b) => assert_eq!(b.capacity(), words(docs)),
            }
        }
        for lists in [&index.bonus, &index.pairs.heads] {
            assert_eq!(lists.items.capacity(), lists.items.len());
        }
        let (Texts::Shared(texts), Texts::Shared(keys)) = (&index.texts, &index.keys) else {
            panic!("a built index shares its texts")
        };
        let lens = [texts.len(), keys.len(), index.doc_entry.len()];
        let caps = [
            texts.capacity(),
            keys.capacity(),
            index.doc_entry.capacity(),
        ];
        assert_eq!(lens, caps);
    }

    #[test]
    fn the_index_of_20000_tasks_keeps_under_150_bytes_a_task() {
        let data = crate::synth::synth(20_000, 5);
        let bytes = Index::build(&data).heap_bytes();
        // 134 here; a copy of the texts, as the index once held, would
        // add 125 more.
        let per_task = bytes / data.tasks.len();
        assert!(per_task < 150, "{per_task} bytes a task ({bytes} in all)");
    }

    proptest! {
        #[test]
        fn comparing_lowercase_forms_orders_as_the_lowercased_strings(
            a in "[a-zA-Z0-9.İΣσ市]{0,6}",
            b in "[a-zA-Z0-9.İΣσ市]{0,6}",
        ) {
            prop_assert_eq!(cmp_lowercase(&a, &b), a.to_lowercase().cmp(&b.to_lowercase()));
        }
    }
}
