//! The report fixture: a small Dongyang dataset with a progress journal.
#![allow(dead_code)] // each test binary uses a different part

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use duban::model::{Dataset, ProgressEntry};
use duban::progress::{FILE_NAME, Journal};

/// The as-of date every golden file is written for.
pub const AS_OF: &str = "2023-06-30";

pub fn as_of() -> NaiveDate {
    AS_OF.parse().expect("date")
}

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report/data")
}

pub fn dataset() -> Dataset {
    duban::store::load_dir(&data_dir()).expect("report fixture")
}

/// The journal's entries that were not undone.
pub fn entries() -> Vec<ProgressEntry> {
    Journal::open(&data_dir().join(FILE_NAME))
        .expect("fixture journal")
        .entries()
        .cloned()
        .collect()
}

/// The circular's mid-year dataset: the bundled Dongyang plan plus the
/// fixture journal and `duban.ron` of `tests/fixtures/circular`.
pub fn midyear() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("tempdir");
    for source in ["data/dongyang-2023", "tests/fixtures/circular"] {
        for entry in std::fs::read_dir(root.join(source)).expect("read fixture dir") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "ron") {
                let name = path.file_name().expect("file name");
                std::fs::copy(&path, dir.path().join(name)).expect("copy fixture");
            }
        }
    }
    dir
}
