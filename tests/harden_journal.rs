//! A torn save is told apart from a hand edit, and no byte is ever
//! deleted: a cut record is moved to a side file named in the report, a
//! hand-edited last line that does not parse is an error and the file is
//! left as it is.

mod progress_support;

use std::fs;
use std::path::{Path, PathBuf};

use duban::progress::{Journal, ProgressError, entry_line};
use progress_support::{entry, notes, read};

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.ron");
    (dir, path)
}

fn saved_once(path: &Path) {
    Journal::open(path)
        .unwrap()
        .commit(entry("K1.1", 1, 10, "whole"))
        .unwrap();
}

fn side_files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("progress.ron.torn-"))
        .collect();
    found.sort();
    found
}

#[test]
fn a_hand_edited_last_line_without_newline_is_an_error_and_kept() {
    let (_dir, path) = temp();
    saved_once(&path);
    let mut bytes = read(&path);
    // Typed by hand, saved without a final newline, with a wrong status.
    let hand = entry_line(&entry("K1.1", 2, 20, "手工补录")).replace("on_track", "ontrack");
    bytes.extend_from_slice(hand.as_bytes());
    fs::write(&path, &bytes).unwrap();

    let err = Journal::open(&path).unwrap_err();
    let ProgressError::Parse { line, col, .. } = &err else {
        panic!("{err}")
    };
    assert_eq!(
        (*line, *col),
        (3, hand.find("ontrack").unwrap() + 1),
        "{err}"
    );

    let mut journal = Journal::read_only(&path);
    assert!(journal.commit(entry("K1.1", 3, 30, "later")).is_err());
    assert_eq!(read(&path), bytes, "the file was changed");
}

#[test]
fn a_torn_record_is_moved_to_a_named_side_file_before_the_next_append() {
    let (dir, path) = temp();
    saved_once(&path);
    let whole = read(&path);
    let cut = "Entry(task: \"K1.1\", at: \"2023-05-04T09:00:02+08:00\", date: \"2023-05-0";
    let mut torn = whole.clone();
    torn.extend_from_slice(cut.as_bytes());
    fs::write(&path, &torn).unwrap();

    let mut journal = Journal::open(&path).unwrap();
    assert_eq!(journal.interrupted_save(), Some(3));
    let report = journal.commit(entry("K1.1", 3, 30, "next")).unwrap();

    let sides = side_files(dir.path());
    assert_eq!(sides.len(), 1, "{sides:?}");
    assert_eq!(read(&sides[0]), cut.as_bytes());
    let named = sides[0].display().to_string();
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.to_string().contains(&named)),
        "{:?}",
        report.warnings
    );
    assert!(read(&path).starts_with(&whole));
    assert!(
        !String::from_utf8(read(&path))
            .unwrap()
            .contains("2023-05-0\n")
    );
    assert_eq!(
        notes(&Journal::open(&path).unwrap(), "K1.1"),
        ["whole", "next"]
    );
}

#[test]
fn a_record_cut_inside_its_terminator_is_kept_whole() {
    let (_dir, path) = temp();
    saved_once(&path);
    let mut bytes = read(&path);
    let second = {
        let (_d, other) = temp();
        Journal::open(&other)
            .unwrap()
            .commit(entry("K1.2", 2, 20, "second"))
            .unwrap();
        let text = String::from_utf8(read(&other)).unwrap();
        text.lines().last().unwrap().to_string()
    };
    let cut = &second[..second.len() - 3];
    bytes.extend_from_slice(cut.as_bytes());
    fs::write(&path, &bytes).unwrap();
    let journal = Journal::open(&path).unwrap();
    assert_eq!(journal.interrupted_save(), None);
    assert_eq!(notes(&journal, "K1.2"), ["second"]);
}

#[test]
fn a_journal_written_before_terminators_loads_and_takes_appends() {
    let (_dir, path) = temp();
    let old = format!(
        "// duban progress journal\n{}\n{}",
        entry_line(&entry("K1.1", 1, 10, "old one")),
        entry_line(&entry("K1.1", 2, 20, "old two"))
    );
    fs::write(&path, &old).unwrap();
    let mut journal = Journal::open(&path).unwrap();
    assert_eq!(notes(&journal, "K1.1"), ["old one", "old two"]);
    journal.commit(entry("K1.1", 3, 30, "new")).unwrap();
    assert!(read(&path).starts_with(old.as_bytes()));
    assert_eq!(
        notes(&Journal::open(&path).unwrap(), "K1.1"),
        ["old one", "old two", "new"]
    );
}
