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
use crate::model::{ProgressEntry, TaskId};

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

/// The line a record is saved as, with its newline.
pub(crate) fn record_line(record: &Record) -> String {
    let mut line = match record {
        Record::Entry(e) => entry_line(e),
        Record::Retract(r) => {
            let mut out = String::from("Retract(task: ");
            quote(&mut out, &r.task);
            let _ = write!(out, ", at: \"{}\")", timestamp(&r.at));
            out
        }
    };
    line.push('\n');
    line
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
    /// The last line has no newline and does not parse: an interrupted save,
    /// ignored, and cut off before the next append. Its line number.
    Torn(usize),
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
            "invalid UTF-8".into(),
        )
    })?;
    let mut parsed = Parsed {
        complete_len,
        ..Parsed::default()
    };
    for (i, raw) in text.split_terminator('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        match parse_line(line) {
            Ok(Some(record)) => parsed.records.push(record),
            Ok(None) => {}
            Err((col, message)) => return Err(broken(path, first_line + i, line, col, message)),
        }
        parsed.lines += 1;
    }
    if !rest.is_empty() {
        let line_no = first_line + parsed.lines;
        let whole = std::str::from_utf8(rest)
            .ok()
            .and_then(|s| parse_line(s).ok());
        parsed.tail = match whole {
            Some(record) => {
                parsed.records.extend(record);
                Tail::Unterminated
            }
            None => Tail::Torn(line_no),
        };
    }
    Ok(parsed)
}

fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::UNWRAP_VARIANT_NEWTYPES)
        .with_default_extension(Extensions::IMPLICIT_SOME)
}

