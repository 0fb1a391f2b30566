//! What can go wrong loading a dataset, worded for the person editing it.

use std::fmt;
use std::path::PathBuf;

use unicode_width::UnicodeWidthChar;

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
    pub message: String,
    /// The text of the offending line, without its line break.
    pub source_line: String,
}

impl Diagnostic {
    /// A diagnostic at a byte offset of `text` (clamped to the text, and to
    /// a character boundary).
    pub fn at(file: &str, text: &str, offset: usize, message: impl Into<String>) -> Diagnostic {
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

    /// The padding that puts a caret under `col`: Chinese characters are two
    /// columns wide on a terminal, and tabs stay tabs.
    fn caret_pad(&self) -> String {
        let mut pad = String::new();
        for c in self.source_line.chars().take(self.col.saturating_sub(1)) {
            if c == '\t' {
                pad.push('\t');
            } else {
                pad.extend(std::iter::repeat_n(' ', c.width().unwrap_or(0)));
            }
        }
        pad
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = self.line.to_string();
        let gutter = " ".repeat(number.len());
        writeln!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )?;
        writeln!(f, "{gutter} |")?;
        writeln!(f, "{number} | {}", self.source_line)?;
        write!(f, "{gutter} | {}^", self.caret_pad())
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
    fn offset_inside_a_character_moves_back_to_its_start() {
        let d = Diagnostic::at("f", "市发", 1, "m");
        assert_eq!((d.line, d.col), (1, 1));
    }
}
