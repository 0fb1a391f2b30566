//! The circular as JSON, for scripts: every task's light on the as-of date,
//! the standings, and the units owing reports.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::Circular;
use crate::lights::{Light, Period, Standing, owing};
use crate::model::{Dataset, Name, Reporter, Status, TaskKind};

/// What `duban report --format json` prints.
#[derive(Debug, Serialize)]
pub struct ReportJson<'c> {
    pub as_of: NaiveDate,
    pub plan_year: i32,
    /// The reporting period the as-of date falls in.
    pub period: Option<Period>,
    pub tasks: Vec<TaskJson<'c>>,
    pub standings: StandingsJson,
    pub units_not_reported: Vec<UnitOwing>,
}

#[derive(Debug, Serialize)]
pub struct TaskJson<'c> {
    pub id: &'c str,
    pub kind: TaskKind,
    pub leader: Option<&'c str>,
    pub lead_units: &'c [Name],
    pub light: Light,
    /// 0 without an entry.
    pub percent: u8,
    /// `null` without an entry.
    pub status: Option<Status>,
    /// The standing entry's report date, `null` without one.
    pub date: Option<NaiveDate>,
    pub reporter: Option<&'c Reporter>,
}

#[derive(Debug, Serialize)]
pub struct StandingsJson {
    pub overall: StandingJson,
    pub leaders: Vec<StandingJson>,
    pub units: Vec<StandingJson>,
}

/// How a leader, a unit or the whole plan stands.
#[derive(Debug, Serialize)]
pub struct StandingJson {
    /// Leader ID, unit name, or empty for the whole plan.
    pub key: String,
    pub tasks: usize,
    pub done: usize,
    pub green: usize,
    pub yellow: usize,
    pub red: usize,
    pub overdue: usize,
    pub not_due: usize,
    pub mean_percent: f64,
    /// Tasks counting red (red lights and severely overdue reports).
    pub red_tasks: Vec<String>,
    pub last_update: Option<NaiveDate>,
}

impl StandingJson {
    fn of(s: &Standing, data: &Dataset) -> StandingJson {
        let t = &s.tally;
        StandingJson {
            key: s.key.clone(),
            tasks: t.total(),
            done: t.done,
            green: t.green,
            yellow: t.yellow,
            red: t.red,
            overdue: t.overdue,
            not_due: t.not_due,
            mean_percent: (s.mean_percent * 10.0).round() / 10.0,
            red_tasks: s.red_ids(data).map(String::from).collect(),
            last_update: s.last_update,
        }
    }
}

/// A unit owing reports and the tasks it owes.
#[derive(Debug, Serialize)]
pub struct UnitOwing {
    pub unit: String,
    pub tasks: Vec<String>,
}

impl<'c> ReportJson<'c> {
    pub fn new(c: &'c Circular) -> ReportJson<'c> {
        let o = &c.overview;
        let tasks = o
            .tasks
            .iter()
            .map(|a| TaskJson {
                id: &a.task.id,
                kind: a.task.kind,
                leader: a.task.leader.as_deref(),
                lead_units: &a.task.lead,
                light: a.light,
                percent: a.percent(),
                status: a.entry.as_ref().map(|e| e.status),
                date: a.entry.as_ref().map(|e| e.date),
                reporter: a.entry.as_ref().and_then(|e| e.reporter.as_ref()),
            })
            .collect();
        let owing = owing(
            c.data,
            o.tasks.iter().map(|a| (a.task, a.light, a.reason)),
            None,
        );
        ReportJson {
            as_of: o.as_of,
            plan_year: o.plan_year,
            period: o.period,
            tasks,
            standings: StandingsJson {
                overall: StandingJson::of(&o.overall, c.data),
                leaders: (o.leaders.iter())
                    .map(|s| StandingJson::of(s, c.data))
                    .collect(),
                units: (o.units.iter())
                    .map(|s| StandingJson::of(s, c.data))
                    .collect(),
            },
            units_not_reported: owing
                .into_iter()
                .map(|u| UnitOwing {
                    unit: u.unit,
                    tasks: u.tasks.into_iter().map(|t| t.id.to_string()).collect(),
                })
                .collect(),
        }
    }
}

/// Writes the report as pretty-printed JSON with a final newline.
pub fn write_json<W: Write>(c: &Circular, mut out: W) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, &ReportJson::new(c))?;
    out.write_all(b"\n")
}
