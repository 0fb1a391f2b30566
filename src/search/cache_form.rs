//! The search cache's body: the index's flat arrays one after another,
//! each with its length, little-endian. Decoding checks every length,
//! offset and document number against the rest, so that a body that
//! passed its checksum but was made by something else still never makes
//! the index read out of bounds.

use super::Field;
use super::doc_set::{DocSet, words};
use super::index::{CharTable, EntryKind, Index, Lists, Strings, Texts};
use super::initials::{PAIRS, PairIndex, Syllables};
use super::pinyin::Readings;

const FIELDS: [Field; 5] = [
    Field::Id,
    Field::Name,
    Field::Title,
    Field::Alias,
    Field::Text,
];

/// The body for `index`.
pub(super) fn encode(index: &Index) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(index.heap_bytes()));
    let kinds: Vec<u8> = (index.entry_kinds.iter())
        .map(|k| EntryKind::ALL.iter().position(|x| x == k).unwrap_or(0) as u8)
        .collect();
    w.bytes(&kinds);
    w.strings(&index.keys.packed());
    w.strings(&index.texts.packed());
    w.u32s(&index.doc_entry);
    let fields: Vec<u8> = (index.doc_field.iter())
        .map(|f| FIELDS.iter().position(|x| x == f).unwrap_or(0) as u8)
        .collect();
    w.bytes(&fields);
    w.u32s(&index.doc_len);
    let shown_docs: Vec<u32> = index.shown.iter().map(|(d, _)| *d).collect();
    let shown: Strings = index.shown.iter().map(|(_, s)| &**s).collect();
    w.u32s(&shown_docs);
    w.strings(&shown);
    let chars: Vec<u32> = index.chars.chars.iter().map(|&c| c as u32).collect();
    w.u32s(&chars);
    w.doc_sets(&index.postings);
    w.lists(&index.bonus);
    w.u32s(&index.ids);
    w.pairs(&index.pairs);
    w.0
}

/// The index in `body`, if it is whole and consistent.
pub(super) fn decode(body: &[u8]) -> Option<Index> {
    let mut r = Reader(body);
    let entry_kinds: Vec<EntryKind> = (r.bytes()?.iter())
        .map(|&b| EntryKind::ALL.get(b as usize).copied())
        .collect::<Option<_>>()?;
    let keys = r.strings()?;
    let texts = r.strings()?;
    let doc_entry = r.u32s()?;
    let doc_field: Vec<Field> = (r.bytes()?.iter())
        .map(|&b| FIELDS.get(b as usize).copied())
        .collect::<Option<_>>()?;
    let doc_len = r.u32s()?;
    let shown_docs = r.u32s()?;
    let shown_texts = r.strings()?;
    let code_points = r.u32s()?;
    let postings = r.doc_sets(doc_entry.len())?;
    let bonus = r.lists()?;
    let ids = r.u32s()?;
    let pairs = r.pairs(doc_entry.len())?;
    if !r.0.is_empty() {
        return None;
    }

    let entries = entry_kinds.len();
    let docs = doc_entry.len();
    let in_range = |list: &[u32], n: usize| list.iter().all(|&x| (x as usize) < n);
    let ascending = |list: &[u32]| list.windows(2).all(|w| w[0] < w[1]);
    let consistent = keys.len() == entries
        && texts.len() == docs
        && doc_field.len() == docs
        && doc_len.len() == docs
        && doc_len.windows(2).all(|w| w[0] <= w[1])
        && shown_docs.len() == shown_texts.len()
        && ascending(&shown_docs)
        && in_range(&shown_docs, docs)
        && in_range(&doc_entry, entries)
        && in_range(&ids, entries)
        && postings.len() == code_points.len()
        && bonus.ends.len() == code_points.len()
        && in_range(&bonus.items, docs)
        && (0..code_points.len()).all(|i| ascending(bonus.get(i)));
    if !consistent {
        return None;
    }
    let mut chars = CharTable::default();
    let mut readings = Vec::with_capacity(code_points.len());
    for code in code_points {
        let c = char::from_u32(code)?;
        if !chars.intern(c).1 {
            return None;
        }
        readings.push(Readings::of(c));
    }
    let syllables = Syllables::of(&readings);
    let owned = shown_texts.all.len();
    let shown = shown_docs.into_iter().zip(shown_texts.to_texts()).collect();
    Some(Index {
        entry_kinds,
        keys: Texts::Packed(keys),
        texts: Texts::Packed(texts),
        owned,
        doc_entry,
        doc_field,
        doc_len,
        shown,
        chars,
        readings,
        postings,
        bonus,
        ids,
        pairs,
        syllables,
    })
}

struct Writer(Vec<u8>);

