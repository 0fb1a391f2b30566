//! Which report each task owes on a date: quarterly periods, each due on
//! its last day.
//!
//! This is the circular's own stand-in for the reporting-year rule
//! (periods, due dates, overdue): everything the circular needs from it is
//! [`due_period`], [`default_since`] and [`owes`], so another rule can
//! replace these three without touching the writers.

use chrono::{Datelike, Days, NaiveDate};

use crate::model::{ProgressEntry, Status};

/// A reporting period: entries dated `start..=due` report on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: NaiveDate,
    pub due: NaiveDate,
}

/// The quarter containing `date`.
fn quarter_of(date: NaiveDate) -> Option<Period> {
    let first_month = (date.month0() / 3) * 3 + 1;
    let start = NaiveDate::from_ymd_opt(date.year(), first_month, 1)?;
    let next = start.checked_add_months(chrono::Months::new(3))?;
    Some(Period {
        start,
        due: next.checked_sub_days(Days::new(1))?,
    })
}

/// The latest period due on or before `as_of`: the quarter ending on
/// `as_of`, else the quarter before the one `as_of` falls in.
pub fn due_period(as_of: NaiveDate) -> Option<Period> {
    let current = quarter_of(as_of)?;
    if current.due == as_of {
        return Some(current);
    }
    quarter_of(current.start.checked_sub_days(Days::new(1))?)
}

/// The previous circular's date when none is given: the due date of the
/// period before [`due_period`].
pub fn default_since(as_of: NaiveDate) -> Option<NaiveDate> {
    due_period(as_of)?.start.checked_sub_days(Days::new(1))
}

/// Whether a task with these `entries` (its own, any order) owes the
/// report for `period`: it has no entry dated within the period and was
/// not done before it.
pub fn owes<'e>(entries: impl IntoIterator<Item = &'e ProgressEntry>, period: Period) -> bool {
    let mut done_before = false;
    for e in entries {
        if (period.start..=period.due).contains(&e.date) {
            return false;
        }
        if e.date < period.start && e.status == Status::Done {
            done_before = true;
        }
    }
    !done_before
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn a_quarter_end_is_its_own_due_date() {
        let p = due_period(d("2023-06-30")).expect("period");
        assert_eq!((p.start, p.due), (d("2023-04-01"), d("2023-06-30")));
        assert_eq!(default_since(d("2023-06-30")), Some(d("2023-03-31")));
    }

    #[test]
    fn within_a_quarter_the_previous_quarter_is_due() {
        let p = due_period(d("2023-05-15")).expect("period");
        assert_eq!((p.start, p.due), (d("2023-01-01"), d("2023-03-31")));
        assert_eq!(default_since(d("2023-05-15")), Some(d("2022-12-31")));
    }
}
