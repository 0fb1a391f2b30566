//! The journal in memory: every entry known, what is not yet on disk, and
//! the session's own entries for undo. Saving is in `save`.

mod batch;
mod save;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, TimeDelta};

use save::DiskView;

use super::disk;
use super::error::{ProgressError, SaveError};
use super::record::{self, Record, Retraction, Tail};
use super::validate::structural;
use crate::model::ProgressEntry;

/// The local time now, as entries record it in `at`.
pub fn now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// The outcome of a successful save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveReport {
    pub path: PathBuf,
    /// Records written by this save (more than one after a failed save).
    pub written: usize,
    /// Records another writer had added since this journal read the file.
    pub merged: usize,
    /// Whether the file was created (or re-created after being deleted).
    pub created: bool,
    /// What went wrong without stopping the save (a backup that could not
    /// be written, an interrupted record moved to a side file), to show.
    pub warnings: Vec<crate::messages::Text>,
}

/// What `undo_last_of_session` undid (or `redo_last_undo` brought back),
/// and whether that was saved.
#[derive(Debug)]
pub struct Undone {
    pub entry: ProgressEntry,
    pub saved: Result<SaveReport, SaveError>,
}

/// The progress journal of one dataset. See the module docs for the file.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    /// Every entry known, undone ones too, in file order then commit order;
    /// each held once and shared with the dashboard's progress
    /// ([`Journal::shared`]), not copied. An entry read twice (from the
    /// file and a merge) is kept once: it is found among its task's entries
    /// of the same `at` ([`same_at`]), so no second copy of every entry is
    /// kept to tell.
    entries: Vec<Arc<ProgressEntry>>,
    retracted: HashSet<Retraction>,
    /// Per task, indexes into `entries` sorted by `at`, then file order
    /// (`u32`: 4 bytes an entry; a journal of 4 billion entries would not
    /// be read into memory anyway).
    by_task: HashMap<String, Vec<u32>>,
    /// Tasks in order of their first entry.
    order: Vec<String>,
    /// Records not yet durable on disk, in order.
    pending: Vec<Record>,
    disk: Option<DiskView>,
    /// This session's commits, most recent last.
    session: Vec<Retraction>,
    /// Entries undone in this session that redo can bring back, most
    /// recently undone last; a new commit clears it.
    undone: Vec<ProgressEntry>,
    backed_up: bool,
    read_only: bool,
    torn_line: Option<usize>,
}

impl Journal {
    fn empty(path: &Path) -> Journal {
        Journal {
            path: path.to_path_buf(),
            entries: Vec::new(),
            retracted: HashSet::new(),
            by_task: HashMap::new(),
            order: Vec::new(),
            pending: Vec::new(),
            disk: None,
            session: Vec::new(),
            undone: Vec::new(),
            backed_up: false,
            read_only: false,
            torn_line: None,
        }
    }

