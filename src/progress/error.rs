//! What can go wrong reading or saving the journal.

use std::fmt;
use std::io;
use std::path::PathBuf;

use super::validate::FieldError;
use crate::messages::Text;

/// The journal could not be read. Parse errors point at `file:line:col`.
#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    #[error("{}:{line}:{col}: {message}\n{excerpt}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        /// What is wrong, in English.
        message: String,
        /// What is wrong, in either language.
        problem: Text,
        /// The offending line and a caret under the column.
        excerpt: String,
    },
    #[error("{}: cannot read the progress file: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error(
        "no per-user data directory is known for the bundled dataset's progress; \
         set {} or use --data DIR",
        super::DATA_HOME_ENV
    )]
    NoDataDir,
}

/// What a save was doing when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStep {
    CreateDir,
    Lock,
    Read,
    Backup,
    Repair,
    Append,
    Flush,
    Create,
}

impl fmt::Display for SaveStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SaveStep::CreateDir => "create the directory",
            SaveStep::Lock => "lock",
            SaveStep::Read => "read",
            SaveStep::Backup => "back up",
            SaveStep::Repair => "cut an interrupted record from",
            SaveStep::Append => "append to",
            SaveStep::Flush => "flush",
            SaveStep::Create => "create",
        })
    }
}

/// A save failed; the file on disk is as it was, and the entries are kept in
/// memory to be saved by the next commit or `retry`.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot {step} {}: {source} ({pending} unsaved)", path.display())]
    Io {
        step: SaveStep,
        path: PathBuf,
        source: io::Error,
        pending: usize,
    },
    #[error(
        "not saved, the progress file is broken and left as it is: {error} ({pending} unsaved)"
    )]
    Broken {
        error: Box<ProgressError>,
        pending: usize,
    },
    #[error("not saved: {}", list(.0))]
    Invalid(Vec<FieldError>),
}

fn list(errors: &[FieldError]) -> String {
    let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
    texts.join("; ")
}
