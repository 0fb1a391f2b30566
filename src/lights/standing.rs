//! Lights over a whole dataset, and how each leader and unit stands: what
//! the overview tab and the reports show.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::{Light, Positions, Reason, Rule, Thresholds, counts_as};
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
    /// The task's position in `all_tasks` order.
    pub at: u32,
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
    /// document order, as positions in `all_tasks` order (see
    /// [`Standing::red_ids`] for their IDs).
    pub red: Vec<u32>,
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
        acc.finish(key)
    }

    /// The IDs of the tasks counting red, in document order (`data` is
    /// the plan the standing was counted from).
    pub fn red_ids<'a>(&'a self, data: &'a Dataset) -> impl Iterator<Item = &'a str> + 'a {
        (self.red.iter()).filter_map(move |&i| data.task_at(i as usize).map(|t| t.id.as_str()))
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
    /// The overview of `data` on `as_of` from the journal's `entries`: the
    /// plan's IDs numbered, each one's standing entry found in one pass,
    /// then [`Overview::at`] over every task.
    pub fn of(
        data: &'d Dataset,
        entries: &'d [ProgressEntry],
        as_of: NaiveDate,
        rule: &Rule,
    ) -> Overview<'d> {
        let positions = Positions::of(data);
        let standing = super::standing_at(entries, &positions, as_of);
        Overview::at(data, &positions, &standing, |_| true, as_of, rule)
    }

    /// The overview of the tasks of `data` that `keep` keeps (all of
    /// them, or a report's for one leader or one unit), from `standing`,
    /// the standing entry per position of `positions` (made from `data`;
    /// see [`super::standing_at`]).
    pub fn at(
        data: &'d Dataset,
        positions: &Positions,
        standing: &[Option<&'d ProgressEntry>],
        keep: impl Fn(&Task) -> bool,
        as_of: NaiveDate,
        rule: &Rule,
    ) -> Overview<'d> {
        let mut tasks = Vec::with_capacity(positions.tasks());
        let counted = super::flat::count(data, positions, standing, keep, as_of, rule, |one| {
            tasks.push(Assessed {
                task: one.task,
                at: one.facts.id,
                entry: one.entry,
                light: one.light,
                reason: one.reason,
            });
        });
        Overview {
            as_of,
            plan_year: data.plan.year,
            thresholds: rule.thresholds,
            period: rule.calendar.period_of(as_of).copied(),
            rule: rule.clone(),
            tasks,
            overall: counted.overall,
            leaders: counted.leaders,
            units: counted.units,
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

/// What one task adds to a standing; `id` (its position in `all_tasks`
/// order) names it in the red list.
pub(super) struct Facts {
    pub id: u32,
    pub light: Light,
    pub percent: u8,
    pub red: bool,
    pub stale: bool,
    pub date: Option<NaiveDate>,
}

impl Facts {
    pub fn new(
        id: u32,
        (light, reason): (Light, Reason),
        entry: Option<&ProgressEntry>,
        as_of: NaiveDate,
        t: &Thresholds,
    ) -> Facts {
        let percent = entry.map_or(0, |e| e.percent);
        Facts::from_parts(
            id,
            (light, reason),
            percent,
            entry.map(|e| e.date),
            as_of,
            t,
        )
    }

    /// [`Facts::new`] from the entry's percent and date.
    pub fn from_parts(
        id: u32,
        (light, reason): (Light, Reason),
        percent: u8,
        date: Option<NaiveDate>,
        as_of: NaiveDate,
        t: &Thresholds,
    ) -> Facts {
        let fresh = date.is_some_and(|d| (as_of - d).num_days() < i64::from(t.stale_days));
        Facts {
            id,
            light,
            percent,
            red: counts_as(light, reason) == Light::Red,
            stale: light != Light::Done && !fresh,
            date,
        }
    }
}

impl Facts {
    fn of(a: &Assessed, as_of: NaiveDate, t: &Thresholds) -> Facts {
        Facts::new(a.at, (a.light, a.reason), a.entry(), as_of, t)
    }
}

/// A standing being counted.
#[derive(Debug, Clone, Default)]
pub(super) struct Acc {
    tally: Tally,
    sum: u64,
    red: Vec<u32>,
    stale: usize,
    last_update: Option<NaiveDate>,
    /// The task added last, so a task naming a unit twice counts once.
    last_task: Option<usize>,
}

impl Acc {
    /// Counts task `i` (`usize::MAX` when tasks are not numbered).
    pub fn add(&mut self, i: usize, f: &Facts) {
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

    /// The standing keyed `key`.
    pub fn finish(self, key: &str) -> Standing {
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
            red: {
                // Kept as long as the standings are: no spare room.
                let mut red = self.red;
                red.shrink_to_fit();
                red
            },
            stale: self.stale,
            last_update: self.last_update,
        }
    }
}
