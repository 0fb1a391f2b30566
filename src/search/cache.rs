//! The search cache: a dataset's search index in a compact file, so that
//! `duban search` on a large dataset neither parses nor loads it, nor
//! builds the index, to answer one query.
//!
//! The same rules as the load cache ([`crate::store::Cache`]), in the same
//! per-user directory, beside it (`dataset-<hash>.search`):
//!
//! - a header: magic bytes, the format version, the key, the body's
//!   length and a checksum (XXH3) over the body;
//! - the key: a hash (XXH3) of the dataset's files (the four and
//!   leads.ron), their names and sizes, and of the source text of the code
//!   that builds and stores the index, so that a changed file or another
//!   duban never reads an old index.
//!
//! A file that is missing, short, long, foreign, of another version or key,
//! or whose body does not check or decode, is ignored: the dataset is
//! loaded, the index built and the file written anew through
//! [`crate::files::replace`] (never through a link planted at its path).
//! When it cannot be written, the search goes on without it.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::Index;
use super::cache_form;
use crate::store::{self, Cache, FILES, LEADS_FILE, LoadError};

const MAGIC: &[u8; 8] = b"DUBANSX\x1a";
const VERSION: u32 = 3;
const HEADER: usize = 8 + 4 + 16 + 8 + 8;

/// A cache file is read only up to this size.
const MAX_BYTES: u64 = 4 << 30;

/// The code whose change changes every key.
const SOURCES: &[&str] = &[
    include_str!("build.rs"),
    include_str!("index.rs"),
    include_str!("texts.rs"),
    include_str!("initials.rs"),
    include_str!("cache_form.rs"),
    include_str!("pinyin.rs"),
    include_str!("score.rs"),
    include_str!("plain_query.rs"),
    include_str!("../script.rs"),
    include_str!("../store/load.rs"),
];

/// What a search did with the search cache.
#[derive(Debug)]
pub enum IndexFrom {
    /// Built from the dataset; no cache (none configured, a small
    /// dataset, or the bundled one).
    Built,
    /// Read from the cache.
    Cache,
    /// Built from the dataset, and the cache written.
    Written,
    /// Built from the dataset; the cache could not be written.
    NotWritten { path: PathBuf, error: io::Error },
}

/// The search index of the dataset in `dir`: from the cache when it holds
/// one for the dataset's files as they are, else built from the loaded
/// dataset (and the cache written).
pub fn index_for(dir: &Path, cache: &Cache) -> Result<(Index, IndexFrom), LoadError> {
    let file = cache.file_for(dir).map(|f| f.with_extension("search"));
    let keyed = file.zip(dataset_key(dir));
    let Some((file, (key, bytes))) = keyed.filter(|(_, (_, bytes))| cache.wants(*bytes)) else {
        let (data, _) = store::load_dir_cached(dir, cache)?;
        return Ok((Index::build(&data), IndexFrom::Built));
    };
    if let Some(index) = read(&file, key) {
        return Ok((index, IndexFrom::Cache));
    }
    let (data, _) = store::load_dir_cached(dir, cache)?;
    let index = Index::build(&data);
    // Written only for the files as they were loaded.
    if dataset_key(dir) != Some((key, bytes)) {
        return Ok((index, IndexFrom::Built));
    }
    let used = match write(&file, &index, key) {
        Ok(()) => IndexFrom::Written,
        Err(error) => IndexFrom::NotWritten { path: file, error },
    };
    Ok((index, used))
}

/// The key of the dataset in `dir` and the bytes of its four files; `None`
/// when one cannot be read (the load says why).
fn dataset_key(dir: &Path) -> Option<(u128, u64)> {
    let mut h = Xxh3::new();
    h.update(&VERSION.to_le_bytes());
    for source in SOURCES {
        h.update(&(source.len() as u64).to_le_bytes());
        h.update(source.as_bytes());
    }
    let mut total = 0;
    for name in FILES.iter().chain([&LEADS_FILE]) {
        let bytes = match crate::files::read(&dir.join(name), true) {
            Ok(bytes) => bytes,
            Err(e) if *name == LEADS_FILE && e.kind() == io::ErrorKind::NotFound => {
                h.update(b"none");
                continue;
            }
            Err(_) => return None,
        };
        if *name != LEADS_FILE {
            total += bytes.len() as u64;
        }
        h.update(&(name.len() as u64).to_le_bytes());
        h.update(name.as_bytes());
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(&xxh3_64(&bytes).to_le_bytes());
    }
    Some((h.digest128(), total))
}

/// The index in the cache file at `path` if it holds one for `key`.
fn read(path: &Path, key: u128) -> Option<Index> {
    let file = crate::files::open_read(path, false).ok()?;
    let mut bytes = Vec::with_capacity(file.metadata().ok()?.len() as usize);
    file.take(MAX_BYTES).read_to_end(&mut bytes).ok()?;
    cache_form::decode(check(&bytes, key)?)
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

/// The cache file's bytes for `index` under `key`.
fn encode(index: &Index, key: u128) -> Vec<u8> {
    let body = cache_form::encode(index);
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&key.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&xxh3_64(&body).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

fn write(path: &Path, index: &Index, key: u128) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::files::replace(path, &encode(index, key)).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Searcher;
    use std::sync::Arc;

    fn sample() -> Index {
        Index::build(&crate::synth::synth(200, 3))
    }

    #[test]
    fn a_file_decodes_to_an_index_that_answers_alike() {
        let built = Arc::new(sample());
        let bytes = encode(&built, 7);
        let body = check(&bytes, 7).expect("our own file checks");
        let read = Arc::new(cache_form::decode(body).expect("decodes"));
        assert_eq!(read.heap_bytes() > 0, built.heap_bytes() > 0);
        for query in ["新增", "企", "gsqy", "市发改局", "k1.1"] {
            let a = Searcher::new(Arc::clone(&built)).search(query, None, 30);
            let b = Searcher::new(Arc::clone(&read)).search(query, None, 30);
            assert!(!a.is_empty(), "{query}");
            assert_eq!(a, b, "{query}");
        }
    }

    #[test]
    fn another_key_a_flipped_byte_or_a_cut_is_refused() {
        let bytes = encode(&sample(), 7);
        assert!(check(&bytes, 8).is_none());
        for at in [0, 9, 20, HEADER + 3, bytes.len() / 2, bytes.len() - 1] {
            let mut bad = bytes.clone();
            bad[at] ^= 0x40;
            assert!(check(&bad, 7).is_none(), "byte {at} flipped");
        }
        assert!(check(&bytes[..bytes.len() - 1], 7).is_none());
        assert!(check(&bytes[..HEADER - 1], 7).is_none());
    }

    #[test]
    fn a_body_cut_or_changed_anywhere_never_decodes_into_a_panic() {
        let body = cache_form::encode(&Index::build(&crate::synth::synth(20, 1)));
        for cut in (0..body.len()).step_by(97) {
            assert!(cache_form::decode(&body[..cut]).is_none(), "cut at {cut}");
        }
        for at in (0..body.len()).step_by(89) {
            let mut bad = body.clone();
            bad[at] = bad[at].wrapping_add(0x81);
            // It may decode (a changed letter of a text) but must not panic,
            // and what decodes must search without panicking.
            if let Some(index) = cache_form::decode(&bad) {
                Searcher::new(Arc::new(index)).search("新增", None, 10);
            }
        }
    }
}
