//! What can go wrong loading a dataset, worded for the person editing it.

use std::fmt;
use std::path::PathBuf;

use unicode_width::UnicodeWidthChar;

use crate::messages::{Lang, Text};

/// Why a dataset could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A dataset file does not exist.
    #[error("{}: not found", path.display())]
    NotFound { path: PathBuf },
    /// A dataset file exists but could not be read.
    #[error("{}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file is not UTF-8 text.
    #[error("{0}")]
    Encoding(Box<Diagnostic>),
    /// A file is not valid RON, or does not have the dataset's shape
    /// (unknown field, wrong type, missing field).
    #[error("{0}")]
    Syntax(Box<Diagnostic>),
    /// The files parse, but their records do not agree with each other.
    #[error("{}", Problems(.0))]
    Invalid(Vec<Diagnostic>),
}

impl LoadError {
    /// Every positioned problem this error reports, in file order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            LoadError::Encoding(d) | LoadError::Syntax(d) => std::slice::from_ref(&**d),
            LoadError::Invalid(ds) => ds,
            LoadError::NotFound { .. } | LoadError::Read { .. } => &[],
        }
    }
}

struct Problems<'a>(&'a [Diagnostic]);

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        if self.0.len() > 1 {
            write!(f, "\n{} problems in the dataset", self.0.len())?;
        }
        Ok(())
    }
}

/// One problem at one place in one file: `file:line:col: message`, then the
/// line itself with a caret under the column, the way rustc shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it (a path, or the bundled file's name).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What was found and what was expected.
    pub message: Text,
    /// The text of the offending line, without its line break.
    pub source_line: String,
}

impl Diagnostic {
    /// A diagnostic at a byte offset of `text` (clamped to the text, and to
    /// a character boundary).
    pub fn at(file: &str, text: &str, offset: usize, message: impl Into<Text>) -> Diagnostic {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        Diagnostic {
            file: file.to_string(),
            line: text[..offset].matches('\n').count() + 1,
            col: text[line_start..offset].chars().count() + 1,
            message: message.into(),
            source_line: text[line_start..line_end]
                .trim_end_matches('\r')
                .to_string(),
        }
    }

    /// The part of the line to show and the caret's padding. A long line
    /// (a task's text is often hundreds of characters) is cut to a window
    /// around the column, marked with `…`, so the caret stays under it on
    /// an ordinary terminal. Widths are display widths: Chinese characters
    /// take two columns, tabs stay tabs.
    fn excerpt(&self) -> (String, String) {
        let width = |c: char| if c == '\t' { 1 } else { c.width().unwrap_or(0) };
        let chars: Vec<char> = self.source_line.chars().collect();
        let caret = self.col.saturating_sub(1).min(chars.len());
        let mut start = 0;
        let mut before: usize = chars[..caret].iter().map(|&c| width(c)).sum();
        while before > CARET_AT_MOST && start < caret {
            before -= width(chars[start]);
            start += 1;
        }
        let mut end = caret;
        let mut shown = before;
        while end < chars.len() && shown + width(chars[end]) <= LINE_AT_MOST {
            shown += width(chars[end]);
            end += 1;
        }
        let mut line = String::new();
        let mut pad = String::new();
        if start > 0 {
            line.push('…');
            pad.push(' ');
        }
        line.extend(&chars[start..end]);
        if end < chars.len() {
            line.push('…');
        }
        for &c in &chars[start..caret] {
            if c == '\t' {
                pad.push('\t');
            } else {
                pad.extend(std::iter::repeat_n(' ', width(c)));
            }
        }
        (line, pad)
    }
}

/// How far right a caret may sit, and how wide a shown line may be, in
/// terminal columns.
const CARET_AT_MOST: usize = 60;
const LINE_AT_MOST: usize = 100;

impl Diagnostic {
    /// The diagnostic with its message in `lang`; position, line and caret
    /// are the same in both languages.
    pub fn render(&self, lang: Lang) -> String {
        let number = self.line.to_string();
        let gutter = " ".repeat(number.len());
        let (line, pad) = self.excerpt();
        format!(
            "{}:{}:{}: {}\n{gutter} |\n{number} | {line}\n{gutter} | {pad}^",
            self.file,
            self.line,
            self.col,
            self.message.render(lang)
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_sits_under_the_column_by_display_width() {
        let text = "a\n    lead: [\"市发改委\"],\n";
        let offset = text.find('"').unwrap();
        let d = Diagnostic::at("tasks.ron", text, offset + 4, "unknown unit");
        assert_eq!((d.line, d.col), (2, 14));
        assert_eq!(
            d.to_string(),
            format!(
                "tasks.ron:2:14: unknown unit\n  |\n2 |     lead: [\"市发改委\"],\n  | {}^",
                " ".repeat(14)
            )
        );
    }

    #[test]
    fn a_long_line_is_cut_around_the_caret() {
        let text = format!("{}X{}", "字".repeat(200), "字".repeat(200));
        let d = Diagnostic::at("f", &text, 600, "here");
        assert_eq!(d.col, 201);
        let shown = d.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        let line = lines[2].strip_prefix("1 | ").unwrap();
        let caret = lines[3].strip_prefix("  | ").unwrap();
        assert_eq!(line, format!("…{}X{}…", "字".repeat(30), "字".repeat(19)));
        assert_eq!(caret, format!("{}^", " ".repeat(61)));
    }

    #[test]
    fn offset_inside_a_character_moves_back_to_its_start() {
        let d = Diagnostic::at("f", "市发", 1, "m");
        assert_eq!((d.line, d.col), (1, 1));
    }
}
