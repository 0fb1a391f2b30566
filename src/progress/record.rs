//! The file format: one RON record per line.

use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};
use unicode_width::UnicodeWidthStr;

use super::actuals::check_actual_values;
use super::error::ProgressError;
use super::validate::{FieldError, structural};
use crate::messages::Text;
use crate::messages::journal::{
    JOURNAL_EXP_AT, JOURNAL_EXP_DATE, JOURNAL_EXP_PERCENT, JOURNAL_FIELD, JOURNAL_NOT_UTF8,
};
use crate::messages::ron_error;
use crate::model::{ProgressEntry, TaskId};

mod mark;

#[cfg(test)]
use mark::crc32;
use mark::{Mark, split_mark};

/// The first line of a new file.
pub(crate) const HEADER: &str =
    "// duban progress journal: one record per line, appended in order (see README, Progress)\n";

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Record {
    /// A progress report.
    Entry(ProgressEntry),
    /// Undoes the entry with this task and `at`.
    Retract(Retraction),
}

/// The identity of an entry: its task and the moment it was made.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retraction {
    pub task: String,
    pub at: DateTime<FixedOffset>,
}

impl Retraction {
    pub fn of(entry: &ProgressEntry) -> Retraction {
        Retraction {
            task: entry.task.clone(),
            at: entry.at,
        }
    }
}

/// A RON string literal on one line: Chinese verbatim, quotes, backslashes
/// and control characters escaped (so a note never breaks its line).
fn quote(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn timestamp(at: &DateTime<FixedOffset>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// The line an entry is saved as, without the newline.
pub fn entry_line(e: &ProgressEntry) -> String {
    let mut out = String::with_capacity(120 + e.note.len() + e.problems.len() + e.next_steps.len());
    out.push_str("Entry(task: ");
    quote(&mut out, &e.task);
    let _ = write!(
        out,
        ", at: \"{}\", date: \"{}\", percent: {}, status: {}, note: ",
        timestamp(&e.at),
        e.date.format("%Y-%m-%d"),
        e.percent,
        e.status.as_str()
    );
    quote(&mut out, &e.note);
    if !e.actuals.is_empty() {
        out.push_str(", actuals: [");
        for (i, a) in e.actuals.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str("(target: ");
            quote(&mut out, &a.target);
            // Display gives the shortest text that reads back to the same
            // bits, never in exponent form.
            let _ = write!(out, ", value: {})", a.value);
        }
        out.push(']');
    }
    // Written only when filled, after the older fields, so a line without
    // them reads as it did before they existed.
    for (key, text) in [("problems", &e.problems), ("next_steps", &e.next_steps)] {
        if !text.is_empty() {
            let _ = write!(out, ", {key}: ");
            quote(&mut out, text);
        }
    }
    if let Some(r) = &e.reporter {
        out.push_str(", reporter: (unit: ");
        quote(&mut out, &r.unit);
        out.push_str(", name: ");
        quote(&mut out, &r.name);
        out.push(')');
    }
    out.push(')');
    out
}

/// The line a record is saved as, with its terminator and newline.
pub fn record_line(record: &Record) -> String {
    let mut line = record_text(record);
    mark::terminate(&mut line);
    line.push('\n');
    line
}

/// A record's text, without terminator or newline.
fn record_text(record: &Record) -> String {
    match record {
        Record::Entry(e) => entry_line(e),
        Record::Retract(r) => {
            let mut out = String::from("Retract(task: ");
            quote(&mut out, &r.task);
            let _ = write!(out, ", at: \"{}\")", timestamp(&r.at));
            out
        }
    }
}

/// The records of a part of the file, and how that part ends.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub records: Vec<Record>,
    /// Bytes up to and including the last newline.
    pub complete_len: usize,
    /// Newlines in those bytes.
    pub lines: usize,
    /// Bytes after the last newline (a save cut short, or a hand edit).
    pub tail: Tail,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tail {
    /// The text ends with a newline.
    #[default]
    Clean,
    /// The last line has no newline but is a whole record: it is kept, and
    /// the next append starts with a newline.
    Unterminated,
    /// The last line has no newline, no whole terminator, and stops where
    /// a record was still being written: an interrupted save, ignored on
    /// load, and moved to a side file before the next append. Its line
    /// number. (A last line that does not parse for any other reason is a
    /// malformed file, reported like any other line.)
    Torn(usize),
}

/// The records of a whole journal's bytes (`path` names it in errors); a
/// torn last record is left out. For tools and fuzzing; `Journal::open`
/// reads files.
pub fn parse_records(path: &Path, bytes: &[u8]) -> Result<Vec<Record>, ProgressError> {
    Ok(parse(path, bytes, 1)?.records)
}

/// Parses `bytes`, a part of the file at `path` that starts at line
/// `first_line` (1-based).
pub(crate) fn parse(path: &Path, bytes: &[u8], first_line: usize) -> Result<Parsed, ProgressError> {
    let complete_len = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let (complete, rest) = bytes.split_at(complete_len);
    let text = std::str::from_utf8(complete).map_err(|e| {
        let before = &complete[..e.valid_up_to()];
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let prefix = String::from_utf8_lossy(&before[line_start..]).into_owned();
        let line = first_line + before.iter().filter(|b| **b == b'\n').count();
        broken(
            path,
            line,
            &prefix,
            prefix.chars().count() + 1,
            Why::not_utf8(),
        )
    })?;
    let mut parsed = Parsed {
        complete_len,
        ..Parsed::default()
    };
    for (i, raw) in text.split_terminator('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        match parse_line(split_mark(line).0) {
            Ok(Some(record)) => parsed.records.push(record),
            Ok(None) => {}
            Err((col, message)) => return Err(broken(path, first_line + i, line, col, message)),
        }
        parsed.lines += 1;
    }
    if !rest.is_empty() {
        let line_no = first_line + parsed.lines;
        parsed.tail = match last_line(rest) {
            Last::Record(record) => {
                parsed.records.extend(record);
                Tail::Unterminated
            }
            Last::Torn => Tail::Torn(line_no),
            Last::Broken(text, col, message) => {
                return Err(broken(path, line_no, &text, col, message));
            }
        };
    }
    Ok(parsed)
}

