//! File operations under the journal: fingerprints, the lock, atomic
//! creation, flushed appends and the backup.

use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::files;

/// A streaming 64-bit content hash (word-at-a-time multiply-rotate). It
/// detects changes; it is not meant to resist an adversary.
#[derive(Debug, Clone, Default)]
pub(crate) struct ContentHash {
    state: u64,
    buf: [u8; 8],
    buffered: usize,
    len: u64,
}

const K: u64 = 0x9e37_79b9_7f4a_7c15;

impl ContentHash {
    fn mix(&mut self, word: u64) {
        self.state = (self.state.rotate_left(23) ^ word).wrapping_mul(K);
    }

    pub fn update(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        if self.buffered > 0 {
            let take = (8 - self.buffered).min(bytes.len());
            self.buf[self.buffered..self.buffered + take].copy_from_slice(&bytes[..take]);
            self.buffered += take;
            bytes = &bytes[take..];
            if self.buffered < 8 {
                return;
            }
            self.mix(u64::from_le_bytes(self.buf));
            self.buffered = 0;
        }
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        self.buf[..rest.len()].copy_from_slice(rest);
        self.buffered = rest.len();
    }

    pub fn finish(&self) -> u64 {
        let mut end = self.clone();
        let mut word = [0u8; 8];
        word[..end.buffered].copy_from_slice(&end.buf[..end.buffered]);
        end.mix(u64::from_le_bytes(word));
        end.mix(end.len);
        end.state
    }

    pub fn of(bytes: &[u8]) -> ContentHash {
        let mut h = ContentHash::default();
        h.update(bytes);
        h
    }
}

/// What the file looked like when this journal last read or wrote it:
/// size, mtime, inode and change time (which no one can set back), and a
/// hash of its last [`TAIL`] bytes, where appends and recent edits land.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stat {
    pub len: u64,
    pub mtime: Option<SystemTime>,
    pub inode: u64,
    pub ctime: (i64, i64),
    pub tail_hash: u64,
}

/// How much of the end of the file every save hashes.
pub(crate) const TAIL: u64 = 64 * 1024;

impl Stat {
    fn of(meta: &fs::Metadata, tail: &[u8]) -> Stat {
        Stat {
            len: meta.len(),
            mtime: meta.modified().ok(),
            inode: inode(meta),
            ctime: ctime(meta),
            tail_hash: ContentHash::of(tail).finish(),
        }
    }

    /// The stat of an open file, reading its last [`TAIL`] bytes.
    fn read(file: &mut File) -> io::Result<Stat> {
        let meta = file.metadata()?;
        let start = meta.len().saturating_sub(TAIL);
        file.seek(SeekFrom::Start(start))?;
        let mut tail = Vec::with_capacity((meta.len() - start) as usize);
        file.take(meta.len() - start).read_to_end(&mut tail)?;
        Ok(Stat::of(&meta, &tail))
    }

    /// The stat of a file whose whole content is `bytes`.
    pub fn with_bytes(meta: &fs::Metadata, bytes: &[u8]) -> Stat {
        let start = bytes.len().saturating_sub(TAIL as usize);
        Stat::of(meta, &bytes[start..])
    }
}

#[cfg(unix)]
fn inode(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_meta: &fs::Metadata) -> u64 {
    0
}

#[cfg(unix)]
fn ctime(meta: &fs::Metadata) -> (i64, i64) {
    use std::os::unix::fs::MetadataExt;
    (meta.ctime(), meta.ctime_nsec())
}

#[cfg(not(unix))]
fn ctime(_meta: &fs::Metadata) -> (i64, i64) {
    (0, 0)
}

