//! Status lights: where each task stands on a date, compared with where the
//! calendar says it should be, and whether it reported when due.
//!
//! # The rule
//! The plan year runs from January 1 to December 31. On the as-of date D,
//! the expected progress is the elapsed share of the time to the task's
//! deadline (its own due date when it has one, else December 31):
//! `days elapsed / days to the deadline × 100`, where January 1 counts as
//! one day elapsed and the deadline as all of them; before the year it is
//! 0, after the deadline 100. Reports are due each period (see
//! [`calendar`]; quarterly by default, due 03-30, 06-30, 09-30, 12-30).
//! A task's light, from its standing entry (the latest `date` on or before
//! D; see [`standing_at`]):
//!
//! 1. status done → [`Light::Done`]
//! 2. a due date has passed with no entry dated in its period or later →
//!    [`Light::Overdue`] (逾期未报); it counts yellow in its first missed
//!    period, red from the second, and red after the year ends
//! 3. no entry → [`Light::NotDue`] (未到报送期): no report is due yet
//! 4. blocked, or D after the deadline, or expected − percent ≥
//!    `red_behind` (25) → [`Light::Red`]
//! 5. expected − percent ≥ `yellow_behind` (10), or D − the entry's date ≥
//!    `stale_days` (30) → [`Light::Yellow`]
//! 6. otherwise → [`Light::Green`]
//!
//! The comparisons are exact (integer arithmetic): on 2023-03-14 the
//! expected progress is exactly 20 (73/365), so 10 % is yellow and 11 %
//! green. Thresholds, the close date and the cycle come from a config file
//! (see [`config`]).

pub mod calendar;
pub mod config;
mod flat;
mod latest;
mod owing;
mod positions;
mod rollup;
mod standing;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{ProgressEntry, Status};

pub use calendar::{Calendar, Cycle, Every, Period};
pub use config::{CONFIG_FILE, Config, ConfigError};
pub use flat::{Lights, Lit, assess_each};
pub(crate) use latest::over_parts;
pub use latest::{SPLIT_AT, standing_at, standing_in_parts, standing_on};
pub use owing::{Owed, Owing, owing};
pub use positions::Positions;
pub use rollup::{standing_entry, standing_from};
pub use standing::{Assessed, Overview, Standing, Tally, UnitOrder, units_by};

/// A task's light. Always shown with its label, never as a bare symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    /// Blocked, past the deadline, or far behind.
    Red,
    /// A report due and not made (逾期未报).
    Overdue,
    /// Behind, or not updated for a while.
    Yellow,
    /// No progress recorded, and none due yet (未到报送期).
    NotDue,
    /// On track.
    Green,
    /// Done.
    Done,
}

impl Light {
    /// Most urgent first: the order reports list tasks in.
    pub const ALL: [Light; 6] = [
        Light::Red,
        Light::Overdue,
        Light::Yellow,
        Light::NotDue,
        Light::Green,
        Light::Done,
    ];

    /// The name used in exports and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Overdue => "overdue",
            Light::Yellow => "yellow",
            Light::NotDue => "not_due",
            Light::Green => "green",
            Light::Done => "done",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Light::Red => "红灯",
            Light::Yellow => "黄灯",
            Light::Overdue => "逾期未报",
            Light::NotDue => "未到报送期",
            Light::Green => "绿灯",
            Light::Done => "完成",
        }
    }

    /// The label in a list's light column: two characters, so the column
    /// stays narrow (逾期 for 逾期未报, 待报 for 未到报送期).
    pub fn short_zh(self) -> &'static str {
        match self {
            Light::Overdue => "逾期",
            Light::NotDue => "待报",
            other => other.label_zh(),
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Yellow => "yellow",
            Light::Overdue => "overdue",
            Light::NotDue => "not due",
            Light::Green => "green",
            Light::Done => "done",
        }
    }

    /// The colour to draw it in, by name: red, magenta, yellow, grey,
    /// green, blue.
    pub fn colour(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Overdue => "magenta",
            Light::Yellow => "yellow",
            Light::NotDue => "grey",
            Light::Green => "green",
            Light::Done => "blue",
        }
    }
}

/// Why a task has its light.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// No report yet, and none due.
    NotDue,
    /// Reports missed: the number of periods, the last due date passed, and
    /// whether it counts red (two periods or more, or the year is over).
    Unreported {
        missed: u32,
        due: NaiveDate,
        severe: bool,
    },
    Done,
    Blocked,
    /// The as-of date is after the deadline (the task's own, else December
    /// 31 of the plan year).
    Overdue,
    /// Expected minus actual percent, in whole points (rounded down).
    Behind(u8),
    /// Days since the latest entry's date.
    Stale(i64),
    OnTrack,
}

impl Reason {
    pub fn text_zh(self) -> String {
        match self {
            Reason::NotDue => "未到报送期".into(),
            Reason::Unreported { missed, due, .. } => {
                format!("应于{due}前报送，{missed}期未报")
            }
            Reason::Done => "已完成".into(),
            Reason::Blocked => "受阻".into(),
            Reason::Overdue => "逾期未完成".into(),
            Reason::Behind(p) => format!("落后时序进度{p}个百分点"),
            Reason::Stale(d) => format!("{d}天未更新"),
            Reason::OnTrack => "按序推进".into(),
        }
    }

    pub fn text_en(self) -> String {
        match self {
            Reason::NotDue => "no report due yet".into(),
            Reason::Unreported { missed, due, .. } => {
                format!("report overdue (due {due}; {missed} period(s) missed)")
            }
            Reason::Done => "done".into(),
            Reason::Blocked => "blocked".into(),
            Reason::Overdue => "past the deadline".into(),
            Reason::Behind(p) => format!("{p} points behind schedule"),
            Reason::Stale(d) => format!("not updated for {d} days"),
            Reason::OnTrack => "on track".into(),
        }
    }
}

