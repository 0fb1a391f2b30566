//! Saving: lock, compare with the file, merge, back up, append.

use std::collections::HashSet;
use std::fs;

use super::{Journal, SaveReport};
use crate::model::ProgressEntry;
use crate::progress::disk::{self, AppendError, ContentHash, Stat};
use crate::progress::error::{ProgressError, SaveError, SaveStep};
use crate::progress::record::{self, HEADER, Parsed, Record, Tail};

/// What the file held when this journal last read or wrote it.
#[derive(Debug, Clone)]
pub(super) struct DiskView {
    stat: Stat,
    /// Hash of the bytes up to the last newline.
    prefix: ContentHash,
    complete_len: u64,
    lines: usize,
    tail: Tail,
}

impl DiskView {
    /// The file's stat when it ends with a whole record.
    pub(super) fn clean_stat(&self) -> Option<&Stat> {
        (self.tail == Tail::Clean).then_some(&self.stat)
    }

    pub(super) fn new(stat: Stat, bytes: &[u8], parsed: &Parsed) -> DiskView {
        DiskView {
            stat,
            prefix: ContentHash::of(&bytes[..parsed.complete_len]),
            complete_len: parsed.complete_len as u64,
            lines: parsed.lines,
            tail: parsed.tail,
        }
    }
}

impl Journal {
    fn io_error(&self, step: SaveStep, source: std::io::Error) -> SaveError {
        SaveError::Io {
            step,
            path: self.path.clone(),
            source,
            pending: self.pending.len(),
        }
    }

