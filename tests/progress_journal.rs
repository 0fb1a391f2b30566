//! The journal through its API: commit, history, undo, merge, repair.

mod progress_support;

use std::fs;

use duban::progress::{Journal, SaveError, current_entries};
use progress_support::{entry, notes, read};

fn temp() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("progress.ron");
    (dir, path)
}

#[test]
fn a_committed_entry_is_on_disk_and_reads_back() {
    let (_dir, path) = temp();
    let mut journal = Journal::open(&path).unwrap();
    let report = journal.commit(entry("K2.16", 0, 40, "完成征地")).unwrap();
    assert!(report.created);
    let reopened = Journal::open(&path).unwrap();
    assert_eq!(
        reopened.latest("K2.16"),
        Some(&entry("K2.16", 0, 40, "完成征地"))
    );
}

#[test]
fn history_is_ordered_by_when_entries_were_made() {
    let (_dir, path) = temp();
    let mut journal = Journal::open(&path).unwrap();
    journal.commit(entry("M3.2", 20, 60, "second")).unwrap();
    journal.commit(entry("M3.2", 10, 30, "first")).unwrap();
    journal.commit(entry("M3", 5, 10, "other task")).unwrap();
    let reopened = Journal::open(&path).unwrap();
    assert_eq!(notes(&reopened, "M3.2"), ["first", "second"]);
    assert_eq!(reopened.latest("M3.2").map(|e| e.percent), Some(60));
}

#[test]
fn current_entries_gives_the_latest_of_each_task() {
    let (_dir, path) = temp();
    let mut journal = Journal::open(&path).unwrap();
    journal.commit(entry("K1.1", 1, 10, "a")).unwrap();
    journal.commit(entry("K1.2", 2, 20, "b")).unwrap();
    journal.commit(entry("K1.1", 3, 30, "c")).unwrap();
    let current: Vec<(String, u8)> = current_entries(&path)
        .unwrap()
        .into_iter()
        .map(|e| (e.task, e.percent))
        .collect();
    assert_eq!(
        current,
        [("K1.1".to_string(), 30), ("K1.2".to_string(), 20)]
    );
}

#[test]
fn a_missing_file_has_no_progress_and_is_not_created_by_reading() {
    let (_dir, path) = temp();
    assert!(current_entries(&path).unwrap().is_empty());
    assert!(!path.exists());
}

#[test]
fn entries_made_at_the_same_instant_stay_distinct() {
    let (_dir, path) = temp();
    let mut journal = Journal::open(&path).unwrap();
    journal.commit(entry("K1.1", 0, 10, "one")).unwrap();
    journal.commit(entry("K1.1", 0, 20, "two")).unwrap();
    journal.undo_last_of_session().unwrap().saved.unwrap();
    let reopened = Journal::open(&path).unwrap();
    assert_eq!(notes(&reopened, "K1.1"), ["one"]);
}

#[test]
fn undo_retracts_the_last_entry_of_the_session_on_disk() {
    let (_dir, path) = temp();
    let mut journal = Journal::open(&path).unwrap();
    journal.commit(entry("K1.1", 1, 10, "kept")).unwrap();
    journal.commit(entry("K1.1", 2, 50, "undone")).unwrap();
    let undone = journal.undo_last_of_session().unwrap();
    assert_eq!(undone.entry.note, "undone");
    undone.saved.unwrap();
    let text = String::from_utf8(read(&path)).unwrap();
    assert!(text.contains("Retract(task: \"K1.1\""), "{text}");
    let reopened = Journal::open(&path).unwrap();
    assert_eq!(
        reopened.latest("K1.1").map(|e| e.note.as_str()),
        Some("kept")
    );
}

#[test]
fn undo_only_reaches_this_sessions_entries() {
    let (_dir, path) = temp();
    Journal::open(&path)
        .unwrap()
        .commit(entry("K1.1", 1, 10, "earlier session"))
        .unwrap();
    let mut journal = Journal::open(&path).unwrap();
    journal
        .commit(entry("K1.1", 2, 20, "this session"))
        .unwrap();
    assert!(journal.undo_last_of_session().is_some());
    assert!(journal.undo_last_of_session().is_none());
    assert_eq!(notes(&journal, "K1.1"), ["earlier session"]);
}

