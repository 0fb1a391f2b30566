//! What the overview tab, the header and the lists show of progress on the
//! as-of date: every task's light, the standings, the completion figures,
//! the red items, the unit table's orders and the units owing reports.
//! Worked out when progress, the as-of date or the thresholds change, never
//! per frame: at 1,000,000 tasks a frame that collected the red items and
//! the owing units itself took 39 ms.

use super::{App, Role, TaskRef};
use crate::lights::{Light, Overview, Owing, Reason, Standing, UnitOrder, counts_as};

/// Lights and standings, as [`App::overview`] works them out, and what the
/// overview draws from them.
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
    /// Mean completion of the tasks each unit of `units` leads.
    pub unit_completion: Vec<u8>,
    /// `units` in each order of [`UnitOrder`], as positions in `units`.
    unit_orders: [Vec<usize>; 3],
    /// The tasks counting red, in document order.
    red: Vec<TaskRef>,
    /// The widest reason text among the red items, in the app's language.
    pub red_reason_width: usize,
    /// The units owing reports, in registry order.
    pub owing: Vec<Owing>,
}

/// What the overview keeps beside the standings, worked out from every
/// task's light and the unit standings, so no frame has to.
struct Kept {
    unit_completion: Vec<u8>,
    unit_orders: [Vec<usize>; 3],
    red: Vec<TaskRef>,
    red_reason_width: usize,
    owing: Vec<Owing>,
}

impl Kept {
    fn of(app: &App, lights: &[(Light, Reason)], units: &[Standing]) -> Kept {
        let unit_completion = units.iter().map(|s| lead_completion(app, &s.key)).collect();
        let red: Vec<TaskRef> = (lights.iter().enumerate())
            .filter(|(_, (light, reason))| counts_as(*light, *reason) == Light::Red)
            .map(|(i, _)| TaskRef(i))
            .collect();
        let lang = app.labels.lang;
        let red_reason_width = (red.iter())
            .filter_map(|r| lights.get(r.0))
            .map(|(_, reason)| crate::text::width(&super::overview::reason_text(lang, *reason)))
            .max()
            .unwrap_or(0);
        let owing = crate::lights::owing(
            &app.data,
            (app.data.all_tasks().zip(lights)).map(|(t, &(light, reason))| (t, light, reason)),
            None,
        );
        Kept {
            unit_completion,
            unit_orders: ORDERS.map(|order| order_of(units, order)),
            red,
            red_reason_width,
            owing,
        }
    }

    fn put(self, s: &mut Standings) {
        s.unit_completion = self.unit_completion;
        s.unit_orders = self.unit_orders;
        s.red = self.red;
        s.red_reason_width = self.red_reason_width;
        s.owing = self.owing;
    }
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
        let lights: Vec<(Light, Reason)> = tasks.iter().map(|a| (a.light, a.reason)).collect();
        let kept = Kept::of(app, &lights, &units);
        let mut standings = Standings {
            lights,
            overall,
            leaders,
            units,
            completion: mean(sums.completion, app.data.all_tasks().count()),
            leader_completion,
            sums,
            ..Standings::default()
        };
        kept.put(&mut standings);
        standings
    }

    /// After a save changed the lights and unit standings in place (see
    /// `restand_one`): what the overview keeps from them follows.
    pub(super) fn rekeep(app: &mut App) {
        let kept = Kept::of(app, &app.standings.lights, &app.standings.units);
        kept.put(&mut app.standings);
    }

    /// The tasks counting red (red lights and severely overdue reports),
    /// in document order.
    pub fn red(&self) -> impl ExactSizeIterator<Item = TaskRef> + '_ {
        self.red.iter().copied()
    }

    /// The `n`th red item.
    pub fn red_item(&self, n: usize) -> Option<TaskRef> {
        self.red.get(n).copied()
    }

    /// A task's light and why.
    pub fn light(&self, task: TaskRef) -> Option<(Light, Reason)> {
        self.lights.get(task.0).copied()
    }

    /// The units in the given order (ties keep registry order).
    pub fn units_by(&self, order: UnitOrder) -> Vec<&Standing> {
        (self.order(order).iter())
            .filter_map(|&i| self.units.get(i))
            .collect()
    }

    /// The `n`th unit in the given order, with the completion of the tasks
    /// it leads.
    pub fn unit_row(&self, order: UnitOrder, n: usize) -> Option<(&Standing, u8)> {
        let i = *self.order(order).get(n)?;
        Some((self.units.get(i)?, *self.unit_completion.get(i)?))
    }

    fn order(&self, order: UnitOrder) -> &[usize] {
        let at = ORDERS.iter().position(|o| *o == order).unwrap_or(0);
        &self.unit_orders[at]
    }
}

const ORDERS: [UnitOrder; 3] = [
    UnitOrder::LeadDuties,
    UnitOrder::RedItems,
    UnitOrder::Staleness,
];

/// Positions in `units` in `order`, as [`crate::lights::units_by`] sorts them (a stable
/// sort: ties keep registry order).
fn order_of(units: &[Standing], order: UnitOrder) -> Vec<usize> {
    let mut at: Vec<usize> = (0..units.len()).collect();
    at.sort_by_key(|&i| std::cmp::Reverse(order.key(&units[i])));
    at
}

/// The mean completion of the tasks the unit named `unit` leads.
fn lead_completion(app: &App, unit: &str) -> u8 {
    let duties = (app.index.unit_by_name.get(unit))
        .and_then(|&u| app.index.duties.get(u))
        .map_or(&[][..], Vec::as_slice);
    let lead = (duties.iter())
        .filter(|d| d.role == Role::Lead)
        .filter_map(|d| app.task(d.task));
    app.progress.completion(lead)
}
