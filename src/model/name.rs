//! Shared, immutable strings for the model.
//!
//! A dataset of 100,000 tasks names the same 150 units, a dozen leaders and
//! a few dozen section headings again and again. A [`Name`] is a handle to
//! one shared copy: loading a dataset (RON, the binary cache) interns each
//! distinct name once (see [`Names`]), so every mention costs a pointer,
//! not a heap string. A [`Text`] is the same handle for long texts that
//! are not repeated (a task's ID and text): no capacity slack, and the
//! search index borrows it instead of copying it.
//!
//! Both read as `&str` (`Deref`, `AsRef`, `Borrow`), compare with `str`,
//! `&str` and `String`, print as their text (`Display` and `Debug`), and are
//! plain strings to serde: the files and exports do not change.

use std::borrow::Borrow;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;

use arcstr::ArcStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! shared_str {
    ($(#[$doc:meta])* $ty:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $ty(ArcStr);

        impl $ty {
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Whether `a` and `b` are one shared copy, not just equal.
            pub fn ptr_eq(a: &$ty, b: &$ty) -> bool {
                ArcStr::ptr_eq(&a.0, &b.0)
            }
        }

        impl Default for $ty {
            fn default() -> $ty {
                $ty(ArcStr::new())
            }
        }

        impl Deref for $ty {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<std::path::Path> for $ty {
            fn as_ref(&self) -> &std::path::Path {
                std::path::Path::new(&*self.0)
            }
        }

        impl Borrow<str> for $ty {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&*self.0, f)
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&*self.0, f)
            }
        }

        impl From<&str> for $ty {
            fn from(s: &str) -> $ty {
                $ty(ArcStr::from(s))
            }
        }

        impl From<&String> for $ty {
            fn from(s: &String) -> $ty {
                $ty(ArcStr::from(s.as_str()))
            }
        }

        impl From<String> for $ty {
            fn from(s: String) -> $ty {
                $ty(ArcStr::from(s))
            }
        }

        impl From<&$ty> for $ty {
            fn from(s: &$ty) -> $ty {
                s.clone()
            }
        }

        impl From<$ty> for String {
            fn from(s: $ty) -> String {
                s.0.to_string()
            }
        }

        impl From<&$ty> for String {
            fn from(s: &$ty) -> String {
                s.0.to_string()
            }
        }

        impl PartialEq<str> for $ty {
            fn eq(&self, other: &str) -> bool {
                *self.0 == *other
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                *self.0 == **other
            }
        }

        impl PartialEq<String> for $ty {
            fn eq(&self, other: &String) -> bool {
                *self.0 == **other
            }
        }

        impl PartialEq<$ty> for str {
            fn eq(&self, other: &$ty) -> bool {
                *self == *other.0
            }
        }

        impl PartialEq<$ty> for &str {
            fn eq(&self, other: &$ty) -> bool {
                **self == *other.0
            }
        }

        impl PartialEq<$ty> for String {
            fn eq(&self, other: &$ty) -> bool {
                **self == *other.0
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }
    };
}

shared_str!(
    /// A name the dataset repeats: a unit, a leader ID, a section heading,
    /// a deadline phrase, a target's unit. Interned when a dataset loads.
    Name
);

shared_str!(
    /// A text of its own (a task's ID, its text, a title): shared, not
    /// interned.
    Text
);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        d.deserialize_str(StrVisitor(|s: &str| Text::from(s)))
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Name, D::Error> {
        d.deserialize_str(StrVisitor(Names::intern_here))
    }
}

/// Reads a string into a `T` straight from the deserializer's text (no
/// `String` in between).
struct StrVisitor<T>(fn(&str) -> T);

impl<T> serde::de::Visitor<'_> for StrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
        Ok((self.0)(s))
    }
}

/// A set of names, each held once: [`Names::get`] hands out the shared
/// copy of a name it has seen.
#[derive(Debug, Default)]
pub struct Names {
    set: HashSet<Name>,
}

thread_local! {
    /// The names of the load going on on this thread, if any.
    static HERE: std::cell::RefCell<Option<Names>> = const { std::cell::RefCell::new(None) };
}

impl Names {
    /// The shared copy of `name`, added if new.
    pub fn get(&mut self, name: &str) -> Name {
        if let Some(known) = self.set.get(name) {
            return known.clone();
        }
        let new = Name::from(name);
        self.set.insert(new.clone());
        new
    }

    /// `name` replaced by the shared copy of its text.
    pub fn share(&mut self, name: &mut Name) {
        match self.set.get(name.as_str()) {
            Some(known) => {
                if !Name::ptr_eq(known, name) {
                    *name = known.clone();
                }
            }
            None => {
                self.set.insert(name.clone());
            }
        }
    }

    /// Runs `f` with names deserialized on this thread interned (each
    /// distinct name read by `f` allocated once).
    pub fn interning<R>(f: impl FnOnce() -> R) -> R {
        let before = HERE.with(|h| h.replace(Some(Names::default())));
        let out = f();
        HERE.with(|h| h.replace(before));
        out
    }

    fn intern_here(name: &str) -> Name {
        HERE.with(|h| match h.borrow_mut().as_mut() {
            Some(names) => names.get(name),
            None => Name::from(name),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_compares_as_its_text() {
        let n = Name::from("市发改局");
        assert_eq!(n, "市发改局");
        assert_eq!("市发改局", n);
        assert_eq!(n, String::from("市发改局"));
        assert_eq!(n.len(), "市发改局".len());
        assert_eq!(format!("{n} {n:?}"), "市发改局 \"市发改局\"");
        assert_ne!(n, "市财政局");
    }

    #[test]
    fn serde_sees_a_plain_string() {
        let names: Vec<Name> = ron::from_str(r#"["甲", "乙"]"#).unwrap();
        assert_eq!(ron::to_string(&names).unwrap(), r#"["甲","乙"]"#);
        let text: Text = serde_json::from_str(r#""一段文字""#).unwrap();
        assert_eq!(serde_json::to_string(&text).unwrap(), r#""一段文字""#);
    }

    #[test]
    fn names_read_while_interning_share_one_copy() {
        let (a, b): (Vec<Name>, Vec<Name>) = Names::interning(|| {
            (
                ron::from_str(r#"["甲", "乙"]"#).unwrap(),
                ron::from_str(r#"["乙"]"#).unwrap(),
            )
        });
        assert!(Name::ptr_eq(&a[1], &b[0]));
        let c: Vec<Name> = ron::from_str(r#"["乙"]"#).unwrap();
        assert!(!Name::ptr_eq(&a[1], &c[0]), "no interning outside");
    }

    #[test]
    fn share_replaces_an_equal_copy_with_the_first() {
        let mut names = Names::default();
        let first = names.get("甲");
        let mut other = Name::from("甲");
        names.share(&mut other);
        assert!(Name::ptr_eq(&first, &other));
    }
}
