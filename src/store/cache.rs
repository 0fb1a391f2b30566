//! A binary copy of a parsed and validated dataset, so that a large one
//! loads without parsing its RON again.
//!
//! The cache lives in the per-user cache directory (`~/.cache/duban` on
//! Linux, or `$DUBAN_CACHE_DIR`), never beside the dataset: a dataset
//! directory may be read-only or shared. One file per dataset directory,
//! named after a hash of its canonical path. It is only a copy, trusted
//! only when everything checks out:
//!
//! - a header: magic bytes, the format version, the key, the body's
//!   length and a checksum (XXH3) over the body;
//! - the key: a hash of the four files' names, sizes and contents (XXH3,
//!   several GB/s) and of the model's source text, so that a changed file,
//!   or a duban whose data model differs, never reads an old copy.
//!
//! A file that is missing, short, long, foreign, of another version or key,
//! or whose body does not match its checksum or does not decode, is
//! ignored and written anew from the RON. Writing goes through
//! [`crate::files::replace`] (a new file under an unpredictable name,
//! renamed into place: a link planted at the cache path is replaced, never
//! written through). When the cache cannot be written the dataset loads
//! all the same.
//!
//! Small datasets (under [`MIN_BYTES`] of RON, such as the bundled one)
//! parse in a few milliseconds and are not cached.

use std::io;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::cache_form::DatasetForm;
use crate::model::Dataset;

/// Overrides the cache directory; tests and portable installs set it.
pub const CACHE_DIR_ENV: &str = "DUBAN_CACHE_DIR";

/// Datasets whose four files hold fewer bytes than this are not cached.
pub const MIN_BYTES: u64 = 1 << 20;

const MAGIC: &[u8; 8] = b"DUBANDS\x1a";
const VERSION: u32 = 1;
const HEADER: usize = 8 + 4 + 16 + 8 + 8;

/// The text of the types the cache stores: any change to them changes
/// every key.
const MODEL_SOURCES: &[&str] = &[
    include_str!("cache_form.rs"),
    include_str!("../model/task.rs"),
    include_str!("../model/plan.rs"),
    include_str!("../model/target.rs"),
    include_str!("../model/unit.rs"),
    include_str!("../model/mod.rs"),
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
    let mut h = Xxh3::new();
    h.update(&VERSION.to_le_bytes());
    for source in MODEL_SOURCES {
        h.update(&(source.len() as u64).to_le_bytes());
        h.update(source.as_bytes());
    }
    for (name, bytes) in files {
        h.update(&(name.len() as u64).to_le_bytes());
        h.update(name.as_bytes());
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(&xxh3_64(bytes).to_le_bytes());
    }
    h.digest128()
}

/// The dataset in the cache file at `path` if it holds one for `key`;
/// `None` for anything else (missing, damaged, stale, foreign).
pub(super) fn read(path: &Path, key: u128) -> Option<Dataset> {
    let bytes = crate::files::read(path, false).ok()?;
    let body = check(&bytes, key)?;
    let form: DatasetForm = postcard::from_bytes(body).ok()?;
    form.into_dataset()
}

/// The body of a cache file, if its header is ours and for `key`, and the
/// body is whole and matches its checksum.
fn check(bytes: &[u8], key: u128) -> Option<&[u8]> {
    let (header, body) = bytes.split_at_checked(HEADER)?;
    let (magic, rest) = header.split_at(8);
    let (version, rest) = rest.split_at(4);
    let (stored_key, rest) = rest.split_at(16);
    let (len, sum) = rest.split_at(8);
    let ok = magic == MAGIC
        && version == VERSION.to_le_bytes()
        && stored_key == key.to_le_bytes()
        && len == (body.len() as u64).to_le_bytes()
        && sum == xxh3_64(body).to_le_bytes();
    ok.then_some(body)
}

/// The cache file's bytes for `data` under `key`.
pub(super) fn encode(data: &Dataset, key: u128) -> Vec<u8> {
    // Serializing owned mirror types into a Vec cannot fail.
    let body = postcard::to_stdvec(&DatasetForm::of(data)).unwrap_or_default();
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&key.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&xxh3_64(&body).to_le_bytes());
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

    #[test]
    fn a_file_decodes_to_the_dataset_it_was_made_from() {
        let data = sample();
        let bytes = encode(&data, 7);
        let body = check(&bytes, 7).expect("our own file checks");
        let form: DatasetForm = postcard::from_bytes(body).unwrap();
        assert_eq!(form.into_dataset(), Some(data));
    }

    #[test]
    fn another_key_or_a_flipped_byte_is_refused() {
        let bytes = encode(&sample(), 7);
        assert!(check(&bytes, 8).is_none());
        for at in [0, 9, 20, HEADER + 3, bytes.len() - 1] {
            let mut bad = bytes.clone();
            bad[at] ^= 0x40;
            assert!(check(&bad, 7).is_none(), "byte {at} flipped");
        }
        assert!(check(&bytes[..bytes.len() - 1], 7).is_none());
        assert!(check(&bytes[..HEADER - 1], 7).is_none());
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
