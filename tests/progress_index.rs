//! `progress.ron.index`, the cache that lets `progress set` append without
//! reading the journal: used when it agrees with the journal, rebuilt and
//! never trusted when it does not (a changed, cut, replaced or foreign
//! journal or index), and deleting it changes nothing but speed.

mod progress_support;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::TimeDelta;
use duban::model::ProgressEntry;
use duban::progress::{Journal, SaveReport, commit_one, index_is_fresh, index_path};
use progress_support::{at, entry, read};

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("progress.ron");
    (dir, path)
}

fn commit(path: &Path, entry: ProgressEntry) -> SaveReport {
    commit_one(path, entry)
        .expect("the journal reads")
        .expect("the entry is saved")
}

/// The `at` of every entry of `task` on disk, oldest first.
fn times(path: &Path, task: &str) -> Vec<chrono::DateTime<chrono::FixedOffset>> {
    let journal = Journal::open(path).unwrap();
    journal.history(task).iter().map(|e| e.at).collect()
}

#[test]
fn commits_through_the_index_write_what_full_commits_write() {
    let (_a, fast) = temp();
    let (_b, full) = temp();
    let entries = [
        entry("K1.1", 1, 10, "一"),
        entry("K1.2", 2, 20, "二"),
        entry("K1.1", 3, 30, "三"),
        entry("K1.1", 3, 35, "same second"),
        entry("M3.2", 4, 40, "四"),
    ];
    for e in &entries {
        let report = commit(&fast, e.clone());
        assert_eq!(report.written, 1);
        assert!(index_is_fresh(&fast), "fresh after {}", e.note);
        Journal::open(&full).unwrap().commit(e.clone()).unwrap();
    }
    assert_eq!(read(&fast), read(&full));
    assert_eq!(
        times(&fast, "K1.1"),
        [at(1), at(3), at(3) + TimeDelta::nanoseconds(1)]
    );
}

#[test]
fn a_journal_changed_behind_the_index_is_read_again() {
    let (_dir, path) = temp();
    commit(&path, entry("K1.1", 1, 10, "first"));
    assert!(index_is_fresh(&path));
    // Another writer (the dashboard) appends an entry made at second 5.
    Journal::open(&path)
        .unwrap()
        .commit(entry("K1.1", 5, 50, "dashboard"))
        .unwrap();
    assert!(!index_is_fresh(&path));
    // Trusting the stale index would write a second entry with the same
    // identity; read again, the new entry moves on by a nanosecond.
    commit(&path, entry("K1.1", 5, 55, "cli"));
    assert_eq!(
        times(&path, "K1.1"),
        [at(1), at(5), at(5) + TimeDelta::nanoseconds(1)]
    );
    assert!(index_is_fresh(&path), "rebuilt");
}

#[test]
fn a_truncated_journal_is_not_taken_for_the_indexed_one() {
    let (_dir, path) = temp();
    for s in 1..=3 {
        commit(&path, entry("K1.1", s * 10, 10, &format!("n{s}")));
    }
    // Cut the last record off (a restore from an older copy): the file is
    // now shorter than the index says.
    let bytes = read(&path);
    let cut = bytes[..bytes.len() - 1]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap();
    fs::write(&path, &bytes[..=cut]).unwrap();
    assert!(!index_is_fresh(&path));
    commit(&path, entry("K1.1", 20, 25, "again at 20"));
    assert_eq!(
        times(&path, "K1.1"),
        [at(10), at(20), at(20) + TimeDelta::nanoseconds(1)]
    );
}

#[test]
fn a_journal_replaced_by_one_of_the_same_size_is_read_again() {
    let (_dir, path) = temp();
    commit(&path, entry("K1.1", 1, 10, "aaaa"));
    assert!(index_is_fresh(&path));
    // Same length, different content, written in place.
    let text = String::from_utf8(read(&path))
        .unwrap()
        .replace("aaaa", "bbbb");
    fs::write(&path, text).unwrap();
    assert!(!index_is_fresh(&path));
    commit(&path, entry("K1.1", 2, 20, "next"));
    let journal = Journal::open(&path).unwrap();
    let notes: Vec<&str> = (journal.history("K1.1").iter())
        .map(|e| e.note.as_str())
        .collect();
    assert_eq!(notes, ["bbbb", "next"]);
}

#[test]
fn the_index_of_another_journal_is_not_trusted() {
    let (_a, other) = temp();
    let (_b, path) = temp();
    commit(&other, entry("K1.1", 1, 10, "other journal"));
    commit(&path, entry("K1.1", 1, 10, "one"));
    commit(&path, entry("K1.1", 9, 90, "nine"));
    fs::copy(index_path(&other), index_path(&path)).unwrap();
    assert!(!index_is_fresh(&path));
    // The foreign index says the latest entry is at second 1.
    commit(&path, entry("K1.1", 9, 95, "nine again"));
    assert_eq!(
        times(&path, "K1.1"),
        [at(1), at(9), at(9) + TimeDelta::nanoseconds(1)]
    );
}

