//! Lights over a whole dataset, and how each leader and unit stands: what
//! the overview tab and the reports show.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Light, Reason, Rule, Thresholds, counts_as};
use crate::model::{Dataset, ProgressEntry, Task};

/// How many tasks have each light.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub red: usize,
    pub overdue: usize,
    pub yellow: usize,
    pub not_due: usize,
    pub green: usize,
    pub done: usize,
}

impl Tally {
    pub fn add(&mut self, light: Light) {
        *self.slot(light) += 1;
    }

    pub(crate) fn slot(&mut self, light: Light) -> &mut usize {
        match light {
            Light::Red => &mut self.red,
            Light::Overdue => &mut self.overdue,
            Light::Yellow => &mut self.yellow,
            Light::NotDue => &mut self.not_due,
            Light::Green => &mut self.green,
            Light::Done => &mut self.done,
        }
    }

    pub fn count(&self, light: Light) -> usize {
        match light {
            Light::Red => self.red,
            Light::Overdue => self.overdue,
            Light::Yellow => self.yellow,
            Light::NotDue => self.not_due,
            Light::Green => self.green,
            Light::Done => self.done,
        }
    }

    pub fn total(&self) -> usize {
        self.red + self.overdue + self.yellow + self.not_due + self.green + self.done
    }
}

/// A task with its light on the as-of date.
#[derive(Debug, Clone)]
pub struct Assessed<'d> {
    pub task: &'d Task,
    /// The entry the task stands on: its latest, or for a project the
    /// roll-up of its sub-items (see [`super::standing_entry`]).
    pub entry: Option<Cow<'d, ProgressEntry>>,
    pub light: Light,
    pub reason: Reason,
}

impl Assessed<'_> {
    /// The reported percent, 0 without an entry.
    pub fn percent(&self) -> u8 {
        self.entry.as_ref().map_or(0, |e| e.percent)
    }

    /// The entry, borrowed.
    pub fn entry(&self) -> Option<&ProgressEntry> {
        self.entry.as_deref()
    }

    /// Whether the task counts red: a red light, or a severely overdue
    /// report (see [`counts_as`]).
    pub fn is_red(&self) -> bool {
        counts_as(self.light, self.reason) == Light::Red
    }
}

/// How a leader, a unit or the whole plan stands: the lights of the tasks
/// it heads or leads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Standing {
    /// Leader ID (`L2`), unit name, or empty for the whole plan.
    pub key: String,
    pub tally: Tally,
    /// Mean reported percent over the tasks (0 without an entry).
    pub mean_percent: f64,
    /// Tasks counting red (red lights and severely overdue reports), in
    /// document order.
    pub red: Vec<String>,
    /// Tasks not done without an entry dated within `stale_days` of the
    /// as-of date (never reported counts).
    pub stale: usize,
    /// The most recent entry date among the tasks.
    pub last_update: Option<NaiveDate>,
}

impl Standing {
    /// The standing over `tasks`, keyed `key`.
    pub fn of<'a, 'd: 'a>(
        key: &str,
        tasks: impl Iterator<Item = &'a Assessed<'d>>,
        as_of: NaiveDate,
        t: &Thresholds,
    ) -> Standing {
        let mut acc = Acc::default();
        for a in tasks {
            acc.add(usize::MAX, &Facts::of(a, as_of, t));
        }
        acc.finish(key, str::to_string)
    }

    /// Tasks counted.
    pub fn total(&self) -> usize {
        self.tally.total()
    }
}

/// How to order the per-unit table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitOrder {
    /// Most lead duties first.
    LeadDuties,
    /// Most red tasks first.
    RedItems,
    /// Most stale tasks first.
    Staleness,
}

