//! Reminders (催报): for each unit owing reports, a short notice listing
//! its overdue tasks and the due date, ready to paste into a message.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use crate::lights::{Light, Owing, Positions, Rule, assess_each, owing, standing_at};
use crate::messages::Lang;
use crate::messages::remind::{REMIND_MISSED, REMIND_NONE, REMIND_OPENING, REMIND_UNIT};
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
        // The lights as everywhere else (a project stands on its
        // sub-items); only each task's light is kept, no standings.
        let positions = Positions::of(data);
        let standing = standing_at(entries, &positions, as_of);
        let mut lights = Vec::with_capacity(positions.tasks());
        let each = |_, task, _, (light, reason)| lights.push((task, light, reason));
        assess_each(data, &positions, &standing, |_| true, as_of, rule, each);
        // Owed tasks find their text through one map of the overdue ones,
        // not a search of the plan each (quadratic at 100,000 tasks).
        let by_id: crate::fast_map::FastMap<&str, &crate::model::Task> = (lights.iter())
            .filter(|(_, light, _)| *light == Light::Overdue)
            .map(|&(t, _, _)| (t.id.as_str(), t))
            .collect();
        let units = owing(data, lights.iter().copied(), unit)
            .into_iter()
            .map(|Owing { unit, tasks }| UnitReminder {
                unit,
                due: tasks.iter().map(|t| t.due).max().unwrap_or(as_of),
                tasks: tasks
                    .into_iter()
                    .map(|t| OwedTask {
                        text: (by_id.get(t.id.as_str()))
                            .map_or(String::new(), |task| task.headline().to_string()),
                        id: t.id.to_string(),
                        missed: t.missed,
                    })
                    .collect(),
            })
            .collect();
        Reminders { as_of, units }
    }
}

/// The notice's opening sentence for `u`.
fn opening(u: &UnitReminder, as_of: NaiveDate, lang: Lang) -> String {
    crate::msg!(
        REMIND_OPENING,
        as_of = as_of,
        n = u.tasks.len(),
        due = u.due
    )
    .render(lang)
}

/// One line per task: `1. K1.1 全面完成……`.
fn task_line(i: usize, t: &OwedTask, lang: Lang) -> String {
    let missed = if t.missed > 1 {
        crate::msg!(REMIND_MISSED, n = t.missed).render(lang)
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
pub fn write_text<W: Write>(r: &Reminders, lang: Lang, mut out: W) -> io::Result<()> {
    if r.units.is_empty() {
        return writeln!(
            out,
            "{}",
            crate::msg!(REMIND_NONE, as_of = r.as_of).render(lang)
        );
    }
    for (n, u) in r.units.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}",
            crate::msg!(REMIND_UNIT, unit = u.unit).render(lang)
        )?;
        writeln!(out, "{}", opening(u, r.as_of, lang))?;
        for (i, t) in u.tasks.iter().enumerate() {
            writeln!(out, "{}", task_line(i, t, lang))?;
        }
    }
    Ok(())
}

/// Markdown: a heading per unit.
pub fn write_markdown<W: Write>(r: &Reminders, lang: Lang, mut out: W) -> io::Result<()> {
    if r.units.is_empty() {
        return writeln!(
            out,
            "{}",
            crate::msg!(REMIND_NONE, as_of = r.as_of).render(lang)
        );
    }
    for (n, u) in r.units.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        writeln!(out, "## {}\n\n{}\n", u.unit, opening(u, r.as_of, lang))?;
        for (i, t) in u.tasks.iter().enumerate() {
            writeln!(out, "{}", task_line(i, t, lang))?;
        }
    }
    Ok(())
}

/// Pretty-printed JSON.
pub fn write_json<W: Write>(r: &Reminders, mut out: W) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut out, r)?;
    out.write_all(b"\n")
}
