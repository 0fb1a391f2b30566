//! The outbox against a real journal on disk (no server needed).

use chrono::{FixedOffset, NaiveDate, TimeZone};

use super::outbox::Outbox;
use super::{record_id, record_text};
use crate::model::{ProgressEntry, Status};
use crate::progress::{Journal, Record, Retraction};

fn entry(n: u32) -> ProgressEntry {
    let tz = FixedOffset::east_opt(8 * 3600).expect("offset");
    ProgressEntry {
        task: "K1.1".into(),
        at: tz.with_ymd_and_hms(2023, 5, 1, 9, 0, n).unwrap(),
        date: NaiveDate::from_ymd_opt(2023, 5, 1).unwrap(),
        percent: 10,
        status: Status::OnTrack,
        note: format!("第 {n} 次"),
        actuals: Vec::new(),
        problems: String::new(),
        next_steps: String::new(),
        reporter: None,
    }
}

fn ids(records: &[Record]) -> Vec<String> {
    records.iter().map(record_id).collect()
}

#[test]
fn an_id_is_the_hash_of_the_line_and_tells_records_apart() {
    let e = Record::Entry(entry(1));
    let r = Record::Retract(Retraction::of(&entry(1)));
    assert_eq!(record_id(&e), record_id(&Record::Entry(entry(1))));
    assert_ne!(record_id(&e), record_id(&r));
    assert_ne!(record_id(&e), record_id(&Record::Entry(entry(2))));
    assert_eq!(record_id(&e).len(), 32);
    let text = record_text(&e);
    assert!(text.starts_with("Entry(task: \"K1.1\"") && !text.ends_with('\n'));
}

#[test]
fn pending_is_what_the_store_lacks_and_the_watermark_moves_past_the_rest() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("progress.ron");
    let mut journal = Journal::open(&path).expect("open");
    journal
        .commit_all(vec![entry(1), entry(2), entry(3)])
        .expect("save");
    let mut outbox = Outbox::open(&path).expect("outbox");
    outbox.use_store("postgres://a@h/db");
    let pending = outbox.pending().expect("pending");
    assert_eq!(
        ids(&pending),
        ids(&[1, 2, 3].map(|n| Record::Entry(entry(n))))
    );

    // The store has the first and the third: the watermark passes the first.
    outbox.known(&ids(&[Record::Entry(entry(1)), Record::Entry(entry(3))]));
    outbox.advance().expect("advance");
    assert_eq!(
        ids(&outbox.pending().expect("pending")),
        ids(&[Record::Entry(entry(2))])
    );
    outbox.save().expect("save");

    // Read back, plus a new record and an undo.
    journal.commit(entry(4)).expect("save");
    let mut outbox = Outbox::open(&path).expect("outbox");
    assert_eq!(outbox.pending_count().expect("count"), 2);
    let pending = ids(&outbox.pending().expect("pending"));
    outbox.known(&pending);
    outbox.advance().expect("advance");
    assert_eq!(outbox.pending_count().expect("count"), 0);
    journal.undo_last_of_session().expect("undone");
    assert_eq!(
        ids(&outbox.pending().expect("pending")),
        ids(&[Record::Retract(Retraction::of(&entry(4)))])
    );

    // Another store starts over: everything is pending for it.
    outbox.use_store("postgres://a@elsewhere/db");
    assert_eq!(outbox.pending_count().expect("count"), 5);
}

#[test]
fn a_replaced_journal_is_read_from_its_start() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("progress.ron");
    Journal::open(&path)
        .expect("open")
        .commit_all((1..=3).map(entry).collect())
        .expect("save");
    let mut outbox = Outbox::open(&path).expect("outbox");
    let pending = ids(&outbox.pending().expect("pending"));
    outbox.known(&pending);
    outbox.advance().expect("advance");
    assert_eq!(outbox.pending_count().expect("count"), 0);
    // Another file in its place (a restored copy of another machine's).
    std::fs::remove_file(&path).expect("rm");
    Journal::open(&path)
        .expect("open")
        .commit_all((7..=12).map(entry).collect())
        .expect("save");
    assert_eq!(outbox.pending_count().expect("count"), 6);
}

#[test]
fn a_damaged_outbox_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("progress.ron");
    std::fs::write(super::outbox_path(&path), "(store: 12").expect("write");
    let err = Outbox::open(&path).expect_err("damaged");
    assert!(
        err.to_string()
            .contains("progress.ron.outbox: the outbox is damaged"),
        "{err}"
    );
}
