//! The search index: every searchable text of a dataset, each character
//! interned once with its pinyin readings, and per character the texts
//! that contain it.

use std::collections::HashMap;

use super::pinyin::{InitialPairs, Readings};
use super::{Field, Kind, Target};
use crate::model::Dataset;

/// Texts longer than this (in characters) are "long": pinyin needs one
/// more letter on them, so that a few letters do not match most tasks.
pub const SHORT_TEXT: usize = 16;

/// Something a hit points at: a task, project, sub-item, unit or leader.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub target: Target,
    pub kind: Kind,
}

/// One searchable text of an entry.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    pub entry: u32,
    pub field: Field,
    /// The text, decoded once (the fuzzy matcher works on characters),
    /// traditional characters folded to simplified so that either script
    /// finds it.
    pub text: Box<[char]>,
    /// The text as written, when folding changed it.
    pub shown: Option<Box<[char]>>,
    /// The lowercased characters of `text`, as interned character IDs.
    pub chars: Box<[u32]>,
    pub pairs: InitialPairs,
}

impl Doc {
    pub fn is_long(&self) -> bool {
        self.chars.len() > SHORT_TEXT
    }
}

/// Interned characters: a dense table for the Basic Multilingual Plane.
#[derive(Debug, Default)]
struct CharTable {
    bmp: Vec<u32>,
    other: HashMap<char, u32>,
    count: u32,
}

impl CharTable {
    const NONE: u32 = u32::MAX;

    fn get(&self, c: char) -> Option<u32> {
        let code = c as usize;
        if code < 0x1_0000 {
            self.bmp.get(code).copied().filter(|&id| id != Self::NONE)
        } else {
            self.other.get(&c).copied()
        }
    }

    /// The ID of `c`, and whether it is new.
    fn intern(&mut self, c: char) -> (u32, bool) {
        if let Some(id) = self.get(c) {
            return (id, false);
        }
        let id = self.count;
        self.count += 1;
        let code = c as usize;
        if code < 0x1_0000 {
            if self.bmp.is_empty() {
                self.bmp = vec![Self::NONE; 0x1_0000];
            }
            self.bmp[code] = id;
        } else {
            self.other.insert(c, id);
        }
        (id, true)
    }
}

/// One index over a dataset's key tasks (text and ID), projects and their
/// sub-items, units (names and aliases) and leaders. Built once; cheap to
/// share behind an `Arc` between the search popup and the units filter.
#[derive(Debug, Default)]
pub struct Index {
    pub(crate) entries: Vec<Entry>,
    pub(crate) docs: Vec<Doc>,
    chars: CharTable,
    /// Pinyin readings per character ID.
    pub(crate) readings: Vec<Readings>,
    /// Per character ID, the documents that contain it (ascending).
    pub(crate) postings: Vec<Vec<u32>>,
    /// Lowercased task, project and sub-item IDs with their entry, sorted.
    pub(crate) ids: Vec<(String, u32)>,
}

impl Index {
    pub fn build(data: &Dataset) -> Index {
        let mut index = Index::default();
        for task in data.all_tasks() {
            let (target, kind) = match task.kind {
                crate::model::TaskKind::Key => (Target::Task(task.id.clone()), Kind::Task),
                crate::model::TaskKind::Project => {
                    (Target::Project(task.id.clone()), Kind::Project)
                }
            };
            let mut fields = vec![(Field::Text, task.text.as_str())];
            if let Some(title) = &task.title {
                fields.insert(0, (Field::Title, title.as_str()));
            }
            let entry = index.add(target, kind, &fields);
            index.ids.push((task.id.to_lowercase(), entry));
            for item in &task.items {
                let entry = index.add(
                    Target::Item(item.id.clone()),
                    Kind::Project,
                    &[(Field::Text, &item.text)],
                );
                index.ids.push((item.id.to_lowercase(), entry));
            }
        }
        for unit in &data.units {
            let mut fields = vec![(Field::Name, unit.name.as_str())];
            fields.extend(unit.aliases.iter().map(|a| (Field::Alias, a.as_str())));
            index.add(Target::Unit(unit.name.clone()), Kind::Unit, &fields);
        }
        for leader in &data.plan.leaders {
            index.add(
                Target::Leader(leader.id.clone()),
                Kind::Leader,
                &[(Field::Name, &leader.name), (Field::Title, &leader.title)],
            );
        }
        index.ids.sort_unstable();
        index
    }

