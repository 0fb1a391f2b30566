//! A binary copy of a parsed and validated dataset, so that a large one
//! loads without parsing its RON again.
//!
//! The cache lives in the per-user cache directory (`~/.cache/duban` on
//! Linux, or `$DUBAN_CACHE_DIR`), never beside the dataset: a dataset
//! directory may be read-only or shared. One file per dataset directory,
//! named after a hash of its canonical path. It is only a copy, trusted
//! only when everything checks out:
//!
//! - a header: magic bytes, the format version, the key, the head's
//!   length and a checksum (XXH3) over the head;
//! - the head: the plan, projects and units, and the list of chunks the
//!   key tasks follow in, each with its length and checksum (see
//!   [`super::cache_chunks`]: chunks decode on every core at once);
//! - the key: a hash of the four files' names, sizes and contents (XXH3,
//!   several GB/s) and of the model's source text, so that a changed file,
//!   or a duban whose data model differs, never reads an old copy.
//!
//! A file that is missing, short, long, foreign, of another version or key,
//! or whose head or a chunk does not match its checksum or does not
//! decode, is ignored and written anew from the RON. The key is worked
//! out from the files on another thread while the cache file is read and
//! decoded (see `load`): the copy is used only once the two agree. Writing goes through
//! [`crate::files::replace`] (a new file under an unpredictable name,
//! renamed into place: a link planted at the cache path is replaced, never
//! written through). When the cache cannot be written the dataset loads
//! all the same.
//!
//! Small datasets (under [`MIN_BYTES`] of RON, such as the bundled one)
//! parse in a few milliseconds and are not cached.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::cache_chunks;
use super::cache_form::{self, HeadForm, Names};
use crate::model::Dataset;

/// Overrides the cache directory; tests and portable installs set it.
pub const CACHE_DIR_ENV: &str = "DUBAN_CACHE_DIR";

/// Datasets whose four files hold fewer bytes than this are not cached.
pub const MIN_BYTES: u64 = 1 << 20;

const MAGIC: &[u8; 8] = b"DUBANDS\x1a";
const VERSION: u32 = 3;
const HEADER: usize = 8 + 4 + 16 + 8 + 8;

/// The text of the types the cache stores: any change to them changes
/// every key.
const MODEL_SOURCES: &[&str] = &[
    include_str!("cache_form.rs"),
    include_str!("cache_chunks.rs"),
    include_str!("../model/task.rs"),
    include_str!("../model/plan.rs"),
    include_str!("../model/target.rs"),
    include_str!("../model/unit.rs"),
    include_str!("../model/mod.rs"),
    include_str!("../model/name.rs"),
];

/// Where, and from what size on, datasets are cached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: Option<PathBuf>,
    min_bytes: u64,
}

/// What a load did with the cache.
#[derive(Debug)]
pub enum CacheUse {
    /// Not used: no cache directory, or a small dataset.
    Off,
    /// Loaded from the cache.
    Hit,
    /// Parsed from the RON; the cache was written.
    Written,
    /// Parsed from the RON; the cache could not be written.
    NotWritten { path: PathBuf, error: io::Error },
}

impl Cache {
    /// `$DUBAN_CACHE_DIR`, else `<platform cache dir>/duban`; datasets of
    /// [`MIN_BYTES`] and more.
    pub fn from_env() -> Cache {
        let dir = match std::env::var_os(CACHE_DIR_ENV).filter(|v| !v.is_empty()) {
            Some(dir) => Some(PathBuf::from(dir)),
            None => dirs::cache_dir().map(|d| d.join("duban")),
        };
        Cache {
            dir,
            min_bytes: MIN_BYTES,
        }
    }