    pub(super) fn save(&mut self) -> Result<SaveReport, SaveError> {
        let mut report = SaveReport {
            path: self.path.clone(),
            written: 0,
            merged: 0,
            created: false,
            warnings: Vec::new(),
        };
        if self.pending.is_empty() {
            return Ok(report);
        }
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| self.io_error(SaveStep::CreateDir, e))?;
        }
        let _lock = disk::lock(&self.path).map_err(|e| self.io_error(SaveStep::Lock, e))?;
        let now = disk::peek(&self.path).map_err(|e| self.io_error(SaveStep::Read, e))?;
        let unchanged = self
            .disk
            .clone()
            .filter(|view| now.as_ref() == Some(&view.stat));
        let view = match unchanged {
            // The common case: only this journal wrote since it last looked,
            // so nothing is read but the file's last 64 KiB.
            Some(view) => view,
            None => {
                let current =
                    disk::read(&self.path).map_err(|e| self.io_error(SaveStep::Read, e))?;
                let Some((stat, bytes)) = current else {
                    return self.create(report);
                };
                self.merge(stat, &bytes, &mut report)?
            }
        };
        if !self.backed_up {
            // A backup is a convenience: when it cannot be written (a full
            // disk, a read-only directory, a link in its place) the append
            // still goes ahead, with a warning. Tried once per session, so
            // the backup never holds this session's own entries.
            disk::backup_or_warn(&self.path, view.stat.len, &mut report.warnings);
            self.backed_up = true;
        }
        let mut base = view.stat.len;
        let mut out = String::new();
        match view.tail {
            Tail::Torn(line) => {
                // Never delete bytes: the cut record goes to a side file
                // first, named in the report, then is cut off.
                let kept = disk::keep_tail(&self.path, view.complete_len, view.stat.len)
                    .map_err(|e| self.io_error(SaveStep::Repair, e))?;
                disk::truncate(&self.path, view.complete_len)
                    .map_err(|e| self.io_error(SaveStep::Repair, e))?;
                report.warnings.push(crate::msg!(
                    crate::messages::SAVE_TORN_KEPT,
                    line = line,
                    path = self.path.display(),
                    kept = kept.display()
                ));
                base = view.complete_len;
            }
            Tail::Unterminated => out.push('\n'),
            Tail::Clean => {}
        }
        for record in &self.pending {
            out.push_str(&record::record_line(record));
        }
        let stat = disk::append(&self.path, base, out.as_bytes()).map_err(
            |AppendError { flushing, source }| {
                let step = if flushing {
                    SaveStep::Flush
                } else {
                    SaveStep::Append
                };
                self.io_error(step, source)
            },
        )?;
        let mut prefix = view.prefix;
        if view.tail == Tail::Unterminated {
            let kept = disk::read_range(&self.path, view.complete_len, base)
                .map_err(|e| self.io_error(SaveStep::Read, e))?;
            prefix.update(&kept);
        }
        prefix.update(out.as_bytes());
        self.disk = Some(DiskView {
            stat,
            complete_len: base + out.len() as u64,
            lines: view.lines + out.matches('\n').count(),
            prefix,
            tail: Tail::Clean,
        });
        report.written = std::mem::take(&mut self.pending).len();
        Ok(report)
    }

    /// Writes a new file holding everything known: the first save, or the
    /// file was deleted since it was read (so nothing it held is lost).
    fn create(&mut self, mut report: SaveReport) -> Result<SaveReport, SaveError> {
        let mut text = String::from(HEADER);
        for entry in &self.entries {
            text.push_str(&record::record_line(&Record::Entry(ProgressEntry::clone(
                entry,
            ))));
        }
        let retracted: Vec<Record> = self
            .retracted
            .iter()
            .cloned()
            .map(Record::Retract)
            .collect();
        for r in &retracted {
            text.push_str(&record::record_line(r));
        }
        let stat = disk::replace(&self.path, text.as_bytes())
            .map_err(|e| self.io_error(SaveStep::Create, e))?;
        let prefix = ContentHash::of(text.as_bytes());
        self.disk = Some(DiskView {
            stat,
            complete_len: text.len() as u64,
            lines: text.matches('\n').count(),
            prefix,
            tail: Tail::Clean,
        });
        self.backed_up = true;
        self.read_only = false;
        report.created = true;
        report.written = self.entries.len() + retracted.len();
        self.pending.clear();
        Ok(report)
    }

    /// Compares the file with what this journal last saw; when it changed,
    /// merges its records in. After a full re-read, anything known here
    /// that the file lacks is queued to be written back.
    fn merge(
        &mut self,
        stat: Stat,
        bytes: &[u8],
        report: &mut SaveReport,
    ) -> Result<DiskView, SaveError> {
        if let Some(old) = self.disk.clone() {
            let seen = old.complete_len as usize;
            if stat.inode == old.stat.inode && bytes.len() >= seen {
                let prefix = ContentHash::of(&bytes[..seen]);
                if prefix.finish() == old.prefix.finish() {
                    let first_line = old.lines + 1;
                    let parsed = record::parse(&self.path, &bytes[seen..], first_line)
                        .map_err(|e| self.broken(e))?;
                    let mut view = DiskView::new(stat, &bytes[seen..], &parsed);
                    let mut joined = prefix;
                    joined.update(&bytes[seen..seen + parsed.complete_len]);
                    view.prefix = joined;
                    view.complete_len += seen as u64;
                    view.lines += old.lines;
                    report.merged = self.absorb(parsed.records);
                    return Ok(view);
                }
            }
        }
        let parsed = record::parse(&self.path, bytes, 1).map_err(|e| self.broken(e))?;
        let view = DiskView::new(stat, bytes, &parsed);
        let on_disk: HashSet<&Record> = parsed.records.iter().collect();
        let missing: Vec<Record> = self
            .entries
            .iter()
            .map(|e| Record::Entry(ProgressEntry::clone(e)))
            .chain(self.retracted.iter().cloned().map(Record::Retract))
            .filter(|r| !on_disk.contains(r))
            .collect();
        drop(on_disk);
        self.pending = missing;
        report.merged = self.absorb(parsed.records);
        self.read_only = false;
        Ok(view)
    }

    fn broken(&mut self, error: ProgressError) -> SaveError {
        self.read_only = true;
        SaveError::Broken {
            error: Box::new(error),
            pending: self.pending.len(),
        }
    }
}
