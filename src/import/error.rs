//! What can go wrong while importing, with the place in the source.

use std::io;
use std::path::PathBuf;

use crate::messages::Text;
use crate::store::LoadError;

/// An import failure. Source errors name `file:line:column`, the offending
/// line and what the importer expected there.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: cannot read: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}:{line}: not UTF-8 text; expected a UTF-8 markdown or text document", path.display())]
    NotUtf8 { path: PathBuf, line: usize },
    /// A curation file (units.ron, targets.ron) that does not parse or
    /// does not fit the dataset; `what` names it ("unit registry").
    #[error("{}:{line}:{column}: cannot read the curated {what}: {message}", path.display())]
    Curation {
        what: &'static str,
        path: PathBuf,
        line: usize,
        column: usize,
        message: Text,
    },
    /// The dataset's settled lead readings (leads.ron) do not parse or do
    /// not fit the document's tasks; nothing was written.
    #[error("{0}")]
    Leads(LoadError),
    /// The dataset read from the source fails the checks `duban check`
    /// makes; nothing was written.
    #[error("{}: the dataset read from it fails its checks; nothing written:\n{problems}", source_file.display())]
    Invalid {
        source_file: PathBuf,
        /// What the checks found, in either language.
        problems: LoadError,
    },
    #[error("{}: cannot write the dataset: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("{file}:{line}:{column}: {problem}; expected {expected}\n  {line} | {text}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        /// The offending source line, as written.
        text: String,
        problem: Text,
        expected: Text,
    },
    /// A spreadsheet that cannot be opened or read.
    #[error(transparent)]
    Sheet(#[from] crate::sheet::SheetError),
    /// A problem at a spreadsheet cell: `location` is `file!sheet!B3`,
    /// `text` the cell's text.
    #[error("{location}: {problem}; expected {expected}")]
    Cell {
        location: String,
        text: String,
        problem: Text,
        expected: Text,
    },
}
