//! The outbox: a small file beside the journal (`progress.ron.outbox`)
//! that says which of the journal's records the store has.
//!
//! The journal only grows, so the outbox keeps a watermark (the first
//! `pushed_len` bytes of the journal: every record in them is in the store
//! or refused; with the hash of the last 4 KiB before it, to notice a
//! journal replaced by another) and the IDs of records after it that the
//! store has. Only the journal after the watermark is read. Everything else after the watermark is pending. It also
//! keeps the pull cursor, the refused records with the server's reason, and
//! when the last sync was. It is rewritten whole, atomically
//! (`files::replace`), so a crash leaves the old or the new one: at worst a
//! record is pushed again, which the store ignores (its ID is known).

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::refusal::Refusal;
use super::{Cursor, record_id};
use crate::progress::Record;

/// What the outbox file's name adds to the journal's.
pub const OUTBOX_SUFFIX: &str = ".outbox";

/// The outbox of the journal at `journal`.
pub fn outbox_path(journal: &Path) -> PathBuf {
    let mut name = journal.as_os_str().to_os_string();
    name.push(OUTBOX_SUFFIX);
    PathBuf::from(name)
}

/// The file's contents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct State {
    /// The store these marks are for (its masked URL).
    store: String,
    pushed_len: u64,
    pushed_hash: u64,
    /// IDs of records after the watermark that the store has.
    known: BTreeSet<String>,
    cursor: Cursor,
    refused: Vec<Refusal>,
    last_sync: Option<DateTime<FixedOffset>>,
}

/// The outbox of one journal. See the module docs.
#[derive(Debug)]
pub struct Outbox {
    journal: PathBuf,
    path: PathBuf,
    state: State,
}

/// A journal record after the watermark, and where its line ends.
pub(super) struct Line {
    pub end: u64,
    pub record: Option<(String, Record)>,
}

