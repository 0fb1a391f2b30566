//! Opening, reading and replacing files without being led astray: every
//! file duban reads must be a regular file under a cap that fits its role
//! ([`MAX_FILE_BYTES`] for configuration, curation, documents and sheets,
//! [`MAX_DATA_BYTES`] for a dataset's files, its journal and its load
//! cache; a FIFO, a device such as `/dev/zero` or a directory is refused,
//! never waited on or read forever), and every file it writes is created
//! without following a symbolic link, under an unpredictable temporary
//! name in the same directory (from `tempfile`), then renamed into place.
//!
//! Errors are `io::Error`s whose text says what is wrong with the file; the
//! callers add its path.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

/// The largest configuration, curation, source document or sheet duban
/// reads: 64 MiB, far beyond any real one and small enough that a wrong
/// file cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The largest dataset file, journal or load cache duban reads: 2 GiB.
/// A real breakdown is under 200 KiB, but a dataset of a million tasks
/// takes about 300 MB of RON; the cap still stops a runaway or foreign
/// file (a disk image, a sparse file) before it is read.
pub const MAX_DATA_BYTES: u64 = 2 * 1024 * 1024 * 1024;

fn refused(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

/// What kind of file `meta` describes, in words, when it is not a regular
/// file.
fn not_regular(meta: &fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a directory");
    }
    if kind.is_symlink() {
        return Some("a symbolic link");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Checks that an open file is a regular file of at most `max` bytes.
fn check_regular(meta: &fs::Metadata, max: u64) -> io::Result<()> {
    if let Some(kind) = not_regular(meta) {
        return Err(refused(format!("is {kind}, not a regular file")));
    }
    if meta.len() > max {
        return Err(too_large(max));
    }
    Ok(())
}

fn too_large(max: u64) -> io::Error {
    const GIB: u64 = 1 << 30;
    let size = match max % GIB {
        0 => format!("{} GiB", max / GIB),
        _ => format!("{} MiB", max >> 20),
    };
    refused(format!(
        "is larger than {size}, the most duban reads for this file"
    ))
}

/// Refuses a path that is a symbolic link (without following it).
/// A missing path is fine.
pub fn refuse_link(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(refused(
            "is a symbolic link; duban does not follow links for the files it writes".into(),
        )),
        Ok(meta) => match not_regular(&meta) {
            Some(kind) => Err(refused(format!("is {kind}, not a regular file"))),
            None => Ok(()),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Opens an existing regular file for reading. A FIFO is not waited on
/// (the open does not block), and with `follow` false a symbolic link is
/// refused.
pub fn open_read(path: &Path, follow: bool) -> io::Result<File> {
    open_read_max(path, follow, MAX_FILE_BYTES)
}

/// [`open_read`] for a dataset file, journal or load cache: at most
/// [`MAX_DATA_BYTES`].
pub fn open_read_data(path: &Path, follow: bool) -> io::Result<File> {
    open_read_max(path, follow, MAX_DATA_BYTES)
}

/// [`open_read`] for a file of at most `max` bytes.
fn open_read_max(path: &Path, follow: bool, max: u64) -> io::Result<File> {
    if !follow {
        refuse_link(path)?;
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let nofollow = if follow { 0 } else { libc::O_NOFOLLOW };
        options.custom_flags(libc::O_NONBLOCK | nofollow);
    }
    let file = options.open(path).map_err(explain_loop)?;
    check_regular(&file.metadata()?, max)?;
    Ok(file)
}

/// `O_NOFOLLOW` on a link fails with ELOOP, whose text ("too many levels
/// of symbolic links") does not say what happened.
fn explain_loop(e: io::Error) -> io::Error {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return refused(
            "is a symbolic link; duban does not follow links for the files it writes".into(),
        );
    }
    e
}

/// Reads all of a regular file of at most [`MAX_FILE_BYTES`]; `follow`
/// as in [`open_read`].
pub fn read(path: &Path, follow: bool) -> io::Result<Vec<u8>> {
    let file = open_read(path, follow)?;
    read_capped_to(file, MAX_FILE_BYTES)
}

/// Reads all of a dataset file, journal or load cache: a regular file of
/// at most [`MAX_DATA_BYTES`]; `follow` as in [`open_read`].
pub fn read_data(path: &Path, follow: bool) -> io::Result<Vec<u8>> {
    let file = open_read_max(path, follow, MAX_DATA_BYTES)?;
    read_capped_to(file, MAX_DATA_BYTES)
}

/// Reads an open file to its end, refusing more than [`MAX_FILE_BYTES`]
/// (a file that grows while it is read).
pub fn read_capped(file: File) -> io::Result<Vec<u8>> {
    read_capped_to(file, MAX_FILE_BYTES)
}

/// Reads an open journal or dataset file to its end, refusing more than
/// [`MAX_DATA_BYTES`].
pub fn read_capped_data(file: File) -> io::Result<Vec<u8>> {
    read_capped_to(file, MAX_DATA_BYTES)
}

/// Reads an open file to its end, refusing a file over `max` bytes, or
/// one that grows past it while it is read.
fn read_capped_to(file: File, max: u64) -> io::Result<Vec<u8>> {
    let len = file.metadata()?.len();
    if len > max {
        return Err(too_large(max));
    }
    let mut bytes = Vec::with_capacity(len as usize + 1);
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_large(max));
    }
    Ok(bytes)
}

/// Opens a regular file for writing without following a link, creating it
/// when `create` (never truncating).
pub fn open_write(path: &Path, create: bool, append: bool) -> io::Result<File> {
    refuse_link(path)?;
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(create).append(append);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(explain_loop)?;
    if let Some(kind) = not_regular(&file.metadata()?) {
        return Err(refused(format!("is {kind}, not a regular file")));
    }
    Ok(file)
}

/// Writes `bytes` as the whole of `path`: a new file under an
/// unpredictable name in the same directory (created exclusively, so a
/// link planted there is never followed), flushed, then renamed over
/// `path` (a rename replaces a link; it never writes through one).
/// Returns the new file's metadata.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<fs::Metadata> {
    let mut tmp = temp_beside(path, "tmp")?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    let file = tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(&dir_of(path))?;
    file.metadata()
}

/// The directory a path is in (`.` for a bare name).
fn dir_of(path: &Path) -> std::path::PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    }
}

/// A new empty file `.NAME.<random>.SUFFIX` in the directory of `path`,
/// created exclusively (so never through a link), removed when dropped
/// unless persisted. Readable as a file made by `File::create` would be
/// (0666 less the umask), not only by its owner.
pub fn temp_beside(path: &Path, suffix: &str) -> io::Result<tempfile::NamedTempFile> {
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(path.file_name().unwrap_or_default());
    prefix.push(".");
    let suffix = format!(".{suffix}");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(&suffix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir_of(path))
}

/// Flushes a directory, so a rename in it is durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Writes `bytes` as a new file at `path` that must not exist yet: written
/// under a temporary name, flushed, then linked into place without
/// replacing anything, so the file is never seen half-written.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = temp_beside(path, "tmp")?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_dir(&dir_of(path))
}

/// Creates a new file that did not exist (never following or replacing
/// anything) holding `bytes`, flushed.
pub fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let err = read(dir.path(), true).unwrap_err();
        assert!(err.to_string().contains("a directory"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_is_readable_by_others_as_before() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        replace(&path, b"x").unwrap();
        // 0644 under the usual umask 022; never owner-only 0600.
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o044, 0o044, "{mode:o}");
    }

    #[test]
    fn replace_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        replace(&path, b"one").unwrap();
        replace(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
