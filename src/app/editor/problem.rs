//! Why an entry cannot be saved, and the field each reason belongs to.

use chrono::NaiveDate;

use super::Field;

/// Why an entry cannot be saved, shown under its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    PercentMissing,
    PercentOutOfRange(u16),
    DoneBelowFull(u8),
    DateUnreadable(String),
    DateOutsideYear {
        date: NaiveDate,
        year: i32,
        /// The range entries may be dated in.
        start: NaiveDate,
        close: NaiveDate,
    },
    DateInFuture {
        date: NaiveDate,
        today: NaiveDate,
    },
    /// The ID is malformed (only a broken dataset can cause this).
    BadId(String),
    /// The actual value typed for a target is not a number.
    ActualNotANumber {
        index: usize,
        target: String,
        text: String,
    },
}

impl Problem {
    /// The field the problem is shown under.
    pub fn field(&self) -> Field {
        match self {
            Problem::PercentMissing | Problem::PercentOutOfRange(_) | Problem::BadId(_) => {
                Field::Percent
            }
            Problem::DoneBelowFull(_) => Field::Status,
            Problem::DateUnreadable(_)
            | Problem::DateOutsideYear { .. }
            | Problem::DateInFuture { .. } => Field::Date,
            Problem::ActualNotANumber { index, .. } => Field::Actual(*index),
        }
    }
}
