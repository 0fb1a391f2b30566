//! A save changes the history of one ID: the light of its task (or, for a
//! sub-item, its project's roll-up, see [`crate::lights::standing_entry`])
//! and the standings of the plan, the task's leader and its lead units are
//! updated in place instead of worked out again for every task (at 100,000
//! tasks that took 86 ms per save). `tests/save_incremental.rs` holds the
//! result to a full [`Standings::of`] over random saves.

use std::sync::Arc;

use chrono::NaiveDate;

use super::{App, Standings, TaskRef};
use crate::lights::{Light, Reason, Standing, Thresholds, counts_as};
use crate::model::ProgressEntry;

/// What [`Standings`] keeps besides its figures so one task's change can
/// be applied: the sums behind the completion figures and each task's
/// report date on the as-of date (in `all_tasks` order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sums {
    pub completion: usize,
    pub leaders: Vec<usize>,
    pub dates: Vec<Option<NaiveDate>>,
}

/// What one task adds to a standing.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Facts {
    light: Light,
    reason: Reason,
    /// The standing entry's percent and date on the as-of date.
    percent: u8,
    date: Option<NaiveDate>,
    /// The percent the completion figures count (the latest entry).
    state: u8,
}

impl Facts {
    fn red(&self) -> bool {
        counts_as(self.light, self.reason) == Light::Red
    }

    fn stale(&self, as_of: NaiveDate, t: &Thresholds) -> bool {
        let fresh = (self.date).is_some_and(|d| (as_of - d).num_days() < i64::from(t.stale_days));
        self.light != Light::Done && !fresh
    }
}

/// The mean completion as [`super::Progress::completion`] gives it.
pub fn mean(sum: usize, n: usize) -> u8 {
    sum.checked_div(n)
        .map_or(0, |m| u8::try_from(m).unwrap_or(100))
}

impl App {
    fn facts(&self, task: TaskRef) -> Option<Facts> {
        let t = self.task(task)?;
        let entry = crate::lights::standing_entry(t, |id| self.latest_as_of(id));
        let (light, reason) = self.rule().assess(entry.as_deref(), self.today, t.due);
        Some(Facts {
            light,
            reason,
            percent: entry.as_ref().map_or(0, |e| e.percent),
            date: entry.map(|e| e.date),
            state: self.progress.state(t).1,
        })
    }

    /// Replaces the history of `id` (a task, project or sub-item, in any
    /// order) and brings the standings up to date for it: what a pull of
    /// another client's entries for one ID changes.
    pub fn apply_history(&mut self, id: &str, history: Vec<ProgressEntry>) {
        self.apply_change(id, |p| p.set_history(id, history));
    }

    /// Adds one entry to its ID's history (a commit or redo saved) and
    /// brings the standings up to date for it, at a cost that does not
    /// grow with the journal or with that ID's history.
    pub fn apply_added(&mut self, entry: Arc<ProgressEntry>) {
        let id = entry.task.clone();
        self.apply_change(&id, |p| p.add(entry));
    }

    /// Takes an undone entry out of its ID's history and brings the
    /// standings up to date for it.
    pub fn apply_removed(&mut self, entry: &ProgressEntry) {
        self.apply_change(&entry.task, |p| {
            p.remove(entry);
        });
    }

    /// Changes the history of `id` with `change` and the standings after.
    fn apply_change(&mut self, id: &str, change: impl FnOnce(&mut super::Progress)) {
        // The overview's part is updated in place: it must be there.
        self.finish_start();
        let task = (self.index.ids.task(id)).or_else(|| self.index.ids.item(id).map(|(t, _)| t));
        let before = task.and_then(|t| self.facts(t));
        change(&mut self.progress);
        // An ID the dataset does not know has no light.
        if let (Some(task), Some(before)) = (task, before)
            && let Some(after) = self.facts(task)
            && before != after
        {
            self.shift(task, &before, &after);
            // What the overview keeps from the lights (unit completions,
            // the red items, the units owing reports) follows.
            let kept = |f: &Facts| (f.light, f.reason, f.state);
            super::Standings::rekeep_one(self, task, kept(&before), kept(&after));
        }
        // The filtered lists follow.
        self.restood();
    }

