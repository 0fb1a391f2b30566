//! The CSV form of an export: one row per task, for spreadsheets.

use std::io::Write;

use super::{Export, ProgressExport, TargetExport, TaskExport};
use crate::csv_out::CsvWriter;
use crate::model::{Cmp, format_value};

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 17] = [
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
/// leader and units). Empty cells stand for `null`.
pub fn write_csv<W: Write>(export: &Export, out: W) -> csv::Result<()> {
    let mut w = CsvWriter::new(out);
    w.row(CSV_HEADER)?;
    for task in &export.tasks {
        let leader = task.leader.as_deref().unwrap_or("");
        let leader_name = export
            .leaders
            .iter()
            .find(|l| l.id == leader)
            .map_or("", |l| l.name.as_str());
        let kind = match task.kind {
            crate::model::TaskKind::Key => "key",
            crate::model::TaskKind::Project => "project",
        };
        let row = Row {
            id: &task.id,
            kind,
            number: task.number.to_string(),
            title: task.title.as_deref().unwrap_or(""),
            text: &task.text,
            progress: task.progress.as_ref(),
            targets: targets_cell(&task.targets),
        };
        write_row(&mut w, task, [leader, leader_name], &row)?;
        for (item, progress) in task.items.iter().zip(&task.item_progress) {
            let number = item.id.rsplit('.').next().unwrap_or_default();
            let row = Row {
                id: &item.id,
                kind: "item",
                number: number.to_string(),
                title: "",
                text: &item.text,
                progress: progress.progress.as_ref(),
                targets: String::new(),
            };
            write_row(&mut w, task, [leader, leader_name], &row)?;
        }
    }
    w.finish()
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
fn write_row<W: Write>(
    w: &mut CsvWriter<W>,
    task: &TaskExport,
    [leader, leader_name]: [&str; 2],
    row: &Row<'_>,
) -> csv::Result<()> {
    let progress = row.progress;
    w.row([
        row.id,
        row.kind,
        leader,
        leader_name,
        &row.number,
        row.title,
        row.text,
        &task.lead_units.join(JOIN),
        &task.co_units.join(JOIN),
        &task.co_members_of.join(JOIN),
        &progress.map_or(String::new(), |p| p.percent.to_string()),
        progress.map_or("", |p| p.status.as_str()),
        &progress.map_or(String::new(), |p| p.date.to_string()),
        progress.map_or("", |p| p.note.as_str()),
        &row.targets,
        progress.map_or("", |p| p.problems.as_str()),
        progress.map_or("", |p| p.next_steps.as_str()),
    ])
}