/// The points and days the light rule uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    /// Red when this many points or more behind the expected progress.
    pub red_behind: u8,
    /// Yellow when this many points or more behind.
    pub yellow_behind: u8,
    /// Yellow when the latest entry is this many days old or older
    /// (0: never).
    pub stale_days: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            red_behind: 25,
            yellow_behind: 10,
            stale_days: 30,
        }
    }
}

/// `(days elapsed, days in the year)` on `as_of` for the plan year: January
/// 1 is day 1, December 31 is the last; 0 before the year, all after it.
pub fn elapsed_days(as_of: NaiveDate, plan_year: i32) -> (u32, u32) {
    elapsed_to(as_of, plan_year, calendar::year_end(plan_year))
}

/// `(days elapsed, days to the deadline)` on `as_of`, counting from January
/// 1 of the plan year (day 1) to `deadline` (all of them); 0 before the
/// year, all after the deadline.
pub fn elapsed_to(as_of: NaiveDate, plan_year: i32, deadline: NaiveDate) -> (u32, u32) {
    let start = calendar::year_start(plan_year);
    let days = u32::try_from((deadline - start).num_days() + 1)
        .unwrap_or(1)
        .max(1);
    let elapsed = if as_of < start {
        0
    } else if as_of > deadline {
        days
    } else {
        u32::try_from((as_of - start).num_days() + 1).unwrap_or(0)
    };
    (elapsed, days)
}

/// The expected progress on `as_of`, 0 to 100.
pub fn expected_percent(as_of: NaiveDate, plan_year: i32) -> f64 {
    let (elapsed, days) = elapsed_days(as_of, plan_year);
    f64::from(elapsed) * 100.0 / f64::from(days)
}

/// The last day of the plan year.
pub fn deadline(plan_year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(plan_year, 12, 31)
}

/// The light rule: the reporting calendar and the thresholds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub calendar: Calendar,
    pub thresholds: Thresholds,
}

impl Rule {
    /// The rule of plan `year` under `config`.
    pub fn new(year: i32, config: &Config) -> Rule {
        Rule {
            calendar: config.calendar(year),
            thresholds: config.lights,
        }
    }

    /// The rule of plan `year` with `thresholds` and the default close
    /// date and cycle.
    pub fn with_thresholds(year: i32, thresholds: Thresholds) -> Rule {
        Rule::new(
            year,
            &Config {
                lights: thresholds,
                ..Config::default()
            },
        )
    }

    /// A task's light and why, from its standing entry (dated `as_of` or
    /// before); `due` is the task's own deadline, when it has one.
    pub fn assess(
        &self,
        latest: Option<&ProgressEntry>,
        as_of: NaiveDate,
        due: Option<NaiveDate>,
    ) -> (Light, Reason) {
        let t = &self.thresholds;
        let year = &self.calendar;
        if latest.is_some_and(|e| e.status == Status::Done) {
            return (Light::Done, Reason::Done);
        }
        let missed = year.missed(latest.map(|e| e.date), as_of);
        if let (1.., Some(last_due)) = (missed, year.last_due(as_of)) {
            let severe = missed >= 2 || as_of > year.end();
            let reason = Reason::Unreported {
                missed,
                due: last_due,
                severe,
            };
            return (Light::Overdue, reason);
        }
        let Some(entry) = latest else {
            return (Light::NotDue, Reason::NotDue);
        };
        if entry.status == Status::Blocked {
            return (Light::Red, Reason::Blocked);
        }
        let deadline = due.unwrap_or_else(|| year.end());
        if as_of > deadline {
            return (Light::Red, Reason::Overdue);
        }
        let (elapsed, days) = elapsed_to(as_of, year.year, deadline);
        // behind ≥ T  ⇔  100·elapsed/days − percent ≥ T  ⇔  100·elapsed ≥ (T + percent)·days
        let at_least_behind = |points: u8| {
            100 * u64::from(elapsed)
                >= (u64::from(points) + u64::from(entry.percent)) * u64::from(days)
        };
        let expected = f64::from(elapsed) * 100.0 / f64::from(days);
        let behind = (expected - f64::from(entry.percent)).max(0.0);
        // Whole points, 0 to 100 after the clamp above and the percent range.
        let behind_points = behind.floor().min(100.0) as u8;
        if at_least_behind(t.red_behind) {
            return (Light::Red, Reason::Behind(behind_points));
        }
        if at_least_behind(t.yellow_behind) {
            return (Light::Yellow, Reason::Behind(behind_points));
        }
        let age = (as_of - entry.date).num_days();
        if t.stale_days > 0 && age >= i64::from(t.stale_days) {
            return (Light::Yellow, Reason::Stale(age));
        }
        (Light::Green, Reason::OnTrack)
    }

    /// A task's light from its standing entry (dated `as_of` or before).
    pub fn light(&self, latest: Option<&ProgressEntry>, as_of: NaiveDate) -> Light {
        self.assess(latest, as_of, None).0
    }
}

/// How a light counts in tallies of red and yellow: an overdue report
/// counts yellow, or red when severe; every other light as itself.
pub fn counts_as(light: Light, reason: Reason) -> Light {
    match (light, reason) {
        (Light::Overdue, Reason::Unreported { severe: true, .. }) => Light::Red,
        (Light::Overdue, _) => Light::Yellow,
        (other, _) => other,
    }
}