    fn shift(&mut self, task: TaskRef, before: &Facts, after: &Facts) {
        let Some(t) = task.get(&self.data) else {
            return;
        };
        let (as_of, th) = (self.today, *self.thresholds());
        let s = &mut self.standings;
        s.lights[task.0] = (after.light, after.reason);
        s.sums.dates[task.0] = after.date;
        s.sums.completion =
            s.sums.completion + usize::from(after.state) - usize::from(before.state);
        s.completion = mean(s.sums.completion, s.lights.len());
        for (g, refs) in self.index.leader_tasks.iter().enumerate() {
            if refs.contains(&task) {
                let sum = &mut s.sums.leaders[g];
                *sum = *sum + usize::from(after.state) - usize::from(before.state);
                s.leader_completion[g] = mean(*sum, refs.len());
            }
        }
        let n = s.lights.len();
        let change = Change {
            task,
            before,
            after,
            as_of,
            thresholds: &th,
            dates: &s.sums.dates,
        };
        change.apply(&mut s.overall, || 0..n);
        if self.data.plan.by_section {
            // The first tab's groups are sections: the standings follow them.
            for (g, refs) in self.index.leader_tasks.iter().enumerate() {
                if refs.contains(&task) {
                    change.apply(&mut s.leaders[g], || refs.iter().map(|r| r.0));
                }
            }
        } else if let Some(l) = t.leader.as_deref()
            && let Some(i) = self.data.plan.leaders.iter().position(|x| x.id == l)
        {
            let data = &self.data;
            change.apply(&mut s.leaders[i], || {
                (data.all_tasks().enumerate())
                    .filter(|(_, x)| x.leader.as_deref() == Some(l))
                    .map(|(i, _)| i)
            });
        }
        let mut seen: Vec<&str> = Vec::new();
        for name in &t.lead {
            if seen.contains(&name.as_str()) || !self.data.units.iter().any(|u| &u.name == name) {
                continue;
            }
            seen.push(name);
            let Some(unit) = s.units.iter_mut().find(|u| &u.key == name) else {
                continue;
            };
            let data = &self.data;
            change.apply(unit, || {
                (data.all_tasks().enumerate())
                    .filter(|(_, x)| x.lead.contains(name))
                    .map(|(i, _)| i)
            });
        }
    }
}

/// One task's change, applied to the standings it counts in.
struct Change<'a> {
    task: TaskRef,
    before: &'a Facts,
    after: &'a Facts,
    as_of: NaiveDate,
    thresholds: &'a Thresholds,
    dates: &'a [Option<NaiveDate>],
}

impl Change<'_> {
    /// Applies the change to `s`; `members` lists the standing's tasks
    /// (positions), read only when its latest date must be found again.
    fn apply<I: Iterator<Item = usize>>(&self, s: &mut Standing, members: impl Fn() -> I) {
        let (b, a) = (self.before, self.after);
        *s.tally.slot(b.light) -= 1;
        *s.tally.slot(a.light) += 1;
        let n = s.tally.total();
        if n > 0 {
            // The sum of small integers over n is exact to well within 0.5.
            let sum = (s.mean_percent * n as f64).round() as u64;
            let sum = sum + u64::from(a.percent) - u64::from(b.percent);
            s.mean_percent = sum as f64 / n as f64;
        }
        let (bs, as_) = (
            b.stale(self.as_of, self.thresholds),
            a.stale(self.as_of, self.thresholds),
        );
        s.stale = s.stale + usize::from(as_) - usize::from(bs);
        let task = u32::try_from(self.task.0).unwrap_or(u32::MAX);
        let found = s.red.binary_search(&task);
        if b.red() && !a.red() {
            if let Ok(at) = found {
                s.red.remove(at);
            }
        } else if a.red()
            && !b.red()
            && let Err(at) = found
        {
            s.red.insert(at, task);
        }
        if a.date >= s.last_update {
            s.last_update = a.date;
        } else if b.date == s.last_update {
            s.last_update = members().filter_map(|i| self.dates[i]).max();
        }
    }
}

impl Standings {
    /// The sums [`Sums`] keeps, from every task's completion (`states`,
    /// in `all_tasks` order) and report date.
    pub(super) fn sums_of(app: &App, states: &[u8], dates: Vec<Option<NaiveDate>>) -> Sums {
        let state = |i: usize| states.get(i).map_or(0, |&s| usize::from(s));
        Sums {
            completion: (0..states.len()).map(state).sum(),
            leaders: (app.index.leader_tasks.iter())
                .map(|refs| refs.iter().map(|r| state(r.0)).sum())
                .collect(),
            dates,
        }
    }
}