impl Outbox {
    /// Reads the outbox of the journal at `journal` (none yet: empty).
    pub fn open(journal: &Path) -> Result<Outbox, StoreError> {
        let path = outbox_path(journal);
        let state = match crate::files::read(&path, false) {
            Ok(bytes) => {
                let broken = |detail: String| StoreError::OutboxBroken {
                    path: path.clone(),
                    detail,
                };
                let text = String::from_utf8(bytes).map_err(|e| broken(e.to_string()))?;
                ron::from_str(&text).map_err(|e| broken(e.to_string()))?
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => State::default(),
            Err(source) => return Err(StoreError::Outbox { path, source }),
        };
        Ok(Outbox {
            journal: journal.to_path_buf(),
            path,
            state,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn journal(&self) -> &Path {
        &self.journal
    }

    /// Writes the outbox (whole, atomically).
    pub fn save(&self) -> Result<(), StoreError> {
        let text = ron::ser::to_string_pretty(&self.state, ron::ser::PrettyConfig::default())
            .map_err(|e| StoreError::OutboxBroken {
                path: self.path.clone(),
                detail: e.to_string(),
            })?;
        crate::files::replace(&self.path, text.as_bytes())
            .map(drop)
            .map_err(|source| StoreError::Outbox {
                path: self.path.clone(),
                source,
            })
    }

    /// Makes the marks those of the store at `masked` (a different store
    /// than last time starts over: everything is pushed and pulled again,
    /// which costs time but loses and doubles nothing).
    pub fn use_store(&mut self, masked: &str) {
        if self.state.store != masked {
            self.state = State {
                store: masked.to_string(),
                ..State::default()
            };
        }
    }

    /// The records the store does not have yet, in journal order (refused
    /// ones excepted).
    pub fn pending(&mut self) -> Result<Vec<Record>, StoreError> {
        Ok(self
            .scan()?
            .into_iter()
            .filter_map(|line| line.record)
            .filter(|(id, _)| !self.is_settled(id))
            .map(|(_, record)| record)
            .collect())
    }

    /// How many records are pending.
    pub fn pending_count(&mut self) -> Result<usize, StoreError> {
        self.pending().map(|p| p.len())
    }

    /// The records the store refused.
    pub fn refused(&self) -> &[Refusal] {
        &self.state.refused
    }

    /// Refused records go back to pending (after a grant is fixed).
    pub fn retry_refused(&mut self) {
        self.state.refused.clear();
    }

    pub fn cursor(&self) -> Cursor {
        self.state.cursor
    }

    pub fn last_sync(&self) -> Option<DateTime<FixedOffset>> {
        self.state.last_sync
    }

    /// Records pulled from the store up to `cursor`, with these IDs, are
    /// saved in the journal now: the store has them (they are not pushed
    /// back) and the next pull starts past them. Saves the outbox. For a
    /// caller that pulls on one thread and saves to the journal on another
    /// (the dashboard); [`super::sync`] does the same in one go.
    pub fn pulled(&mut self, ids: &[String], cursor: Cursor) -> Result<(), StoreError> {
        self.known(ids);
        if cursor > self.state.cursor {
            self.set_cursor(cursor);
        }
        self.advance()?;
        self.save()
    }

    pub(super) fn set_cursor(&mut self, cursor: Cursor) {
        self.state.cursor = cursor;
    }

    pub(super) fn synced_at(&mut self, at: DateTime<FixedOffset>) {
        self.state.last_sync = Some(at);
    }

    /// Notes that the store has these records.
    pub(super) fn known<'a>(&mut self, ids: impl IntoIterator<Item = &'a String>) {
        self.state.known.extend(ids.into_iter().cloned());
    }

    pub(super) fn refuse(&mut self, refusals: Vec<Refusal>) {
        for r in refusals {
            if !self.state.refused.iter().any(|old| old.id == r.id) {
                self.state.refused.push(r);
            }
        }
    }

    fn is_settled(&self, id: &str) -> bool {
        self.state.known.contains(id) || self.state.refused.iter().any(|r| r.id == id)
    }

    /// Moves the watermark over the records the store has or refused, and
    /// forgets their IDs.
    pub(super) fn advance(&mut self) -> Result<(), StoreError> {
        let lines = self.scan()?;
        let mut rest = lines.iter().peekable();
        while let Some(line) = rest.next_if(|line| match &line.record {
            Some((id, _)) => self.is_settled(id),
            None => true,
        }) {
            self.state.pushed_len = line.end;
        }
        // Only IDs of records still after the watermark are worth keeping.
        let after: std::collections::HashSet<&str> = rest
            .filter_map(|line| line.record.as_ref().map(|(id, _)| id.as_str()))
            .collect();
        self.state.known.retain(|id| after.contains(id.as_str()));
        let (start, bytes) = self.read_journal(self.state.pushed_len)?;
        let checked = ((self.state.pushed_len - start) as usize).min(bytes.len());
        self.state.pushed_hash = check_hash(&bytes[..checked]);
        Ok(())
    }

    /// The journal from `offset` less the checked stretch before it to its
    /// end: where that read starts, and the bytes.
    fn read_journal(&self, offset: u64) -> Result<(u64, Vec<u8>), StoreError> {
        use std::io::{Read, Seek, SeekFrom};
        let start = offset.saturating_sub(CHECKED);
        let read = || -> io::Result<Vec<u8>> {
            let mut file = crate::files::open_read(&self.journal, false)?;
            file.seek(SeekFrom::Start(start))?;
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes)?;
            Ok(bytes)
        };
        match read() {
            Ok(bytes) => Ok((start, bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok((0, Vec::new())),
            Err(e) => Err(StoreError::Journal(Box::new(
                crate::progress::ProgressError::Read {
                    path: self.journal.clone(),
                    source: e,
                },
            ))),
        }
    }

    /// The whole lines of the journal after the watermark. A journal that
    /// no longer holds what the watermark covers (restored from a backup,
    /// replaced) is read from its start.
    fn scan(&mut self) -> Result<Vec<Line>, StoreError> {
        let (mut start, mut bytes) = self.read_journal(self.state.pushed_len)?;
        let len = self.state.pushed_len;
        let checked = (len - start) as usize;
        let intact = len == 0
            || start + bytes.len() as u64 >= len
                && check_hash(&bytes[..checked.min(bytes.len())]) == self.state.pushed_hash;
        if !intact {
            self.state.pushed_len = 0;
            self.state.pushed_hash = check_hash(&[]);
            (start, bytes) = self.read_journal(0)?;
        }
        let mut at = (self.state.pushed_len - start) as usize;
        let mut lines = Vec::new();
        while let Some(newline) = bytes[at..].iter().position(|b| *b == b'\n') {
            let end = at + newline + 1;
            let records = crate::progress::parse_records(&self.journal, &bytes[at..end])
                .map_err(|e| StoreError::Journal(Box::new(e)))?;
            let record = records.into_iter().next().map(|r| (record_id(&r), r));
            lines.push(Line {
                end: start + end as u64,
                record,
            });
            at = end;
        }
        Ok(lines)
    }
}

/// How much of the journal before the watermark is checked on reading.
const CHECKED: u64 = 4096;

fn check_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Held while a process reads and writes an outbox (a push and a sync in
/// two processes of one machine wait for each other); released on drop,
/// or by the system when the process dies.
#[derive(Debug)]
pub struct OutboxLock {
    _file: std::fs::File,
}

/// Takes the outbox's lock (`progress.ron.outbox.lock`), waiting for it.
pub fn lock(journal: &Path) -> Result<OutboxLock, StoreError> {
    let mut name = outbox_path(journal).into_os_string();
    name.push(".lock");
    let path = PathBuf::from(name);
    let fail = |source| StoreError::Outbox {
        path: path.clone(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let file = crate::files::open_write(&path, true, false).map_err(fail)?;
    file.lock().map_err(fail)?;
    Ok(OutboxLock { _file: file })
}
