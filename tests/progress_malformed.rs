//! The malformed-file corpus: each file gives its error, none is modified.

mod progress_support;

use std::path::{Path, PathBuf};

use duban::progress::{Journal, ProgressError, SaveError};
use progress_support::{entry, read};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/progress")
        .join(name)
}

/// Copies a fixture into a temp dir, so a bug that writes to it could not
/// damage the corpus.
fn copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.ron");
    std::fs::copy(fixture(name), &path).unwrap();
    (dir, path)
}

/// Opens the fixture, checks the error's `file:line:col: ` prefix and its
/// wording, then tries to commit and checks the file is byte for byte the
/// same.
fn check(name: &str, line: usize, col: usize, expected: &str) {
    let (_dir, path) = copy(name);
    let before = read(&path);
    let error = Journal::open(&path).expect_err(name);
    let text = error.to_string();
    let prefix = format!("{}:{line}:{col}: ", path.display());
    assert!(
        text.starts_with(&prefix),
        "{name}: want {prefix}…, got {text}"
    );
    assert!(
        text.contains(expected),
        "{name}: want {expected:?} in {text}"
    );
    assert!(matches!(error, ProgressError::Parse { .. }));
    let mut journal = Journal::read_only(&path);
    let saved = journal.commit(entry("K1.1", 1, 10, "must not land"));
    assert!(
        matches!(saved, Err(SaveError::Broken { .. })),
        "{name}: {saved:?}"
    );
    assert_eq!(read(&path), before, "{name} was modified");
    assert_eq!(journal.pending(), 1);
}

/// Every `(fixture, line, col, expected text)`.
const CORPUS: &[(&str, usize, usize, &str)] = &[
    (
        "bad_date.ron",
        3,
        62,
        "`date`: no such date: 2023-02-30 (2023-02 has 28 days); expected a date YYYY-MM-DD",
    ),
    ("bad_task_id.ron", 2, 7, "`K2` is not a task ID"),
    (
        "bad_timestamp.ron",
        2,
        27,
        "`at`: input contains invalid characters; expected a timestamp",
    ),
    ("cut_record_mid_file.ron", 2, 60, "Expected string"),
    (
        "done_below_100.ron",
        2,
        88,
        "status done (已完成) needs 100 %, not 90 %",
    ),
    ("invalid_utf8.ron", 3, 29, "invalid UTF-8"),
    (
        "missing_percent.ron",
        2,
        104,
        "missing field named `percent`",
    ),
    (
        "percent_not_a_byte.ron",
        2,
        84,
        "`percent`: Integer is out of bounds; expected a whole number from 0 to 100",
    ),
    (
        "percent_over_100.ron",
        3,
        75,
        "percent must be between 0 and 100, not 150",
    ),
    ("retract_bad_id.ron", 3, 9, "`X9` is not a task ID"),
    ("syntax_missing_paren.ron", 3, 113, "Expected comma"),
    ("two_records_one_line.ron", 2, 119, "trailing characters"),
    (
        "unknown_field.ron",
        3,
        106,
        "Unexpected field named `remark`",
    ),
    (
        "unknown_record.ron",
        3,
        1,
        "expected either `Entry` or `Retract`",
    ),
    (
        "unknown_status.ron",
        2,
        96,
        "Unexpected variant named `finished` in enum `Status`",
    ),
];

#[test]
fn bad_date() {
    let (name, line, col, expected) = CORPUS[0];
    assert_eq!(name, "bad_date.ron");
    check(name, line, col, expected);
}

#[test]
fn bad_task_id() {
    let (name, line, col, expected) = CORPUS[1];
    assert_eq!(name, "bad_task_id.ron");
    check(name, line, col, expected);
}

#[test]
fn bad_timestamp() {
    let (name, line, col, expected) = CORPUS[2];
    assert_eq!(name, "bad_timestamp.ron");
    check(name, line, col, expected);
}

#[test]
fn cut_record_mid_file() {
    let (name, line, col, expected) = CORPUS[3];
    assert_eq!(name, "cut_record_mid_file.ron");
    check(name, line, col, expected);
}

#[test]
fn done_below_100() {
    let (name, line, col, expected) = CORPUS[4];
    assert_eq!(name, "done_below_100.ron");
    check(name, line, col, expected);
}

#[test]
fn invalid_utf8() {
    let (name, line, col, expected) = CORPUS[5];
    assert_eq!(name, "invalid_utf8.ron");
    check(name, line, col, expected);
}

#[test]
fn missing_percent() {
    let (name, line, col, expected) = CORPUS[6];
    assert_eq!(name, "missing_percent.ron");
    check(name, line, col, expected);
}

#[test]
fn percent_not_a_byte() {
    let (name, line, col, expected) = CORPUS[7];
    assert_eq!(name, "percent_not_a_byte.ron");
    check(name, line, col, expected);
}

#[test]
fn percent_over_100() {
    let (name, line, col, expected) = CORPUS[8];
    assert_eq!(name, "percent_over_100.ron");
    check(name, line, col, expected);
}

#[test]
fn retract_bad_id() {
    let (name, line, col, expected) = CORPUS[9];
    assert_eq!(name, "retract_bad_id.ron");
    check(name, line, col, expected);
}

#[test]
fn syntax_missing_paren() {
    let (name, line, col, expected) = CORPUS[10];
    assert_eq!(name, "syntax_missing_paren.ron");
    check(name, line, col, expected);
}

#[test]
fn two_records_one_line() {
    let (name, line, col, expected) = CORPUS[11];
    assert_eq!(name, "two_records_one_line.ron");
    check(name, line, col, expected);
}

#[test]
fn unknown_field() {
    let (name, line, col, expected) = CORPUS[12];
    assert_eq!(name, "unknown_field.ron");
    check(name, line, col, expected);
}

#[test]
fn unknown_record() {
    let (name, line, col, expected) = CORPUS[13];
    assert_eq!(name, "unknown_record.ron");
    check(name, line, col, expected);
}

#[test]
fn unknown_status() {
    let (name, line, col, expected) = CORPUS[14];
    assert_eq!(name, "unknown_status.ron");
    check(name, line, col, expected);
}

#[test]
fn every_fixture_has_an_expected_error() {
    let mut files: Vec<String> = std::fs::read_dir(fixture(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<&str> = CORPUS.iter().map(|c| c.0).collect();
    listed.sort();
    assert_eq!(files, listed);
}

#[test]
fn the_caret_lines_up_under_chinese_text() {
    let (_dir, path) = copy("unknown_field.ron");
    std::fs::write(
        &path,
        "Entry(task: \"K1.1\", note: \"完成征地\", bogus: 1)\n",
    )
    .unwrap();
    let text = Journal::open(&path).unwrap_err().to_string();
    let lines: Vec<&str> = text.lines().collect();
    let caret = lines[2].find('^').unwrap();
    let source = lines[1];
    let at = source.find("bogus").unwrap();
    let width = unicode_width::UnicodeWidthStr::width(&source[..at]);
    assert_eq!(caret, width, "{text}");
}
