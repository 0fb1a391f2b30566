//! The progress journal on disk: every progress report a liaison makes, kept
//! beside the dataset it belongs to and never lost.
//!
//! # The file
//! `progress.ron` is an append-only log, one RON record per line:
//!
//! ```text
//! // duban progress journal: one record per line (see README, Progress)
//! Entry(task: "K2.16", at: "2023-05-04T09:30:12.5+08:00", date: "2023-05-04", percent: 40, status: on_track, note: "完成征地")
//! Entry(task: "K2.16", at: "2023-06-01T10:00:00+08:00", date: "2023-06-01", percent: 45, status: on_track, note: "", actuals: [(target: "新增规上企业", value: 60), (target: "新增亿元企业", value: 6)])
//! Retract(task: "K2.16", at: "2023-05-04T09:30:12.5+08:00")
//! ```
//!
//! An `Entry` reports progress, with `actuals` (values against the task's
//! targets, by target name) only when it has some, so files written before
//! actuals existed read unchanged. A task's current state is its latest entry
//! (by `at`, then file order). A `Retract` undoes the entry with that task
//! and `at` (the entry's identity): undo appends a record instead of
//! deleting one, so the file stays a pair of sets (entries, retractions)
//! that two writers merge by union without losing an entry or bringing an
//! undone one back.
//!
//! # Saving
//! A commit appends its record with one `write` and flushes it (`fdatasync`)
//! before reporting success, under an exclusive lock on `progress.ron.lock`.
//! Before appending, the file is compared with what was last read (size,
//! mtime, inode and a content hash); when another writer changed it, its
//! records are merged in first, and anything this journal knows that the
//! file lost is written back. A last line without its newline is a save that
//! was interrupted: it is ignored on load and cut off before the next append.
//! The first save of a session copies the file to `progress.ron.bak`
//! (for a file over 1 MiB, only the first save of the day).
//! `progress set` appends without reading the file when `progress.ron.index`
//! vouches for it (see the `index` module).
//! A file that does not parse is never written to.

mod actuals;
mod disk;
mod error;
mod index;
mod journal;
mod location;
mod record;
mod recover;
mod validate;

pub use actuals::{
    ActualError, UnknownTarget, check_actual_values, check_actuals, percent_from_actuals,
    targets_of,
};
pub use error::{ProgressError, SaveError, SaveStep};
pub use index::{commit_one, index_is_fresh, index_path};
pub use journal::{Journal, SaveReport, Undone, now};
pub use location::{BUNDLED_DATASET, DATA_HOME_ENV, FILE_NAME, progress_path};
pub(crate) use record::HEADER;
pub use record::{Record, Retraction, entry_line, parse_records, record_line};
pub use recover::{find_recovery, read_recovery, recovery_paths};
pub use validate::{Field, FieldError, UnknownTask, check_task_id, validate};

use std::path::Path;

use crate::model::ProgressEntry;

/// The current progress of each task of the dataset loaded with `--data`
/// (`None` for the bundled one): [`progress_path`] then [`current_entries`].
pub fn current_for(data: Option<&Path>) -> Result<Vec<ProgressEntry>, ProgressError> {
    current_entries(&progress_path(data)?)
}

/// The current progress of each task in the journal at `path`: its latest
/// entry that was not undone, in order of first appearance. A missing file
/// has no progress. This is what `duban export` shows.
pub fn current_entries(path: &Path) -> Result<Vec<ProgressEntry>, ProgressError> {
    Ok(Journal::open(path)?
        .current()
        .into_iter()
        .cloned()
        .collect())
}

/// Writes `bytes` as the whole of `path`, the way the journal is rewritten:
/// a temporary file flushed and renamed into place (for small files beside
/// the journal, such as the per-user config).
pub(crate) fn replace_file(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    disk::replace(path, bytes).map(|_| ())
}
