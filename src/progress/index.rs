//! `progress.ron.index`: what a one-shot commit (`duban progress set`)
//! needs to know about the journal without reading it, so that a commit
//! costs the same at 100,000 entries as at none.
//!
//! A commit needs two things from the file: that it is as the last writer
//! left it (so nothing needs merging and the last line is whole), and that
//! no entry of the task already has the new entry's `at` (its identity).
//! The index records the file's [`Stat`] (size, mtime, inode, change time
//! and a hash of its last 64 KiB, the same fingerprint an open journal
//! compares before appending) and the latest `at` of any entry. An entry
//! made after that time cannot collide, so it is appended as it is.
//!
//! The index is a cache. It is never trusted when anything disagrees: a
//! missing, unreadable or linked file, a wrong header, a checksum that
//! does not match its text (a changed or cut index), a fingerprint that is
//! not the journal's (the journal was changed, cut, replaced or the index
//! belongs to another journal), an entry dated at or before the latest
//! `at`. Then the commit reads the whole journal as before and writes a
//! new index. Deleting it changes nothing but speed.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use chrono::{DateTime, FixedOffset};

use super::disk::{self, AppendError, ContentHash, Stat};
use super::error::{ProgressError, SaveError, SaveStep};
use super::journal::{Journal, SaveReport};
use super::record::{self, Record};
use super::validate::structural;
use crate::files;
use crate::model::ProgressEntry;

const HEADER: &str = "duban progress index 1\n";

/// What the index records about its journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Index {
    pub stat: Stat,
    /// The latest `at` of any entry, undone ones too; `None` for none.
    pub latest: Option<DateTime<FixedOffset>>,
}

/// `progress.ron` → `progress.ron.index`.
pub fn index_path(journal: &Path) -> PathBuf {
    disk::sibling(journal, "index")
}

/// Whether the index beside the journal at `path` is there and agrees with
/// the journal, so the next commit made after its latest entry need not
/// read the journal.
pub fn index_is_fresh(path: &Path) -> bool {
    let Some(index) = read(path) else {
        return false;
    };
    matches!(disk::peek(path), Ok(Some(stat)) if stat == index.stat)
}

/// Commits one entry to the journal at `path`, as `progress set` does: the
/// same checks, the same line appended and the same report as
/// [`Journal::open`] then [`Journal::commit`], without reading the journal
/// when its index is fresh. The outer error is a journal that cannot be
/// read; the inner one a save that failed.
pub fn commit_one(
    path: &Path,
    entry: ProgressEntry,
) -> Result<Result<SaveReport, SaveError>, ProgressError> {
    if structural(&entry).is_empty() {
        match append_known(path, &entry) {
            Ok(Some(report)) => return Ok(Ok(report)),
            Ok(None) => {}
            Err(e) => return Ok(Err(e)),
        }
    }
    let mut journal = Journal::open(path)?;
    let saved = journal.commit(entry);
    if saved.is_ok() {
        // A cache: when it cannot be written, the next commit reads the
        // journal again.
        let _ = journal.index().map(|index| write(path, &index));
    }
    Ok(saved)
}

/// The append when the index vouches for the file: `None` when it does not.
fn append_known(path: &Path, entry: &ProgressEntry) -> Result<Option<SaveReport>, SaveError> {
    let io_error = |step, source| SaveError::Io {
        step,
        path: path.to_path_buf(),
        source,
        pending: 1,
    };
    if read(path).is_none() {
        return Ok(None); // no need to lock
    }
    let _lock = disk::lock(path).map_err(|e| io_error(SaveStep::Lock, e))?;
    let Some(mut index) = read(path) else {
        return Ok(None);
    };
    let now = disk::peek(path).map_err(|e| io_error(SaveStep::Read, e))?;
    if now.as_ref() != Some(&index.stat) || index.latest.is_some_and(|at| entry.at <= at) {
        return Ok(None);
    }
    let mut report = SaveReport {
        path: path.to_path_buf(),
        written: 0,
        merged: 0,
        created: false,
        warnings: Vec::new(),
    };
    disk::backup_or_warn(path, index.stat.len, &mut report.warnings);
    let line = record::record_line(&Record::Entry(entry.clone()));
    let stat = disk::append(path, index.stat.len, line.as_bytes()).map_err(
        |AppendError { flushing, source }| {
            let step = if flushing {
                SaveStep::Flush
            } else {
                SaveStep::Append
            };
            io_error(step, source)
        },
    )?;
    index.stat = stat;
    index.latest = Some(entry.at);
    let _ = write(path, &index);
    report.written = 1;
    Ok(Some(report))
}