/// One line: `Ok(None)` for a blank line or a comment; errors as
/// (1-based column, what is wrong).
fn parse_line(line: &str) -> Result<Option<Record>, (usize, String)> {
    let trimmed = line.trim_start();
    if trimmed.is_empty() || trimmed.starts_with("//") {
        return Ok(None);
    }
    let record: Record = options().from_str(line).map_err(|e| {
        let col = e.span.start.col.max(1);
        (col, explain(line, col, e.code.to_string()))
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
        return Err((column_of(line, "actuals:"), error.to_string()));
    }
    match errors.first() {
        None => Ok(Some(record)),
        Some(error) => {
            let key = match error {
                FieldError::BadTaskId(_) => "task:",
                FieldError::PercentOutOfRange(_) => "percent:",
                _ => "status:",
            };
            Err((column_of(line, key), error.to_string()))
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
fn explain(line: &str, col: usize, message: String) -> String {
    let before: String = line.chars().take(col.saturating_sub(1)).collect();
    let field = before
        .rfind(':')
        .map(|colon| before[..colon].trim_end())
        .and_then(|head| head.rsplit(|c: char| !c.is_ascii_alphanumeric()).next());
    let expected = match field {
        Some("date") => "a date YYYY-MM-DD within the calendar",
        Some("at") => "a timestamp like 2023-05-04T09:30:12+08:00",
        Some("percent") => "a whole number from 0 to 100",
        _ => return message,
    };
    format!(
        "`{}`: {message}; expected {expected}",
        field.unwrap_or_default()
    )
}

/// A parse error with the line and a caret under the column, placed by
/// display width so it lines up under Chinese text.
fn broken(path: &Path, line: usize, text: &str, col: usize, message: String) -> ProgressError {
    let before: String = text.chars().take(col.saturating_sub(1)).collect();
    let excerpt = format!("    {text}\n    {}^", " ".repeat(before.width()));
    ProgressError::Parse {
        path: path.to_path_buf(),
        line,
        col,
        message,
        excerpt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;
    use chrono::NaiveDate;

    fn sample(note: &str) -> ProgressEntry {
        ProgressEntry {
            task: "M3.2".into(),
            at: DateTime::parse_from_rfc3339("2023-05-04T09:30:12.123456789+08:00").unwrap(),
            date: NaiveDate::from_ymd_opt(2023, 5, 4).unwrap(),
            percent: 40,
            status: Status::OnTrack,
            note: note.into(),
            actuals: Vec::new(),
            reporter: None,
            problems: String::new(),
            next_steps: String::new(),
        }
    }

    #[test]
    fn an_entry_is_one_readable_line() {
        assert_eq!(
            entry_line(&sample("完成征地")),
            "Entry(task: \"M3.2\", at: \"2023-05-04T09:30:12.123456789+08:00\", \
             date: \"2023-05-04\", percent: 40, status: on_track, note: \"完成征地\")"
        );
    }

    #[test]
    fn problems_and_next_steps_follow_the_older_fields_when_filled() {
        let mut entry = sample("完成征地");
        entry.problems = "资金未到位".into();
        entry.next_steps = "督促\n拨付".into();
        let line = entry_line(&entry);
        assert!(
            line.ends_with(
                "note: \"完成征地\", problems: \"资金未到位\", next_steps: \"督促\\n拨付\")"
            ),
            "{line}"
        );
        let parsed = parse(Path::new("p.ron"), format!("{line}\n").as_bytes(), 1).unwrap();
        assert_eq!(parsed.records, vec![Record::Entry(entry)]);
    }

    #[test]
    fn a_reporter_follows_the_other_fields_and_reads_back() {
        let mut entry = sample("");
        entry.reporter = Some(crate::model::Reporter {
            unit: "市经信局".into(),
            name: "张\"三".into(),
        });
        let line = record_line(&Record::Entry(entry.clone()));
        assert!(
            line.trim_end()
                .ends_with(r#"note: "", reporter: (unit: "市经信局", name: "张\"三"))"#),
            "{line}"
        );
        let parsed = parse(Path::new("p.ron"), line.as_bytes(), 1).unwrap();
        assert_eq!(parsed.records, vec![Record::Entry(entry)]);
    }

    #[test]
    fn a_line_written_before_the_three_fields_still_reads() {
        let line = "Entry(task: \"M3.2\", at: \"2023-05-04T09:30:12+08:00\", date: \"2023-05-04\", \
                    percent: 40, status: on_track, note: \"完成征地\")";
        let Ok(Some(Record::Entry(entry))) = parse_line(line) else {
            panic!("{line}");
        };
        assert_eq!(entry.note, "完成征地");
        assert_eq!(
            (entry.problems.as_str(), entry.next_steps.as_str()),
            ("", "")
        );
    }

    #[test]
    fn a_torn_last_line_is_ignored_and_located() {
        let mut text = String::from(HEADER);
        text.push_str(&record_line(&Record::Entry(sample("a"))));
        let full = record_line(&Record::Entry(sample("b")));
        text.push_str(&full[..full.len() / 2]);
        let parsed = parse(Path::new("p.ron"), text.as_bytes(), 1).unwrap();
        assert_eq!(parsed.records.len(), 1);
        assert_eq!(parsed.tail, Tail::Torn(3));
    }

    #[test]
    fn an_unterminated_whole_last_line_is_kept() {
        let line = record_line(&Record::Entry(sample("a")));
        let parsed = parse(Path::new("p.ron"), line.trim_end().as_bytes(), 1).unwrap();
        assert_eq!(parsed.records.len(), 1);
        assert_eq!(parsed.tail, Tail::Unterminated);
    }

    proptest::proptest! {
        #[test]
        fn every_note_survives_a_round_trip(note in ".*", problems in ".*", next in ".*") {
            let mut entry = sample(&note);
            entry.problems = problems;
            entry.next_steps = next;
            let line = record_line(&Record::Entry(entry.clone()));
            proptest::prop_assert_eq!(line.matches('\n').count(), 1);
            let parsed = parse(Path::new("p.ron"), line.as_bytes(), 1).unwrap();
            proptest::prop_assert_eq!(parsed.records, vec![Record::Entry(entry)]);
        }

        #[test]
        fn every_finite_actual_survives_a_round_trip(
            name in "[^\\s].*",
            value in proptest::num::f64::POSITIVE
                | proptest::num::f64::NEGATIVE
                | proptest::num::f64::NORMAL
                | proptest::num::f64::SUBNORMAL
                | proptest::num::f64::ZERO,
        ) {
            let mut entry = sample("");
            entry.actuals = vec![crate::model::Actual { target: name, value }];
            let line = record_line(&Record::Entry(entry.clone()));
            let parsed = parse(Path::new("p.ron"), line.as_bytes(), 1).unwrap();
            proptest::prop_assert_eq!(parsed.records, vec![Record::Entry(entry)]);
        }
    }

    #[test]
    fn a_non_finite_actual_is_an_error_at_the_actuals() {
        let line = "Entry(task: \"K2.16\", at: \"2023-05-04T09:30:12+08:00\", date: \"2023-05-04\", \
                    percent: 40, status: on_track, note: \"\", actuals: [(target: \"a\", value: inf)])";
        let (col, message) = parse_line(line).unwrap_err();
        assert_eq!(col, line.find("actuals:").unwrap() + 1);
        assert!(message.contains("not a finite number"), "{message}");
    }
}
