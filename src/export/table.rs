//! The table form of an export: one row per task, for spreadsheets (CSV or
//! xlsx), with column names and labels in the user's language.

use std::io::Write;

use super::{Export, ProgressExport, TargetExport, TaskExport};
use crate::messages::Lang;
use crate::messages::columns::{EXPORT_COLUMNS, KIND_ITEM, KIND_KEY, KIND_PROJECT};
use crate::model::{Cmp, Status, format_value};
use crate::sheet::{Table, Value};

/// The CSV columns under `--lang en`, in order.
pub const CSV_HEADER: [&str; 23] = [
    "id",
    "kind",
    "leader",
    "leader_name",
    "number",
    "title",
    "text",
    "lead_units",
    "co_units",
    "co_members_of",
    "percent",
    "status",
    "date",
    "note",
    "targets",
    "problems",
    "next_steps",
    "leaders",
    "section",
    "due",
    "due_text",
    "reporter_unit",
    "reporter_name",
];

/// How lists of units are joined in one cell.
const JOIN: &str = "、";

/// A task's targets in one cell: `新增规上企业 100家 以上 (实际 60)`, joined
/// with `、`; the comparison word is left out for a bare number, the
/// actual when none was reported.
fn targets_cell(targets: &[TargetExport]) -> String {
    let cell: Vec<String> = targets
        .iter()
        .map(|t| {
            let mut text = format!("{} {}{}", t.name, format_value(t.value), t.unit);
            let word = match t.cmp {
                Cmp::AtLeast => "以上",
                Cmp::AtMost => "以下",
                Cmp::About => "左右",
                Cmp::Aim => "力争",
                Cmp::Exact => "",
            };
            if !word.is_empty() {
                text.push(' ');
                text.push_str(word);
            }
            if let Some(actual) = t.actual {
                text.push_str(&format!(" (实际 {})", format_value(actual)));
            }
            text
        })
        .collect();
    cell.join(JOIN)
}

/// Writes a header and one row per task (key tasks, then projects, each
/// project followed by a row per sub-item, kind `item`, with the project's
/// leader and units), in English and without a byte-order mark: the
/// machine-readable form. Empty cells stand for `null`.
pub fn write_csv<W: Write>(export: &Export, out: W) -> csv::Result<()> {
    table(export, Lang::En).write_csv(out, false)
}

/// The export as a table: column names, kinds and statuses in `lang`.
pub fn table(export: &Export, lang: Lang) -> Table {
    let mut rows = Vec::new();
    for task in &export.tasks {
        let leader = task.leader.as_deref().unwrap_or("");
        let leader_name = export
            .leaders
            .iter()
            .find(|l| l.id == leader)
            .map_or("", |l| l.name.as_str());
        let kind = match task.kind {
            crate::model::TaskKind::Key => KIND_KEY,
            crate::model::TaskKind::Project => KIND_PROJECT,
        };
        let row = Row {
            id: &task.id,
            kind: kind.get(lang),
            number: task.number.to_string(),
            title: task.title.as_deref().unwrap_or(""),
            text: &task.text,
            progress: task.progress.as_ref(),
            targets: targets_cell(&task.targets),
        };
        rows.push(row_of(task, [leader, leader_name], &row, lang));
        for (item, progress) in task.items.iter().zip(&task.item_progress) {
            let number = item.id.rsplit('.').next().unwrap_or_default();
            let row = Row {
                id: &item.id,
                kind: KIND_ITEM.get(lang),
                number: number.to_string(),
                title: "",
                text: &item.text,
                progress: progress.progress.as_ref(),
                targets: String::new(),
            };
            rows.push(row_of(task, [leader, leader_name], &row, lang));
        }
    }
    Table {
        name: export.plan.title.clone(),
        headers: EXPORT_COLUMNS
            .iter()
            .map(|m| m.get(lang).to_string())
            .collect(),
        rows,
    }
}

/// A status as a table shows it: its code in English (what scripts match
/// on), its label in Chinese.
pub fn status_cell(status: Status, lang: Lang) -> &'static str {
    match lang {
        Lang::En => status.as_str(),
        Lang::Zh => status.label_zh(),
    }
}

/// What differs between a task's row and its sub-items' rows.
struct Row<'a> {
    id: &'a str,
    kind: &'a str,
    number: String,
    title: &'a str,
    text: &'a str,
    progress: Option<&'a ProgressExport>,
    targets: String,
}

/// One row: `task` gives the leader and the units.
fn row_of(
    task: &TaskExport,
    [leader, leader_name]: [&str; 2],
    row: &Row<'_>,
    lang: Lang,
) -> Vec<Value> {
    let p = row.progress;
    let text = |s: &str| Value::text(s);
    let reporter = p.and_then(|p| p.reporter.as_ref());
    vec![
        text(row.id),
        text(row.kind),
        text(leader),
        text(leader_name),
        Value::Number(row.number.parse().unwrap_or(0.0)),
        text(row.title),
        text(row.text),
        text(&task.lead_units.join(JOIN)),
        text(&task.co_units.join(JOIN)),
        text(&task.co_members_of.join(JOIN)),
        p.map_or(Value::Empty, |p| Value::Number(p.percent.into())),
        text(p.map_or("", |p| status_cell(p.status, lang))),
        p.map(|p| p.date).into(),
        text(p.map_or("", |p| p.note.as_str())),
        text(&row.targets),
        text(p.map_or("", |p| p.problems.as_str())),
        text(p.map_or("", |p| p.next_steps.as_str())),
        text(&task.leaders.join(JOIN)),
        text(&task.section.join(" / ")),
        task.due.into(),
        text(task.due_text.as_deref().unwrap_or("")),
        text(reporter.map_or("", |r| r.unit.as_str())),
        text(reporter.map_or("", |r| r.name.as_str())),
    ]
}
