//! The source document as one string with a map back to file positions.
//!
//! Markdown heading markers (`#`) and quote markers (`>`) are removed from
//! the start of each line: in a PDF conversion they are as often artefacts
//! (a broken line turned into "#### 事处") as structure, so structure is
//! found by the text (numbering, 责任单位) and never by markup.

use std::ops::Range;

use super::ImportError;
use crate::messages::Text;

pub(crate) struct Doc<'a> {
    name: &'a str,
    raw_lines: Vec<&'a str>,
    /// All lines, markers removed, joined by '\n'.
    pub text: String,
    /// Byte offset in `text` where each line starts.
    starts: Vec<usize>,
    /// Characters removed from the start of each line.
    stripped: Vec<usize>,
}

/// Removes leading whitespace and a heading or quote marker.
fn strip_marker(line: &str) -> &str {
    let s = line.trim_start();
    if s.starts_with('#') {
        s.trim_start_matches('#').trim_start()
    } else if let Some(rest) = s.strip_prefix('>') {
        rest.trim_start()
    } else {
        s
    }
}

impl<'a> Doc<'a> {
    pub fn new(source: &'a str, name: &'a str) -> Self {
        let raw_lines: Vec<&str> = source
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect();
        let mut text = String::with_capacity(source.len());
        let mut starts = Vec::with_capacity(raw_lines.len());
        let mut stripped = Vec::with_capacity(raw_lines.len());
        for (i, raw) in raw_lines.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            let content = strip_marker(raw);
            starts.push(text.len());
            stripped.push(raw[..raw.len() - content.len()].chars().count());
            text.push_str(content);
        }
        Doc {
            name,
            raw_lines,
            text,
            starts,
            stripped,
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte range of line `index` (0-based) in `text`, without its '\n'.
    pub fn line_range(&self, index: usize) -> Range<usize> {
        let end = self
            .starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        self.starts[index]..end
    }

    /// Line `index` (0-based), markers removed.
    pub fn line(&self, index: usize) -> &str {
        &self.text[self.line_range(index)]
    }

    /// The 0-based line holding byte `offset` of `text`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The first offset at or after `from`, before `end`, that is not
    /// whitespace.
    pub fn skip_blank(&self, from: usize, end: usize) -> Option<usize> {
        self.text[from..end]
            .char_indices()
            .find(|(_, c)| !c.is_whitespace())
            .map(|(i, _)| from + i)
    }

    /// A syntax error at byte `offset` of `text`.
    pub fn error(&self, offset: usize, problem: String, expected: &str) -> ImportError {
        self.error_text(offset, problem.into(), expected.into())
    }

    /// A syntax error whose problem and expectation are said in the
    /// user's language.
    pub fn error_text(&self, offset: usize, problem: Text, expected: Text) -> ImportError {
        let index = self.line_of(offset);
        let column =
            self.text[self.starts[index]..offset].chars().count() + self.stripped[index] + 1;
        ImportError::Syntax {
            file: self.name.to_string(),
            line: index + 1,
            column,
            text: self.raw_lines[index].to_string(),
            problem,
            expected,
        }
    }
}
