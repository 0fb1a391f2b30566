//! Texts as the search index holds them: the dataset's own shared texts
//! (a built index), or all in one buffer (an index read from the search
//! cache).

use super::index::offset;
use crate::model::Text;

/// Strings stored back to back in one buffer.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Strings {
    pub all: String,
    /// Where each string ends, in bytes.
    pub ends: Vec<u32>,
}

impl Strings {
    pub fn push(&mut self, s: &str) {
        self.all.push_str(s);
        self.ends.push(offset(self.all.len()));
    }

    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.all
            .get(start..self.ends[i] as usize)
            .unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The strings, each its own [`Text`].
    pub fn to_texts(&self) -> Vec<Text> {
        (0..self.len()).map(|i| Text::from(self.get(i))).collect()
    }
}

impl<'a> FromIterator<&'a str> for Strings {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Strings {
        let mut out = Strings::default();
        iter.into_iter().for_each(|s| out.push(s));
        out
    }
}

/// Texts as an index holds them: a built index, the dataset's own shared
/// [`Text`]s (a handle each, not a copy); one read from the search cache,
/// all in one buffer.
#[derive(Debug)]
pub(crate) enum Texts {
    Shared(Vec<Text>),
    Packed(Strings),
}

impl Default for Texts {
    fn default() -> Texts {
        Texts::Shared(Vec::new())
    }
}

impl Texts {
    pub fn get(&self, i: usize) -> &str {
        match self {
            Texts::Shared(v) => v.get(i).map_or("", |t| t),
            Texts::Packed(s) if i < s.len() => s.get(i),
            Texts::Packed(_) => "",
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Texts::Shared(v) => v.len(),
            Texts::Packed(s) => s.len(),
        }
    }

    /// The texts in one buffer, as the search cache stores them.
    pub fn packed(&self) -> Strings {
        (0..self.len()).map(|i| self.get(i)).collect()
    }

    /// The bytes held: for a shared text its handle, not its bytes.
    pub fn heap_bytes(&self) -> usize {
        match self {
            Texts::Shared(v) => v.capacity() * std::mem::size_of::<Text>(),
            Texts::Packed(s) => s.all.capacity() + s.ends.capacity() * 4,
        }
    }
}
