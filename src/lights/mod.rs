//! Status lights: where each task stands on a date, compared with where the
//! calendar says it should be.
//!
//! # The rule
//! The plan year runs from January 1 to December 31 (the deadline). On the
//! as-of date D, the expected progress is the elapsed share of the year:
//! `days elapsed / days in the year × 100`, where January 1 counts as one
//! day elapsed and December 31 as all of them (365, or 366 in a leap
//! year); before the year it is 0, after it 100. A task's light, from its
//! latest entry dated D or earlier:
//!
//! 1. no entry → [`Light::Grey`]
//! 2. status done → [`Light::Done`]
//! 3. blocked, or D after the deadline, or expected − percent ≥
//!    `red_behind` (25) → [`Light::Red`]
//! 4. expected − percent ≥ `yellow_behind` (10), or D − the entry's date ≥
//!    `stale_days` (30) → [`Light::Yellow`]
//! 5. otherwise → [`Light::Green`]
//!
//! The comparisons are exact (integer arithmetic): on 2023-03-14 the
//! expected progress is exactly 20 (73/365), so 10 % is yellow and 11 %
//! green. Thresholds come from [`Thresholds`], settable in a config file
//! (see [`config`]).

pub mod config;
mod rollup;
mod standing;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{ProgressEntry, Status};

pub use config::{CONFIG_FILE, Config, ConfigError};
pub use rollup::{standing_entry, standing_in};
pub use standing::{Assessed, Overview, Standing, Tally, UnitOrder, latest_as_of, units_by};

/// A task's light. Always shown with its label, never as a bare symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    /// Blocked, overdue, or far behind.
    Red,
    /// Behind, or not updated for a while.
    Yellow,
    /// No progress recorded yet.
    Grey,
    /// On track.
    Green,
    /// Done.
    Done,
}

impl Light {
    /// Most urgent first: the order reports list tasks in.
    pub const ALL: [Light; 5] = [
        Light::Red,
        Light::Yellow,
        Light::Grey,
        Light::Green,
        Light::Done,
    ];

    /// The name used in exports and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Yellow => "yellow",
            Light::Grey => "grey",
            Light::Green => "green",
            Light::Done => "done",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Light::Red => "红灯",
            Light::Yellow => "黄灯",
            Light::Grey => "未报",
            Light::Green => "绿灯",
            Light::Done => "完成",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Yellow => "yellow",
            Light::Grey => "no report",
            Light::Green => "green",
            Light::Done => "done",
        }
    }

    /// The colour to draw it in, by name: red, yellow, grey, green, blue.
    pub fn colour(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Yellow => "yellow",
            Light::Grey => "grey",
            Light::Green => "green",
            Light::Done => "blue",
        }
    }
}

/// Why a task has its light.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    NoProgress,
    Done,
    Blocked,
    /// The as-of date is after the deadline (December 31 of the plan year).
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
            Reason::NoProgress => "尚未报送进度".into(),
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
            Reason::NoProgress => "no progress reported".into(),
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
    let days = if NaiveDate::from_ymd_opt(plan_year, 12, 31).is_some_and(|d| d.ordinal() == 366) {
        366
    } else {
        365
    };
    let elapsed = match as_of.year().cmp(&plan_year) {
        std::cmp::Ordering::Less => 0,
        std::cmp::Ordering::Equal => as_of.ordinal(),
        std::cmp::Ordering::Greater => days,
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

/// A task's light and why, from its latest entry (dated `as_of` or before).
pub fn assess(
    latest: Option<&ProgressEntry>,
    as_of: NaiveDate,
    plan_year: i32,
    t: &Thresholds,
) -> (Light, Reason) {
    let Some(entry) = latest else {
        return (Light::Grey, Reason::NoProgress);
    };
    if entry.status == Status::Done {
        return (Light::Done, Reason::Done);
    }
    if entry.status == Status::Blocked {
        return (Light::Red, Reason::Blocked);
    }
    if deadline(plan_year).is_some_and(|d| as_of > d) {
        return (Light::Red, Reason::Overdue);
    }
    let (elapsed, days) = elapsed_days(as_of, plan_year);
    // behind ≥ T  ⇔  100·elapsed/days − percent ≥ T  ⇔  100·elapsed ≥ (T + percent)·days
    let at_least_behind = |points: u8| {
        100 * u64::from(elapsed) >= (u64::from(points) + u64::from(entry.percent)) * u64::from(days)
    };
    let behind = (expected_percent(as_of, plan_year) - f64::from(entry.percent)).max(0.0);
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

/// A task's light from its latest entry (dated `as_of` or before).
pub fn light(
    task_latest: Option<&ProgressEntry>,
    as_of: NaiveDate,
    plan_year: i32,
    thresholds: &Thresholds,
) -> Light {
    assess(task_latest, as_of, plan_year, thresholds).0
}
