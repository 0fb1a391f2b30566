//! One message table for everything duban says on the command line, in
//! Chinese (the default) and English.
//!
//! # How to add a message
//!
//! 1. Add an entry to the [`entries!`] list in `table.rs` (command-line
//!    output and errors of the commands), `errors.rs` (library errors),
//!    `import.rs` (what `duban import` finds wrong with a document) or
//!    `journal.rs` (the progress journal's parse errors):
//!
//!    ```text
//!    /// `duban check`: the summary line.
//!    CHECK_SUMMARY {
//!        zh: "{leaders} 位领导，{tasks} 项重点工作",
//!        en: "{leaders} leaders, {tasks} key tasks",
//!    }
//!    ```
//!
//!    Both languages name the same `{placeholders}` (a unit test checks);
//!    the Chinese text holds no English words except names the user types
//!    (`--percent`, `duban search`, file names, IDs).
//! 2. Say it: `msg!(CHECK_SUMMARY, leaders = n, tasks = m).render(lang)`
//!    for a `String`, or return `msg!(…)` as an error from a command (a
//!    [`Text`] is an error the command line prints in the user's language).
//! 3. A library error type gets `impl Localize` (usually in
//!    `src/messages/errors.rs`), rendering each variant through the table;
//!    its `Display` stays English for logs and tests.
//!
//! `--help` texts are entries of `help.rs`; `src/cli/help_table.rs` says which
//! command or argument each belongs to (a new option needs a line there).

pub mod collect;
pub mod columns;
pub mod dataset;
mod errors;
pub mod help;
pub mod import;
pub mod journal;
pub mod live;
pub mod remind;
mod ron;
pub mod sheet;
pub mod store;
mod table;

use std::fmt;

pub use errors::Localize;
pub use ron::ron_error;
pub use table::*;

/// Every entry of the tables, for checks over the whole table.
pub fn all() -> impl Iterator<Item = &'static Msg> {
    table::ALL
        .iter()
        .chain(errors::ALL)
        .chain(ron::ALL)
        .chain(help::ALL)
        .chain(dataset::ALL)
        .chain(collect::ALL)
        .chain(import::ALL)
        .chain(journal::ALL)
        .chain(sheet::ALL)
        .chain(columns::ALL)
        .chain(remind::ALL)
        .chain(live::ALL)
        .chain(store::ALL)
}

/// The language of labels and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// `zh`/`en` (any case), else `None`.
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// One entry of the table: the same message in both languages, with
/// `{name}` placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg {
    /// The entry's name in the table (`CHECK_SUMMARY`).
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

impl Msg {
    /// The template in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    /// The placeholder names of a template, in order (`{{` is a brace).
    pub fn placeholders(template: &str) -> Vec<&str> {
        let mut names = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            if rest[open..].starts_with("{{") {
                rest = &rest[open + 2..];
                continue;
            }
            match rest[open..].find('}') {
                Some(close) => {
                    names.push(&rest[open + 1..open + close]);
                    rest = &rest[open + close + 1..];
                }
                None => break,
            }
        }
        names
    }
}

/// Fills `{name}` placeholders of `template` from `args`; `{{`/`}}` are
/// braces. A placeholder without an argument is left as written.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('{')
            && let Some(close) = tail.find('}')
            && let Some((_, value)) = args.iter().find(|(k, _)| *k == &tail[1..close])
        {
            out.push_str(value);
            rest = &tail[close + 1..];
            continue;
        }
        out.push_str(&tail[..1]);
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}

/// A message with its arguments, to be rendered in either language. As an
/// error it prints in English (`Display`); the command line renders it in
/// the user's language through [`Localize`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// Free text, the same in both languages (data, a path).
    Plain(String),
    /// A table entry and its arguments (boxed: errors carrying a text stay
    /// small).
    Said(Box<Said>),
}

/// A table entry and its arguments, which may be texts in turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub msg: Msg,
    pub args: Vec<(&'static str, Text)>,
}

