//! Reminders (催报): for each unit owing reports, a short notice listing
//! its overdue tasks and the due date, ready to paste into a message.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use crate::lights::{Owing, Rule, latest_as_of, owing};
use crate::model::{Dataset, ProgressEntry};
use crate::text::truncate;

/// The reminders on a date.
#[derive(Debug, Serialize)]
pub struct Reminders {
    pub as_of: NaiveDate,
    pub units: Vec<UnitReminder>,
}

#[derive(Debug, Serialize)]
pub struct UnitReminder {
    pub unit: String,
    /// The due date passed.
    pub due: NaiveDate,
    pub tasks: Vec<OwedTask>,
}

#[derive(Debug, Serialize)]
pub struct OwedTask {
    pub id: String,
    /// The task's headline (a project's title, a key task's text).
    pub text: String,
    /// Periods missed in a row.
    pub missed: u32,
}

/// The widest a task's text is shown in a text or Markdown reminder.
const TEXT_WIDTH: usize = 40;

impl Reminders {
    /// The units owing reports on `as_of` (only `unit` when given, a
    /// canonical name).
    pub fn new(
        data: &Dataset,
        entries: &[ProgressEntry],
        as_of: NaiveDate,
        rule: &Rule,
        unit: Option<&str>,
    ) -> Reminders {
        let latest = latest_as_of(entries, as_of);
        let lights = data.all_tasks().map(|t| {
            let (light, reason) = rule.assess(latest.get(t.id.as_str()).copied(), as_of, None);
            (t, light, reason)
        });
        let units = owing(data, lights, unit)
            .into_iter()
            .map(|Owing { unit, tasks }| UnitReminder {
                unit,
                due: tasks.iter().map(|t| t.due).max().unwrap_or(as_of),
                tasks: tasks
                    .into_iter()
                    .map(|t| OwedTask {
                        text: data
                            .task(&t.id)
                            .map_or(String::new(), |task| task.headline().to_string()),
                        id: t.id,
                        missed: t.missed,
                    })
                    .collect(),
            })
            .collect();
        Reminders { as_of, units }
    }
}

/// The notice's words in one language.
pub struct RemindWords {
    pub none: fn(NaiveDate) -> String,
    pub opening: fn(&UnitReminder, NaiveDate) -> String,
    pub missed: fn(u32) -> String,
}

pub const ZH: RemindWords = RemindWords {
    none: |as_of| format!("截至{as_of}，没有逾期未报的单位。"),
    opening: |u, as_of| {
        format!(
            "截至{as_of}，贵单位牵头的以下{}项工作已过报送时间（{}），尚未报送进度，请抓紧报送：",
            u.tasks.len(),
            u.due
        )
    },
    missed: |n| format!("（连续{n}期未报）"),
};

pub const EN: RemindWords = RemindWords {
    none: |as_of| format!("As of {as_of}, no unit owes a report."),
    opening: |u, as_of| {
        format!(
            "As of {as_of}, the {} task(s) below that your unit leads were due for a progress report on {} and have none. Please report them now:",
            u.tasks.len(),
            u.due
        )
    },
    missed: |n| format!(" ({n} periods missed)"),
};

/// One line per task: `1. K1.1 全面完成……`.
fn task_line(i: usize, t: &OwedTask, w: &RemindWords) -> String {
    let missed = if t.missed > 1 {
        (w.missed)(t.missed)
    } else {
        String::new()
    };
    format!(
        "{}. {} {}{missed}",
        i + 1,
        t.id,
        truncate(&t.text, TEXT_WIDTH)
    )
}

/// Plain text: each unit's name, the opening sentence and its tasks, a
/// blank line between units.
pub fn write_text<W: Write>(r: &Reminders, w: &RemindWords, mut out: W) -> io::Result<()> {
    if r.units.is_empty() {
        return writeln!(out, "{}", (w.none)(r.as_of));
    }
    for (n, u) in r.units.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}：", u.unit)?;
        writeln!(out, "{}", (w.opening)(u, r.as_of))?;
        for (i, t) in u.tasks.iter().enumerate() {
            writeln!(out, "{}", task_line(i, t, w))?;
        }
    }
    Ok(())
}

/// Markdown: a heading per unit.
pub fn write_markdown<W: Write>(r: &Reminders, w: &RemindWords, mut out: W) -> io::Result<()> {
    if r.units.is_empty() {
        return writeln!(out, "{}", (w.none)(r.as_of));
    }
    for (n, u) in r.units.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        writeln!(out, "## {}\n\n{}\n", u.unit, (w.opening)(u, r.as_of))?;
        for (i, t) in u.tasks.iter().enumerate() {
            writeln!(out, "{}", task_line(i, t, w))?;
        }
    }
    Ok(())
}

/// Pretty-printed JSON.
pub fn write_json<W: Write>(r: &Reminders, mut out: W) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut out, r)?;
    out.write_all(b"\n")
}
