//! Every task's light and the standings from standing entries kept by
//! position (see [`super::standing_at`]): one flat loop over the tasks, no
//! map keyed by ID, nothing kept per task beyond its light and the two
//! figures the standings count. What the dashboard keeps; reports that
//! show entries use [`super::Overview`], which gives the same lights.

use chrono::NaiveDate;

use super::standing::{Acc, Facts};
use super::{Light, Positions, Reason, Rule, Standing};
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
        let t = &rule.thresholds;
        let at = |p: u32| standing.get(p as usize).copied().flatten();
        let mut overall: Acc<u32> = Acc::default();
        let mut leaders: Vec<Acc<u32>> = vec![Acc::default(); data.plan.leaders.len()];
        let mut units: Vec<Acc<u32>> = vec![Acc::default(); data.units.len()];
        let mut tasks = Vec::with_capacity(positions.tasks());
        for (i, task) in data.all_tasks().enumerate() {
            let items = positions.items(i).iter().map(|&p| at(p));
            let entry = super::standing_from(task, at(positions.own(i)), items);
            let entry = entry.as_deref();
            // Tasks carry no deadline of their own yet: the year end.
            let assessed = rule.assess(entry, as_of, None);
            let facts = Facts::new(i as u32, assessed, entry, as_of, t);
            overall.add(i, &facts);
            if let Some(l) = positions.leader(i) {
                leaders[l].add(i, &facts);
            }
            for &u in positions.lead_units(i) {
                units[u as usize].add(i, &facts);
            }
            tasks.push(Lit {
                light: assessed.0,
                reason: assessed.1,
                percent: facts.percent,
                date: facts.date,
            });
        }
        let id = |i: u32| task_at(data, i as usize).map_or_else(String::new, |t| t.id.to_string());
        Lights {
            tasks,
            overall: overall.finish("", id),
            leaders: (data.plan.leaders.iter().zip(leaders))
                .map(|(l, acc)| acc.finish(&l.id, id))
                .collect(),
            units: (data.units.iter().zip(units))
                .filter(|(_, acc)| !acc.is_empty())
                .map(|(u, acc)| acc.finish(&u.name, id))
                .collect(),
        }
    }
}

/// Task `i` of `data` in `all_tasks` order.
fn task_at(data: &Dataset, i: usize) -> Option<&Task> {
    (data.tasks.get(i)).or_else(|| data.projects.get(i.checked_sub(data.tasks.len())?))
}