impl Text {
    /// Adds an argument that is itself said in the user's language.
    pub fn with(mut self, key: &'static str, value: Text) -> Text {
        if let Text::Said(said) = &mut self {
            said.args.push((key, value));
        }
        self
    }

    pub fn render(&self, lang: Lang) -> String {
        match self {
            Text::Plain(text) => text.clone(),
            Text::Said(said) => {
                let args: Vec<(&str, String)> = said
                    .args
                    .iter()
                    .map(|(k, v)| (*k, v.render(lang)))
                    .collect();
                fill(said.msg.get(lang), &args)
            }
        }
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for Text {}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::Plain(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::Plain(text.to_string())
    }
}

impl From<Msg> for Text {
    fn from(msg: Msg) -> Text {
        Text::Said(Box::new(Said {
            msg,
            args: Vec::new(),
        }))
    }
}

/// `msg!(NAME, key = value, …)`: the table entry `NAME` with its
/// arguments, as a [`Text`]. Values are anything `Display`.
#[macro_export]
macro_rules! msg {
    ($msg:expr $(, $key:ident = $value:expr)* $(,)?) => {
        $crate::messages::Text::Said(Box::new($crate::messages::Said {
            msg: $msg,
            args: vec![$((
                stringify!($key),
                $crate::messages::Text::Plain(($value).to_string()),
            )),*],
        }))
    };
}

/// Declares table entries: `NAME { zh: "…", en: "…" }`, each a `pub const`
/// [`Msg`], and `ALL` listing them (for the table's own tests).
macro_rules! entries {
    ($( $(#[$doc:meta])* $name:ident { zh: $zh:literal, en: $en:literal $(,)? } )*) => {
        $( $(#[$doc])* pub const $name: $crate::messages::Msg =
            $crate::messages::Msg { key: stringify!($name), zh: $zh, en: $en }; )*
        /// Every entry of this table.
        pub const ALL: &[$crate::messages::Msg] = &[$($name),*];
    };
}
pub(crate) use entries;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_placeholders_and_keeps_braces() {
        let args = [("n", "3".to_string()), ("who", "市发改局".to_string())];
        assert_eq!(fill("{who} 有 {n} 项 {{x}}", &args), "市发改局 有 3 项 {x}");
        assert_eq!(fill("{missing}", &args), "{missing}");
    }

    #[test]
    fn a_text_renders_in_either_language() {
        let t = msg!(
            CHECK_SUMMARY,
            leaders = 1,
            tasks = 2,
            projects = 3,
            units = 4
        );
        assert_eq!(
            t.render(Lang::En),
            "1 leaders, 2 key tasks, 3 projects, 4 units"
        );
        assert!(t.render(Lang::Zh).starts_with("1 位领导"));
    }

    #[test]
    fn both_languages_name_the_same_placeholders() {
        for m in all() {
            let mut zh = Msg::placeholders(m.zh);
            let mut en = Msg::placeholders(m.en);
            zh.sort_unstable();
            en.sort_unstable();
            assert_eq!(zh, en, "{}: placeholders differ", m.key);
        }
    }

    #[test]
    fn chinese_templates_hold_no_english_words() {
        for m in all() {
            let without_placeholders = Msg::placeholders(m.zh)
                .iter()
                .fold(m.zh.to_string(), |t, p| t.replace(&format!("{{{p}}}"), ""));
            // Code in backquotes (`--percent`, `duban search`) is typed as written.
            let prose: String = without_placeholders.split('`').step_by(2).collect();
            let english = prose
                .split(|c: char| !c.is_ascii_alphabetic())
                .find(|w| w.len() > 2 && !ALLOWED.contains(w));
            assert_eq!(english, None, "{}: English in {:?}", m.key, m.zh);
        }
    }

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<&str> = all().map(|m| m.key).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n);
    }

    /// Names that stay as they are in Chinese text.
    const ALLOWED: &[&str] = &[
        "RON", "UTF", "JSON", "CSV", "YYYY", "MM", "DD", "MiB", "markdown",
    ];
}