impl Writer {
    fn len(&mut self, n: usize) {
        self.0.extend_from_slice(&(n as u64).to_le_bytes());
    }

    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }

    fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        self.0.extend(v.iter().flat_map(|x| x.to_le_bytes()));
    }

    fn u64s(&mut self, v: &[u64]) {
        self.len(v.len());
        self.0.extend(v.iter().flat_map(|x| x.to_le_bytes()));
    }

    fn strings(&mut self, s: &Strings) {
        self.bytes(s.all.as_bytes());
        self.u32s(&s.ends);
    }

    fn lists(&mut self, l: &Lists) {
        self.u32s(&l.items);
        self.u32s(&l.ends);
    }

    /// Per set whether it is a bitmap; the lists (empty for a bitmap);
    /// the bitmaps one after another.
    fn doc_sets(&mut self, sets: &[DocSet]) {
        let dense = |s: &DocSet| matches!(s, DocSet::Bits(_));
        let kinds: Vec<u8> = sets.iter().map(|s| u8::from(dense(s))).collect();
        self.bytes(&kinds);
        let lists: Vec<Vec<u32>> = (sets.iter())
            .map(|s| match s {
                DocSet::List(l) => l.clone(),
                DocSet::Bits(_) => Vec::new(),
            })
            .collect();
        self.lists(&Lists::of(lists));
        let bits: Vec<u64> = (sets.iter())
            .flat_map(|s| match s {
                DocSet::Bits(b) => b.as_slice(),
                DocSet::List(_) => &[],
            })
            .copied()
            .collect();
        self.u64s(&bits);
    }

    /// The pairs' sets, then the heads.
    fn pairs(&mut self, p: &PairIndex) {
        self.doc_sets(&p.sets);
        self.lists(&p.heads);
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn len(&mut self) -> Option<usize> {
        let bytes = self.take(8)?;
        usize::try_from(u64::from_le_bytes(bytes.try_into().ok()?)).ok()
    }

    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        self.take(n)
    }

    fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.len()?;
        let bytes = self.take(n.checked_mul(4)?)?;
        Some(
            (bytes.chunks_exact(4))
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        )
    }

    fn u64s(&mut self) -> Option<Vec<u64>> {
        let n = self.len()?;
        let bytes = self.take(n.checked_mul(8)?)?;
        Some(
            (bytes.chunks_exact(8))
                .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
                .collect(),
        )
    }

    /// Strings whose ends rise to the buffer's end, each on a character
    /// boundary.
    fn strings(&mut self) -> Option<Strings> {
        let all = std::str::from_utf8(self.bytes()?).ok()?.to_string();
        let ends = self.u32s()?;
        let rising = ends.windows(2).all(|w| w[0] <= w[1]);
        let last = ends.last().map_or(0, |&e| e as usize);
        let ok =
            rising && last == all.len() && ends.iter().all(|&e| all.is_char_boundary(e as usize));
        ok.then_some(Strings { all, ends })
    }

    /// Lists whose ends rise to the items' end.
    fn lists(&mut self) -> Option<Lists> {
        let items = self.u32s()?;
        let ends = self.u32s()?;
        let rising = ends.windows(2).all(|w| w[0] <= w[1]);
        let last = ends.last().map_or(0, |&e| e as usize);
        (rising && last == items.len()).then_some(Lists { items, ends })
    }

    /// Sets over `docs` documents: every list ascending and in range,
    /// every bitmap whole with no document past the last.
    fn doc_sets(&mut self, docs: usize) -> Option<Vec<DocSet>> {
        let kinds = self.bytes()?;
        let lists = self.lists()?;
        let bits = self.u64s()?;
        let per = words(docs);
        let dense = kinds.iter().filter(|&&k| k == 1).count();
        let tail_clear =
            |b: &[u64]| docs.is_multiple_of(64) || b.last().is_none_or(|w| w >> (docs % 64) == 0);
        let ok = lists.ends.len() == kinds.len()
            && kinds.iter().all(|&k| k <= 1)
            && fine(&lists, docs)
            && bits.len() == dense.checked_mul(per)?
            && (per == 0 || bits.chunks_exact(per).all(tail_clear));
        if !ok {
            return None;
        }
        let mut chunks = bits.chunks_exact(per.max(1));
        (kinds.iter().enumerate())
            .map(|(i, &k)| match k {
                1 => chunks.next().map(|b| DocSet::Bits(b.to_vec())),
                _ => Some(DocSet::List(lists.get(i).to_vec())),
            })
            .collect()
    }

    /// A pair index over `docs` documents.
    fn pairs(&mut self, docs: usize) -> Option<PairIndex> {
        let sets = self.doc_sets(docs)?;
        let heads = self.lists()?;
        let ok = sets.len() == PAIRS && heads.ends.len() == PAIRS && fine(&heads, docs);
        ok.then_some(PairIndex { sets, heads, docs })
    }
}

/// Whether every list of `l` is ascending and below `docs`.
fn fine(l: &Lists, docs: usize) -> bool {
    (0..l.ends.len()).all(|i| {
        let list = l.get(i);
        list.windows(2).all(|w| w[0] < w[1]) && list.iter().all(|&d| (d as usize) < docs)
    })
}
