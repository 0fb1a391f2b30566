//! Building the [`Index`] from a dataset.

use super::Field;
use super::doc_set::DocSet;
use super::index::{CharTable, EntryKind, Index, Lists, Strings, offset};
use super::initials::{DocPairs, PairIndex, Syllables};
use super::pinyin::Readings;
use super::score;
use crate::model::{Dataset, TaskKind};

/// One text as read, before documents are numbered.
struct Raw {
    entry: u32,
    field: Field,
    text: String,
    shown: Option<Box<str>>,
    len: u32,
    pairs: DocPairs,
}

#[derive(Default)]
struct Builder {
    entry_kinds: Vec<EntryKind>,
    keys: Strings,
    raws: Vec<Raw>,
    chars: CharTable,
    readings: Vec<Readings>,
    scratch: Vec<u32>,
}

impl Index {
    pub fn build(data: &Dataset) -> Index {
        let mut b = Builder::default();
        for task in data.all_tasks() {
            let kind = match task.kind {
                TaskKind::Key => EntryKind::Task,
                TaskKind::Project => EntryKind::Project,
            };
            let mut fields = vec![(Field::Text, task.text.as_str())];
            if let Some(title) = &task.title {
                fields.insert(0, (Field::Title, title.as_str()));
            }
            b.add(kind, &task.id, &fields);
            for item in &task.items {
                b.add(EntryKind::Item, &item.id, &[(Field::Text, &item.text)]);
            }
        }
        for unit in &data.units {
            let mut fields = vec![(Field::Name, unit.name.as_str())];
            fields.extend(unit.aliases.iter().map(|a| (Field::Alias, a.as_str())));
            b.add(EntryKind::Unit, &unit.name, &fields);
        }
        for leader in &data.plan.leaders {
            let fields = [(Field::Name, &*leader.name), (Field::Title, &*leader.title)];
            b.add(EntryKind::Leader, &leader.id, &fields);
        }
        b.finish()
    }
}

impl Builder {
    fn add(&mut self, kind: EntryKind, key: &str, fields: &[(Field, &str)]) {
        let entry = offset(self.entry_kinds.len());
        self.entry_kinds.push(kind);
        self.keys.push(key);
        for &(field, text) in fields.iter().filter(|(_, t)| !t.is_empty()) {
            let folded = crate::script::fold(text);
            let shown = (folded != text).then(|| text.into());
            self.scratch.clear();
            for c in folded.chars().flat_map(char::to_lowercase) {
                let (id, new) = self.chars.intern(c);
                if new {
                    self.readings.push(Readings::of(c));
                }
                self.scratch.push(id);
            }
            self.raws.push(Raw {
                entry,
                field,
                shown,
                len: offset(self.scratch.len()),
                pairs: DocPairs::of(&self.scratch, &self.readings),
                text: folded,
            });
        }
    }

    /// Numbers the documents (shorter first, then by entry, then as read)
    /// and lays them out with their posting lists.
    fn finish(self) -> Index {
        let Builder {
            entry_kinds,
            keys,
            mut raws,
            chars,
            readings,
            ..
        } = self;
        // A stable sort keeps the order read among equals.
        raws.sort_by_key(|r| (r.len, r.entry));
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); chars.chars.len()];
        let mut bonus: Vec<Vec<u32>> = vec![Vec::new(); chars.chars.len()];
        let mut index = Index {
            doc_entry: Vec::with_capacity(raws.len()),
            doc_field: Vec::with_capacity(raws.len()),
            doc_len: Vec::with_capacity(raws.len()),
            ..Index::default()
        };
        let total: usize = raws.iter().map(|r| r.text.len()).sum();
        index.texts.all.reserve_exact(total);
        index.texts.ends.reserve_exact(raws.len());
        let mut pairs = Vec::with_capacity(raws.len());
        for (doc, raw) in raws.into_iter().enumerate() {
            let doc = offset(doc);
            let mut prev = '\0';
            for c in raw.text.chars() {
                let at_bonus = score::bonus_place(prev, c);
                prev = c;
                for l in c.to_lowercase() {
                    let Some(id) = chars.get(l) else { continue };
                    add_once(&mut postings[id as usize], doc);
                    if at_bonus {
                        add_once(&mut bonus[id as usize], doc);
                    }
                }
            }
            index.texts.push(&raw.text);
            index.doc_entry.push(raw.entry);
            index.doc_field.push(raw.field);
            index.doc_len.push(raw.len);
            pairs.push(raw.pairs);
            if let Some(shown) = raw.shown {
                index.shown.push((doc, shown));
            }
        }
        let docs = index.doc_entry.len();
        index.postings = (postings.into_iter())
            .map(|list| DocSet::of(list, docs))
            .collect();
        index.bonus = Lists::of(bonus);
        index.pairs = PairIndex::of(pairs.into_iter());
        index.syllables = Syllables::of(&readings);
        let mut ids: Vec<u32> = (0..offset(entry_kinds.len()))
            .filter(|&e| entry_kinds[e as usize].has_id())
            .collect();
        ids.sort_by_cached_key(|&e| keys.get(e as usize).to_lowercase());
        index.ids = ids;
        index.entry_kinds = entry_kinds;
        index.keys = keys;
        index.chars = chars;
        index.readings = readings;
        index
    }
}

fn add_once(list: &mut Vec<u32>, doc: u32) {
    if list.last() != Some(&doc) {
        list.push(doc);
    }
}
