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
use crate::model::{Dataset, Plan, Task, TaskKind, Unit};

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

    let plan: Plan = parse(plan_file)?;
    let tasks = with_kind(parse(tasks_file)?, TaskKind::Key);
    let projects = with_kind(parse(projects_file)?, TaskKind::Project);
    let units: Vec<Unit> = parse(units_file)?;
    let data = Dataset {
        plan,
        tasks,
        projects,
        units,
    };
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
    let files = read_files(dir)?;
    let total: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    let Some(cache_file) = cache.file_for(dir).filter(|_| cache.wants(total)) else {
        return Ok((parse_files(files)?, CacheUse::Off));
    };
    // The files' bytes are not needed on a hit: they go before the copy
    // is read, so the two are never in memory together.
    let key = key_of(&files);
    drop(files);
    if let Some(data) = cache::read(&cache_file, key) {
        return Ok((data, CacheUse::Hit));
    }
    // Read again, and keyed by what is parsed, in case a file changed
    // meanwhile.
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

/// The four files of the dataset in `dir`: (path as shown, bytes).
fn read_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, LoadError> {
    let mut files = Vec::with_capacity(FILES.len());
    for name in FILES {
        let path = dir.join(name);
        let bytes = crate::files::read(&path, true).map_err(|source| match source.kind() {
            ErrorKind::NotFound => LoadError::NotFound { path: path.clone() },
            _ => LoadError::Read {
                path: path.clone(),
                source,
            },
        })?;
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
