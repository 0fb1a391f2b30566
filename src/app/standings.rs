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
    /// One per leader, in plan order.
    pub leaders: Vec<Standing>,
    /// One per unit that leads a task, in registry order.
    pub units: Vec<Standing>,
    /// Mean completion of every task, in percent.
    pub completion: u8,
    /// Mean completion of each leader's tasks, in plan order.
    pub leader_completion: Vec<u8>,
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

impl Standings {
    /// The standings of `app` as its progress, as-of date and thresholds
    /// are now.
    pub fn of(app: &App) -> Standings {
        let Overview {
            tasks,
            overall,
            leaders,
            units,
            ..
        } = app.overview();
        let progress = &app.progress;
        let leader_completion = (app.index.leader_tasks.iter())
            .map(|refs| progress.completion(refs.iter().filter_map(|r| app.task(*r))))
            .collect();
        let unit_completion = units.iter().map(|s| lead_completion(app, &s.key)).collect();
        let lights: Vec<(Light, Reason)> = tasks.iter().map(|a| (a.light, a.reason)).collect();
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
            (app.data.all_tasks().zip(&lights)).map(|(t, &(light, reason))| (t, light, reason)),
            None,
        );
        Standings {
            unit_orders: ORDERS.map(|order| order_of(&units, order)),
            lights,
            overall,
            leaders,
            units,
            completion: progress.completion(app.data.all_tasks()),
            leader_completion,
            unit_completion,
            red,
            red_reason_width,
            owing,
        }
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
