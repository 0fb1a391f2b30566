//! File operations under the journal: fingerprints, the lock, atomic
//! creation, flushed appends and the backup.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A streaming 64-bit content hash (word-at-a-time multiply-rotate), fast
/// enough to re-check a 100,000-entry file on every save. It detects
/// changes; it is not meant to resist an adversary.
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

/// What the file looked like when this journal last read or wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stat {
    pub len: u64,
    pub mtime: Option<SystemTime>,
    pub inode: u64,
}

impl Stat {
    pub fn of(meta: &fs::Metadata) -> Stat {
        Stat {
            len: meta.len(),
            mtime: meta.modified().ok(),
            inode: inode(meta),
        }
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

/// The file's stat and bytes, or `None` when it does not exist.
pub(crate) fn read(path: &Path) -> io::Result<Option<(Stat, Vec<u8>)>> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    file.read_to_end(&mut bytes)?;
    Ok(Some((Stat::of(&meta), bytes)))
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
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(sibling(path, "lock"))?;
    file.lock()?;
    Ok(file)
}

/// Flushes the directory holding `path`, so a rename in it is durable.
fn sync_dir(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Writes `bytes` as the whole of `path`: a temporary file in the same
/// directory, flushed, renamed over `path`, the directory flushed.
pub(crate) fn replace(path: &Path, bytes: &[u8]) -> io::Result<Stat> {
    let tmp = sibling(path, "tmp");
    let result = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)?;
        sync_dir(path)?;
        Ok(Stat::of(&fs::metadata(path)?))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Copies `bytes` (the file as read) to `progress.ron.bak`, atomically.
pub(crate) fn backup(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(&sibling(path, "bak"), bytes).map(|_| ())
}

/// Why an append failed, and whether the file is back as it was.
pub(crate) struct AppendError {
    pub flushing: bool,
    pub source: io::Error,
}

/// Appends `bytes` with one write and flushes them. On failure the file is
/// cut back to `old_len`, so no partial record stays behind.
pub(crate) fn append(path: &Path, old_len: u64, bytes: &[u8]) -> Result<Stat, AppendError> {
    let mut file = OpenOptions::new()
        .append(true)
        .open(path)
        .map_err(|source| AppendError {
            flushing: false,
            source,
        })?;
    let written = file.write_all(bytes).map_err(|source| (false, source));
    let flushed = written.and_then(|()| file.sync_data().map_err(|source| (true, source)));
    match flushed {
        Ok(()) => {
            let meta = file.metadata().map_err(|source| AppendError {
                flushing: true,
                source,
            })?;
            Ok(Stat::of(&meta))
        }
        Err((flushing, source)) => {
            let _ = file.set_len(old_len).and_then(|()| file.sync_data());
            Err(AppendError { flushing, source })
        }
    }
}

/// Cuts an interrupted last record off the file.
pub(crate) fn truncate(path: &Path, len: u64) -> io::Result<()> {
    let file = OpenOptions::new().write(true).open(path)?;
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
