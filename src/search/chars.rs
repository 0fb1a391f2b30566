//! The index's characters, each interned once with an ID.
//!
//! Characters of the Basic Multilingual Plane are looked up in pages of
//! 256 code points, a page made when the first of its characters is seen:
//! the 100,000 synthetic tasks of the benches use 69 of the plane's 256
//! pages (70 KiB of IDs), text in Latin letters one or two, where one
//! table of the whole plane held 256 KiB whatever the data. The rest are
//! in a map.

use std::collections::HashMap;

use super::index::offset;

/// Code points per page.
const PAGE: usize = 256;

/// Interned characters and their IDs, in the order first seen.
#[derive(Debug, Default)]
pub(crate) struct CharTable {
    /// Per page of the plane, where its IDs start in `ids`, in pages: 0
    /// for a page no character was seen on (the first page of `ids` is
    /// all `NONE`). Empty until the first character of the plane.
    pages: Vec<u16>,
    /// The IDs of the pages made, 256 each; `NONE` for a character not
    /// seen.
    ids: Vec<u32>,
    other: HashMap<char, u32>,
    /// The characters, by ID.
    pub chars: Vec<char>,
}

impl CharTable {
    const NONE: u32 = u32::MAX;

    pub fn get(&self, c: char) -> Option<u32> {
        let code = c as usize;
        if code < 0x1_0000 {
            let page = usize::from(*self.pages.get(code / PAGE)?);
            let id = self.ids[page * PAGE + code % PAGE];
            (id != Self::NONE).then_some(id)
        } else {
            self.other.get(&c).copied()
        }
    }

    /// The ID of `c`, and whether it is new.
    pub fn intern(&mut self, c: char) -> (u32, bool) {
        if let Some(id) = self.get(c) {
            return (id, false);
        }
        let id = offset(self.chars.len());
        self.chars.push(c);
        let code = c as usize;
        if code < 0x1_0000 {
            let at = self.page_of(code) * PAGE + code % PAGE;
            self.ids[at] = id;
        } else {
            self.other.insert(c, id);
        }
        (id, true)
    }

    /// Where the page of `code` starts in `ids`, in pages; made if new.
    fn page_of(&mut self, code: usize) -> usize {
        if self.pages.is_empty() {
            self.pages = vec![0; 0x1_0000 / PAGE];
            self.ids = vec![Self::NONE; PAGE];
        }
        let page = &mut self.pages[code / PAGE];
        if *page == 0 {
            // At most 256 pages and the empty one: a `u16` holds them.
            *page = (self.ids.len() / PAGE) as u16;
            self.ids.reserve_exact(PAGE);
            self.ids.resize(self.ids.len() + PAGE, Self::NONE);
        }
        usize::from(*page)
    }

    /// Heap bytes the table holds.
    pub fn heap_bytes(&self) -> usize {
        self.pages.capacity() * 2
            + self.ids.capacity() * 4
            + self.chars.capacity() * 4
            + self.other.capacity() * 16
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The same answers from a map of every character seen: IDs in the
    /// order first seen, `None` for the rest.
    fn agrees_with_a_map(text: &str, asked: &str) {
        let mut table = CharTable::default();
        let mut map: HashMap<char, u32> = HashMap::new();
        for c in text.chars() {
            let next = map.len() as u32;
            let want = *map.entry(c).or_insert(next);
            let (id, new) = table.intern(c);
            assert_eq!((id, new), (want, want == next), "{c:?}");
        }
        for c in text.chars().chain(asked.chars()) {
            assert_eq!(table.get(c), map.get(&c).copied(), "{c:?}");
        }
        let by_id: Vec<char> = (0..map.len() as u32)
            .map(|id| *map.iter().find(|(_, v)| **v == id).expect("id").0)
            .collect();
        assert_eq!(table.chars, by_id);
    }

    #[test]
    fn the_pages_give_the_ids_a_map_gives_at_the_planes_edges() {
        let text = "\u{0}\u{ff}\u{100}市发改局\u{fffe}\u{ffff}𠀀\u{10ffff}a市";
        agrees_with_a_map(text, "\u{1}\u{1ff}县\u{fffd}𠀁");
    }

    #[test]
    fn an_empty_table_finds_nothing() {
        let table = CharTable::default();
        assert_eq!(table.get('a'), None);
        assert_eq!(table.get('𠀀'), None);
        assert_eq!(table.heap_bytes(), 0);
    }

    #[test]
    fn a_table_holds_only_the_pages_its_characters_are_on() {
        let mut table = CharTable::default();
        // ASCII and two Chinese characters of one page (0x5E00-0x5EFF).
        for c in "Plan K2.1 市 布".chars() {
            table.intern(c);
        }
        // The page index, the empty page, ASCII's and 市's.
        assert_eq!(table.ids.len(), 3 * PAGE);
        assert!(table.heap_bytes() < 4 * 1024, "{}", table.heap_bytes());
    }

    #[test]
    fn a_chinese_datasets_index_holds_a_fraction_of_the_plane() {
        let index = crate::search::Index::build(&crate::synth::synth(2000, 5));
        let bytes = index.chars.heap_bytes();
        // One table of the whole plane was 256 KiB.
        assert!(bytes < 100 * 1024, "{bytes} bytes");
        assert!(index.chars.pages.iter().filter(|&&p| p != 0).count() < 100);
    }

    proptest! {
        #[test]
        fn the_pages_give_the_ids_a_map_gives(
            text in "[a-zA-Z0-9 .市县区发改局重点工作\u{3000}-\u{303f}\u{4e00}-\u{9fff}\u{e000}-\u{ffff}𠀀-𠀂]{0,60}",
            asked in "[a-z市县\u{4e00}-\u{9fff}\u{ff00}-\u{ffff}𠀀-𠀄]{0,20}",
        ) {
            agrees_with_a_map(&text, &asked);
        }
    }
}
