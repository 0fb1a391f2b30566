//! The circular as a table: one row per task, in the circular's order
//! (leader groups, most urgent light first), for spreadsheets (CSV or
//! xlsx), with column names and labels in the circular's language.

use std::io::Write;

use crate::export::status_cell;
use crate::lights::Light;
use crate::messages::Lang;
use crate::messages::columns::{REPORT_COLUMNS, REPORT_SHEET};
use crate::model::ProgressEntry;
use crate::sheet::format::Tint;
use crate::sheet::{Table, Value};

use super::{Circular, Words, notes_cell, one_decimal, targets_cell};

/// The CSV columns under `--lang en`, in order.
pub const CSV_HEADER: [&str; 15] = [
    "leader",
    "leader_name",
    "id",
    "light",
    "light_label",
    "reason",
    "percent",
    "expected",
    "status",
    "date",
    "days_since_update",
    "lead_units",
    "text",
    "note",
    "targets",
];

/// Writes a header and one row per task, without a byte-order mark.
pub fn write_csv<W: Write>(c: &Circular, w: &Words, out: W) -> ::csv::Result<()> {
    table(c, w).write_csv(out, false)
}

/// The fill of a light in a spreadsheet.
pub fn tint(light: Light) -> Tint {
    match light {
        Light::Red | Light::Overdue => Tint::Red,
        Light::Yellow => Tint::Yellow,
        Light::NotDue => Tint::Grey,
        Light::Green => Tint::Green,
        Light::Done => Tint::Blue,
    }
}

/// The circular as a table.
pub fn table(c: &Circular, w: &Words) -> Table {
    let lang = if w.english { Lang::En } else { Lang::Zh };
    let expected = Value::Number(one_decimal(c.expected()).parse().unwrap_or(0.0));
    let mut rows = Vec::new();
    for group in &c.groups {
        let (id, name) = group
            .leader
            .map_or(("", ""), |l| (l.id.as_str(), l.name.as_str()));
        let row = |task_id: &str,
                   light: Light,
                   reason: String,
                   e: Option<&ProgressEntry>,
                   lead: String,
                   text: &str,
                   targets: String| {
            let code = match lang {
                Lang::En => light.as_str(),
                Lang::Zh => light.short_zh(),
            };
            vec![
                Value::text(id),
                Value::text(name),
                Value::text(task_id),
                Value::Tinted(code.to_string(), tint(light)),
                Value::Tinted(w.light(light).to_string(), tint(light)),
                Value::text(reason),
                e.map_or(Value::Empty, |e| Value::Number(e.percent.into())),
                expected.clone(),
                Value::text(e.map_or("", |e| status_cell(e.status, lang))),
                e.map(|e| e.date).into(),
                e.map_or(Value::Empty, |e| {
                    Value::Number((c.overview.as_of - e.date).num_days() as f64)
                }),
                Value::text(lead),
                Value::text(text),
                Value::text(notes_cell(e, w)),
                Value::text(targets),
            ]
        };
        for a in group.tasks.iter().filter_map(|&i| c.task(i)) {
            let e = a.entry();
            rows.push(row(
                &a.task.id,
                a.light,
                w.reason(a.reason),
                e,
                a.task.lead.join("、"),
                &a.task.text,
                targets_cell(a.task, e, w),
            ));
            for it in c.items(a) {
                rows.push(row(
                    &it.item.id,
                    it.light,
                    w.reason(it.reason),
                    Some(it.entry),
                    a.task.lead.join("、"),
                    &it.item.text,
                    String::new(),
                ));
            }
        }
    }
    Table {
        name: REPORT_SHEET.get(lang).to_string(),
        headers: REPORT_COLUMNS
            .iter()
            .map(|m| m.get(lang).to_string())
            .collect(),
        rows,
    }
}
