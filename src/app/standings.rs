//! What the overview tab, the header and the lists show of progress on the
//! as-of date: every task's light, the standings, the completion figures,
//! the red items, the unit table's orders and the units owing reports.
//! Worked out when progress, the as-of date or the thresholds change, never
//! per frame: at 1,000,000 tasks a frame that collected the red items and
//! the owing units itself took 39 ms.

use std::collections::HashMap;

use super::index::Duties;
use super::restand_one::mean;
use super::{App, Lang, Role, TaskRef};
use crate::fast_map::FastMap;
use crate::model::Dataset;
use chrono::NaiveDate;

use crate::lights::{Light, Lights, Owing, Reason, Standing, UnitOrder, counts_as};
use crate::model::ProgressEntry;

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
    /// (The red items are `overall`'s red list: kept once.)
    unit_orders: [Vec<usize>; 3],
    /// The widest reason text among the red items, in the app's language.
    pub red_reason_width: usize,
    /// The units owing reports, in registry order.
    pub owing: Vec<Owing>,
    /// Per unit of `units`: the sum of its lead tasks' completion and how
    /// many they are, so a save moves one unit's figure without a walk.
    unit_sums: Vec<(usize, usize)>,
    /// How many red items have a reason text of each width.
    red_widths: Vec<u32>,
}

/// What the overview keeps beside the standings, worked out from every
/// task's light and the unit standings, so no frame has to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Kept {
    unit_completion: Vec<u8>,
    unit_sums: Vec<(usize, usize)>,
    unit_orders: [Vec<usize>; 3],
    red_widths: Vec<u32>,
    red_reason_width: usize,
    owing: Vec<Owing>,
}

/// What [`Kept`] is worked out from besides the lights: the plan, its
/// units' names and duties, and the language the reasons are measured in.
pub(super) struct Ground<'a> {
    pub data: &'a Dataset,
    pub unit_by_name: &'a HashMap<String, usize>,
    pub duties: &'a Duties,
    pub lang: Lang,
}

impl<'a> Ground<'a> {
    /// `app`'s, from an index whose duties are in.
    fn of(app: &'a App) -> Ground<'a> {
        Ground {
            data: &app.data,
            unit_by_name: &app.index.unit_by_name,
            duties: &app.index.duties,
            lang: app.labels.lang,
        }
    }
}

impl Kept {
    /// `red`: the tasks counting red, as the overall standing lists them.
    pub(super) fn of(
        ground: &Ground,
        states: &[u8],
        lights: &[(Light, Reason)],
        units: &[Standing],
        red: &[u32],
    ) -> Kept {
        let unit_sums: Vec<(usize, usize)> = (units.iter())
            .map(|s| lead_sum(ground, states, &s.key))
            .collect();
        let unit_completion = unit_sums.iter().map(|&(sum, n)| mean(sum, n)).collect();
        let mut red_widths = Vec::new();
        // Red items share few reasons (points behind, periods missed):
        // each one's text is measured once.
        let mut widths: FastMap<Reason, usize> = FastMap::default();
        for &r in red {
            if let Some(&(_, reason)) = lights.get(r as usize) {
                let lang = ground.lang;
                let w = *widths
                    .entry(reason)
                    .or_insert_with(|| reason_width(lang, reason));
                count_width(&mut red_widths, w, true);
            }
        }
        let owing = crate::lights::owing(
            ground.data,
            (ground.data.all_tasks().zip(lights)).map(|(t, &(light, reason))| (t, light, reason)),
            None,
        );
        Kept {
            unit_completion,
            unit_sums,
            unit_orders: ORDERS.map(|order| order_of(units, order)),
            red_reason_width: widest(&red_widths),
            red_widths,
            owing,
        }
    }