/// The file's stat without reading all of it, or `None` when it does not
/// exist.
pub(crate) fn peek(path: &Path) -> io::Result<Option<Stat>> {
    match files::open_read_data(path, false) {
        Ok(mut file) => Stat::read(&mut file).map(Some),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// The file's stat and bytes, or `None` when it does not exist.
pub(crate) fn read(path: &Path) -> io::Result<Option<(Stat, Vec<u8>)>> {
    let file = match files::open_read_data(path, false) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    let bytes = files::read_capped_data(file)?;
    Ok(Some((Stat::with_bytes(&meta, &bytes), bytes)))
}

/// `progress.ron` → `progress.ron.<suffix>`.
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(suffix);
    path.with_file_name(name)
}

/// Takes the exclusive lock beside `path`; released when the file drops.
/// The lock file is never deleted (deleting it would let two writers hold
/// "the" lock at once).
pub(crate) fn lock(path: &Path) -> io::Result<File> {
    let file = files::open_write(&sibling(path, "lock"), true, false)?;
    file.lock()?;
    Ok(file)
}

/// Writes `bytes` as the whole of `path` (see [`files::replace`]).
pub(crate) fn replace(path: &Path, bytes: &[u8]) -> io::Result<Stat> {
    files::refuse_link(path)?;
    let meta = files::replace(path, bytes)?;
    Ok(Stat::with_bytes(&meta, bytes))
}

/// Journals up to this size are backed up by the first save of every
/// session; larger ones by the first save of each day (copying 15 MB per
/// `progress set` would make every commit grow with the history).
pub(crate) const BACKUP_EACH_SESSION: u64 = 1 << 20;

/// Copies the file to `progress.ron.bak`, atomically, unless the file is
/// larger than [`BACKUP_EACH_SESSION`] and the backup was made today
/// (`None` then). A backup that is a link or not a regular file is
/// refused, not replaced.
pub(crate) fn backup(path: &Path, len: u64) -> io::Result<Option<PathBuf>> {
    let bak = sibling(path, "bak");
    files::refuse_link(&bak).map_err(|e| named(&bak, e))?;
    if len > BACKUP_EACH_SESSION && made_today(&bak) {
        return Ok(None);
    }
    let bytes = files::read_data(path, false)?;
    files::replace(&bak, &bytes).map_err(|e| named(&bak, e))?;
    Ok(Some(bak))
}

/// Whether `path` was last written on today's local date.
fn made_today(path: &Path) -> bool {
    let modified = fs::symlink_metadata(path).and_then(|m| m.modified());
    modified.is_ok_and(|t| {
        chrono::DateTime::<chrono::Local>::from(t).date_naive() == chrono::Local::now().date_naive()
    })
}

/// [`backup`], where a backup that cannot be written is a warning: the
/// append goes ahead (a full disk, a read-only directory, a link in its
/// place).
pub(crate) fn backup_or_warn(path: &Path, len: u64, warnings: &mut Vec<crate::messages::Text>) {
    if let Err(e) = backup(path, len) {
        warnings.push(crate::msg!(
            crate::messages::SAVE_BACKUP_FAILED,
            path = path.display(),
            error = e
        ));
    }
}

/// An error about another file than the journal, with that file's path.
fn named(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// Why an append failed, and whether the file is back as it was.
pub(crate) struct AppendError {
    pub flushing: bool,
    pub source: io::Error,
}

/// Appends `bytes` with one write and flushes them. On failure the file is
/// cut back to `old_len`, so no partial record stays behind.
pub(crate) fn append(path: &Path, old_len: u64, bytes: &[u8]) -> Result<Stat, AppendError> {
    let mut file = files::open_write(path, false, true).map_err(|source| AppendError {
        flushing: false,
        source,
    })?;
    let written = file.write_all(bytes).map_err(|source| (false, source));
    let flushed = written.and_then(|()| file.sync_data().map_err(|source| (true, source)));
    match flushed {
        Ok(()) => Stat::read(&mut file).map_err(|source| AppendError {
            flushing: true,
            source,
        }),
        Err((flushing, source)) => {
            let _ = file.set_len(old_len).and_then(|()| file.sync_data());
            Err(AppendError { flushing, source })
        }
    }
}

/// The bytes of `path` from `start` to `end`.
pub(crate) fn read_range(path: &Path, start: u64, end: u64) -> io::Result<Vec<u8>> {
    let mut file = files::open_read_data(path, false)?;
    file.seek(SeekFrom::Start(start))?;
    let mut bytes = Vec::with_capacity(end.saturating_sub(start) as usize);
    file.take(end.saturating_sub(start))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Copies the bytes of `path` from `start` to `end` (an interrupted last
/// record) to a new side file `progress.ron.torn-<time>`, and returns its
/// path. The side file is created new, never over another.
pub(crate) fn keep_tail(path: &Path, start: u64, end: u64) -> io::Result<PathBuf> {
    let bytes = read_range(path, start, end)?;
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
    for n in 0..100 {
        let suffix = match n {
            0 => format!("torn-{stamp}"),
            n => format!("torn-{stamp}-{n}"),
        };
        let side = sibling(path, &suffix);
        match files::create_new(&side, &bytes) {
            Ok(()) => return Ok(side),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many side files for interrupted saves",
    ))
}

/// Cuts an interrupted last record off the file.
pub(crate) fn truncate(path: &Path, len: u64) -> io::Result<()> {
    let file = files::open_write(path, false, false)?;
    file.set_len(len)?;
    file.sync_data()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashing_in_pieces_equals_hashing_at_once() {
        let text: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        let whole = ContentHash::of(&text).finish();
        for cut in [0, 1, 7, 8, 9, 500, 999, 1000] {
            let mut h = ContentHash::of(&text[..cut]);
            h.update(&text[cut..]);
            assert_eq!(h.finish(), whole, "cut at {cut}");
        }
    }

    #[test]
    fn hashing_tells_a_one_byte_change() {
        let a = b"Entry(task: \"K1.1\", percent: 40)\n".to_vec();
        let mut b = a.clone();
        b[22] = b'5';
        assert_ne!(ContentHash::of(&a).finish(), ContentHash::of(&b).finish());
    }
}
