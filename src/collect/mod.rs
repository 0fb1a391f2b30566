//! The spreadsheet round trip of progress: `duban template` writes a
//! unit's report sheet (one row per task it leads), the unit fills it in
//! with Excel, WPS or LibreOffice, and `duban collect` reads it back, checks
//! every row and records one progress entry per filled row.
//!
//! Stages: [`rows`] (what a sheet holds) → [`write`] (the `.xlsx`);
//! [`read`] (cells back, columns by heading) → [`check`] (rows → entries or
//! errors per `file!sheet!cell`) → [`sort_file`] (new or unchanged). The
//! command line (`src/cli/collect.rs`) saves what is new in one commit.

pub mod check;
pub mod layout;
pub mod read;
pub mod rows;
pub mod write;

use std::collections::HashSet;
use std::path::Path;

pub use check::{CellError, Checked, Context};
pub use layout::Meta;
pub use rows::Template;

use crate::messages::Text;
use crate::messages::collect::COLLECT_OTHER_PLAN;
use crate::messages::collect::COLLECT_UNKNOWN_UNIT;
use crate::model::{ProgressEntry, Reporter, Status};
use crate::msg;

/// What an entry says, without when it was made: two entries that say
/// the same are the same report (collecting a sheet twice adds nothing).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Said {
    task: String,
    date: chrono::NaiveDate,
    percent: u8,
    status: Status,
    notes: [String; 3],
    reporter: Option<Reporter>,
}

impl Said {
    pub fn of(e: &ProgressEntry) -> Said {
        Said {
            task: e.task.clone(),
            date: e.date,
            percent: e.percent,
            status: e.status,
            notes: [e.note.clone(), e.problems.clone(), e.next_steps.clone()],
            reporter: e.reporter.clone(),
        }
    }
}

/// What collecting one file found.
#[derive(Debug, Default)]
pub struct FileOutcome {
    pub file: String,
    /// Entries to record.
    pub new: Vec<ProgressEntry>,
    /// Filled rows that say what the journal already holds.
    pub unchanged: usize,
    /// Rows not recorded: rows with errors, and every good row of a file
    /// held back for its errors.
    pub rejected: usize,
    pub errors: Vec<CellError>,
    /// A file that could not be read as a report sheet at all.
    pub failed: Option<read::Unreadable>,
    /// Whether its good rows were held back for the errors of others.
    pub held: bool,
}

impl FileOutcome {
    /// Whether the file makes the run fail.
    pub fn has_errors(&self) -> bool {
        self.failed.is_some() || !self.errors.is_empty()
    }
}

/// Reads and checks the sheet at `path`, and sorts its entries into new
/// and unchanged against `known` (what the journal and the files before
/// it say; the new entries are added to it). Errors hold back the whole
/// file unless `skip_bad_rows`.
pub fn sort_file(
    path: &Path,
    cx: &Context,
    known: &mut HashSet<Said>,
    skip_bad_rows: bool,
) -> FileOutcome {
    let mut outcome = FileOutcome {
        file: path.display().to_string(),
        ..FileOutcome::default()
    };
    let read = read::read(path).and_then(|mut s| Ok(own_unit(&mut s, cx).map(|()| s)?));
    let sheet = match read {
        Ok(sheet) => sheet,
        Err(why) => {
            outcome.failed = Some(why);
            return outcome;
        }
    };
    let checked = check::check(&sheet, cx);
    outcome.rejected = checked.rejected;
    outcome.errors = checked.errors;
    outcome.held = !outcome.errors.is_empty() && !skip_bad_rows;
    let mut fresh = HashSet::new();
    for entry in checked.entries {
        let said = Said::of(&entry);
        if known.contains(&said) {
            outcome.unchanged += 1;
        } else if outcome.held {
            outcome.rejected += 1;
        } else {
            fresh.insert(said);
            outcome.new.push(entry);
        }
    }
    known.extend(fresh);
    outcome
}

/// Checks that the sheet was made for this dataset, and names its unit
/// canonically.
fn own_unit(sheet: &mut read::Filled, cx: &Context) -> Result<(), Text> {
    let plan = &cx.data.plan;
    if sheet.meta.plan != plan.title || sheet.meta.year != plan.year {
        return Err(msg!(
            COLLECT_OTHER_PLAN,
            file = sheet.file(),
            sheet_plan = sheet.meta.plan,
            sheet_year = sheet.meta.year,
            plan = plan.title,
            year = plan.year
        ));
    }
    match cx.index.canonical(cx.data, &sheet.meta.unit) {
        Some(name) => {
            sheet.meta.unit = name.to_string();
            Ok(())
        }
        None => Err(msg!(
            COLLECT_UNKNOWN_UNIT,
            at = format!("{}!{}", sheet.file(), layout::META_SHEET),
            unit = sheet.meta.unit
        )),
    }
}
