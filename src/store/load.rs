//! Reading the four files of a dataset into a [`Dataset`]: the bundled one
//! and one on disk go through the same [`load_sources`].

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::cache::{self, Cache, CacheUse};
use super::error::{Diagnostic, LoadError};
use super::validate::{Sources, validate};
use super::write::FILES;
use crate::messages::Lang;
use crate::model::{Dataset, Names, Plan, Task, TaskKind, Unit};

/// Parses and validates a dataset from `(file name, text)` pairs, one per
/// file of [`FILES`]. The name is what messages show (a path, usually); the
/// part after the last `/` says which file it is.
pub fn load_sources(files: &[(&str, &str)]) -> Result<Dataset, LoadError> {
    let file = |wanted: &str| {
        files
            .iter()
            .find(|(name, _)| Path::new(name).file_name().is_some_and(|n| n == wanted))
            .map(|&(name, text)| (name, text.strip_prefix('\u{feff}').unwrap_or(text)))
            .ok_or_else(|| LoadError::NotFound {
                path: PathBuf::from(wanted),
            })
    };
    let [plan_file, tasks_file, projects_file, units_file] = FILES.map(file);
    let (plan_file, tasks_file, projects_file, units_file) =
        (plan_file?, tasks_file?, projects_file?, units_file?);

    // Each distinct name is allocated once per thread while parsing, then
    // once in all.
    let mut data = Names::interning(|| -> Result<Dataset, LoadError> {
        let plan: Plan = parse(plan_file)?;
        let tasks = with_kind(super::split::parse_list(tasks_file)?, TaskKind::Key);
        let projects = with_kind(parse(projects_file)?, TaskKind::Project);
        let units: Vec<Unit> = parse(units_file)?;
        Ok(Dataset {
            plan,
            tasks,
            projects,
            units,
        })
    })?;
    data.share_names();
    let sources = Sources::new(plan_file, tasks_file, projects_file, units_file);
    let problems = validate(&data, &sources);
    if problems.is_empty() {
        Ok(data)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// Loads and validates the dataset in `dir` (plan.ron, tasks.ron,
/// projects.ron, units.ron), with the lead readings settled in its
/// leads.ron, through the per-user cache (see [`super::cache`]). When the
/// cache cannot be written, says so once on standard error (after
/// [`warn_in`]) and goes on without it.
pub fn load_dir(dir: &Path) -> Result<Dataset, LoadError> {
    let (data, used) = load_dir_cached(dir, &Cache::from_env())?;
    if let CacheUse::NotWritten { path, error } = used {
        warn_not_written(&path, &error);
    }
    Ok(data)
}

/// [`load_dir`] with the given cache, saying how the cache was used.
pub fn load_dir_cached(dir: &Path, cache: &Cache) -> Result<(Dataset, CacheUse), LoadError> {
    settle(dir, load_four(dir, cache)?)
}

/// The dataset of `dir`'s four files, through the cache.
fn load_four(dir: &Path, cache: &Cache) -> Result<(Dataset, CacheUse), LoadError> {
    if !dir.exists() {
        return Err(LoadError::NotFound {
            path: dir.to_path_buf(),
        });
    }
    let Some(cache_file) = cache.file_for(dir).filter(|_| cache.wants(stat_total(dir))) else {
        return Ok((parse_files(read_files(dir)?)?, CacheUse::Off));
    };
    if cache_file.exists()
        && let Some(data) = from_cache(dir, &cache_file)?
    {
        return Ok((data, CacheUse::Hit));
    }
    // Keyed by what is parsed, in case a file changed meanwhile.
    let files = read_files(dir)?;
    let key = key_of(&files);
    let data = parse_files(files)?;
    let used = match cache::write(&cache_file, &data, key) {
        Ok(()) => CacheUse::Written,
        Err(error) => CacheUse::NotWritten {
            path: cache_file,
            error,
        },
    };
    Ok((data, used))
}

/// The dataset in `cache_file` if it was written for `dir`'s files as
/// they are. The files are hashed (read a piece at a time: never whole in
/// memory) while the cache file is read and decoded; the copy is used only
/// if it was written under the files' key.
fn from_cache(dir: &Path, cache_file: &Path) -> Result<Option<Dataset>, LoadError> {
    let (key, cached) = std::thread::scope(|s| {
        let hashing = s.spawn(|| hash_files(dir));
        let cached = cache::read(cache_file);
        let key = hashing
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (key, cached)
    });
    let key = key?;
    Ok(cached
        .filter(|(stored, _)| *stored == key)
        .map(|(_, data)| data))
}

/// The four files' sizes together, as far as they can be seen (reading
/// them says what is wrong with any that cannot).
fn stat_total(dir: &Path) -> u64 {
    (FILES.iter())
        .filter_map(|name| std::fs::metadata(dir.join(name)).ok())
        .map(|meta| meta.len())
        .sum()
}

/// An error reading the dataset file at `path`, as a [`LoadError`].
fn read_error(path: &Path, source: std::io::Error) -> LoadError {
    match source.kind() {
        ErrorKind::NotFound => LoadError::NotFound {
            path: path.to_path_buf(),
        },
        _ => LoadError::Read {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// The cache key of `dir`'s four files, read a piece at a time: what
/// [`key_of`] gives for their bytes.
fn hash_files(dir: &Path) -> Result<u128, LoadError> {
    let mut buf = vec![0; 1 << 20];
    let mut hashed = Vec::with_capacity(FILES.len());
    for name in FILES {
        let path = dir.join(name);
        let (len, hash) = hash_file(&path, &mut buf).map_err(|e| read_error(&path, e))?;
        hashed.push((name, len, hash));
    }
    Ok(cache::key_of_hashes(&hashed))
}

/// The length and XXH3 hash of a dataset file, read through `buf`.
fn hash_file(path: &Path, buf: &mut [u8]) -> std::io::Result<(u64, u64)> {
    use std::io::Read;
    let file = crate::files::open_read_data(path, true)?;
    let mut file = file.take(crate::files::MAX_DATA_BYTES + 1);
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut len = 0u64;
    loop {
        match file.read(buf) {
            Ok(0) => break,
            Ok(n) => {
                hasher.update(&buf[..n]);
                len += n as u64;
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok((len, hasher.digest()))
}

/// The four files of the dataset in `dir`: (path as shown, bytes).
fn read_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, LoadError> {
    let mut files = Vec::with_capacity(FILES.len());
    for name in FILES {
        let path = dir.join(name);
        let bytes = crate::files::read_data(&path, true).map_err(|e| read_error(&path, e))?;
        files.push((path.display().to_string(), bytes));
    }
    Ok(files)
}

fn key_of(files: &[(String, Vec<u8>)]) -> u128 {
    let named: Vec<(&str, &[u8])> = (FILES.iter().zip(files))
        .map(|(name, (_, bytes))| (*name, bytes.as_slice()))
        .collect();
    cache::key(&named)
}

/// Parses and validates the four files' bytes, as read from `(path, bytes)`.
fn parse_files(files: Vec<(String, Vec<u8>)>) -> Result<Dataset, LoadError> {
    let mut texts = Vec::with_capacity(files.len());
    for (shown, bytes) in files {
        let text = decode(&shown, bytes)?;
        texts.push((shown, text));
    }
    let pairs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    load_sources(&pairs)
}

/// Applies the lead readings settled in `dir`'s leads.ron, if it has one.
/// The cache holds the dataset as its four files give it: a small curation
/// file is read at every load, so an edit counts at once.
fn settle(
    dir: &Path,
    (mut data, used): (Dataset, CacheUse),
) -> Result<(Dataset, CacheUse), LoadError> {
    if let Some(leads) = super::LeadCuration::read(dir)? {
        leads.apply(&mut data)?;
    }
    Ok((data, used))
}

/// The language cache warnings are said in; unset, nothing is said (a
/// library caller gets [`CacheUse`] from [`load_dir_cached`]).
static WARN_LANG: OnceLock<Lang> = OnceLock::new();

/// Says cache warnings on standard error, in `lang`, at most once.
pub fn warn_in(lang: Lang) {
    let _ = WARN_LANG.set(lang);
}

fn warn_not_written(path: &Path, error: &std::io::Error) {
    static SAID: AtomicBool = AtomicBool::new(false);
    let Some(&lang) = WARN_LANG.get() else {
        return;
    };
    if SAID.swap(true, Ordering::Relaxed) {
        return;
    }
    let text = crate::msg!(
        crate::messages::dataset::CACHE_NOT_WRITTEN,
        path = path.display(),
        error = error
    );
    eprintln!(
        "duban: {}",
        crate::text::printable_lines(&text.render(lang))
    );
}

/// The bytes of a file as text, or where the first byte that is not UTF-8 is.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        let bad = bytes.get(offset).copied().unwrap_or_default();
        let lossy = String::from_utf8_lossy(bytes);
        LoadError::Encoding(Box::new(Diagnostic::at(
            name,
            &lossy,
            offset,
            crate::msg!(
                crate::messages::dataset::INVALID_UTF8,
                byte = format!("{bad:02x}")
            ),
        )))
    })
}

fn with_kind(mut tasks: Vec<Task>, kind: TaskKind) -> Vec<Task> {
    for task in &mut tasks {
        task.kind = kind;
    }
    tasks
}

pub(super) fn parse<T: DeserializeOwned>((name, text): (&str, &str)) -> Result<T, LoadError> {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|err| {
            let offset = error_offset(text, &err);
            let message = crate::messages::ron_error(&err.code);
            LoadError::Syntax(Box::new(Diagnostic::at(name, text, offset, message)))
        })
}

/// Where to point for a parse error: at the next token rather than the
/// blank before it, and for a missing `,` or closing bracket, just after
/// the value it should follow.
fn error_offset(text: &str, err: &ron::error::SpannedError) -> usize {
    use ron::error::Error;
    let at = offset_of(text, err.span.start.line, err.span.start.col);
    let missing_after = matches!(
        err.code,
        Error::ExpectedComma
            | Error::ExpectedArrayEnd
            | Error::ExpectedStructLikeEnd
            | Error::ExpectedMapEnd
    );
    if missing_after {
        text[..at].trim_end().len()
    } else {
        at + (text[at..].len() - text[at..].trim_start_matches([' ', '\t']).len())
    }
}

/// The byte offset of a 1-based line and character column, clamped to the
/// text.
fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    text[line_start..]
        .char_indices()
        .map(|(i, _)| line_start + i)
        .chain(std::iter::once(text.len()))
        .nth(col.saturating_sub(1))
        .unwrap_or(text.len())
}