fn render(index: &Index) -> String {
    let Stat {
        len,
        mtime,
        inode,
        ctime,
        tail_hash,
    } = &index.stat;
    let mtime = mtime
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or("-".to_string(), |d| {
            format!("{} {}", d.as_secs(), d.subsec_nanos())
        });
    let latest = index.latest.map_or("-".to_string(), |at| at.to_rfc3339());
    let body = format!(
        "{HEADER}journal {len} {inode} {} {} {tail_hash:016x} {mtime}\nlatest {latest}\n",
        ctime.0, ctime.1
    );
    let check = ContentHash::of(body.as_bytes()).finish();
    format!("{body}check {check:016x}\n")
}

fn parse(text: &str) -> Option<Index> {
    let body_end = text.rfind("check ")?;
    let (body, check) = text.split_at(body_end);
    let check = check.strip_prefix("check ")?.strip_suffix('\n')?;
    if u64::from_str_radix(check, 16).ok()? != ContentHash::of(body.as_bytes()).finish() {
        return None;
    }
    let mut lines = body.strip_prefix(HEADER)?.lines();
    let journal: Vec<&str> = lines.next()?.strip_prefix("journal ")?.split(' ').collect();
    let latest = lines.next()?.strip_prefix("latest ")?;
    if lines.next().is_some() {
        return None;
    }
    let (len, inode, ctime_s, ctime_ns, tail, mtime) = match journal.as_slice() {
        [len, inode, cs, cns, tail, mtime @ ..] => (len, inode, cs, cns, tail, mtime),
        _ => return None,
    };
    let mtime = match mtime {
        ["-"] => None,
        [s, ns] => Some(UNIX_EPOCH + Duration::new(s.parse().ok()?, ns.parse().ok()?)),
        _ => return None,
    };
    let latest = match latest {
        "-" => None,
        at => Some(DateTime::parse_from_rfc3339(at).ok()?),
    };
    Some(Index {
        stat: Stat {
            len: len.parse().ok()?,
            mtime,
            inode: inode.parse().ok()?,
            ctime: (ctime_s.parse().ok()?, ctime_ns.parse().ok()?),
            tail_hash: u64::from_str_radix(tail, 16).ok()?,
        },
        latest,
    })
}

/// The index beside `journal`, when it is a regular file that reads whole.
fn read(journal: &Path) -> Option<Index> {
    let file = files::open_read(&index_path(journal), false).ok()?;
    let bytes = files::read_capped(file).ok()?;
    parse(std::str::from_utf8(&bytes).ok()?)
}

/// Writes the index beside `journal`: a temporary file renamed into place
/// (never through a link). Not flushed: a cut index fails its checksum.
fn write(journal: &Path, index: &Index) -> io::Result<()> {
    let path = index_path(journal);
    files::refuse_link(&path)?;
    let mut tmp = files::temp_beside(&path, "tmp")?;
    tmp.write_all(render(index).as_bytes())?;
    tmp.persist(&path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Index {
        Index {
            stat: Stat {
                len: 15_700_000,
                mtime: Some(UNIX_EPOCH + Duration::new(1_700_000_000, 123_456_789)),
                inode: 42,
                ctime: (1_700_000_001, 5),
                tail_hash: 0xdead_beef_0123_4567,
            },
            latest: DateTime::parse_from_rfc3339("2023-05-04T09:30:12.000000001+08:00").ok(),
        }
    }

    #[test]
    fn an_index_reads_back_as_written() {
        let index = sample();
        assert_eq!(parse(&render(&index)), Some(index));
        let none = Index {
            stat: Stat {
                mtime: None,
                ..sample().stat
            },
            latest: None,
        };
        assert_eq!(parse(&render(&none)), Some(none));
    }

    #[test]
    fn a_changed_or_cut_index_is_refused() {
        let text = render(&sample());
        for cut in [0, 10, text.len() / 2, text.len() - 1] {
            assert_eq!(parse(&text[..cut]), None, "cut at {cut}");
        }
        let changed = text.replace("09:30:12", "08:30:12");
        assert_ne!(changed, text);
        assert_eq!(parse(&changed), None);
        let older = text.replace("index 1", "index 0");
        assert_eq!(parse(&older), None);
    }
}
