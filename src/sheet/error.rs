//! What can go wrong reading or writing a spreadsheet. Said in the user's
//! language through the message table (`src/messages/sheet.rs`); `Display`
//! is English, for logs and tests.

use std::io;

/// A spreadsheet that cannot be read or written. `file` is the path as the
/// user gave it.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("{file}: {error}")]
    Io { file: String, error: io::Error },
    #[error("{file}: cannot read it as a spreadsheet (xlsx, xls, ods or csv): {detail}")]
    Format { file: String, detail: String },
    #[error("{file}: no sheet named `{name}`; the sheets are: {}", available.join(", "))]
    NoSheet {
        file: String,
        name: String,
        available: Vec<String>,
    },
    #[error("{file}: the workbook has no sheets")]
    NoSheets { file: String },
    #[error("{file}:{line}: cannot read this CSV line: {detail}")]
    Csv {
        file: String,
        line: u64,
        detail: String,
    },
    #[error("{file}: the text is neither UTF-8 nor GB18030 (GBK)")]
    Encoding { file: String },
    #[error("{file}: cannot write the workbook: {detail}")]
    Write { file: String, detail: String },
}
