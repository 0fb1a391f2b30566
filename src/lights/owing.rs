//! Who owes a report: for the current period, the lead units of the tasks
//! whose report is overdue, with those tasks.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Light, Reason};
use crate::model::{Dataset, Task, Text};

/// A unit owing reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Owing {
    /// The unit's canonical name.
    pub unit: String,
    /// The overdue tasks it leads, in document order.
    pub tasks: Vec<Owed>,
}

/// A task whose report is overdue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Owed {
    /// The task's ID, shared with the task (no copy: after the plan year
    /// every task is owed, and a copy each made replacing the standings
    /// free a million small blocks).
    pub id: Text,
    /// The last due date passed.
    pub due: NaiveDate,
    /// Periods missed in a row.
    pub missed: u32,
}

/// The units owing reports, in registry order, from every task's light
/// (`lights` in the order of `tasks`); `only` keeps one unit.
pub fn owing<'d>(
    data: &Dataset,
    tasks: impl IntoIterator<Item = (&'d Task, Light, Reason)>,
    only: Option<&str>,
) -> Vec<Owing> {
    let mut by_unit: Vec<Vec<Owed>> = vec![Vec::new(); data.units.len()];
    let unit_at: crate::fast_map::FastMap<&str, usize> = (data.units.iter().enumerate())
        .map(|(i, u)| (u.name.as_str(), i))
        .collect();
    for (task, light, reason) in tasks {
        let (Light::Overdue, Reason::Unreported { missed, due, .. }) = (light, reason) else {
            continue;
        };
        for name in &task.lead {
            if only.is_some_and(|u| u != name) {
                continue;
            }
            if let Some(&u) = unit_at.get(name.as_str())
                && by_unit[u].last().is_none_or(|o| o.id != task.id)
            {
                by_unit[u].push(Owed {
                    id: task.id.clone(),
                    due,
                    missed,
                });
            }
        }
    }
    (data.units.iter().zip(by_unit))
        .filter(|(_, tasks)| !tasks.is_empty())
        .map(|(u, tasks)| Owing {
            unit: u.name.to_string(),
            tasks,
        })
        .collect()
}
