//! Settled lead readings: `leads.ron` in a dataset directory.
//!
//! A document that lists a task's units with no lead marked is read by a
//! lead rule, and `duban import` lists those tasks. A person settles each
//! one here, naming the units that lead:
//!
//! ```ron
//! [
//!     (task: "K7.2", lead: ["市残联"]),
//! ]
//! ```
//!
//! The named units lead and the task's other units cooperate. Import
//! applies the file (and no longer lists the task), and so does every load
//! of the dataset, so an edit counts before the next import too. A task
//! that is not in the dataset, a task listed twice, an empty list or a
//! unit that is not one of the task's units is an error at its place in
//! the file.

use std::path::Path;

use serde::Deserialize;

use super::error::{Diagnostic, LoadError};
use super::load::{decode, parse};
use crate::messages::dataset::{LEADS_EMPTY, LEADS_NOT_LISTED, LEADS_TWICE, LEADS_UNKNOWN_TASK};
use crate::model::{Dataset, Name, Task};
use crate::msg;
use crate::text::find_quoted;

/// The file's name in a dataset directory.
pub const LEADS_FILE: &str = "leads.ron";

/// One task's lead units, as a person settled them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettledLead {
    /// A key task or project ID (`K2.3`, `M9`).
    pub task: String,
    /// The units that lead, by name or alias.
    pub lead: Vec<String>,
}

/// A dataset's `leads.ron`, parsed.
#[derive(Debug, Clone)]
pub struct LeadCuration {
    name: String,
    text: String,
    pub entries: Vec<SettledLead>,
}

impl LeadCuration {
    /// Parses the file's text; `name` is what messages show.
    pub fn parse(name: &str, text: &str) -> Result<LeadCuration, LoadError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let entries = parse((name, text))?;
        Ok(LeadCuration {
            name: name.to_string(),
            text: text.to_string(),
            entries,
        })
    }

    /// The curation in `dir`, or `None` when the dataset has none.
    pub fn read(dir: &Path) -> Result<Option<LeadCuration>, LoadError> {
        let path = dir.join(LEADS_FILE);
        let bytes = match crate::files::read(&path, true) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(LoadError::Read { path, source }),
        };
        let name = path.display().to_string();
        let text = decode(&name, bytes)?;
        LeadCuration::parse(&name, &text).map(Some)
    }

    /// The IDs of the settled tasks.
    pub fn tasks(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.task.as_str())
    }

    /// Gives each listed task the listed lead units; its other units
    /// cooperate. Every problem is reported, and `data` is left as it was
    /// when there is one.
    pub fn apply(&self, data: &mut Dataset) -> Result<(), LoadError> {
        let mut problems = Vec::new();
        let mut settled: Vec<(usize, Vec<Name>)> = Vec::new();
        let tasks: Vec<&Task> = data.all_tasks().collect();
        let mut from = 0;
        for entry in &self.entries {
            let at = find_quoted(&self.text, from, &entry.task);
            from = at + 1;
            let error = |at: usize, message| Diagnostic::at(&self.name, &self.text, at, message);
            if settled.iter().any(|(i, _)| tasks[*i].id == entry.task) {
                problems.push(error(at, msg!(LEADS_TWICE, task = entry.task)));
                continue;
            }
            let Some(index) = tasks.iter().position(|t| t.id == entry.task) else {
                problems.push(error(at, msg!(LEADS_UNKNOWN_TASK, task = entry.task)));
                continue;
            };
            if entry.lead.is_empty() {
                problems.push(error(at, msg!(LEADS_EMPTY, task = entry.task)));
                continue;
            }
            let task = tasks[index];
            let listed: Vec<&Name> = task.lead.iter().chain(&task.co).collect();
            let mut lead: Vec<Name> = Vec::new();
            for name in &entry.lead {
                let canonical = canonical(data, name);
                if let Some(&found) = listed.iter().find(|u| ***u == *canonical) {
                    if !lead.contains(found) {
                        lead.push(found.clone());
                    }
                    continue;
                }
                let units: Vec<&str> = listed.iter().map(|s| s.as_str()).collect();
                let message = msg!(
                    LEADS_NOT_LISTED,
                    unit = name,
                    task = entry.task,
                    units = units.join("、")
                );
                problems.push(error(find_quoted(&self.text, at, name), message));
            }
            settled.push((index, lead));
        }
        if !problems.is_empty() {
            return Err(LoadError::Invalid(problems));
        }
        for (index, lead) in settled {
            let keys = data.tasks.len();
            let task = match index.checked_sub(keys) {
                Some(i) => &mut data.projects[i],
                None => &mut data.tasks[index],
            };
            settle(task, lead);
        }
        Ok(())
    }
}

/// The registry's name for `name` (itself, or the unit it is an alias of).
fn canonical<'a>(data: &'a Dataset, name: &'a str) -> &'a str {
    data.units
        .iter()
        .find(|u| u.name == name || u.aliases.iter().any(|a| a == name))
        .map_or(name, |u| u.name.as_str())
}

/// `lead` leads `task`; its other units, in their order, cooperate.
fn settle(task: &mut Task, lead: Vec<Name>) {
    let listed: Vec<Name> = task.lead.drain(..).chain(task.co.drain(..)).collect();
    task.co = listed.into_iter().filter(|u| !lead.contains(u)).collect();
    task.lead = lead.into();
}