/// Every task's light on a date, and the standings built from them.
#[derive(Debug, Clone)]
pub struct Overview<'d> {
    pub as_of: NaiveDate,
    pub plan_year: i32,
    pub thresholds: Thresholds,
    /// The reporting period the as-of date falls in.
    pub period: Option<super::Period>,
    /// The rule the lights were worked out by.
    pub rule: Rule,
    /// Key tasks then projects, in document order.
    pub tasks: Vec<Assessed<'d>>,
    /// The whole plan.
    pub overall: Standing,
    /// One per leader in plan order (leaders without tasks included).
    pub leaders: Vec<Standing>,
    /// One per unit that leads a task, in registry order; `total()` is the
    /// number of lead duties.
    pub units: Vec<Standing>,
}

impl<'d> Overview<'d> {
    /// The overview of `data` with `latest` (see [`super::latest_as_of`]; it
    /// holds sub-items too, for projects to roll up).
    pub fn new(
        data: &'d Dataset,
        latest: &HashMap<&str, &'d ProgressEntry>,
        as_of: NaiveDate,
        rule: &Rule,
    ) -> Overview<'d> {
        Overview::of_tasks(data, data.all_tasks(), latest, as_of, rule)
    }

    /// The overview of some of the tasks of `data` (a report for one leader
    /// or one unit).
    pub fn of_tasks(
        data: &'d Dataset,
        tasks: impl Iterator<Item = &'d Task>,
        latest: &HashMap<&str, &'d ProgressEntry>,
        as_of: NaiveDate,
        rule: &Rule,
    ) -> Overview<'d> {
        let tasks = tasks.map(|task| (task, super::standing_in(task, latest)));
        Overview::assess(data, tasks, as_of, rule)
    }

    /// Every task's light from its standing entry, and in the same pass the
    /// standings of the plan, each leader and each lead unit.
    fn assess(
        data: &'d Dataset,
        tasks: impl Iterator<Item = (&'d Task, Option<Cow<'d, ProgressEntry>>)>,
        as_of: NaiveDate,
        rule: &Rule,
    ) -> Overview<'d> {
        let t = &rule.thresholds;
        type Fast<'a> = HashMap<&'a str, usize, foldhash::fast::FixedState>;
        let leader_at: Fast = (data.plan.leaders.iter().enumerate())
            .map(|(i, l)| (l.id.as_str(), i))
            .collect();
        let unit_at: Fast = (data.units.iter().enumerate())
            .map(|(i, u)| (u.name.as_str(), i))
            .collect();
        let mut overall = Acc::default();
        let mut leaders = vec![Acc::default(); data.plan.leaders.len()];
        let mut units = vec![Acc::default(); data.units.len()];
        let tasks: Vec<Assessed<'d>> = (tasks.enumerate())
            .map(|(i, (task, entry))| {
                // Tasks carry no deadline of their own yet: the year end.
                let (light, reason) = rule.assess(entry.as_deref(), as_of, None);
                let a = Assessed {
                    task,
                    entry,
                    light,
                    reason,
                };
                let facts = Facts::of(&a, as_of, t);
                overall.add(i, &facts);
                if let Some(&l) = task.leader.as_deref().and_then(|id| leader_at.get(id)) {
                    leaders[l].add(i, &facts);
                }
                for name in &task.lead {
                    if let Some(&u) = unit_at.get(name.as_str()) {
                        units[u].add(i, &facts);
                    }
                }
                a
            })
            .collect();
        let leaders = (data.plan.leaders.iter().zip(leaders))
            .map(|(l, acc)| acc.finish(&l.id, str::to_string))
            .collect();
        let units = (data.units.iter().zip(units))
            .filter(|(_, acc)| !acc.is_empty())
            .map(|(u, acc)| acc.finish(&u.name, str::to_string))
            .collect();
        Overview {
            as_of,
            plan_year: data.plan.year,
            thresholds: *t,
            period: rule.calendar.period_of(as_of).copied(),
            rule: rule.clone(),
            tasks,
            overall: overall.finish("", str::to_string),
            leaders,
            units,
        }
    }

    /// The tasks counting red, in document order.
    pub fn red(&self) -> impl Iterator<Item = &Assessed<'d>> {
        self.tasks.iter().filter(|a| a.is_red())
    }

    /// The units in the given order (ties keep registry order).
    pub fn units_by(&self, order: UnitOrder) -> Vec<&Standing> {
        units_by(&self.units, order)
    }
}

