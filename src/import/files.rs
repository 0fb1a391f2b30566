//! Reading a source document and a curated registry, writing a dataset.

use std::fmt;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::{Assumption, ImportError, ImportOptions, TARGETS_FILE, TargetCuration, import_with};
use crate::model::Unit;
use crate::store::{self, LeadCuration};

/// What `import_file` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub leaders: usize,
    pub tasks: usize,
    pub projects: usize,
    pub units: usize,
    /// Targets of all tasks and projects.
    pub targets: usize,
    /// Tasks whose targets came from `targets.ron` instead of extraction.
    pub curated: usize,
    pub out: PathBuf,
    /// Tasks whose lead units rest on the lead rule.
    pub assumed: Vec<Assumption>,
    /// The lead rule the units were read by.
    pub rule: super::LeadRule,
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} leaders, {} key tasks, {} projects, {} units, {} targets",
            self.leaders, self.tasks, self.projects, self.units, self.targets,
        )?;
        if self.curated > 0 {
            write!(f, " ({} tasks curated)", self.curated)?;
        }
        write!(f, " → {}", self.out.display())
    }
}

/// Reads a curated unit registry (a dataset's units.ron).
pub fn read_units(path: &Path) -> Result<Vec<Unit>, ImportError> {
    read_curation(path, "unit registry").map(|(_, units)| units)
}

/// Reads a curation file in RON: its text and what it holds. `what` names
/// it in errors ("unit registry", "targets").
pub(super) fn read_curation<T: DeserializeOwned>(
    path: &Path,
    what: &'static str,
) -> Result<(String, T), ImportError> {
    let bytes = crate::files::read(path, true).map_err(|source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| ImportError::Read {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
    })?;
    let value = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .from_str(&text)
        .map_err(|e| ImportError::Curation {
            what,
            path: path.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: crate::messages::ron_error(&e.code),
        })?;
    Ok((text, value))
}

/// Reads a source document as UTF-8 text.
fn read_source(path: &Path) -> Result<String, ImportError> {
    let bytes = crate::files::read(path, true).map_err(|source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..valid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        ImportError::NotUtf8 {
            path: path.to_path_buf(),
            line,
        }
    })
}

/// Imports `source` into the dataset directory `out`, keeping the curation
/// in `out/units.ron`, `out/targets.ron` and `out/leads.ron` when they
/// exist. Nothing is written when one is unreadable or does not fit.
pub fn import_file(source: &Path, out: &Path) -> Result<ImportSummary, ImportError> {
    import_file_with(source, out, ImportOptions::default())
}

/// [`import_file`] with options (the lead rule).
pub fn import_file_with(
    source: &Path,
    out: &Path,
    options: ImportOptions,
) -> Result<ImportSummary, ImportError> {
    import_file_from(source, out, options, None)
}

/// [`import_file_with`] for any source: a spreadsheet or CSV plan table
/// (by its extension: xlsx, xlsm, xls, xlsb, ods, csv) is read from its
/// sheet `sheet` (the first when `None`); anything else as a text
/// document.
pub fn import_file_from(
    source: &Path,
    out: &Path,
    options: ImportOptions,
    sheet: Option<&str>,
) -> Result<ImportSummary, ImportError> {
    if crate::sheet::read::is_sheet_file(source) {
        let grid = crate::sheet::read_sheet(source, sheet)?;
        let table = super::sheet::sheet_text(&grid)?;
        let name = grid.location.to_string();
        let mut summary = import_text(source, &table.text, &name, out, options)
            .map_err(|e| super::sheet::at_cell(&grid, &table, e))?;
        for a in &mut summary.assumed {
            a.line = super::sheet::row_of(&table, a.line);
        }
        return Ok(summary);
    }
    let text = read_source(source)?;
    let name = source.display().to_string();
    import_text(source, &text, &name, out, options)
}

/// Imports the text of `source` (named `name` in errors) into `out`.
fn import_text(
    source: &Path,
    text: &str,
    name: &str,
    out: &Path,
    options: ImportOptions,
) -> Result<ImportSummary, ImportError> {
    let units_path = out.join("units.ron");
    let curated = if units_path.exists() {
        Some(read_units(&units_path)?)
    } else {
        None
    };
    let targets_path = out.join(TARGETS_FILE);
    let curation = if targets_path.exists() {
        Some(TargetCuration::read(&targets_path)?)
    } else {
        None
    };
    let leads = LeadCuration::read(out).map_err(ImportError::Leads)?;
    let imported = import_with(text, name, curated.as_deref(), options)?;
    let mut data = imported.data;
    let curated_tasks = match &curation {
        Some(c) => c.apply(&mut data)?,
        None => 0,
    };
    let mut assumed = imported.assumed;
    if let Some(leads) = &leads {
        leads.apply(&mut data).map_err(ImportError::Leads)?;
        assumed.retain(|a| !leads.tasks().any(|t| t == a.task));
    }
    let write_error = |source| ImportError::Write {
        path: out.to_path_buf(),
        source,
    };
    let files = store::render_dataset(&data).map_err(write_error)?;
    let named: Vec<(String, &str)> = files
        .iter()
        .map(|(name, text)| (out.join(name).display().to_string(), text.as_str()))
        .collect();
    let pairs: [(&str, &str); 4] = std::array::from_fn(|i| (named[i].0.as_str(), named[i].1));
    store::check_rendered(&data, pairs).map_err(|e| ImportError::Invalid {
        source_file: source.to_path_buf(),
        problems: e,
    })?;
    store::write_files(out, &files).map_err(write_error)?;
    Ok(ImportSummary {
        leaders: data.plan.leaders.len(),
        tasks: data.tasks.len(),
        projects: data.projects.len(),
        units: data.units.len(),
        targets: data.all_tasks().map(|t| t.targets.len()).sum(),
        curated: curated_tasks,
        out: out.to_path_buf(),
        assumed,
        rule: imported.rule,
    })
}
