//! The dataset as the binary cache stores it.
//!
//! The model's serde attributes are written for RON: fields left out when
//! empty, dates as text, a task's kind not stored. A compact binary format
//! (postcard) has no field names, so every field must always be there, in
//! a fixed order: these mirror types say exactly what is written. The
//! cache's key includes this file's text and the model's (see
//! `cache::MODEL_SOURCES`), so a change to either invalidates every cache.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{
    Cmp, Dataset, Item, Leader, List, Name, Names as Shared, Plan, Rules, Target, Task, TaskKind,
    Text, Unit, UnitKind,
};

/// Everything but the key tasks, which follow the head in chunks (see
/// `cache`): a chunk is [`TaskForm`]s back to back, so that chunks decode
/// on several threads at once.
#[derive(Serialize, Deserialize)]
pub(super) struct HeadForm {
    plan: PlanForm,
    /// The names tasks repeat (units, sections, leader IDs, deadline
    /// phrases, target units), each once: tasks refer to them by position,
    /// so they are checked as UTF-8 once, not at every mention.
    pub(super) names: Vec<String>,
    projects: Vec<TaskForm>,
    units: Vec<UnitForm>,
    /// The chunks of key tasks, in order.
    pub(super) chunks: Vec<ChunkForm>,
}

/// The names of [`HeadForm::names`] while a cache file is written.
#[derive(Default)]
pub(super) struct Names {
    at: HashMap<String, u32>,
    list: Vec<String>,
}

impl Names {
    fn of(&mut self, name: &str) -> u32 {
        if let Some(&at) = self.at.get(name) {
            return at;
        }
        let at = self.list.len() as u32;
        self.at.insert(name.to_string(), at);
        self.list.push(name.to_string());
        at
    }

    fn all(&mut self, names: &[Name]) -> Vec<u32> {
        names.iter().map(|n| self.of(n)).collect()
    }
}

/// The name at `at`, if there is one: a handle to the one copy.
fn name(names: &[Name], at: u32) -> Option<Name> {
    names.get(at as usize).cloned()
}

fn all_names(names: &[Name], at: Vec<u32>) -> Option<List<Name>> {
    exactly(at.into_iter().map(|i| name(names, i)))
}

/// The items of `all` as a list with no spare room, or `None` if one is
/// missing.
fn exactly<T>(all: impl ExactSizeIterator<Item = Option<T>>) -> Option<List<T>> {
    let mut list = List::with_capacity(all.len());
    for one in all {
        list.push(one?);
    }
    Some(list)
}

/// The names of a cache file's head, each made a shared [`Name`] once;
/// tasks then refer to them by position.
pub(super) fn shared_names(names: Vec<String>) -> Vec<Name> {
    names.into_iter().map(Name::from).collect()
}

/// One chunk of key tasks: how many, its length in bytes, and a checksum
/// (XXH3) over those bytes.
#[derive(Serialize, Deserialize, Clone, Copy)]
pub(super) struct ChunkForm {
    pub(super) tasks: u32,
    pub(super) len: u64,
    pub(super) sum: u64,
}

#[derive(Serialize, Deserialize)]
struct PlanForm {
    title: String,
    issuer: String,
    doc_number: String,
    issued: Option<i32>,
    year: i32,
    addressees: Vec<String>,
    note: String,
    first_listed_lead: bool,
    co_unordered: bool,
    default_co: Vec<String>,
    leaders: Vec<(String, String, String)>,
    by_section: bool,
}

#[derive(Serialize, Deserialize)]
pub(super) struct TaskForm {
    id: Text,
    leader: Option<u32>,
    other_leaders: Vec<u32>,
    section: Vec<u32>,
    number: u32,
    title: Option<Text>,
    text: Text,
    items: Vec<(Text, Text)>,
    lead: Vec<u32>,
    co: Vec<u32>,
    co_members_of: Vec<u32>,
    targets: Vec<(String, f64, u32, Cmp)>,
    due: Option<i32>,
    due_text: Option<u32>,
}

#[derive(Serialize, Deserialize)]
struct UnitForm {
    name: String,
    kind: UnitKind,
    aliases: Vec<String>,
}

/// A date as days from the common era (what `NaiveDate` stores).
fn days(date: NaiveDate) -> i32 {
    chrono::Datelike::num_days_from_ce(&date)
}

/// The date `days` after the common era began; `None` when out of range
/// (a damaged cache: the caller rebuilds).
fn date(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days)
}

