//! Every filled row of a report sheet checked and turned into a progress
//! entry, or into errors that name the cell.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::layout::Column;
use super::read::{Filled, FilledRow, serial_date};
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
use crate::sheet::{Cell, CellKind};
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
    .any(|c| !row.cell(*c).is_blank())
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
        let id = row.text(Column::Id);
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
        let status = match row.text(Column::Status) {
            text if text.is_empty() => percent.map(|p| Status::for_percent(u16::from(p))),
            text => match Status::parse(&text) {
                Some(s) => Some(s),
                None => {
                    let why = msg!(COLLECT_UNKNOWN_STATUS, given = text)
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
            note: row.text(Column::Progress),
            actuals: Vec::new(),
            problems: row.text(Column::Problems),
            next_steps: row.text(Column::NextSteps),
            reporter: Some(Reporter {
                unit: sheet.meta.unit.clone(),
                name: row.text(Column::Reporter),
            }),
        });
    }
    out
}

/// A whole number from 0 to 100 (`40`, `40.0`, `40%`); `None` never: an
/// empty cell in a filled row is an error too.
fn percent(cell: &Cell) -> Result<Option<u8>, Text> {
    let text = cell.text.trim();
    let bad = || msg!(COLLECT_BAD_PERCENT, given = text);
    let value = match cell.kind {
        _ if text.is_empty() => return Err(COLLECT_NO_PERCENT.into()),
        CellKind::Number(n) => n,
        CellKind::Text => text
            .trim_end_matches(['%', '％'])
            .trim()
            .parse::<f64>()
            .map_err(|_| bad())?,
        _ => return Err(bad()),
    };
    if value.fract() != 0.0 || !(0.0..=100.0).contains(&value) {
        return Err(bad());
    }
    Ok(Some(value as u8))
}

/// The report date: the cell's, or the sheet's due date when left empty.
fn date(cell: &Cell, due: NaiveDate) -> Result<NaiveDate, Text> {
    let text = cell.text.trim();
    let bad = || msg!(COLLECT_BAD_DATE, given = text);
    match cell.kind {
        _ if text.is_empty() => Ok(due),
        CellKind::Date(d) => Ok(d),
        CellKind::Number(n) => serial_date(n).ok_or_else(bad),
        _ => {
            let day = text.split([' ', 'T']).next().unwrap_or(text);
            crate::model::parse_date(&day.replace(['/', '.'], "-")).map_err(|_| bad())
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

    fn number(n: f64) -> Cell {
        Cell {
            text: crate::sheet::read::number_text(n),
            kind: CellKind::Number(n),
        }
    }

    #[test]
    fn percents_are_whole_numbers_from_0_to_100() {
        assert_eq!(percent(&number(40.0)), Ok(Some(40)));
        assert_eq!(percent(&Cell::text("100%")), Ok(Some(100)));
        assert_eq!(percent(&Cell::text(" 0 ")), Ok(Some(0)));
        for bad in [
            number(40.5),
            number(101.0),
            number(-1.0),
            Cell::text("四十"),
            Cell::text(""),
        ] {
            assert!(percent(&bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_date_may_be_a_date_a_serial_or_text() {
        let due = NaiveDate::from_ymd_opt(2023, 6, 30).unwrap();
        let may = NaiveDate::from_ymd_opt(2023, 5, 4).unwrap();
        let as_date = Cell {
            text: may.to_string(),
            kind: CellKind::Date(may),
        };
        assert_eq!(date(&Cell::text(""), due), Ok(due));
        assert_eq!(date(&as_date, due), Ok(may));
        assert_eq!(date(&number(45050.0), due), Ok(may));
        assert_eq!(date(&Cell::text("2023/05/04"), due), Ok(may));
        assert_eq!(date(&Cell::text("2023-05-04 00:00:00"), due), Ok(may));
        assert!(date(&Cell::text("五月"), due).is_err());
    }
}
