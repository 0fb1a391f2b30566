//! Redo (Ctrl-R in the dashboard) through the journal's API: the undone
//! entry comes back as a new entry, the file only grows, and a new commit
//! forgets what could be redone. Old `note`-only lines and the three notes
//! read back from disk.

mod progress_support;

use duban::progress::Journal;
use progress_support::{at, entry, notes, read};

fn temp() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("progress.ron");
    (dir, path)
}

#[test]
fn redo_appends_the_undone_entry_again_and_keeps_the_retraction() {
    let (_dir, path) = temp();
    let mut journal = Journal::open(&path).expect("open");
    journal
        .commit(entry("K1.1", 1, 10, "kept"))
        .expect("commit");
    journal
        .commit(entry("K1.1", 2, 50, "back"))
        .expect("commit");
    journal
        .undo_last_of_session()
        .expect("undo")
        .saved
        .expect("saved");
    let before = read(&path);
    let redone = journal.redo_last_undo(at(30)).expect("something to redo");
    redone.saved.expect("saved");
    assert_eq!(
        (redone.entry.note.as_str(), redone.entry.at),
        ("back", at(30))
    );
    let after = read(&path);
    assert!(after.starts_with(&before), "the file only grows");
    let text = String::from_utf8(after).expect("utf-8");
    assert_eq!(text.matches("Retract(").count(), 1, "{text}");
    let reopened = Journal::open(&path).expect("reopen");
    assert_eq!(notes(&reopened, "K1.1"), ["kept", "back"]);
    assert_eq!(reopened.latest("K1.1").map(|e| e.percent), Some(50));
}

#[test]
fn redone_entries_can_be_undone_again_and_redo_runs_out() {
    let (_dir, path) = temp();
    let mut journal = Journal::open(&path).expect("open");
    journal.commit(entry("K1.1", 1, 10, "one")).expect("commit");
    journal.undo_last_of_session().expect("undo");
    journal.redo_last_undo(at(40)).expect("redo");
    assert!(
        journal.redo_last_undo(at(41)).is_none(),
        "one undo, one redo"
    );
    let undone = journal.undo_last_of_session().expect("undo the redo");
    assert_eq!(undone.entry.at, at(40));
    assert_eq!(journal.latest("K1.1"), None);
}

#[test]
fn a_new_commit_clears_what_could_be_redone() {
    let (_dir, path) = temp();
    let mut journal = Journal::open(&path).expect("open");
    journal
        .commit(entry("K1.1", 1, 10, "undone"))
        .expect("commit");
    journal.undo_last_of_session().expect("undo");
    journal.commit(entry("K1.2", 2, 20, "new")).expect("commit");
    assert!(journal.redo_last_undo(at(50)).is_none());
}

#[test]
fn redo_with_nothing_undone_does_nothing() {
    let (_dir, path) = temp();
    let mut journal = Journal::open(&path).expect("open");
    journal.commit(entry("K1.1", 1, 10, "x")).expect("commit");
    assert!(journal.redo_last_undo(at(50)).is_none());
    assert_eq!(notes(&journal, "K1.1"), ["x"]);
}

#[test]
fn a_journal_written_before_the_three_notes_still_loads_as_progress_made() {
    let (_dir, path) = temp();
    let old = "// duban progress journal\n\
               Entry(task: \"K1.1\", at: \"2023-05-04T09:30:00+08:00\", date: \"2023-05-04\", \
               percent: 40, status: on_track, note: \"完成征地\")\n";
    std::fs::write(&path, old).expect("write");
    let journal = Journal::open(&path).expect("an old file opens");
    let e = journal.latest("K1.1").expect("the entry");
    assert_eq!(
        (e.note.as_str(), e.problems.as_str(), e.next_steps.as_str()),
        ("完成征地", "", "")
    );
}

#[test]
fn the_three_notes_round_trip_through_the_file() {
    let (_dir, path) = temp();
    let mut e = entry("K1.1", 1, 40, "完成征地\n开工");
    e.problems = "资金\"未\"到位".into();
    e.next_steps = "督促拨付".into();
    Journal::open(&path)
        .expect("open")
        .commit(e.clone())
        .expect("commit");
    let text = String::from_utf8(read(&path)).expect("utf-8");
    assert_eq!(text.lines().count(), 2, "one line per record: {text}");
    let reopened = Journal::open(&path).expect("reopen");
    assert_eq!(reopened.latest("K1.1"), Some(&e));
}