    pub(super) fn put(self, s: &mut Standings) {
        s.unit_completion = self.unit_completion;
        s.unit_sums = self.unit_sums;
        s.unit_orders = self.unit_orders;
        s.red_widths = self.red_widths;
        s.red_reason_width = self.red_reason_width;
        s.owing = self.owing;
    }
}

/// Plans of at least this many tasks have their lights and completion
/// worked out on two threads.
const SPLIT_AT: usize = 1 << 14;

/// A task's light, why, and completion, as the overview keeps them.
pub(super) type Kept1 = (Light, Reason, u8);

/// The width of a reason's text in `lang`.
fn reason_width(lang: super::Lang, reason: Reason) -> usize {
    crate::text::width(&super::overview::reason_text(lang, reason))
}

/// The units owing reports after task `task` came to owe one (due date
/// and periods missed) or not: as [`crate::lights::owing`] lists them.
fn owe(
    owing: &mut Vec<Owing>,
    data: &crate::model::Dataset,
    index: &super::Index,
    task: TaskRef,
    now: Option<(chrono::NaiveDate, u32)>,
) {
    let Some(t) = task.get(data) else {
        return;
    };
    let registry = |name: &str| data.units.iter().position(|u| u.name == name);
    let position = |id: &str| index.ids.task(id).map_or(0, |r| r.0);
    let mut seen: Vec<usize> = Vec::new();
    for name in &t.lead {
        let Some(u) = registry(name) else {
            continue;
        };
        if seen.contains(&u) {
            continue;
        }
        seen.push(u);
        let at = owing.iter().position(|o| &o.unit == name);
        if let Some(i) = at {
            // In task order: found by a search, not a pass over a list that
            // holds most tasks before any report is in.
            let list = &mut owing[i].tasks;
            let p = list.partition_point(|o| position(&o.id) < task.0);
            if list.get(p).is_some_and(|o| o.id == t.id) {
                list.remove(p);
            }
        }
        let i = match (at, now) {
            (Some(i), None) => {
                if owing[i].tasks.is_empty() {
                    owing.remove(i);
                }
                continue;
            }
            (None, None) => continue,
            (Some(i), Some(_)) => i,
            (None, Some(_)) => {
                let i = owing.partition_point(|o| registry(&o.unit) < Some(u));
                let unit = name.to_string();
                owing.insert(
                    i,
                    Owing {
                        unit,
                        tasks: Vec::new(),
                    },
                );
                i
            }
        };
        if let Some((due, missed)) = now {
            let list = &mut owing[i].tasks;
            let p = list.partition_point(|o| position(&o.id) < task.0);
            let id = t.id.clone();
            list.insert(p, crate::lights::Owed { id, due, missed });
        }
    }
}

/// Counts one more (or one fewer) red item of reason width `w`.
fn count_width(widths: &mut Vec<u32>, w: usize, add: bool) {
    if widths.len() <= w {
        widths.resize(w + 1, 0);
    }
    if add {
        widths[w] += 1;
    } else {
        widths[w] = widths[w].saturating_sub(1);
        // No trailing zeros: the same counts as a fresh count gives.
        while widths.last() == Some(&0) {
            widths.pop();
        }
    }
}

/// The widest width counted.
fn widest(widths: &[u32]) -> usize {
    widths.iter().rposition(|&n| n > 0).unwrap_or(0)
}

impl Standings {
    /// The standings of `app` as its progress, as-of date and thresholds
    /// are now: each ID's standing entry on the as-of date and its latest
    /// found by position in one walk of the progress, then every task's
    /// light in one loop (see [`crate::lights::Lights`]).
    pub fn of(app: &App) -> Standings {
        let (mut standings, states) = Standings::first(app);
        let s = &standings;
        let ground = Ground::of(app);
        Kept::of(&ground, &states, &s.lights, &s.units, &s.overall.red).put(&mut standings);
        standings
    }

    /// The standings without what only the overview tab shows (the unit
    /// table's completion and orders, the widths of the red items'
    /// reasons, the units owing reports; the red items themselves are the
    /// overall standing's list and come now), and every task's completion to work those out from later
    /// (see `rest.rs`).
    pub fn first(app: &App) -> (Standings, Vec<u8>) {
        let (as_of, rule) = (app.today, app.rule());
        let dates = [as_of, NaiveDate::MAX];
        let mut standing = app
            .progress
            .standing_on(app.positions(), &dates)
            .into_iter();
        let now = standing.next().unwrap_or_default();
        let latest = standing.next().unwrap_or_default();
        // Every task's light (from its entry on the as-of date) and its
        // completion (from its latest) read different entries: two
        // threads at 100,000 tasks, where each entry read is a cache miss.
        let lights_of = || Lights::of(&app.data, app.positions(), &now, as_of, rule);
        let (lit, states) = if app.data.tasks.len() >= SPLIT_AT {
            std::thread::scope(|scope| {
                let states = scope.spawn(|| states(app, &latest));
                let lit = lights_of();
                let states = (states.join()).unwrap_or_else(|e| std::panic::resume_unwind(e));
                (lit, states)
            })
        } else {
            (lights_of(), states(app, &latest))
        };
        // In a plan grouped by section, the first tab's groups are its
        // top-level sections.
        let sections = app.data.plan.by_section.then(|| {
            let t = &rule.thresholds;
            let groups = app.index.group_names.iter().zip(&app.index.leader_tasks);
            let of = |(name, refs): (&String, &Vec<TaskRef>)| {
                lit.standing_of(name, refs.iter().map(|r| r.0), as_of, t)
            };
            groups.map(of).collect()
        });
        let Lights {
            tasks,
            overall,
            leaders,
            units,
        } = lit;
        let leaders = sections.unwrap_or(leaders);
        let dates = tasks.iter().map(|l| l.date).collect();
        let sums = Standings::sums_of(app, &states, dates);
        let leader_completion = (app.index.leader_tasks.iter().zip(&sums.leaders))
            .map(|(refs, &sum)| mean(sum, refs.len()))
            .collect();
        let lights: Vec<(Light, Reason)> = tasks.iter().map(|l| (l.light, l.reason)).collect();
        let standings = Standings {
            lights,
            overall,
            leaders,
            units,
            completion: mean(sums.completion, states.len()),
            leader_completion,
            sums,
            ..Standings::default()
        };
        (standings, states)
    }

