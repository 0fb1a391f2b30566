//! Every filled row of a report sheet checked and turned into a progress
//! entry, or into errors that name the cell.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::layout::Column;
use super::read::{Cell, Filled, FilledRow, serial_date};
use crate::lights::Calendar;
use crate::messages::Text;
use crate::messages::collect::{
    COLLECT_BAD_DATE, COLLECT_BAD_PERCENT, COLLECT_DATE_LATE, COLLECT_DATE_OUTSIDE,
    COLLECT_NO_PERCENT, COLLECT_NOT_UNITS_TASK, COLLECT_STATUSES, COLLECT_TWICE,
    COLLECT_UNKNOWN_STATUS, COLLECT_UNKNOWN_TASK,
};
use crate::model::{Dataset, ProgressEntry, Reporter, Status};
use crate::msg;
use crate::progress::FieldError;
use crate::store::Index;

/// What is wrong, and where (`file!填报!D5`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub at: String,
    pub why: Text,
}

/// The outcome of checking one sheet.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// The entries of the rows without errors, in sheet order.
    pub entries: Vec<ProgressEntry>,
    pub errors: Vec<CellError>,
    /// Rows with at least one error.
    pub rejected: usize,
}

/// What the checks need besides the sheet.
pub struct Context<'a> {
    pub data: &'a Dataset,
    pub index: &'a Index,
    pub calendar: &'a Calendar,
    pub today: NaiveDate,
    /// The time of entry the run records.
    pub at: DateTime<FixedOffset>,
}

/// A row counts when the unit wrote something in it: progress, status or
/// a note (the date comes filled in, and a name alone says nothing).
fn is_filled(row: &FilledRow) -> bool {
    [
        Column::Percent,
        Column::Status,
        Column::Progress,
        Column::Problems,
        Column::NextSteps,
    ]
    .iter()
    .any(|c| !row.cell(*c).is_empty())
}

/// Checks every filled row of `sheet` (whose unit is known to the dataset).
pub fn check(sheet: &Filled, cx: &Context) -> Checked {
    let mut out = Checked::default();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let lead = cx
        .index
        .duties(&sheet.meta.unit)
        .map(|d| d.lead.clone())
        .unwrap_or_default();
    for row in sheet.rows.iter().filter(|r| is_filled(r)) {
        let mut errors = Vec::new();
        let mut fail = |column: Column, why: Text| {
            errors.push(CellError {
                at: sheet.location(row, column),
                why,
            })
        };
        let id = row.cell(Column::Id).text();
        if cx.data.task(&id).is_none() {
            fail(Column::Id, msg!(COLLECT_UNKNOWN_TASK, id = id));
        } else if !lead.contains(&id) {
            fail(
                Column::Id,
                msg!(COLLECT_NOT_UNITS_TASK, id = id, unit = sheet.meta.unit),
            );
        } else if let Some(first) = seen.insert(id.clone(), row.row) {
            fail(Column::Id, msg!(COLLECT_TWICE, id = id, first = first + 1));
        }
        let percent = match percent(row.cell(Column::Percent)) {
            Ok(p) => p,
            Err(why) => {
                fail(Column::Percent, why);
                None
            }
        };
        let status = match row.cell(Column::Status) {
            Cell::Empty => percent.map(|p| Status::for_percent(u16::from(p))),
            cell => match Status::parse(&cell.text()) {
                Some(s) => Some(s),
                None => {
                    let why = msg!(COLLECT_UNKNOWN_STATUS, given = cell.text())
                        .with("known", COLLECT_STATUSES.into());
                    fail(Column::Status, why);
                    None
                }
            },
        };
        if let (Some(p), Some(Status::Done)) = (percent, status)
            && p < 100
        {
            fail(Column::Status, Text::from(&FieldError::DoneBelowFull(p)));
        }
        let date = match date(row.cell(Column::Date), sheet.meta.due) {
            Ok(d) => check_date(d, cx)
                .map_err(|why| fail(Column::Date, why))
                .ok(),
            Err(why) => {
                fail(Column::Date, why);
                None
            }
        };
        if !errors.is_empty() {
            out.rejected += 1;
            out.errors.extend(errors);
            continue;
        }
        let (Some(percent), Some(status), Some(date)) = (percent, status, date) else {
            continue;
        };
        out.entries.push(ProgressEntry {
            task: id,
            at: cx.at,
            date,
            percent,
            status,
            note: row.cell(Column::Progress).text(),
            actuals: Vec::new(),
            problems: row.cell(Column::Problems).text(),
            next_steps: row.cell(Column::NextSteps).text(),
            reporter: Some(Reporter {
                unit: sheet.meta.unit.clone(),
                name: row.cell(Column::Reporter).text(),
            }),
        });
    }
    out
}

