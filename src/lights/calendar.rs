//! The reporting year: the plan's days, the close date for late year-end
//! entries, and the reporting periods with their due dates.
//!
//! Periods split the plan year evenly (12 months, 4 quarters or 2 halves);
//! each is due on `due_day` of its last month (clamped to the month's
//! length). The last period also takes entries dated after the year up to
//! the close date: year-end reviews are reported in January and February.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// How often units report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Every {
    Month,
    #[default]
    Quarter,
    HalfYear,
}

impl Every {
    /// Months in one period.
    fn months(self) -> u32 {
        match self {
            Every::Month => 1,
            Every::Quarter => 3,
            Every::HalfYear => 6,
        }
    }
}

/// The reporting cycle, as `duban.ron` states it:
/// `cycle: (every: quarter, due_day: 30)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Cycle {
    pub every: Every,
    /// The day of the period's last month reports are due (1 to 31;
    /// clamped to the month's length).
    pub due_day: u32,
}

impl Default for Cycle {
    fn default() -> Self {
        Cycle {
            every: Every::Quarter,
            due_day: 30,
        }
    }
}

/// One reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: NaiveDate,
    /// The last day of the period (for the last period of the year, the
    /// year's last day; entries up to the close date still count for it).
    pub end: NaiveDate,
    /// When the period's report is due.
    pub due: NaiveDate,
}

/// The plan year with its close date and reporting periods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub year: i32,
    /// The last date an entry may be dated.
    pub close: NaiveDate,
    pub periods: Vec<Period>,
}

/// The last day of `month` in `year`.
fn month_end(year: i32, month: u32) -> NaiveDate {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// The first day of the plan year.
pub fn year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The last day of the plan year.
pub fn year_end(year: i32) -> NaiveDate {
    month_end(year, 12)
}

/// The default close date: the last day of February of the next year.
pub fn default_close(year: i32) -> NaiveDate {
    month_end(year + 1, 2)
}

impl Calendar {
    /// The calendar of plan `year`; `close` defaults to
    /// [`default_close`].
    pub fn new(year: i32, close: Option<NaiveDate>, cycle: Cycle) -> Calendar {
        let step = cycle.every.months();
        let periods = (0..12 / step)
            .map(|i| {
                let first = i * step + 1;
                let last = first + step - 1;
                let end = month_end(year, last);
                let due_day = cycle.due_day.clamp(1, end.day());
                Period {
                    start: NaiveDate::from_ymd_opt(year, first, 1).unwrap_or(NaiveDate::MIN),
                    end,
                    due: end.with_day(due_day).unwrap_or(end),
                }
            })
            .collect();
        Calendar {
            year,
            close: close.unwrap_or_else(|| default_close(year)),
            periods,
        }
    }

    /// The first day of the plan year.
    pub fn start(&self) -> NaiveDate {
        year_start(self.year)
    }

    /// The last day of the plan year.
    pub fn end(&self) -> NaiveDate {
        year_end(self.year)
    }

    /// Whether an entry may be dated `date`.
    pub fn accepts(&self, date: NaiveDate) -> bool {
        (self.start()..=self.close).contains(&date)
    }

    /// The as-of date to show when the user names none: `today`, or the
    /// plan's last day once the close date has passed (with `true`).
    pub fn default_as_of(&self, today: NaiveDate) -> (NaiveDate, bool) {
        if today > self.close {
            (self.end(), true)
        } else {
            (today, false)
        }
    }

    /// The period `date` falls in: the first period before the year, the
    /// last one after it.
    pub fn period_of(&self, date: NaiveDate) -> Option<&Period> {
        self.periods
            .iter()
            .find(|p| date <= p.end)
            .or(self.periods.last())
    }

    /// The periods whose due date has passed on `as_of` (due before it).
    pub fn passed(&self, as_of: NaiveDate) -> impl DoubleEndedIterator<Item = &Period> {
        self.periods.iter().filter(move |p| p.due < as_of)
    }

    /// Periods whose due date has passed on `as_of` with no entry dated in
    /// them, counted after the entry dated `last` (the task's standing
    /// entry), or all of them when there is none.
    pub fn missed(&self, last: Option<NaiveDate>, as_of: NaiveDate) -> u32 {
        let counted = self
            .passed(as_of)
            .filter(|p| last.is_none_or(|d| p.start > d))
            .count();
        u32::try_from(counted).unwrap_or(u32::MAX)
    }

    /// The most recent due date passed on `as_of`.
    pub fn last_due(&self, as_of: NaiveDate) -> Option<NaiveDate> {
        self.passed(as_of).last().map(|p| p.due)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn quarters_are_due_on_the_thirtieth() {
        let c = Calendar::new(2023, None, Cycle::default());
        let dues: Vec<NaiveDate> = c.periods.iter().map(|p| p.due).collect();
        assert_eq!(
            dues,
            [
                day(2023, 3, 30),
                day(2023, 6, 30),
                day(2023, 9, 30),
                day(2023, 12, 30)
            ]
        );
        assert_eq!(c.close, day(2024, 2, 29));
    }

    #[test]
    fn a_due_day_past_the_month_end_is_clamped() {
        let cycle = Cycle {
            every: Every::Month,
            due_day: 31,
        };
        let c = Calendar::new(2023, None, cycle);
        assert_eq!(c.periods.len(), 12);
        assert_eq!(c.periods[1].due, day(2023, 2, 28));
        assert_eq!(c.periods[3].due, day(2023, 4, 30));
        let halves = Calendar::new(
            2023,
            None,
            Cycle {
                every: Every::HalfYear,
                due_day: 15,
            },
        );
        assert_eq!(halves.periods[1].start, day(2023, 7, 1));
        assert_eq!(halves.periods[1].due, day(2023, 12, 15));
    }

    #[test]
    fn missed_periods_count_after_the_last_entry() {
        let c = Calendar::new(2023, None, Cycle::default());
        assert_eq!(c.missed(None, day(2023, 3, 30)), 0);
        assert_eq!(c.missed(None, day(2023, 3, 31)), 1);
        assert_eq!(c.missed(Some(day(2023, 3, 1)), day(2023, 7, 1)), 1);
        assert_eq!(c.missed(Some(day(2023, 3, 1)), day(2023, 10, 1)), 2);
        assert_eq!(c.missed(Some(day(2023, 6, 30)), day(2023, 7, 1)), 0);
    }

    #[test]
    fn after_the_close_date_the_plan_opens_on_its_last_day() {
        let c = Calendar::new(2023, None, Cycle::default());
        assert_eq!(c.default_as_of(day(2024, 2, 29)), (day(2024, 2, 29), false));
        assert_eq!(
            c.default_as_of(day(2026, 11, 30)),
            (day(2023, 12, 31), true)
        );
        assert!(c.accepts(day(2024, 1, 10)));
        assert!(!c.accepts(day(2024, 3, 1)));
        assert!(!c.accepts(day(2022, 12, 31)));
    }
}