/// What a last line without a newline is.
enum Last {
    /// A whole record (or a comment): kept.
    Record(Option<Record>),
    /// A record cut short while being written.
    Torn,
    /// Anything else: an error at (text, column, message).
    Broken(String, usize, Why),
}

fn last_line(bytes: &[u8]) -> Last {
    // A save cut inside a Chinese character leaves part of its UTF-8.
    let (text, cut_in_char) = match std::str::from_utf8(bytes) {
        Ok(text) => (text, false),
        Err(e) if e.error_len().is_none() => (
            std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
            true,
        ),
        Err(e) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let col = String::from_utf8_lossy(&bytes[..e.valid_up_to()])
                .chars()
                .count();
            return Last::Broken(text, col + 1, Why::not_utf8());
        }
    };
    let line = text.strip_suffix('\r').unwrap_or(text);
    let (body, mark) = split_mark(line);
    let error = match parse_line(body) {
        Ok(record) if !cut_in_char => return Last::Record(record),
        Ok(_) => None,
        Err(error) => Some(error),
    };
    let torn = match mark {
        Mark::Whole { .. } => false,
        Mark::Partial => true,
        Mark::None => {
            let started = ["Entry(", "Retract("]
                .iter()
                .any(|s| body.starts_with(s) || s.starts_with(body));
            started && (cut_in_char || error.is_none() || stops_at_end(body))
        }
    };
    match error {
        _ if torn => Last::Torn,
        Some((col, message)) => Last::Broken(line.to_string(), col, message),
        None => Last::Torn,
    }
}