#[test]
fn two_journals_on_one_file_lose_nothing() {
    let (_dir, path) = temp();
    let mut a = Journal::open(&path).unwrap();
    let mut b = Journal::open(&path).unwrap();
    a.commit(entry("K1.1", 1, 10, "a1")).unwrap();
    let report = b.commit(entry("K1.1", 2, 20, "b1")).unwrap();
    assert_eq!(report.merged, 1);
    a.commit(entry("K1.1", 3, 30, "a2")).unwrap();
    assert_eq!(notes(&a, "K1.1"), ["a1", "b1", "a2"]);
    let reopened = Journal::open(&path).unwrap();
    assert_eq!(notes(&reopened, "K1.1"), ["a1", "b1", "a2"]);
}

#[test]
fn an_undo_is_not_brought_back_by_another_writer() {
    let (_dir, path) = temp();
    let mut a = Journal::open(&path).unwrap();
    a.commit(entry("K1.1", 1, 10, "undone by a")).unwrap();
    let mut b = Journal::open(&path).unwrap();
    a.undo_last_of_session().unwrap().saved.unwrap();
    b.commit(entry("K1.2", 2, 20, "b")).unwrap();
    assert!(b.latest("K1.1").is_none());
    let reopened = Journal::open(&path).unwrap();
    assert!(reopened.latest("K1.1").is_none());
    assert_eq!(notes(&reopened, "K1.2"), ["b"]);
}

#[test]
fn a_deleted_file_is_written_again_with_everything_known() {
    let (_dir, path) = temp();
    let mut journal = Journal::open(&path).unwrap();
    journal.commit(entry("K1.1", 1, 10, "before")).unwrap();
    fs::remove_file(&path).unwrap();
    let report = journal.commit(entry("K1.1", 2, 20, "after")).unwrap();
    assert!(report.created);
    assert_eq!(
        notes(&Journal::open(&path).unwrap(), "K1.1"),
        ["before", "after"]
    );
}

#[test]
fn an_edit_that_keeps_size_and_mtime_is_still_noticed() {
    let (_dir, path) = temp();
    let mut journal = Journal::open(&path).unwrap();
    journal.commit(entry("K1.1", 1, 10, "aaaa")).unwrap();
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    let text = String::from_utf8(read(&path))
        .unwrap()
        .replace("aaaa", "bbbb");
    let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    std::io::Write::write_all(&mut &file, text.as_bytes()).unwrap();
    file.set_modified(mtime).unwrap();
    drop(file);
    let report = journal.commit(entry("K1.1", 2, 20, "cccc")).unwrap();
    assert_eq!(report.merged, 1, "the edited entry is merged in");
    let reopened = Journal::open(&path).unwrap();
    let mut all = notes(&reopened, "K1.1");
    all.sort();
    assert_eq!(
        all,
        ["aaaa", "bbbb", "cccc"],
        "nothing the file lost is lost"
    );
}

#[test]
fn an_interrupted_last_record_is_ignored_then_cut_and_kept_in_the_backup() {
    let (_dir, path) = temp();
    Journal::open(&path)
        .unwrap()
        .commit(entry("K1.1", 1, 10, "whole"))
        .unwrap();
    let mut torn = read(&path);
    torn.extend_from_slice(
        "Entry(task: \"K1.1\", at: \"2023-05-04T09:00:02+08:00\", da".as_bytes(),
    );
    fs::write(&path, &torn).unwrap();
    let mut journal = Journal::open(&path).unwrap();
    assert_eq!(journal.interrupted_save(), Some(3));
    assert_eq!(notes(&journal, "K1.1"), ["whole"]);
    journal.commit(entry("K1.1", 3, 30, "next")).unwrap();
    assert_eq!(read(&path.with_extension("ron.bak")), torn);
    let reopened = Journal::open(&path).unwrap();
    assert_eq!(reopened.interrupted_save(), None);
    assert_eq!(notes(&reopened, "K1.1"), ["whole", "next"]);
}

