//! What a circular says, worked out once for every format: the change
//! since the previous circular, who has not reported, the items to list in
//! full, the unit ranking, and what is only counted.

use crate::fast_map::FastMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::lights::{Light, Overview, Period, Positions, Rule, Tally, assess_each};
use crate::model::{Dataset, ProgressEntry, Task};

/// The circular's settings in `duban.ron`:
///
/// ```ron
/// (circular: (issuer: "东阳市人民政府督查室", number: 3, copy_to: ["市委办公室"]))
/// ```
///
/// An empty issuer means the plan's issuer; number 0 means none.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub issuer: String,
    pub number: u32,
    pub copy_to: Vec<String>,
}

/// How a circular is written beyond its tasks and date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// The previous circular's date (default: the previous period's due
    /// date).
    pub since: Option<NaiveDate>,
    /// List every task by leader, as well as the circular's sections.
    pub full: bool,
    pub settings: Settings,
}

/// One lead unit's place in the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Rank {
    pub unit: String,
    /// Tasks it leads.
    pub lead: usize,
    pub done: usize,
    pub red: usize,
    /// Tasks it leads that owe this period's report.
    pub owed: usize,
    pub mean_percent: f64,
}

/// The circular's sections, as indexes into the overview's tasks.
#[derive(Debug, Clone, Default)]
pub struct Brief {
    pub since: Option<NaiveDate>,
    /// The lights on `since`, over the same tasks.
    pub before: Option<Tally>,
    /// Red now and not red on `since`.
    pub newly_red: Vec<usize>,
    /// The latest period whose due date has passed: the one whose report
    /// an overdue task owes.
    pub period: Option<Period>,
    /// Lead units owing reports, most owed first, with the tasks owed.
    pub owed_by_unit: Vec<(String, Vec<usize>)>,
    /// Tasks owing reports.
    pub owed: usize,
    /// Red, or reported before but owing this period's report (逾期未报):
    /// listed in full, document order.
    pub urgent: Vec<usize>,
    /// Yellow and not urgent.
    pub yellow: Vec<usize>,
    /// Lead units with at least one report, best first.
    pub ranking: Vec<Rank>,
    /// Lead units with no report at all (listed under who owes).
    pub silent_units: usize,
}

impl Brief {
    /// Whether the task at `index` is listed as overdue.
    pub fn is_overdue(&self, overview: &Overview, index: usize) -> bool {
        self.urgent.contains(&index) && overview.tasks[index].light != Light::Red
    }
}

/// The previous circular's date: `given`, else the default (see
/// [`default_since`]).
pub(super) fn since(given: Option<NaiveDate>, rule: &Rule, as_of: NaiveDate) -> Option<NaiveDate> {
    given.or_else(|| default_since(rule, as_of))
}

/// Works out the brief for `overview`, of the tasks `keep` keeps;
/// `before` is the previous circular's date with the standing entry per
/// position of `positions` on it.
pub(super) fn brief(
    data: &Dataset,
    overview: &Overview,
    positions: &Positions,
    before: Option<(NaiveDate, &[Option<&ProgressEntry>])>,
    keep: impl Fn(&Task) -> bool,
    rule: &Rule,
) -> Brief {
    let as_of = overview.as_of;
    let since = before.map(|(d, _)| d);
    // On the previous circular's date only each light and the tally count.
    let before = before.map(|(d, standing)| {
        let (mut lights, mut tally) = (Vec::new(), Tally::default());
        assess_each(
            data,
            positions,
            standing,
            keep,
            d,
            rule,
            |_, _, _, (light, _)| {
                lights.push(light);
                tally.add(light);
            },
        );
        (lights, tally)
    });
    let newly_red = overview
        .tasks
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            a.light == Light::Red
                && before
                    .as_ref()
                    .is_some_and(|(lights, _)| lights[*i] != Light::Red)
        })
        .map(|(i, _)| i)
        .collect();

    // Who owes a report is the lights' rule: a task owes one when its
    // light is overdue (逾期未报), from the day after the due date.
    let period = rule.calendar.passed(as_of).last().copied();
    let owing: Vec<bool> = (overview.tasks.iter())
        .map(|a| a.light == Light::Overdue)
        .collect();

    let mut urgent = Vec::new();
    let mut yellow = Vec::new();
    for (i, a) in overview.tasks.iter().enumerate() {
        if a.light == Light::Red || (owing[i] && a.entry.is_some()) {
            urgent.push(i);
        } else if a.light == Light::Yellow {
            yellow.push(i);
        }
    }

    let mut owed_by_unit: Vec<(String, Vec<usize>)> = Vec::new();
    let mut ranking = Vec::new();
    let mut silent_units = 0;
    let unit_tasks = lead_tasks(overview);
    for standing in &overview.units {
        let mine = unit_tasks
            .get(standing.key.as_str())
            .map_or(&[][..], |v| &v[..]);
        let owed: Vec<usize> = mine.iter().copied().filter(|&i| owing[i]).collect();
        if mine.iter().all(|&i| overview.tasks[i].entry.is_none()) {
            silent_units += 1;
        } else {
            ranking.push(Rank {
                unit: standing.key.clone(),
                lead: standing.total(),
                done: standing.tally.done,
                red: standing.tally.red,
                owed: owed.len(),
                mean_percent: standing.mean_percent,
            });
        }
        if !owed.is_empty() {
            owed_by_unit.push((standing.key.clone(), owed));
        }
    }
    owed_by_unit.sort_by_key(|(_, owed)| std::cmp::Reverse(owed.len()));
    ranking.sort_by(|a, b| {
        b.mean_percent
            .total_cmp(&a.mean_percent)
            .then(a.red.cmp(&b.red))
            .then(a.owed.cmp(&b.owed))
    });
    Brief {
        since,
        before: before.map(|(_, tally)| tally),
        newly_red,
        period,
        owed_by_unit,
        owed: owing.iter().filter(|&&o| o).count(),
        urgent,
        yellow,
        ranking,
        silent_units,
    }
}

/// The previous circular's date when none is given: the due date of the
/// period before the one `as_of` falls in (3月30日 for any day of the
/// second quarter), else the day before the plan year.
fn default_since(rule: &Rule, as_of: NaiveDate) -> Option<NaiveDate> {
    let calendar = &rule.calendar;
    let current = calendar.period_of(as_of)?.start;
    let before = calendar.periods.iter().rev().find(|p| p.due < current);
    before
        .map(|p| p.due)
        .or_else(|| calendar.start().pred_opt())
}

/// Each lead unit's tasks, as indexes into the overview.
/// Unit names are looked up once per lead duty of every task.
fn lead_tasks<'o>(overview: &'o Overview) -> FastMap<&'o str, Vec<usize>> {
    let mut out: FastMap<&str, Vec<usize>> = FastMap::default();
    for (i, a) in overview.tasks.iter().enumerate() {
        for unit in &a.task.lead {
            let mine = out.entry(unit.as_str()).or_default();
            if mine.last() != Some(&i) {
                mine.push(i);
            }
        }
    }
    out
}
