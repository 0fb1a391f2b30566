//! What the overview tab, the header and the leader list show of progress
//! on the as-of date: every task's light, the standings, the completion
//! figures. Worked out when progress or the thresholds change, not on every
//! frame: at 100,000 tasks a frame that assessed every task took 24 ms.

use super::{App, TaskRef};
use crate::lights::{Light, Overview, Reason, Standing, UnitOrder, counts_as, units_by};

/// Lights and standings, as [`App::overview`] works them out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Standings {
    /// Every task's light and why, in `all_tasks` order.
    pub lights: Vec<(Light, Reason)>,
    /// The whole plan.
    pub overall: Standing,
    /// One per group of the first tab: per leader in plan order, or per
    /// top-level section in a plan numbered by section (no leaders to
    /// group by).
    pub leaders: Vec<Standing>,
    /// One per unit that leads a task, in registry order.
    pub units: Vec<Standing>,
    /// Mean completion of every task, in percent.
    pub completion: u8,
    /// Mean completion of each leader's tasks, in plan order.
    pub leader_completion: Vec<u8>,
    /// What a save updates these from (see `restand_one`).
    pub sums: super::restand_one::Sums,
}

impl Standings {
    /// The standings of `app` as its progress, as-of date and thresholds
    /// are now.
    pub fn of(app: &App) -> Standings {
        let Overview {
            tasks,
            overall,
            leaders,
            units,
            as_of,
            thresholds,
            ..
        } = app.overview();
        let leaders = if app.data.plan.by_section {
            let sections = app.index.group_names.iter().zip(&app.index.leader_tasks);
            let of = |(name, refs): (&String, &Vec<TaskRef>)| {
                let assessed = refs.iter().filter_map(|r| tasks.get(r.0));
                Standing::of(name, assessed, as_of, &thresholds)
            };
            sections.map(of).collect()
        } else {
            leaders
        };
        let dates = tasks.iter().map(|a| a.entry().map(|e| e.date)).collect();
        let sums = Standings::sums_of(app, dates);
        let mean = super::restand_one::mean;
        let leader_completion = (app.index.leader_tasks.iter().zip(&sums.leaders))
            .map(|(refs, &sum)| mean(sum, refs.len()))
            .collect();
        Standings {
            lights: tasks.iter().map(|a| (a.light, a.reason)).collect(),
            overall,
            leaders,
            units,
            completion: mean(sums.completion, app.data.all_tasks().count()),
            leader_completion,
            sums,
        }
    }

    /// The tasks counting red (red lights and severely overdue reports),
    /// in document order.
    pub fn red(&self) -> impl Iterator<Item = TaskRef> + '_ {
        (self.lights.iter().enumerate())
            .filter(|(_, (light, reason))| counts_as(*light, *reason) == Light::Red)
            .map(|(i, _)| TaskRef(i))
    }

    /// A task's light and why.
    pub fn light(&self, task: TaskRef) -> Option<(Light, Reason)> {
        self.lights.get(task.0).copied()
    }

    /// The units in the given order (ties keep registry order).
    pub fn units_by(&self, order: UnitOrder) -> Vec<&Standing> {
        units_by(&self.units, order)
    }
}
