//! The circular as CSV: one row per task, in the circular's order (leader
//! groups, most urgent light first), for spreadsheets.

use std::io::Write;

use crate::csv_out::CsvWriter;

use super::{Circular, Words, notes_cell, one_decimal, targets_cell};

/// The CSV columns, in order.
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

/// Writes a header and one row per task.
pub fn write_csv<W: Write>(c: &Circular, w: &Words, out: W) -> ::csv::Result<()> {
    let mut csv = CsvWriter::new(out);
    csv.row(CSV_HEADER)?;
    let expected = one_decimal(c.expected());
    for group in &c.groups {
        let (id, name) = group
            .leader
            .map_or(("", ""), |l| (l.id.as_str(), l.name.as_str()));
        for a in group.tasks.iter().filter_map(|&i| c.task(i)) {
            let e = a.entry();
            let age = e.map_or(String::new(), |e| {
                (c.overview.as_of - e.date).num_days().to_string()
            });
            csv.row([
                id,
                name,
                &a.task.id,
                a.light.as_str(),
                w.light(a.light),
                &w.reason(a.reason),
                &e.map_or(String::new(), |e| e.percent.to_string()),
                &expected,
                e.map_or("", |e| e.status.as_str()),
                &e.map_or(String::new(), |e| e.date.to_string()),
                &age,
                &a.task.lead.join("、"),
                &a.task.text,
                &notes_cell(e, w),
                &targets_cell(a.task, e, w),
            ])?;
            for it in c.items(a) {
                let e = it.entry;
                csv.row([
                    id,
                    name,
                    &it.item.id,
                    it.light.as_str(),
                    w.light(it.light),
                    &w.reason(it.reason),
                    &e.percent.to_string(),
                    &expected,
                    e.status.as_str(),
                    &e.date.to_string(),
                    &(c.overview.as_of - e.date).num_days().to_string(),
                    &a.task.lead.join("、"),
                    &it.item.text,
                    &notes_cell(Some(e), w),
                    "",
                ])?;
            }
        }
    }
    csv.finish()
}