/// `units` in the given order (ties keep their order).
pub fn units_by(units: &[Standing], order: UnitOrder) -> Vec<&Standing> {
    let mut units: Vec<&Standing> = units.iter().collect();
    units.sort_by_key(|s| std::cmp::Reverse(order.key(s)));
    units
}

impl UnitOrder {
    /// What the order sorts by, most first: a unit's lead duties, red
    /// tasks or stale tasks.
    pub fn key(self, s: &Standing) -> usize {
        match self {
            UnitOrder::LeadDuties => s.total(),
            UnitOrder::RedItems => s.red.len(),
            UnitOrder::Staleness => s.stale,
        }
    }
}

/// What one task adds to a standing; `id` names it in the red list.
pub(super) struct Facts<R> {
    pub id: R,
    pub light: Light,
    pub percent: u8,
    pub red: bool,
    pub stale: bool,
    pub date: Option<NaiveDate>,
}

impl<R> Facts<R> {
    pub fn new(
        id: R,
        (light, reason): (Light, Reason),
        entry: Option<&ProgressEntry>,
        as_of: NaiveDate,
        t: &Thresholds,
    ) -> Facts<R> {
        let date = entry.map(|e| e.date);
        let fresh = date.is_some_and(|d| (as_of - d).num_days() < i64::from(t.stale_days));
        Facts {
            id,
            light,
            percent: entry.map_or(0, |e| e.percent),
            red: counts_as(light, reason) == Light::Red,
            stale: light != Light::Done && !fresh,
            date,
        }
    }
}

impl<'d> Facts<&'d str> {
    fn of(a: &Assessed<'d>, as_of: NaiveDate, t: &Thresholds) -> Facts<&'d str> {
        let task: &'d Task = a.task;
        Facts::new(task.id.as_str(), (a.light, a.reason), a.entry(), as_of, t)
    }
}

/// A standing being counted: the red items as they are named until the
/// end (borrowed IDs, or task positions).
#[derive(Debug, Clone)]
pub(super) struct Acc<R> {
    tally: Tally,
    sum: u64,
    red: Vec<R>,
    stale: usize,
    last_update: Option<NaiveDate>,
    /// The task added last, so a task naming a unit twice counts once.
    last_task: Option<usize>,
}

impl<R> Default for Acc<R> {
    fn default() -> Self {
        Acc {
            tally: Tally::default(),
            sum: 0,
            red: Vec::new(),
            stale: 0,
            last_update: None,
            last_task: None,
        }
    }
}

impl<R: Copy> Acc<R> {
    /// Counts task `i` (`usize::MAX` when tasks are not numbered).
    pub fn add(&mut self, i: usize, f: &Facts<R>) {
        if i != usize::MAX && self.last_task == Some(i) {
            return;
        }
        self.last_task = Some(i);
        self.tally.add(f.light);
        self.sum += u64::from(f.percent);
        if f.red {
            self.red.push(f.id);
        }
        self.stale += usize::from(f.stale);
        self.last_update = self.last_update.max(f.date);
    }

    /// Whether no task was counted.
    pub fn is_empty(&self) -> bool {
        self.tally.total() == 0
    }

    /// The standing keyed `key`, the red items named by `name`.
    pub fn finish(self, key: &str, name: impl Fn(R) -> String) -> Standing {
        let n = self.tally.total();
        Standing {
            key: key.to_string(),
            tally: self.tally,
            // Task counts are far below f64's exact integer range.
            mean_percent: if n > 0 {
                self.sum as f64 / n as f64
            } else {
                0.0
            },
            red: self.red.into_iter().map(name).collect(),
            stale: self.stale,
            last_update: self.last_update,
        }
    }
}