#[test]
fn a_changed_or_cut_index_is_not_trusted() {
    let (_dir, path) = temp();
    commit(&path, entry("K1.1", 30, 30, "half past"));
    let index = index_path(&path);
    let text = fs::read_to_string(&index).unwrap();
    // An index claiming an earlier latest entry would let a colliding
    // entry through; its checksum no longer matches.
    let changed = text.replace("09:00:30", "09:00:01");
    assert_ne!(changed, text);
    fs::write(&index, changed).unwrap();
    assert!(!index_is_fresh(&path));
    commit(&path, entry("K1.1", 30, 31, "collides"));
    assert_eq!(
        times(&path, "K1.1"),
        [at(30), at(30) + TimeDelta::nanoseconds(1)]
    );
    // Cut in half: not trusted either, and rebuilt.
    let text = fs::read_to_string(&index).unwrap();
    fs::write(&index, &text[..text.len() / 2]).unwrap();
    assert!(!index_is_fresh(&path));
    commit(&path, entry("K1.2", 40, 40, "more"));
    assert!(index_is_fresh(&path));
}

#[test]
fn deleting_the_index_changes_nothing_but_speed() {
    let (_a, kept) = temp();
    let (_b, deleted) = temp();
    for s in 0..6 {
        let e = entry(&format!("K1.{}", 1 + s % 2), s / 2, s as u8 * 10, "x");
        commit(&kept, e.clone());
        if s % 2 == 0 {
            fs::remove_file(index_path(&deleted)).ok();
        }
        commit(&deleted, e);
    }
    assert_eq!(read(&kept), read(&deleted));
}

#[test]
fn an_entry_dated_before_the_latest_is_checked_against_the_journal() {
    let (_dir, path) = temp();
    commit(&path, entry("K1.1", 10, 10, "ten"));
    commit(&path, entry("K1.2", 50, 50, "fifty"));
    // Before the latest `at` (a clock set back): the index cannot say
    // whether it collides, so the journal is read; it does collide.
    commit(&path, entry("K1.1", 10, 11, "ten again"));
    assert_eq!(
        times(&path, "K1.1"),
        [at(10), at(10) + TimeDelta::nanoseconds(1)]
    );
}

#[cfg(unix)]
#[test]
fn an_index_that_is_a_link_is_neither_read_nor_written_through() {
    let (dir, path) = temp();
    commit(&path, entry("K1.1", 1, 10, "one"));
    let target = dir.path().join("elsewhere");
    fs::copy(index_path(&path), &target).unwrap();
    fs::remove_file(index_path(&path)).unwrap();
    std::os::unix::fs::symlink(&target, index_path(&path)).unwrap();
    let before = fs::read(&target).unwrap();
    assert!(!index_is_fresh(&path), "a link is not read");
    commit(&path, entry("K1.1", 2, 20, "two"));
    assert_eq!(fs::read(&target).unwrap(), before, "not written through");
    assert_eq!(times(&path, "K1.1"), [at(1), at(2)]);
}

/// A journal of more than 1 MiB.
fn large_journal(path: &Path) {
    let mut text = String::new();
    let mut n = 0;
    while text.len() <= 1 << 20 {
        let e = entry("K1.1", n % 3000, (n % 100) as u8, &"进展".repeat(20));
        let mut e = e;
        e.at += TimeDelta::milliseconds(i64::from(n));
        text.push_str(&duban::progress::entry_line(&e));
        text.push('\n');
        n += 1;
    }
    fs::write(path, text).unwrap();
}

#[test]
fn a_large_journal_is_backed_up_once_a_day_not_by_every_commit() {
    let (_dir, path) = temp();
    large_journal(&path);
    let original = read(&path);
    let bak = path.with_extension("ron.bak");
    let later = |s: u32| {
        let mut e = entry("K1.2", s, 10, "later");
        e.at += TimeDelta::days(1);
        e
    };
    commit(&path, later(1));
    assert_eq!(read(&bak), original, "the first commit of the day backs up");
    commit(&path, later(2));
    Journal::open(&path).unwrap().commit(later(3)).unwrap();
    assert_eq!(read(&bak), original, "later ones today do not");
    // A backup from yesterday is replaced by the next commit.
    let yesterday = std::time::SystemTime::now() - std::time::Duration::from_secs(36 * 3600);
    let file = fs::OpenOptions::new().write(true).open(&bak).unwrap();
    file.set_modified(yesterday).unwrap();
    drop(file);
    let before = read(&path);
    commit(&path, later(4));
    assert_eq!(read(&bak), before);
}

#[test]
fn a_small_journal_is_still_backed_up_by_every_session() {
    let (_dir, path) = temp();
    commit(&path, entry("K1.1", 1, 10, "one"));
    let before = read(&path);
    commit(&path, entry("K1.1", 2, 20, "two"));
    assert_eq!(read(&path.with_extension("ron.bak")), before);
}