/// Whether `body` fails to parse only because it stops early: the end of
/// input reached inside a record or a string, or the error at its very
/// end. What a record cut short gives, and a wrong value in the middle of
/// a line does not.
fn stops_at_end(body: &str) -> bool {
    use ron::error::Error;
    let Err(e) = options().from_str::<Record>(body) else {
        return false;
    };
    if matches!(e.code, Error::Eof | Error::ExpectedStringEnd) {
        return true;
    }
    let end = body.trim_end().chars().count();
    e.span.start.line == 1 && e.span.end.line == 1 && e.span.end.col > end
}

fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::UNWRAP_VARIANT_NEWTYPES)
        .with_default_extension(Extensions::IMPLICIT_SOME)
}

/// What is wrong with a line: in English (`Display`) and in either
/// language.
#[derive(Debug)]
pub(crate) struct Why {
    en: String,
    said: Text,
}

impl Why {
    fn new(en: impl ToString, said: Text) -> Why {
        Why {
            en: en.to_string(),
            said,
        }
    }

    fn not_utf8() -> Why {
        Why::new("invalid UTF-8", JOURNAL_NOT_UTF8.into())
    }
}

/// One line: `Ok(None)` for a blank line or a comment; errors as
/// (1-based column, what is wrong).
fn parse_line(line: &str) -> Result<Option<Record>, (usize, Why)> {
    let trimmed = line.trim_start();
    if trimmed.is_empty() || trimmed.starts_with("//") {
        return Ok(None);
    }
    let record: Record = options().from_str(line).map_err(|e| {
        let col = e.span.start.col.max(1);
        (col, explain(line, col, &e.code))
    })?;
    let errors = match &record {
        Record::Entry(entry) => structural(entry),
        Record::Retract(r) => match r.task.parse::<TaskId>() {
            Ok(_) => Vec::new(),
            Err(e) => vec![FieldError::BadTaskId(e)],
        },
    };
    if let Record::Entry(entry) = &record
        && let Err(error) = check_actual_values(&entry.actuals)
    {
        return Err((
            column_of(line, "actuals:"),
            Why::new(&error, (&error).into()),
        ));
    }
    match errors.first() {
        None => Ok(Some(record)),
        Some(error) => {
            let key = match error {
                FieldError::BadTaskId(_) => "task:",
                FieldError::PercentOutOfRange(_) => "percent:",
                _ => "status:",
            };
            Err((column_of(line, key), Why::new(error, error.into())))
        }
    }
}

/// The 1-based character column of `key` in `line`, or 1.
fn column_of(line: &str, key: &str) -> usize {
    line.find(key)
        .map_or(1, |at| line[..at].chars().count() + 1)
}

/// Names the field a value error is in, with the form it expects (chrono's
/// own messages, such as "input is out of range", name neither).
fn explain(line: &str, col: usize, code: &ron::Error) -> Why {
    let message = code.to_string();
    let before: String = line.chars().take(col.saturating_sub(1)).collect();
    let field = before
        .rfind(':')
        .map(|colon| before[..colon].trim_end())
        .and_then(|head| head.rsplit(|c: char| !c.is_ascii_alphanumeric()).next());
    let expected = match field {
        Some("date") => JOURNAL_EXP_DATE,
        Some("at") => JOURNAL_EXP_AT,
        Some("percent") => JOURNAL_EXP_PERCENT,
        _ => return Why::new(message, ron_error(code)),
    };
    let field = field.unwrap_or_default();
    Why::new(
        format!("`{field}`: {message}; expected {}", expected.en),
        crate::msg!(JOURNAL_FIELD, field = field)
            .with("detail", ron_error(code))
            .with("expected", expected.into()),
    )
}

/// A parse error with the line and a caret under the column, placed by
/// display width so it lines up under Chinese text.
fn broken(path: &Path, line: usize, text: &str, col: usize, why: Why) -> ProgressError {
    let before: String = text.chars().take(col.saturating_sub(1)).collect();
    let excerpt = format!("    {text}\n    {}^", " ".repeat(before.width()));
    ProgressError::Parse {
        path: path.to_path_buf(),
        line,
        col,
        message: why.en,
        problem: why.said,
        excerpt,
    }
}

#[cfg(test)]
mod tests;