    /// Reads the journal at `path`; a missing file is an empty journal (the
    /// file is created by the first commit). Never writes.
    pub fn open(path: &Path) -> Result<Journal, ProgressError> {
        let mut journal = Journal::empty(path);
        let read = disk::read(path).map_err(|source| ProgressError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        if let Some((stat, bytes)) = read {
            let parsed = record::parse(path, &bytes, 1)?;
            journal.disk = Some(DiskView::new(stat, &bytes, &parsed));
            if let Tail::Torn(line) = parsed.tail {
                journal.torn_line = Some(line);
            }
            journal.absorb(parsed.records);
            // The per-task lists are kept for the session: no spare room.
            journal.by_task.values_mut().for_each(Vec::shrink_to_fit);
        }
        Ok(journal)
    }

    /// An empty journal for a file that could not be read: nothing is
    /// written while the file stays broken; commits are kept in memory and
    /// saved (merged) once it parses again.
    pub fn read_only(path: &Path) -> Journal {
        let mut journal = Journal::empty(path);
        journal.read_only = true;
        journal
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file was found broken and is left alone.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Records kept in memory because their save failed.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// The records kept in memory because their save failed.
    pub fn pending_records(&self) -> &[Record] {
        &self.pending
    }

    /// Adds records from elsewhere (a recovery file) to memory and to what
    /// the next save writes; those already known are skipped. Returns how
    /// many were new.
    pub(super) fn queue(&mut self, records: Vec<Record>) -> usize {
        let mut added = 0;
        for record in records {
            let new = match &record {
                Record::Entry(e) => self.insert(e.clone()),
                Record::Retract(r) => self.retracted.insert(r.clone()),
            };
            if new {
                self.pending.push(record);
                added += 1;
            }
        }
        added
    }

    /// The line of an interrupted record ignored on load, if any.
    pub fn interrupted_save(&self) -> Option<usize> {
        self.torn_line
    }

    fn is_undone(&self, entry: &ProgressEntry) -> bool {
        !self.retracted.is_empty() && self.retracted.contains(&Retraction::of(entry))
    }

    /// Every entry that was not undone, in file order.
    pub fn entries(&self) -> impl Iterator<Item = &ProgressEntry> {
        self.shared().map(|e| &**e)
    }

    /// [`Journal::entries`] as the journal holds them, to share rather
    /// than copy (the dashboard's progress keeps the same entries).
    pub fn shared(&self) -> impl Iterator<Item = &Arc<ProgressEntry>> {
        self.entries.iter().filter(|e| !self.is_undone(e))
    }

    /// A task's entries that were not undone, oldest first.
    pub fn history(&self, task: &str) -> Vec<&ProgressEntry> {
        self.by_task.get(task).map_or_else(Vec::new, |indexes| {
            indexes
                .iter()
                .map(|&i| &*self.entries[i as usize])
                .filter(|e| !self.is_undone(e))
                .collect()
        })
    }

    /// The entry this session committed (or brought back) last, as the
    /// journal holds it, to share: found among its task's entries made at
    /// its time, not by reading the task's history.
    pub fn last_of_session(&self) -> Option<&Arc<ProgressEntry>> {
        let identity = self.session.last()?;
        let indexes = self.by_task.get(&identity.task)?;
        let same = same_at(&self.entries, indexes, &identity.at);
        indexes[same]
            .iter()
            .map(|&i| &self.entries[i as usize])
            .next_back()
    }

    /// A task's current state: its standing entry (latest report date,
    /// then latest time of entry) that was not undone.
    pub fn latest(&self, task: &str) -> Option<&ProgressEntry> {
        let indexes = self.by_task.get(task)?;
        indexes
            .iter()
            .map(|&i| &*self.entries[i as usize])
            .filter(|e| !self.is_undone(e))
            .max_by_key(|e| e.report_order())
    }

    /// The latest entry of every task that has one, in order of first entry.
    pub fn current(&self) -> Vec<&ProgressEntry> {
        self.order.iter().filter_map(|t| self.latest(t)).collect()
    }

    /// Adds records to memory; returns how many were new.
    fn absorb(&mut self, records: impl IntoIterator<Item = Record>) -> usize {
        let mut new = 0;
        for record in records {
            let added = match record {
                Record::Entry(entry) => self.insert(entry),
                Record::Retract(r) => self.retracted.insert(r),
            };
            new += usize::from(added);
        }
        new
    }

    fn insert(&mut self, entry: ProgressEntry) -> bool {
        let index = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        let entries = &self.entries;
        match self.by_task.get_mut(&entry.task) {
            Some(indexes) => {
                // The task's entries made at the same `at`: the only ones
                // that can equal this one.
                let same = same_at(entries, indexes, &entry.at);
                if indexes[same.clone()]
                    .iter()
                    .any(|&i| *entries[i as usize] == entry)
                {
                    return false;
                }
                indexes.insert(same.end, index);
            }
            None => {
                self.order.push(entry.task.clone());
                self.by_task.insert(entry.task.clone(), vec![index]);
            }
        }
        self.entries.push(Arc::new(entry));
        true
    }

    fn identity_taken(&self, task: &str, at: &DateTime<FixedOffset>) -> bool {
        (self.by_task.get(task))
            .is_some_and(|indexes| !same_at(&self.entries, indexes, at).is_empty())
    }

    /// Records an entry and saves it. The entry's `at` is its identity: if
    /// another entry of the task has the same `at`, it is moved on by a
    /// nanosecond. The entry is kept in memory even when the save fails,
    /// and saved by the next commit or `retry`. Only structural checks are
    /// made here (ID form, percent, done at 100 %); call `validate` first.
    pub fn commit(&mut self, entry: ProgressEntry) -> Result<SaveReport, SaveError> {
        let errors = structural(&entry);
        if errors.is_empty() {
            self.undone.clear();
        }
        self.append(entry)
    }

    /// [`Journal::commit`] without forgetting what redo can bring back.
    fn append(&mut self, mut entry: ProgressEntry) -> Result<SaveReport, SaveError> {
        let errors = structural(&entry);
        if !errors.is_empty() {
            return Err(SaveError::Invalid(errors));
        }
        while self.identity_taken(&entry.task, &entry.at) {
            entry.at += TimeDelta::nanoseconds(1);
        }
        self.session.push(Retraction::of(&entry));
        self.pending.push(Record::Entry(entry.clone()));
        self.insert(entry);
        self.save()
    }

    /// Undoes the last entry committed in this session that is not undone
    /// yet, by saving a retraction of it. `None` when there is nothing left.
    pub fn undo_last_of_session(&mut self) -> Option<Undone> {
        while let Some(identity) = self.session.pop() {
            if self.retracted.contains(&identity) {
                continue;
            }
            let entry = self
                .by_task
                .get(&identity.task)?
                .iter()
                .map(|&i| &*self.entries[i as usize])
                .find(|e| e.at == identity.at)?
                .clone();
            self.retracted.insert(identity.clone());
            self.pending.push(Record::Retract(identity));
            self.undone.push(entry.clone());
            let saved = self.save();
            return Some(Undone { entry, saved });
        }
        None
    }

    /// Brings back the entry undone last in this session: a copy of it is
    /// appended as a new entry made `at` (the undone one stays retracted,
    /// so the file only grows and merges by union as before). `u` can undo
    /// the copy again. `None` when nothing undone is left to redo, or a
    /// commit came after the undo.
    pub fn redo_last_undo(&mut self, at: DateTime<FixedOffset>) -> Option<Undone> {
        let mut entry = self.undone.pop()?;
        entry.at = at;
        let saved = self.append(entry.clone());
        if let Some(identity) = self.session.last() {
            entry.at = identity.at;
        }
        Some(Undone { entry, saved })
    }

    /// What the index beside the file records, when everything known is on
    /// disk and the file ends with a whole record.
    pub(super) fn index(&self) -> Option<super::index::Index> {
        if !self.pending.is_empty() {
            return None;
        }
        let stat = self.disk.as_ref()?.clean_stat()?.clone();
        let latest = self.entries.iter().map(|e| e.at).max();
        Some(super::index::Index { stat, latest })
    }

    /// Saves what earlier saves could not (Ctrl-S in the dashboard).
    pub fn retry(&mut self) -> Result<SaveReport, SaveError> {
        self.save()
    }
}

/// Where, in a task's `indexes` into `entries` (sorted by `at`), the
/// entries made at `at` are.
fn same_at(
    entries: &[Arc<ProgressEntry>],
    indexes: &[u32],
    at: &DateTime<FixedOffset>,
) -> std::ops::Range<usize> {
    let at_of = |i: &u32| entries.get(*i as usize).map(|e| e.at);
    let start = indexes.partition_point(|i| at_of(i).is_some_and(|a| a < *at));
    let end = indexes.partition_point(|i| at_of(i).is_some_and(|a| a <= *at));
    start..end
}