    /// A cache in `dir` for datasets of any size.
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache {
            dir: Some(dir.into()),
            min_bytes: 0,
        }
    }

    /// No cache.
    pub fn off() -> Cache {
        Cache {
            dir: None,
            min_bytes: u64::MAX,
        }
    }

    /// The cache file for the dataset in `dataset`, if caching is on.
    pub fn file_for(&self, dataset: &Path) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        let canonical = std::fs::canonicalize(dataset).unwrap_or_else(|_| dataset.to_path_buf());
        let name = xxh3_64(canonical.as_os_str().as_encoded_bytes());
        Some(dir.join(format!("dataset-{name:016x}.bin")))
    }

    /// Whether a dataset of `bytes` bytes of RON is cached.
    pub fn wants(&self, bytes: u64) -> bool {
        self.dir.is_some() && bytes >= self.min_bytes
    }
}

/// The key of a dataset: its files' names, sizes and contents, and the
/// model the cache stores.
pub(super) fn key(files: &[(&str, &[u8])]) -> u128 {
    let hashed: Vec<(&str, u64, u64)> = (files.iter())
        .map(|(name, bytes)| (*name, bytes.len() as u64, xxh3_64(bytes)))
        .collect();
    key_of_hashes(&hashed)
}

/// [`key`] from each file's name, size and XXH3 hash.
pub(super) fn key_of_hashes(files: &[(&str, u64, u64)]) -> u128 {
    let mut h = Xxh3::new();
    h.update(&VERSION.to_le_bytes());
    for source in MODEL_SOURCES {
        h.update(&(source.len() as u64).to_le_bytes());
        h.update(source.as_bytes());
    }
    for (name, len, hash) in files {
        h.update(&(name.len() as u64).to_le_bytes());
        h.update(name.as_bytes());
        h.update(&len.to_le_bytes());
        h.update(&hash.to_le_bytes());
    }
    h.digest128()
}

/// The key the cache file at `path` was written under and the dataset it
/// holds; `None` for anything else (missing, damaged, foreign). Whether
/// the key is the dataset's is for the caller to say.
pub(super) fn read(path: &Path) -> Option<(u128, Dataset)> {
    let mut file = crate::files::open_read_data(path, false).ok()?;
    let file_len = file.metadata().ok()?.len();
    let mut header = [0; HEADER];
    file.read_exact(&mut header).ok()?;
    let (key, head_len, head_sum) = check(&header)?;
    let chunks_at = (HEADER as u64).checked_add(head_len)?;
    if chunks_at > file_len {
        return None;
    }
    let mut head = vec![0; usize::try_from(head_len).ok()?];
    file.read_exact(&mut head).ok()?;
    if xxh3_64(&head) != head_sum {
        return None;
    }
    let (mut head, rest) = postcard::take_from_bytes::<HeadForm>(&head).ok()?;
    if !rest.is_empty() {
        return None;
    }
    let chunks_len = (head.chunks.iter()).try_fold(0u64, |n, c| n.checked_add(c.len))?;
    if chunks_at.checked_add(chunks_len)? != file_len {
        return None;
    }
    let names = cache_form::shared_names(std::mem::take(&mut head.names));
    let tasks = cache_chunks::decode(file, chunks_at, &head.chunks, &names)?;
    Some((key, head.into_dataset(tasks, &names)?))
}

/// The key, the head's length and its checksum, if the header is ours.
fn check(header: &[u8; HEADER]) -> Option<(u128, u64, u64)> {
    let (magic, rest) = header.split_at(8);
    let (version, rest) = rest.split_at(4);
    let (key, rest) = rest.split_at(16);
    let (len, sum) = rest.split_at(8);
    let ok = magic == MAGIC && version == VERSION.to_le_bytes();
    ok.then(|| {
        (
            u128::from_le_bytes(key.try_into().unwrap_or_default()),
            u64::from_le_bytes(len.try_into().unwrap_or_default()),
            u64::from_le_bytes(sum.try_into().unwrap_or_default()),
        )
    })
}