impl HeadForm {
    /// The head of `data`'s cache file, for key tasks in `chunks`, with
    /// `names` (which the projects add to).
    pub(super) fn of(data: &Dataset, chunks: Vec<ChunkForm>, mut names: Names) -> HeadForm {
        let projects = (data.projects.iter())
            .map(|t| TaskForm::of(t, &mut names))
            .collect();
        let plan = &data.plan;
        HeadForm {
            plan: PlanForm {
                title: plan.title.clone(),
                issuer: plan.issuer.clone(),
                doc_number: plan.doc_number.clone(),
                issued: plan.issued.map(days),
                year: plan.year,
                addressees: plan.addressees.clone(),
                note: plan.rules.note.clone(),
                first_listed_lead: plan.rules.first_listed_lead,
                co_unordered: plan.rules.co_unordered,
                default_co: plan.rules.default_co.iter().map(String::from).collect(),
                leaders: (plan.leaders.iter())
                    .map(|l| (l.id.to_string(), l.name.clone(), l.title.clone()))
                    .collect(),
                by_section: plan.by_section,
            },
            names: names.list,
            projects,
            units: (data.units.iter())
                .map(|u| UnitForm {
                    name: u.name.to_string(),
                    kind: u.kind,
                    aliases: u.aliases.clone(),
                })
                .collect(),
            chunks,
        }
    }

    /// The dataset, with its key tasks decoded from the chunks with
    /// `names` (the head's names, shared); `None` when a stored date is out
    /// of range. The registry's and the plan's names are the tasks' copies.
    pub(super) fn into_dataset(self, tasks: Vec<Task>, names: &[Name]) -> Option<Dataset> {
        let p = self.plan;
        let issued = match p.issued {
            Some(d) => Some(date(d)?),
            None => None,
        };
        let projects = (self.projects.into_iter())
            .map(|f| f.into_task(TaskKind::Project, names))
            .collect::<Option<Vec<Task>>>()?;
        let mut shared = Shared::default();
        for name in names {
            shared.share(&mut name.clone());
        }
        Some(Dataset {
            plan: Plan {
                title: p.title,
                issuer: p.issuer,
                doc_number: p.doc_number,
                issued,
                year: p.year,
                addressees: p.addressees,
                rules: Rules {
                    note: p.note,
                    first_listed_lead: p.first_listed_lead,
                    co_unordered: p.co_unordered,
                    default_co: p.default_co.iter().map(|n| shared.get(n)).collect(),
                },
                leaders: (p.leaders.into_iter())
                    .map(|(id, name, title)| Leader {
                        id: shared.get(&id),
                        name,
                        title,
                    })
                    .collect(),
                by_section: p.by_section,
            },
            tasks,
            projects,
            units: (self.units.into_iter())
                .map(|u| Unit {
                    name: shared.get(&u.name),
                    kind: u.kind,
                    aliases: u.aliases,
                })
                .collect(),
        })
    }
}

impl TaskForm {
    pub(super) fn of(task: &Task, names: &mut Names) -> TaskForm {
        TaskForm {
            id: task.id.clone(),
            leader: task.leader.as_deref().map(|l| names.of(l)),
            other_leaders: names.all(&task.other_leaders),
            section: names.all(&task.section),
            number: task.number,
            title: task.title.clone(),
            text: task.text.clone(),
            items: (task.items.iter())
                .map(|i| (i.id.clone(), i.text.clone()))
                .collect(),
            lead: names.all(&task.lead),
            co: names.all(&task.co),
            co_members_of: names.all(&task.co_members_of),
            targets: (task.targets.iter())
                .map(|t| (t.name.clone(), t.value, names.of(&t.unit), t.cmp))
                .collect(),
            due: task.due.map(days),
            due_text: task.due_text.as_deref().map(|d| names.of(d)),
        }
    }

    /// The task, its names looked up in `names`; `None` when a date is out
    /// of range or a name is not there.
    pub(super) fn into_task(self, kind: TaskKind, names: &[Name]) -> Option<Task> {
        let due = match self.due {
            Some(d) => Some(date(d)?),
            None => None,
        };
        let opt = |at: Option<u32>| match at {
            Some(at) => name(names, at).map(Some),
            None => Some(None),
        };
        Some(Task {
            id: self.id,
            kind,
            leader: opt(self.leader)?,
            other_leaders: all_names(names, self.other_leaders)?,
            section: all_names(names, self.section)?,
            number: self.number,
            title: self.title,
            text: self.text,
            items: exactly((self.items.into_iter()).map(|(id, text)| Some(Item { id, text })))?,
            lead: all_names(names, self.lead)?,
            co: all_names(names, self.co)?,
            co_members_of: all_names(names, self.co_members_of)?,
            targets: exactly(
                (self.targets.into_iter()).map(|(target, value, unit, cmp)| {
                    Some(Target {
                        name: target,
                        value,
                        unit: name(names, unit)?,
                        cmp,
                    })
                }),
            )?,
            due,
            due_text: opt(self.due_text)?,
        })
    }
}
