//! The public shape of a dataset with its progress: what `duban export`
//! writes as JSON or CSV. Scripts and spreadsheets rely on these field
//! names; add fields, never rename or remove them.

mod table;

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{
    Cmp, Dataset, Item, Leader, ProgressEntry, Reporter, Rules, Status, Task, TaskKind, UnitKind,
};
use crate::store::Index;

pub use table::{CSV_HEADER, status_cell, table, write_csv};

/// Everything `duban export` writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub plan: PlanExport,
    pub leaders: Vec<Leader>,
    /// Key tasks, then projects, in document order.
    pub tasks: Vec<TaskExport>,
    /// The unit registry, in registry order.
    pub units: Vec<UnitExport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanExport {
    pub title: String,
    pub issuer: String,
    pub doc_number: String,
    pub year: i32,
    /// `null` when the document states no date.
    pub issued: Option<NaiveDate>,
    pub rules: Rules,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskExport {
    pub id: String,
    pub kind: TaskKind,
    pub leader: Option<String>,
    pub number: u32,
    /// Projects only; `null` for key tasks.
    pub title: Option<String>,
    pub text: String,
    /// Projects' numbered sub-items; empty for key tasks.
    pub items: Vec<Item>,
    pub lead_units: Vec<String>,
    pub co_units: Vec<String>,
    pub co_members_of: Vec<String>,
    /// The entry the task stands on: its latest, or for a project the
    /// roll-up of its sub-items (`from_items`); `null` when none.
    pub progress: Option<ProgressExport>,
    /// Projects: each sub-item's latest entry, in item order; empty for
    /// key tasks.
    #[serde(default)]
    pub item_progress: Vec<ItemProgressExport>,
    /// The numbers the task commits to, with the latest entry's actuals.
    #[serde(default)]
    pub targets: Vec<TargetExport>,
    /// Every leader ID of the task (`leader` is the first, or `null`).
    #[serde(default)]
    pub leaders: Vec<String>,
    /// The document's headings above the task, outermost first.
    #[serde(default)]
    pub section: Vec<String>,
    /// The deadline as a date, or `null`.
    #[serde(default)]
    pub due: Option<NaiveDate>,
    /// The deadline as the document writes it, or `null`.
    #[serde(default)]
    pub due_text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetExport {
    pub name: String,
    pub value: f64,
    pub unit: String,
    pub cmp: Cmp,
    /// The latest entry's actual value for this target, or `null`.
    pub actual: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressExport {
    pub percent: u8,
    pub status: Status,
    pub date: NaiveDate,
    /// 主要进展: the progress made.
    pub note: String,
    /// 存在问题.
    #[serde(default)]
    pub problems: String,
    /// 下步打算.
    #[serde(default)]
    pub next_steps: String,
    /// Whether this is a project's roll-up of its sub-items rather than
    /// an entry of its own (see the lights docs).
    #[serde(default)]
    pub from_items: bool,
    /// Who reported (unit, name); `null` for entries that do not say.
    #[serde(default)]
    pub reporter: Option<Reporter>,
}

impl ProgressExport {
    fn of(entry: &ProgressEntry, from_items: bool) -> ProgressExport {
        ProgressExport {
            percent: entry.percent,
            status: entry.status,
            date: entry.date,
            note: entry.note.clone(),
            problems: entry.problems.clone(),
            next_steps: entry.next_steps.clone(),
            from_items,
            reporter: entry.reporter.clone(),
        }
    }
}

/// A project's sub-item with its latest entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemProgressExport {
    /// `M3.2`.
    pub id: String,
    pub progress: Option<ProgressExport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitExport {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: UnitKind,
    /// IDs of the tasks the unit leads, in document order.
    pub lead: Vec<String>,
    /// IDs of the tasks the unit cooperates on, in document order.
    pub co: Vec<String>,
}

impl Export {
    /// The export of `data`, with each task's latest entry of `progress`.
    pub fn new(data: &Dataset, progress: &[ProgressEntry]) -> Export {
        let index = Index::new(data);
        // Every ID's latest entry, whatever its date, found by position as
        // the lights find theirs.
        let positions = crate::lights::Positions::of(data);
        let latest = crate::lights::standing_at(progress, &positions, NaiveDate::MAX);
        let latest = Latest {
            positions: &positions,
            standing: &latest,
        };
        let p = &data.plan;
        Export {
            plan: PlanExport {
                title: p.title.clone(),
                issuer: p.issuer.clone(),
                doc_number: p.doc_number.clone(),
                year: p.year,
                issued: p.issued,
                rules: p.rules.clone(),
            },
            leaders: p.leaders.clone(),
            tasks: data
                .all_tasks()
                .enumerate()
                .map(|(i, t)| TaskExport::new(t, i, &latest))
                .collect(),
            units: data
                .units
                .iter()
                .map(|u| {
                    let duties = index.duties(&u.name).cloned().unwrap_or_default();
                    UnitExport {
                        name: u.name.to_string(),
                        aliases: u.aliases.clone(),
                        kind: u.kind,
                        lead: duties.lead,
                        co: duties.co,
                    }
                })
                .collect(),
        }
    }

    /// Pretty-printed JSON.
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string_pretty(self)
    }
}

/// Each ID's latest entry, by position.
struct Latest<'a, 'e> {
    positions: &'a crate::lights::Positions,
    standing: &'a [Option<&'e ProgressEntry>],
}

impl<'e> Latest<'_, 'e> {
    fn at(&self, p: u32) -> Option<&'e ProgressEntry> {
        self.standing.get(p as usize).copied().flatten()
    }
}

impl TaskExport {
    /// Task `i` (in `all_tasks` order) with its latest entries.
    fn new(task: &Task, i: usize, latest: &Latest) -> TaskExport {
        let p = latest.positions;
        let own = latest.at(p.own(i));
        let items = p.items(i).iter().map(|&at| latest.at(at));
        let standing = crate::lights::standing_from(task, own, items);
        // Actual values are the task's own entry's, never a roll-up's.
        let progress = own;
        TaskExport {
            id: task.id.to_string(),
            kind: task.kind,
            leader: task.leader.as_deref().map(String::from),
            number: task.number,
            title: task.title.as_deref().map(String::from),
            text: task.text.to_string(),
            items: task.items.to_vec(),
            lead_units: task.lead.iter().map(String::from).collect(),
            co_units: task.co.iter().map(String::from).collect(),
            co_members_of: task.co_members_of.iter().map(String::from).collect(),
            progress: standing
                .as_ref()
                .map(|e| ProgressExport::of(e, matches!(e, Cow::Owned(_)))),
            item_progress: task
                .items
                .iter()
                .zip(p.items(i))
                .map(|(item, &at)| ItemProgressExport {
                    id: item.id.to_string(),
                    progress: latest.at(at).map(|e| ProgressExport::of(e, false)),
                })
                .collect(),
            targets: task
                .targets
                .iter()
                .map(|t| TargetExport {
                    name: t.name.clone(),
                    value: t.value,
                    unit: t.unit.to_string(),
                    cmp: t.cmp,
                    actual: progress
                        .and_then(|e| e.actuals.iter().find(|a| a.target == t.name))
                        .map(|a| a.value),
                })
                .collect(),
            leaders: task.leaders().map(String::from).collect(),
            section: task.section.iter().map(String::from).collect(),
            due: task.due,
            due_text: task.due_text.as_deref().map(String::from),
        }
    }
}