/// The cache file's bytes for `data` under `key`.
pub(super) fn encode(data: &Dataset, key: u128) -> Vec<u8> {
    let mut names = Names::default();
    let (chunks, body) = cache_chunks::encode(&data.tasks, &mut names);
    // Serializing owned mirror types into a Vec cannot fail.
    let head = postcard::to_stdvec(&HeadForm::of(data, chunks, names)).unwrap_or_default();
    let mut out = Vec::with_capacity(HEADER + head.len() + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&key.to_le_bytes());
    out.extend_from_slice(&(head.len() as u64).to_le_bytes());
    out.extend_from_slice(&xxh3_64(&head).to_le_bytes());
    out.extend_from_slice(&head);
    out.extend_from_slice(&body);
    out
}

/// Writes the cache file for `data` at `path`, creating its directory.
pub(super) fn write(path: &Path, data: &Dataset, key: u128) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::files::replace(path, &encode(data, key)).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Dataset {
        crate::store::load(None).expect("the bundled dataset")
    }

    /// `bytes` as a cache file in a new directory, read back.
    fn read_back(bytes: &[u8]) -> Option<(u128, Dataset)> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.bin");
        std::fs::write(&path, bytes).unwrap();
        read(&path)
    }

    #[test]
    fn a_file_decodes_to_the_dataset_it_was_made_from() {
        let data = sample();
        assert_eq!(read_back(&encode(&data, 7)), Some((7, data)));
    }

    #[test]
    fn many_chunks_decode_in_order() {
        let data = crate::synth::synth(cache_chunks::CHUNK_TASKS * 5 + 3, 4);
        let (chunks, _) = cache_chunks::encode(&data.tasks, &mut Names::default());
        assert_eq!(chunks.len(), 6);
        assert_eq!(read_back(&encode(&data, 9)), Some((9, data)));
    }

    #[test]
    fn decoded_lists_have_no_spare_room() {
        let data = crate::synth::synth(cache_chunks::CHUNK_TASKS + 9, 6);
        let (_, back) = read_back(&encode(&data, 3)).expect("decodes");
        for task in back.all_tasks() {
            assert_eq!(task.lead.capacity(), task.lead.len());
            assert_eq!(task.co.capacity(), task.co.len());
            assert_eq!(task.items.capacity(), task.items.len());
            assert_eq!(task.targets.capacity(), task.targets.len());
        }
    }

    #[test]
    fn a_flipped_byte_or_a_cut_is_refused() {
        let data = crate::synth::synth(cache_chunks::CHUNK_TASKS * 2 + 1, 5);
        let bytes = encode(&data, 7);
        // Magic, version, key, the head, a chunk, the last chunk's end.
        for at in [0, 9, 20, HEADER + 3, bytes.len() / 2, bytes.len() - 1] {
            let mut bad = bytes.clone();
            bad[at] ^= 0x40;
            let back = read_back(&bad);
            // A flipped key reads, but under another key.
            assert!(back.is_none_or(|(key, _)| key != 7), "byte {at} flipped");
        }
        assert!(read_back(&bytes[..bytes.len() - 1]).is_none());
        assert!(read_back(&bytes[..HEADER - 1]).is_none());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(read_back(&longer).is_none());
    }

    #[test]
    fn the_key_follows_every_file_name_size_and_content() {
        let base = key(&[("plan.ron", b"ab"), ("tasks.ron", b"cd")]);
        assert_eq!(base, key(&[("plan.ron", b"ab"), ("tasks.ron", b"cd")]));
        for other in [
            key(&[("plan.ron", b"ab"), ("tasks.ron", b"ce")]),
            key(&[("plan.ron", b"ab"), ("tasks.ron", b"cd ")]),
            key(&[("plan.ron", b"ab"), ("units.ron", b"cd")]),
            key(&[("plan.ron", b"abc"), ("tasks.ron", b"d")]),
        ] {
            assert_ne!(base, other);
        }
    }
}
