//! Targets on import: extracted from each task's text, or taken from the
//! dataset's hand curation (`DIR/targets.ron`) where extraction cannot be
//! sure.
//!
//! The curation file lists tasks by ID with their full target list; a
//! listed task gets exactly those targets (`targets: []` for none), every
//! other task what [`crate::targets::extract`] finds. Only `duban import`
//! reads the file, so the curation survives every re-import.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::ImportError;
use super::files::read_curation;
use crate::messages::Text;
use crate::messages::import::{
    IMP_TARGET_BAD, IMP_TARGET_NO_NAME, IMP_TARGET_NO_VALUE, IMP_TARGET_SECOND, IMP_TARGETS_TWICE,
    IMP_TARGETS_UNKNOWN_TASK,
};
use crate::model::{Dataset, Target};
use crate::msg;
use crate::text::find_quoted;

/// The curation file's name in a dataset directory.
pub const TARGETS_FILE: &str = "targets.ron";

/// One task's hand-curated targets.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedTargets {
    /// A key task or project ID (`K2.3`, `M9`).
    pub task: String,
    pub targets: Vec<Target>,
}

/// The targets extraction finds in `text`. An actual names its target, so
/// names must be unique: a second target of the same name is numbered
/// (`新增规上企业(2)`).
pub(crate) fn extracted(text: &str) -> Vec<Target> {
    let mut targets = crate::targets::extract(text);
    let mut seen: HashSet<String> = HashSet::new();
    for t in &mut targets {
        let mut n = 1;
        let base = t.name.clone();
        while !seen.insert(t.name.clone()) {
            n += 1;
            t.name = format!("{base}({n})");
        }
    }
    targets
}

/// A dataset's curation file, read and checked on its own: no task listed
/// twice, target names non-empty and unique within a task, values finite.
#[derive(Debug, Clone)]
pub struct TargetCuration {
    path: PathBuf,
    text: String,
    pub tasks: Vec<CuratedTargets>,
}

impl TargetCuration {
    pub fn read(path: &Path) -> Result<TargetCuration, ImportError> {
        let (text, tasks): (String, Vec<CuratedTargets>) = read_curation(path, "targets")?;
        let curation = TargetCuration {
            path: path.to_path_buf(),
            text,
            tasks,
        };
        curation.check()?;
        Ok(curation)
    }

    fn check(&self) -> Result<(), ImportError> {
        let mut tasks = HashSet::new();
        for c in &self.tasks {
            let at = find_quoted(&self.text, 0, &c.task);
            if !tasks.insert(c.task.as_str()) {
                let again = find_quoted(&self.text, at + 1, &c.task);
                return Err(self.error(again, msg!(IMP_TARGETS_TWICE, task = c.task)));
            }
            let mut names = HashSet::new();
            for t in &c.targets {
                let (problem, repeated) = if t.name.trim().is_empty() {
                    (msg!(IMP_TARGET_NO_NAME), false)
                } else if !names.insert(t.name.as_str()) {
                    (msg!(IMP_TARGET_SECOND, name = t.name), true)
                } else if !t.value.is_finite() {
                    (msg!(IMP_TARGET_NO_VALUE, name = t.name), false)
                } else {
                    continue;
                };
                let first = find_quoted(&self.text, at, &t.name);
                let place = match repeated {
                    true => find_quoted(&self.text, first + 1, &t.name),
                    false => first,
                };
                return Err(self.error(
                    place,
                    msg!(IMP_TARGET_BAD, task = c.task).with("problem", problem),
                ));
            }
        }
        Ok(())
    }

    /// Gives each curated task its curated targets; returns how many tasks
    /// that was. A curated ID that names no key task or project of the
    /// document is an error: the document changed and the curation must
    /// follow it.
    pub fn apply(&self, data: &mut Dataset) -> Result<usize, ImportError> {
        for c in &self.tasks {
            let task = data
                .tasks
                .iter_mut()
                .chain(data.projects.iter_mut())
                .find(|t| t.id == c.task);
            match task {
                Some(task) => task.targets = c.targets.clone().into(),
                None => {
                    return Err(self.error(
                        find_quoted(&self.text, 0, &c.task),
                        msg!(IMP_TARGETS_UNKNOWN_TASK, task = c.task),
                    ));
                }
            }
        }
        Ok(self.tasks.len())
    }

    /// An error at byte `at` of the file.
    fn error(&self, at: usize, message: Text) -> ImportError {
        let before = &self.text[..at.min(self.text.len())];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        ImportError::Curation {
            what: "targets",
            path: self.path.clone(),
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_placed_at_the_quoted_id_by_character_column() {
        let curation = TargetCuration {
            path: PathBuf::from("targets.ron"),
            text: "[\n  (task: \"K1.1\", targets: []),\n  (task: \"M9\", targets: []),\n]".into(),
            tasks: Vec::new(),
        };
        let at = find_quoted(&curation.text, 0, "M9");
        let e = curation.error(at, "x".into()).to_string();
        assert!(e.starts_with("targets.ron:3:10:"), "{e}");
    }

    #[test]
    fn a_repeated_name_is_numbered() {
        let names: Vec<String> = extracted("新增规上企业100家。新增规上企业20家。")
            .into_iter()
            .map(|t| t.name)
            .collect();
        assert_eq!(names, ["新增规上企业", "新增规上企业(2)"]);
    }
}
