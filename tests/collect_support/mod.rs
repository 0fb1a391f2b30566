//! What the report-sheet tests share: running duban on the bundled dataset
//! with a journal of its own, and Python with openpyxl to fill in and look
//! into the sheets duban writes.
#![allow(dead_code)] // each test binary uses a different part

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::external;

const BIN: &str = env!("CARGO_BIN_EXE_duban");

/// "Today" for every run: in the plan year, after the second quarter's
/// due date (2023-06-30).
pub const TODAY: &str = "2023-07-05";

/// A scratch directory: the journal lives in it (`DUBAN_DATA_HOME`).
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs duban in the scratch directory, whatever its outcome.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .current_dir(self.dir.path())
            .env("DUBAN_DATA_HOME", self.dir.path().join("home"))
            .env_remove("DUBAN_LANG")
            .args(["--today", TODAY])
            .args(args)
            .output()
            .expect("run duban")
    }

    /// Runs duban and expects success; its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The journal's entries (`progress log --json`).
    pub fn entries(&self) -> Vec<serde_json::Value> {
        serde_json::from_str(&self.ok(&["progress", "log", "--json"])).expect("json")
    }

    /// Whether a journal was written at all.
    pub fn has_journal(&self) -> bool {
        walk(&self.dir.path().join("home")).any(|p| p.ends_with("progress.ron"))
    }
}

fn walk(dir: &Path) -> Box<dyn Iterator<Item = PathBuf>> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Box::new(std::iter::empty());
    };
    Box::new(read.flatten().flat_map(|e| {
        let p = e.path();
        if p.is_dir() {
            walk(&p)
        } else {
            Box::new(std::iter::once(p))
        }
    }))
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sheets")
        .join(name)
}

/// A python3 that has openpyxl, or `None` (reported by `external`).
pub fn python() -> Option<PathBuf> {
    external::python_with(&["openpyxl"])
}

/// Fills `cells` (`D2=40`, `E2=推进中`, `I2=date:2023-06-20`) of the sheet
/// at `from` with openpyxl and saves it as `to`.
pub fn fill(python: &Path, from: &Path, to: &Path, cells: &[&str]) {
    let out = Command::new(python)
        .arg(script("fill_report.py"))
        .arg(from)
        .arg(to)
        .args(cells)
        .output()
        .expect("run python");
    assert!(
        out.status.success(),
        "fill_report.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// What openpyxl sees in the sheet at `file` (see `inspect_report.py`).
pub fn inspect(python: &Path, file: &Path) -> serde_json::Value {
    let out = Command::new(python)
        .arg(script("inspect_report.py"))
        .arg(file)
        .output()
        .expect("run python");
    assert!(
        out.status.success(),
        "inspect_report.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}
