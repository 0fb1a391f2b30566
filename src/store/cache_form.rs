//! The dataset as the binary cache stores it.
//!
//! The model's serde attributes are written for RON: fields left out when
//! empty, dates as text, a task's kind not stored. A compact binary format
//! (postcard) has no field names, so every field must always be there, in
//! a fixed order: these mirror types say exactly what is written. The
//! cache's key includes this file's text and the model's (see
//! `cache::MODEL_SOURCES`), so a change to either invalidates every cache.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{
    Cmp, Dataset, Item, Leader, Plan, Rules, Target, Task, TaskKind, Unit, UnitKind,
};

#[derive(Serialize, Deserialize)]
pub(super) struct DatasetForm {
    plan: PlanForm,
    tasks: Vec<TaskForm>,
    projects: Vec<TaskForm>,
    units: Vec<UnitForm>,
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
struct TaskForm {
    id: String,
    leader: Option<String>,
    other_leaders: Vec<String>,
    section: Vec<String>,
    number: u32,
    title: Option<String>,
    text: String,
    items: Vec<(String, String)>,
    lead: Vec<String>,
    co: Vec<String>,
    co_members_of: Vec<String>,
    targets: Vec<(String, f64, String, Cmp)>,
    due: Option<i32>,
    due_text: Option<String>,
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

impl DatasetForm {
    pub(super) fn of(data: &Dataset) -> DatasetForm {
        let plan = &data.plan;
        DatasetForm {
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
                default_co: plan.rules.default_co.clone(),
                leaders: (plan.leaders.iter())
                    .map(|l| (l.id.clone(), l.name.clone(), l.title.clone()))
                    .collect(),
                by_section: plan.by_section,
            },
            tasks: data.tasks.iter().map(TaskForm::of).collect(),
            projects: data.projects.iter().map(TaskForm::of).collect(),
            units: (data.units.iter())
                .map(|u| UnitForm {
                    name: u.name.clone(),
                    kind: u.kind,
                    aliases: u.aliases.clone(),
                })
                .collect(),
        }
    }

    /// The dataset; `None` when a stored date is out of range.
    pub(super) fn into_dataset(self) -> Option<Dataset> {
        let p = self.plan;
        let issued = match p.issued {
            Some(d) => Some(date(d)?),
            None => None,
        };
        let tasks = into_tasks(self.tasks, TaskKind::Key)?;
        let projects = into_tasks(self.projects, TaskKind::Project)?;
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
                    default_co: p.default_co,
                },
                leaders: (p.leaders.into_iter())
                    .map(|(id, name, title)| Leader { id, name, title })
                    .collect(),
                by_section: p.by_section,
            },
            tasks,
            projects,
            units: (self.units.into_iter())
                .map(|u| Unit {
                    name: u.name,
                    kind: u.kind,
                    aliases: u.aliases,
                })
                .collect(),
        })
    }
}

fn into_tasks(forms: Vec<TaskForm>, kind: TaskKind) -> Option<Vec<Task>> {
    forms.into_iter().map(|f| f.into_task(kind)).collect()
}

impl TaskForm {
    fn of(task: &Task) -> TaskForm {
        TaskForm {
            id: task.id.clone(),
            leader: task.leader.clone(),
            other_leaders: task.other_leaders.clone(),
            section: task.section.clone(),
            number: task.number,
            title: task.title.clone(),
            text: task.text.clone(),
            items: (task.items.iter())
                .map(|i| (i.id.clone(), i.text.clone()))
                .collect(),
            lead: task.lead.clone(),
            co: task.co.clone(),
            co_members_of: task.co_members_of.clone(),
            targets: (task.targets.iter())
                .map(|t| (t.name.clone(), t.value, t.unit.clone(), t.cmp))
                .collect(),
            due: task.due.map(days),
            due_text: task.due_text.clone(),
        }
    }

    fn into_task(self, kind: TaskKind) -> Option<Task> {
        let due = match self.due {
            Some(d) => Some(date(d)?),
            None => None,
        };
        Some(Task {
            id: self.id,
            kind,
            leader: self.leader,
            other_leaders: self.other_leaders,
            section: self.section,
            number: self.number,
            title: self.title,
            text: self.text,
            items: (self.items.into_iter())
                .map(|(id, text)| Item { id, text })
                .collect(),
            lead: self.lead,
            co: self.co,
            co_members_of: self.co_members_of,
            targets: (self.targets.into_iter())
                .map(|(name, value, unit, cmp)| Target {
                    name,
                    value,
                    unit,
                    cmp,
                })
                .collect(),
            due,
            due_text: self.due_text,
        })
    }
}
