//! Every task's light and the standings from standing entries kept by
//! position (see [`super::standing_at`]): one flat loop over the tasks, no
//! map keyed by ID. [`Lights`] keeps per task only its light and the two
//! figures the standings count (what the dashboard keeps);
//! [`super::Overview`] keeps each task's entry too (what circulars show).
//! Both count through [`count`], so they give the same lights.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::standing::{Acc, Facts};
use super::{Light, Positions, Reason, Rule, Standing, Thresholds};
use crate::model::{Dataset, ProgressEntry, Task};

/// A task's light on the as-of date and what its standing entry says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lit {
    pub light: Light,
    pub reason: Reason,
    /// The standing entry's percent (0 without one).
    pub percent: u8,
    /// The standing entry's date.
    pub date: Option<NaiveDate>,
}

/// Every task's light, in `all_tasks` order, and the standings, as
/// [`super::Overview`] has them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lights {
    pub tasks: Vec<Lit>,
    pub overall: Standing,
    /// One per leader in plan order.
    pub leaders: Vec<Standing>,
    /// One per unit that leads a task, in registry order.
    pub units: Vec<Standing>,
}

impl Lights {
    /// The lights of every task of `data` on `as_of`, from `standing`, the
    /// standing entry per position of `positions` (made from `data`).
    pub fn of(
        data: &Dataset,
        positions: &Positions,
        standing: &[Option<&ProgressEntry>],
        as_of: NaiveDate,
        rule: &Rule,
    ) -> Lights {
        let mut tasks = Vec::with_capacity(positions.tasks());
        let counted = count(
            data,
            positions,
            standing,
            |_| true,
            as_of,
            rule,
            |one| {
                tasks.push(Lit {
                    light: one.light,
                    reason: one.reason,
                    percent: one.facts.percent,
                    date: one.facts.date,
                });
            },
        );
        Lights {
            tasks,
            overall: counted.overall,
            leaders: counted.leaders,
            units: counted.units,
        }
    }

    /// The standing of some of the tasks (`members`, positions in
    /// `all_tasks` order), keyed `key`: a section's in a plan grouped by
    /// section.
    pub fn standing_of(
        &self,
        key: &str,
        members: impl Iterator<Item = usize>,
        as_of: NaiveDate,
        t: &Thresholds,
    ) -> Standing {
        let mut acc = Acc::default();
        for i in members {
            if let Some(lit) = self.tasks.get(i) {
                let facts = Facts::from_parts(
                    pos(i),
                    (lit.light, lit.reason),
                    lit.percent,
                    lit.date,
                    as_of,
                    t,
                );
                acc.add(usize::MAX, &facts);
            }
        }
        acc.finish(key)
    }
}

/// One task as [`count`] assesses it.
pub(super) struct One<'d, 'e> {
    pub task: &'d Task,
    pub entry: Option<Cow<'e, ProgressEntry>>,
    pub light: Light,
    pub reason: Reason,
    pub facts: Facts,
}

/// The standings [`count`] counts.
pub(super) struct Counted {
    pub overall: Standing,
    pub leaders: Vec<Standing>,
    pub units: Vec<Standing>,
}

/// The one loop over the tasks: each task of `data` that `keep` keeps, in
/// `all_tasks` order, stands on its entry of `standing` (a project on its
/// sub-items', see [`super::standing_from`]), is assessed by `rule` on
/// `as_of` and handed to `each` with its position in `all_tasks`.
pub fn assess_each<'d, 'e>(
    data: &'d Dataset,
    positions: &Positions,
    standing: &[Option<&'e ProgressEntry>],
    keep: impl Fn(&Task) -> bool,
    as_of: NaiveDate,
    rule: &Rule,
    mut each: impl FnMut(usize, &'d Task, Option<Cow<'e, ProgressEntry>>, (Light, Reason)),
) {
    let at = |p: u32| standing.get(p as usize).copied().flatten();
    for (i, task) in data.all_tasks().enumerate() {
        if !keep(task) {
            continue;
        }
        let items = positions.items(i).iter().map(|&p| at(p));
        let entry = super::standing_from(task, at(positions.own(i)), items);
        // The task's own deadline where the document states one, else the
        // year end.
        let assessed = rule.assess(entry.as_deref(), as_of, task.due);
        each(i, task, entry, assessed);
    }
}

/// [`assess_each`], each task also counted in the plan's, its leader's and
/// its lead units' standings.
pub(super) fn count<'d, 'e>(
    data: &'d Dataset,
    positions: &Positions,
    standing: &[Option<&'e ProgressEntry>],
    keep: impl Fn(&Task) -> bool,
    as_of: NaiveDate,
    rule: &Rule,
    mut each: impl FnMut(One<'d, 'e>),
) -> Counted {
    let t = &rule.thresholds;
    let mut overall = Acc::default();
    let mut leaders: Vec<Acc> = vec![Acc::default(); data.plan.leaders.len()];
    let mut units: Vec<Acc> = vec![Acc::default(); data.units.len()];
    let one = |i: usize, task, entry: Option<Cow<'e, ProgressEntry>>, (light, reason)| {
        let facts = Facts::new(pos(i), (light, reason), entry.as_deref(), as_of, t);
        overall.add(i, &facts);
        if let Some(l) = positions.leader(i) {
            leaders[l].add(i, &facts);
        }
        for &u in positions.lead_units(i) {
            units[u as usize].add(i, &facts);
        }
        each(One {
            task,
            entry,
            light,
            reason,
            facts,
        });
    };
    assess_each(data, positions, standing, keep, as_of, rule, one);
    Counted {
        overall: overall.finish(""),
        leaders: (data.plan.leaders.iter().zip(leaders))
            .map(|(l, acc)| acc.finish(&l.id))
            .collect(),
        units: (data.units.iter().zip(units))
            .filter(|(_, acc)| !acc.is_empty())
            .map(|(u, acc)| acc.finish(&u.name))
            .collect(),
    }
}

fn pos(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