/// A whole number from 0 to 100 (`40`, `40.0`, `40%`); `None` never: an
/// empty cell in a filled row is an error too.
fn percent(cell: &Cell) -> Result<Option<u8>, Text> {
    let bad = || msg!(COLLECT_BAD_PERCENT, given = cell.text());
    let value = match cell {
        Cell::Empty => return Err(COLLECT_NO_PERCENT.into()),
        Cell::Number(n) => *n,
        Cell::Text(t) => t
            .trim()
            .trim_end_matches(['%', '％'])
            .trim()
            .parse::<f64>()
            .map_err(|_| bad())?,
        Cell::Date(_) => return Err(bad()),
    };
    if value.fract() != 0.0 || !(0.0..=100.0).contains(&value) {
        return Err(bad());
    }
    Ok(Some(value as u8))
}

/// The report date: the cell's, or the sheet's due date when left empty.
fn date(cell: &Cell, due: NaiveDate) -> Result<NaiveDate, Text> {
    let bad = || msg!(COLLECT_BAD_DATE, given = cell.text());
    match cell {
        Cell::Empty => Ok(due),
        Cell::Date(d) => Ok(*d),
        Cell::Number(n) => serial_date(*n).ok_or_else(bad),
        Cell::Text(t) => {
            let t = t.trim();
            let t = t
                .get(..10)
                .filter(|_| t.len() > 10 && t.as_bytes()[10] == b' ')
                .unwrap_or(t);
            crate::model::parse_date(&t.replace(['/', '.'], "-")).map_err(|_| bad())
        }
    }
}

/// Inside the plan's range, and not after the due date of today's period
/// (a sheet may be sent in before its due date).
fn check_date(date: NaiveDate, cx: &Context) -> Result<NaiveDate, Text> {
    let cal = cx.calendar;
    if !cal.accepts(date) {
        return Err(msg!(
            COLLECT_DATE_OUTSIDE,
            date = date,
            start = cal.start(),
            close = cal.close
        ));
    }
    let due = cal
        .period_of(cx.today)
        .map_or(cx.today, |p| p.due)
        .max(cx.today);
    if date > due {
        return Err(msg!(
            COLLECT_DATE_LATE,
            date = date,
            due = due,
            today = cx.today
        ));
    }
    Ok(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percents_are_whole_numbers_from_0_to_100() {
        assert_eq!(percent(&Cell::Number(40.0)), Ok(Some(40)));
        assert_eq!(percent(&Cell::Text("100%".into())), Ok(Some(100)));
        assert_eq!(percent(&Cell::Text(" 0 ".into())), Ok(Some(0)));
        for bad in [
            Cell::Number(40.5),
            Cell::Number(101.0),
            Cell::Number(-1.0),
            Cell::Text("四十".into()),
            Cell::Empty,
        ] {
            assert!(percent(&bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_date_may_be_a_date_a_serial_or_text() {
        let due = NaiveDate::from_ymd_opt(2023, 6, 30).unwrap();
        let may = NaiveDate::from_ymd_opt(2023, 5, 4).unwrap();
        assert_eq!(date(&Cell::Empty, due), Ok(due));
        assert_eq!(date(&Cell::Date(may), due), Ok(may));
        assert_eq!(date(&Cell::Number(45050.0), due), Ok(may));
        assert_eq!(date(&Cell::Text("2023/05/04".into()), due), Ok(may));
        assert_eq!(
            date(&Cell::Text("2023-05-04 00:00:00".into()), due),
            Ok(may)
        );
        assert!(date(&Cell::Text("五月".into()), due).is_err());
    }
}
