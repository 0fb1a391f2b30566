//! Entries that could not be saved when the dashboard ended (a read-only
//! or full disk, a broken journal; a quit, SIGTERM or SIGHUP) are written
//! to a recovery file instead of being lost, and replayed into the journal
//! later (`duban progress recover`, or the dashboard's prompt at start).
//!
//! The recovery file is `progress.ron.recover` beside the journal, in the
//! journal's own line format; when that directory cannot be written, it is
//! `<per-user data dir>/duban/recover/<hash of the journal's path>.ron`. A
//! second failed session adds to the file; nothing in it is dropped until
//! it is replayed.

use std::io;
use std::path::{Path, PathBuf};

use super::disk::{self, ContentHash};
use super::error::{ProgressError, SaveError};
use super::journal::{Journal, SaveReport};
use super::location::DATA_HOME_ENV;
use super::record::{self, HEADER, Record};
use crate::files;

/// Where the recovery file for the journal at `journal` goes: beside it,
/// and the per-user fallback.
pub fn recovery_paths(journal: &Path) -> [PathBuf; 2] {
    let beside = disk::sibling(journal, "recover");
    let home = match std::env::var_os(DATA_HOME_ENV).filter(|v| !v.is_empty()) {
        Some(home) => PathBuf::from(home),
        None => dirs::data_dir()
            .unwrap_or_else(std::env::temp_dir)
            .join("duban"),
    };
    let key = ContentHash::of(journal.as_os_str().as_encoded_bytes()).finish();
    [beside, home.join("recover").join(format!("{key:016x}.ron"))]
}

/// The recovery file waiting for this journal, if there is one.
pub fn find_recovery(journal: &Path) -> Option<PathBuf> {
    recovery_paths(journal).into_iter().find(|p| p.is_file())
}

/// The records of a recovery file.
pub fn read_recovery(path: &Path) -> Result<Vec<Record>, ProgressError> {
    let bytes = files::read(path, false).map_err(|source| ProgressError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    record::parse_records(path, &bytes)
}

impl Journal {
    /// Writes the records not yet saved to the recovery file (adding to
    /// one already there); returns its path, or `None` when nothing is
    /// pending.
    pub fn write_recovery(&self) -> io::Result<Option<PathBuf>> {
        if self.pending_records().is_empty() {
            return Ok(None);
        }
        let mut last_error = None;
        for path in recovery_paths(self.path()) {
            match write_to(&path, self.pending_records()) {
                Ok(()) => return Ok(Some(path)),
                Err(e) => last_error = Some(e),
            }
        }
        Err(last_error.unwrap_or_else(|| io::Error::other("no place for a recovery file")))
    }

    /// Saves the records of the recovery file at `path` into the journal
    /// (those it already has are skipped), then removes the file.
    pub fn replay(&mut self, path: &Path) -> Result<(usize, SaveReport), SaveError> {
        let records = read_recovery(path).map_err(|e| SaveError::Broken {
            error: Box::new(e),
            pending: self.pending(),
        })?;
        let added = self.queue(records);
        let report = self.retry()?;
        files::refuse_link(path)
            .and_then(|()| std::fs::remove_file(path))
            .map_err(|source| SaveError::Io {
                step: super::error::SaveStep::Create,
                path: path.to_path_buf(),
                source,
                pending: 0,
            })?;
        Ok((added, report))
    }
}

impl Journal {
    /// Saves records from elsewhere (pulled from a shared store) into the
    /// journal; those it already has are skipped. Returns how many were new.
    pub fn merge_in(&mut self, records: Vec<Record>) -> Result<(usize, SaveReport), SaveError> {
        let added = self.queue(records);
        let report = self.retry()?;
        Ok((added, report))
    }
}

fn write_to(path: &Path, records: &[Record]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut all: Vec<Record> = match read_recovery(path) {
        Ok(old) => old,
        Err(ProgressError::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            Vec::new()
        }
        Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, e.to_string())),
    };
    for r in records {
        if !all.contains(r) {
            all.push(r.clone());
        }
    }
    let mut text = String::from(HEADER);
    for r in &all {
        text.push_str(&record::record_line(r));
    }
    files::refuse_link(path)?;
    files::replace(path, text.as_bytes()).map(drop)
}