#[test]
fn the_backup_holds_the_file_as_the_session_found_it() {
    let (_dir, path) = temp();
    Journal::open(&path)
        .unwrap()
        .commit(entry("K1.1", 1, 10, "first session"))
        .unwrap();
    let before = read(&path);
    let mut journal = Journal::open(&path).unwrap();
    journal
        .commit(entry("K1.1", 2, 20, "second session"))
        .unwrap();
    journal.commit(entry("K1.1", 3, 30, "again")).unwrap();
    assert_eq!(read(&path.with_extension("ron.bak")), before);
}

#[test]
fn an_invalid_entry_is_refused_and_nothing_is_written() {
    let (_dir, path) = temp();
    let mut journal = Journal::open(&path).unwrap();
    let result = journal.commit(entry("K1.1", 1, 150, "too much"));
    assert!(matches!(result, Err(SaveError::Invalid(_))), "{result:?}");
    assert_eq!(journal.pending(), 0);
    assert!(!path.exists());
}

#[test]
fn a_failed_save_keeps_the_entry_and_retry_saves_it() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("data");
    let path = blocker.join("progress.ron");
    let mut journal = Journal::open(&path).unwrap();
    fs::write(&blocker, "a file where the dataset directory should be").unwrap();
    let error = journal.commit(entry("K1.1", 1, 10, "kept")).unwrap_err();
    assert!(error.to_string().contains("1 unsaved"), "{error}");
    assert_eq!(journal.pending(), 1);
    assert_eq!(notes(&journal, "K1.1"), ["kept"]);
    fs::remove_file(&blocker).unwrap();
    let report = journal.retry().unwrap();
    assert_eq!(report.written, 1);
    assert_eq!(notes(&Journal::open(&path).unwrap(), "K1.1"), ["kept"]);
}

#[test]
fn a_broken_file_is_left_alone_and_saved_to_once_fixed() {
    let (_dir, path) = temp();
    fs::write(&path, "Entry(task: \"K1.1\"\n").unwrap();
    assert!(Journal::open(&path).is_err());
    let mut journal = Journal::read_only(&path);
    let error = journal.commit(entry("K1.1", 1, 10, "waiting")).unwrap_err();
    assert!(matches!(error, SaveError::Broken { .. }), "{error}");
    assert_eq!(read(&path), b"Entry(task: \"K1.1\"\n");
    fs::write(&path, "").unwrap();
    journal.retry().unwrap();
    assert!(!journal.is_read_only());
    assert_eq!(notes(&Journal::open(&path).unwrap(), "K1.1"), ["waiting"]);
}

#[test]
fn actuals_round_trip_through_the_file() {
    let (_dir, path) = temp();
    let mut with_actuals = entry("K2.16", 0, 45, "");
    with_actuals.actuals = vec![
        duban::model::Actual {
            target: "新增规上企业".into(),
            value: 60.0,
        },
        duban::model::Actual {
            target: "新增\"专精特新\"小巨人企业".into(),
            value: 2.5,
        },
    ];
    Journal::open(&path)
        .unwrap()
        .commit(with_actuals.clone())
        .unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(
            r#"actuals: [(target: "新增规上企业", value: 60), (target: "新增\"专精特新\"小巨人企业", value: 2.5)])"#
        ),
        "{text}"
    );
    let reopened = Journal::open(&path).unwrap();
    assert_eq!(reopened.latest("K2.16"), Some(&with_actuals));
}

#[test]
fn an_entry_written_before_actuals_existed_reads_without_them() {
    let (_dir, path) = temp();
    fs::write(
        &path,
        "Entry(task: \"K2.16\", at: \"2023-05-04T09:00:00+08:00\", date: \"2023-05-04\", \
         percent: 40, status: on_track, note: \"完成征地\")\n",
    )
    .unwrap();
    let journal = Journal::open(&path).unwrap();
    let latest = journal.latest("K2.16").expect("the entry");
    assert_eq!((latest.percent, latest.actuals.len()), (40, 0));
}
