//! Lookups derived from a loaded dataset: which unit a name or alias
//! means, what a unit leads and cooperates on, what a leader heads.

use std::collections::HashMap;

use crate::model::{Dataset, Name, Unit};

/// The task IDs a unit leads and cooperates on, in document order (key
/// tasks, then projects). Only the units a task names count: membership
/// of a working group in `co_members_of`, and the plan's `default_co`
/// units that cooperate on everything, are not expanded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Duties {
    pub lead: Vec<String>,
    pub co: Vec<String>,
}

/// Derived lookups over a [`Dataset`]; build it once after loading.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Canonical names and aliases → position in `Dataset::units`.
    names: HashMap<String, usize>,
    /// One entry per unit, in registry order.
    duties: Vec<Duties>,
    /// Leader ID → task and project IDs, in document order.
    leader_tasks: HashMap<String, Vec<String>>,
}

impl Index {
    pub fn new(data: &Dataset) -> Index {
        let mut names = HashMap::new();
        for (i, unit) in data.units.iter().enumerate() {
            for name in
                std::iter::once(unit.name.as_str()).chain(unit.aliases.iter().map(String::as_str))
            {
                names.entry(name.to_string()).or_insert(i);
            }
        }
        let mut duties = vec![Duties::default(); data.units.len()];
        let mut leader_tasks: HashMap<String, Vec<String>> = HashMap::new();
        for task in data.all_tasks() {
            let mut add = |list: &[Name], lead: bool| {
                for name in list {
                    if let Some(&i) = names.get(name.as_str()) {
                        let d: &mut Duties = &mut duties[i];
                        let ids = if lead { &mut d.lead } else { &mut d.co };
                        if ids.last().map(String::as_str) != Some(&*task.id) {
                            ids.push(task.id.to_string());
                        }
                    }
                }
            };
            add(&task.lead, true);
            add(&task.co, false);
            if let Some(leader) = &task.leader {
                leader_tasks
                    .entry(leader.to_string())
                    .or_default()
                    .push(task.id.to_string());
            }
        }
        Index {
            names,
            duties,
            leader_tasks,
        }
    }

    /// The unit a canonical name or an alias means.
    pub fn unit<'d>(&self, data: &'d Dataset, name: &str) -> Option<&'d Unit> {
        self.names.get(name).and_then(|&i| data.units.get(i))
    }

    /// The canonical name for a canonical name or an alias.
    pub fn canonical<'d>(&self, data: &'d Dataset, name: &str) -> Option<&'d str> {
        self.unit(data, name).map(|u| u.name.as_str())
    }

    /// What the unit with this name or alias leads and cooperates on.
    pub fn duties(&self, name: &str) -> Option<&Duties> {
        self.names.get(name).and_then(|&i| self.duties.get(i))
    }

    /// The task and project IDs a leader heads, in document order.
    pub fn leader_tasks(&self, leader: &str) -> &[String] {
        self.leader_tasks.get(leader).map_or(&[], Vec::as_slice)
    }
}