    /// After a save changed one task's light or completion, and the unit
    /// standings in place (see `restand_one`): what the overview keeps
    /// from them follows, for that task only. `was` and `is` are the
    /// task's light, why, and completion before and after.
    pub(super) fn rekeep_one(app: &mut App, task: TaskRef, was: Kept1, is: Kept1) {
        let Some(t) = app.data.all_tasks().nth(task.0) else {
            return;
        };
        let s = &mut app.standings;
        // The units the task is a lead duty of (as `lead_sum` counts).
        let mut named: Vec<usize> = Vec::new();
        for name in &t.lead {
            let Some(&u) = app.index.unit_by_name.get(name.as_str()) else {
                continue;
            };
            if named.contains(&u) {
                continue;
            }
            named.push(u);
            let key = &app.data.units[u].name;
            if let Some(i) = s.units.iter().position(|x| &x.key == key) {
                let (sum, n) = &mut s.unit_sums[i];
                *sum = *sum + usize::from(is.2) - usize::from(was.2);
                s.unit_completion[i] = mean(*sum, *n);
            }
        }
        // The red list itself is the overall standing's, moved already.
        let red = |k: Kept1| counts_as(k.0, k.1) == Light::Red;
        if red(was) {
            count_width(
                &mut s.red_widths,
                reason_width(app.labels.lang, was.1),
                false,
            );
        }
        if red(is) {
            count_width(&mut s.red_widths, reason_width(app.labels.lang, is.1), true);
        }
        s.red_reason_width = widest(&s.red_widths);
        s.unit_orders = ORDERS.map(|order| order_of(&s.units, order));
        let owed = |k: Kept1| match k {
            (Light::Overdue, Reason::Unreported { missed, due, .. }, _) => Some((due, missed)),
            _ => None,
        };
        if owed(was) != owed(is) {
            owe(&mut s.owing, &app.data, &app.index, task, owed(is));
        }
    }

    /// The tasks counting red (red lights and severely overdue reports),
    /// in document order.
    pub fn red(&self) -> impl ExactSizeIterator<Item = TaskRef> + '_ {
        self.overall.red.iter().map(|&i| TaskRef(i as usize))
    }

    /// The `n`th red item.
    pub fn red_item(&self, n: usize) -> Option<TaskRef> {
        self.overall.red.get(n).map(|&i| TaskRef(i as usize))
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

/// The sum of the completion of the tasks the unit named `unit` leads,
/// and how many they are; `states` is every task's completion.
fn lead_sum(ground: &Ground, states: &[u8], unit: &str) -> (usize, usize) {
    let duties = (ground.unit_by_name.get(unit))
        .and_then(|&u| ground.duties.get(u))
        .unwrap_or_default();
    let lead = (duties.iter())
        .filter(|d| d.role() == Role::Lead)
        .filter_map(|d| states.get(d.task().0));
    lead.fold((0, 0), |(sum, n), &state| (sum + usize::from(state), n + 1))
}

/// Every task's completion (in `all_tasks` order), as
/// [`super::Progress::state`] gives it, from `latest`, each ID's latest
/// entry by position.
fn states(app: &App, latest: &[Option<&ProgressEntry>]) -> Vec<u8> {
    let p = app.positions();
    let at = |i: u32| latest.get(i as usize).copied().flatten();
    (app.data.all_tasks().enumerate())
        .map(|(i, t)| {
            let items = p.items(i).iter().map(|&i| at(i));
            crate::lights::standing_from(t, at(p.own(i)), items).map_or(0, |e| e.percent)
        })
        .collect()
}
