//! Checks on a progress entry, shared by the editor, the command line and
//! the loader.

use chrono::NaiveDate;

use crate::lights::Calendar;
use crate::model::{Dataset, IdError, ProgressEntry, Status, TaskId};

/// An editor field, so an error can be shown where it belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Task,
    Percent,
    Status,
    Date,
}

/// One reason an entry cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("{0}")]
    BadTaskId(IdError),
    #[error("percent must be between 0 and 100, not {0}")]
    PercentOutOfRange(u8),
    #[error("status done (已完成) needs 100 %, not {0} %")]
    DoneBelowFull(u8),
    #[error(
        "date {date} is outside the plan year {year}: entries may be dated from {start} to \
         {close} (the close date); give one with --date YYYY-MM-DD"
    )]
    DateOutsideYear {
        date: NaiveDate,
        year: i32,
        start: NaiveDate,
        close: NaiveDate,
    },
    #[error(
        "date {date} is in the future (today is {today}); give an earlier --date YYYY-MM-DD, \
         or set the day with --today YYYY-MM-DD"
    )]
    DateInFuture { date: NaiveDate, today: NaiveDate },
}

impl FieldError {
    /// The field the error is about.
    pub fn field(&self) -> Field {
        match self {
            FieldError::BadTaskId(_) => Field::Task,
            FieldError::PercentOutOfRange(_) => Field::Percent,
            FieldError::DoneBelowFull(_) => Field::Status,
            FieldError::DateOutsideYear { .. } | FieldError::DateInFuture { .. } => Field::Date,
        }
    }
}

/// What every record in the file must satisfy, whatever the plan and the
/// day: a well-formed ID, percent 0–100, done only at 100 % (actuals are
/// checked by [`super::check_actual_values`]).
pub(crate) fn structural(entry: &ProgressEntry) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Err(e) = entry.task.parse::<TaskId>() {
        errors.push(FieldError::BadTaskId(e));
    }
    if entry.percent > 100 {
        errors.push(FieldError::PercentOutOfRange(entry.percent));
    } else if entry.status == Status::Done && entry.percent < 100 {
        errors.push(FieldError::DoneBelowFull(entry.percent));
    }
    errors
}

/// Whether an entry may be committed: the structural checks, plus a date
/// from the plan's first day to its close date and not after `today`.
/// Every error is returned, so an editor can mark each field.
pub fn validate(
    entry: &ProgressEntry,
    year: &Calendar,
    today: NaiveDate,
) -> Result<(), Vec<FieldError>> {
    let mut errors = structural(entry);
    if !year.accepts(entry.date) {
        errors.push(FieldError::DateOutsideYear {
            date: entry.date,
            year: year.year,
            start: year.start(),
            close: year.close,
        });
    } else if entry.date > today {
        errors.push(FieldError::DateInFuture {
            date: entry.date,
            today,
        });
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// A task ID that names nothing in the dataset.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnknownTask {
    #[error(transparent)]
    Malformed(#[from] IdError),
    #[error(
        "no key task, livelihood project or sub-item has the ID `{0}` in this dataset \
         (`duban search` finds IDs)"
    )]
    NotFound(String),
}

/// Checks that `id` names a key task, a project or a project's sub-item.
pub fn check_task_id(data: &Dataset, id: &str) -> Result<(), UnknownTask> {
    let parsed: TaskId = id.parse()?;
    let found = match parsed {
        TaskId::Key { .. } | TaskId::Project { .. } => data.task(id).is_some(),
        TaskId::Item { .. } => data
            .projects
            .iter()
            .flat_map(|p| p.items.iter())
            .any(|item| item.id == id),
    };
    if found {
        Ok(())
    } else {
        Err(UnknownTask::NotFound(id.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone};

    fn entry(percent: u8, status: Status, date: (i32, u32, u32)) -> ProgressEntry {
        let tz = FixedOffset::east_opt(8 * 3600).expect("offset");
        ProgressEntry {
            task: "K2.16".into(),
            at: tz.with_ymd_and_hms(2023, 6, 1, 9, 0, 0).unwrap(),
            date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
            percent,
            status,
            note: String::new(),
            actuals: Vec::new(),
            reporter: None,
            problems: String::new(),
            next_steps: String::new(),
        }
    }

    fn year() -> Calendar {
        Calendar::new(2023, None, crate::lights::Cycle::default())
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, 6, 1).unwrap()
    }

    #[test]
    fn accepts_a_plain_entry() {
        assert_eq!(
            validate(&entry(40, Status::OnTrack, (2023, 5, 1)), &year(), today()),
            Ok(())
        );
    }

    #[test]
    fn rejects_percent_over_100() {
        let errors = validate(&entry(101, Status::OnTrack, (2023, 5, 1)), &year(), today());
        assert_eq!(errors, Err(vec![FieldError::PercentOutOfRange(101)]));
    }

    #[test]
    fn rejects_done_below_100() {
        let errors =
            validate(&entry(90, Status::Done, (2023, 5, 1)), &year(), today()).unwrap_err();
        assert_eq!(errors, vec![FieldError::DoneBelowFull(90)]);
        assert_eq!(errors[0].field(), Field::Status);
    }

    #[test]
    fn rejects_a_date_outside_the_plan_year() {
        let errors = validate(
            &entry(10, Status::OnTrack, (2022, 12, 31)),
            &year(),
            today(),
        );
        assert!(matches!(
            errors.unwrap_err().as_slice(),
            [FieldError::DateOutsideYear { year: 2023, .. }]
        ));
    }

    #[test]
    fn accepts_a_year_end_review_until_the_close_date() {
        let late = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        let review = entry(100, Status::Done, (2024, 1, 10));
        assert_eq!(validate(&review, &year(), late), Ok(()));
        let too_late = entry(100, Status::Done, (2024, 3, 1));
        let errors = validate(&too_late, &year(), late).unwrap_err();
        let text = errors[0].to_string();
        assert!(
            text.contains("2023-01-01 to 2024-02-29") && text.contains("--date"),
            "{text}"
        );
    }

    #[test]
    fn rejects_a_date_in_the_future() {
        let errors = validate(&entry(10, Status::OnTrack, (2023, 6, 2)), &year(), today());
        assert!(matches!(
            errors.unwrap_err().as_slice(),
            [FieldError::DateInFuture { .. }]
        ));
    }

    #[test]
    fn reports_every_error_at_once() {
        let mut e = entry(100, Status::Done, (2024, 1, 1));
        e.task = "X1".into();
        let fields: Vec<Field> = validate(&e, &year(), today())
            .unwrap_err()
            .iter()
            .map(FieldError::field)
            .collect();
        assert_eq!(fields, vec![Field::Task, Field::Date]);
    }
}
