//! The CSV form of an export: one row per task, for spreadsheets.

use std::io::Write;

use super::{Export, TargetExport};
use crate::model::{Cmp, format_value};

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 19] = [
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
    "leaders",
    "section",
    "due",
    "due_text",
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

/// Writes a header and one row per task (key tasks, then projects). Empty
/// cells stand for `null`.
pub fn write_csv<W: Write>(export: &Export, out: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER)?;
    for task in &export.tasks {
        let leader = task.leader.as_deref().unwrap_or("");
        let leader_name = export
            .leaders
            .iter()
            .find(|l| l.id == leader)
            .map_or("", |l| l.name.as_str());
        let progress = task.progress.as_ref();
        let kind = match task.kind {
            crate::model::TaskKind::Key => "key",
            crate::model::TaskKind::Project => "project",
        };
        w.write_record([
            task.id.as_str(),
            kind,
            leader,
            leader_name,
            &task.number.to_string(),
            task.title.as_deref().unwrap_or(""),
            &task.text,
            &task.lead_units.join(JOIN),
            &task.co_units.join(JOIN),
            &task.co_members_of.join(JOIN),
            &progress.map_or(String::new(), |p| p.percent.to_string()),
            progress.map_or("", |p| p.status.as_str()),
            &progress.map_or(String::new(), |p| p.date.to_string()),
            progress.map_or("", |p| p.note.as_str()),
            &targets_cell(&task.targets),
            &task.leaders.join(JOIN),
            &task.section.join(" / "),
            &task.due.map_or(String::new(), |d| d.to_string()),
            task.due_text.as_deref().unwrap_or(""),
        ])?;
    }
    w.flush()?;
    Ok(())
}