    fn add(&mut self, target: Target, kind: Kind, fields: &[(Field, &str)]) -> u32 {
        let entry = self.entries.len() as u32;
        self.entries.push(Entry { target, kind });
        for &(field, text) in fields.iter().filter(|(_, t)| !t.is_empty()) {
            let doc = self.docs.len() as u32;
            let mut chars = Vec::with_capacity(text.len() / 3 + 1);
            let folded: Box<[char]> = text.chars().map(crate::script::simplified).collect();
            let shown = (!folded.iter().copied().eq(text.chars())).then(|| text.chars().collect());
            for c in folded.iter().flat_map(|c| c.to_lowercase()) {
                let (id, new) = self.chars.intern(c);
                if new {
                    self.readings.push(Readings::of(c));
                    self.postings.push(Vec::new());
                }
                chars.push(id);
                let posting = &mut self.postings[id as usize];
                if posting.last() != Some(&doc) {
                    posting.push(doc);
                }
            }
            self.docs.push(Doc {
                entry,
                field,
                text: folded,
                shown,
                pairs: InitialPairs::of(&chars, &self.readings),
                chars: chars.into(),
            });
        }
        entry
    }

    /// The posting lists of the characters of `text`, lowercased, each
    /// once, shortest first; `None` if some character is in no document.
    fn postings_of(&self, text: &str) -> Option<Vec<&[u32]>> {
        let mut lists = (text.chars().flat_map(char::to_lowercase))
            .map(|c| {
                self.chars
                    .get(c)
                    .map(|id| self.postings[id as usize].as_slice())
            })
            .collect::<Option<Vec<&[u32]>>>()?;
        lists.sort_by_key(|l| l.len());
        lists.dedup_by(|a, b| std::ptr::eq(*a, *b));
        Some(lists)
    }

    /// The documents containing every character of `query`, ignoring
    /// case; ascending.
    pub(crate) fn docs_with_chars(&self, query: &str) -> Vec<u32> {
        let Some(lists) = self.postings_of(query) else {
            return Vec::new();
        };
        let Some((first, rest)) = lists.split_first() else {
            return Vec::new();
        };
        first
            .iter()
            .copied()
            .filter(|doc| rest.iter().all(|l| l.binary_search(doc).is_ok()))
            .collect()
    }

    /// The documents of `docs` (ascending) that contain every character
    /// of `added`, ignoring case; ascending.
    pub(crate) fn narrow_to_chars(&self, docs: &[u32], added: &str) -> Vec<u32> {
        let Some(lists) = self.postings_of(added) else {
            return Vec::new();
        };
        // Start from the smaller of the previous documents and the rarest
        // new character's list, then keep what the other lists hold.
        let (mut out, others): (Vec<u32>, &[&[u32]]) = match lists.split_first() {
            Some((rarest, rest)) if rarest.len() < docs.len() => {
                let mut out = rarest.to_vec();
                retain_in(&mut out, docs);
                (out, rest)
            }
            _ => (docs.to_vec(), &lists),
        };
        for list in others {
            retain_in(&mut out, list);
        }
        out
    }

    /// The ID of a (lowercased) character, if any document holds it.
    pub(crate) fn char_id(&self, c: char) -> Option<u32> {
        self.chars.get(c)
    }

    /// How many entries (tasks, projects, sub-items, units, leaders).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many distinct characters the index holds.
    pub fn distinct_chars(&self) -> usize {
        self.readings.len()
    }

    /// Approximate heap bytes the index holds.
    pub fn heap_bytes(&self) -> usize {
        let docs: usize = self
            .docs
            .iter()
            .map(|d| {
                let shown = d.shown.as_ref().map_or(0, |s| s.len() * 4);
                std::mem::size_of::<Doc>() + d.text.len() * 4 + d.chars.len() * 4 + shown
            })
            .sum();
        let postings: usize = self
            .postings
            .iter()
            .map(|p| p.capacity() * 4 + std::mem::size_of::<Vec<u32>>())
            .sum();
        let ids: usize = self.ids.iter().map(|(s, _)| s.len() + 32).sum();
        docs + postings
            + ids
            + self.chars.bmp.len() * 4
            + self.entries.len() * std::mem::size_of::<Entry>()
    }
}

/// Keeps the elements of `out` that are in `list`; both ascending. Each
/// lookup gallops forward from the previous one, so the cost follows the
/// length of `out`, not of `list`.
fn retain_in(out: &mut Vec<u32>, list: &[u32]) {
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
    use super::retain_in;
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
}
