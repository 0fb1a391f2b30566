//! What a unit's report sheet holds, from the dataset and the progress
//! so far: the rows before they become a file.

use chrono::NaiveDate;

use super::layout::Meta;
use crate::lights::Calendar;
use crate::model::{Dataset, ProgressEntry};
use crate::store::Index;

/// One row of the report sheet: a task the unit leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadRow {
    pub id: String,
    /// The task's headline (a project's title, a task's text).
    pub task: String,
    /// The standing entry on the as-of date, in words (`40%，推进中（2023-05-04）`);
    /// empty when there is none.
    pub last: String,
}

/// One row of the cooperating-duties sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoRow {
    pub id: String,
    pub task: String,
    /// The leading units, joined with `、`.
    pub lead: String,
    pub last: String,
}

/// A unit's report sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub meta: Meta,
    pub lead: Vec<LeadRow>,
    pub co: Vec<CoRow>,
}

impl Template {
    /// The sheet of `unit` (a canonical name) on `as_of`. `entries` are the
    /// journal's entries (any order); the latest one dated on or before
    /// `as_of` is a task's last progress.
    pub fn new(
        data: &Dataset,
        index: &Index,
        entries: &[ProgressEntry],
        calendar: &Calendar,
        unit: &str,
        as_of: NaiveDate,
    ) -> Template {
        let due = calendar.period_of(as_of).map_or(as_of, |p| p.due);
        let duties = index.duties(unit).cloned().unwrap_or_default();
        let last = |id: &str| last_progress(entries, id, as_of);
        let headline = |id: &str| data.task(id).map_or("", |t| t.headline()).to_string();
        Template {
            meta: Meta {
                plan: data.plan.title.clone(),
                year: data.plan.year,
                unit: unit.to_string(),
                as_of,
                due,
            },
            lead: duties
                .lead
                .iter()
                .map(|id| LeadRow {
                    id: id.clone(),
                    task: headline(id),
                    last: last(id),
                })
                .collect(),
            co: duties
                .co
                .iter()
                .map(|id| CoRow {
                    id: id.clone(),
                    task: headline(id),
                    lead: data.task(id).map_or(String::new(), |t| t.lead.join("、")),
                    last: last(id),
                })
                .collect(),
        }
    }

    /// Whether the unit has any duty at all.
    pub fn is_empty(&self) -> bool {
        self.lead.is_empty() && self.co.is_empty()
    }
}

/// `40%，推进中（2023-05-04）` for the task's standing entry on `as_of`.
fn last_progress(entries: &[ProgressEntry], id: &str, as_of: NaiveDate) -> String {
    entries
        .iter()
        .filter(|e| e.task == id && e.date <= as_of)
        .max_by_key(|e| e.report_order())
        .map_or(String::new(), |e| {
            format!("{}%，{}（{}）", e.percent, e.status.label_zh(), e.date)
        })
}
