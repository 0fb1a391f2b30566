//! A filled report sheet read back (calamine): its hidden details and the
//! rows of its report sheet, cells as found, columns found by heading (so
//! a sheet re-saved by Excel, WPS or LibreOffice reads the same).

use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Range, Reader};
use chrono::NaiveDate;

use super::layout::{
    Column, META_AS_OF, META_DUE, META_MARK, META_PLAN, META_SHEET, META_UNIT, META_YEAR, Meta,
    REPORT_SHEET, cell_name,
};
use crate::messages::Text;
use crate::messages::collect::{
    COLLECT_BAD_META, COLLECT_CANNOT_READ, COLLECT_NO_COLUMN, COLLECT_NOT_TEMPLATE,
};
use crate::msg;

/// A cell's value as the reader sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    fn from_data(data: &Data) -> Cell {
        match data {
            Data::Empty => Cell::Empty,
            Data::String(s) if s.trim().is_empty() => Cell::Empty,
            Data::String(s) => Cell::Text(s.trim().to_string()),
            Data::Float(f) => Cell::Number(*f),
            Data::Int(i) => Cell::Number(*i as f64),
            Data::Bool(b) => Cell::Text(b.to_string()),
            Data::DateTime(dt) => {
                serial_date(dt.as_f64()).map_or(Cell::Number(dt.as_f64()), Cell::Date)
            }
            Data::DateTimeIso(s) => s
                .get(..10)
                .and_then(|d| crate::model::parse_date(d).ok())
                .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
            Data::DurationIso(s) => Cell::Text(s.clone()),
            Data::Error(e) => Cell::Text(format!("#{e:?}")),
        }
    }

    /// The text of the cell as a person would read it.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Cell::Empty
    }
}

/// The date of a spreadsheet serial day number (1900 system).
pub fn serial_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch.checked_add_signed(chrono::TimeDelta::days(serial.floor() as i64))
}

/// One row of the report sheet, by column.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledRow {
    /// 0-based row in the sheet.
    pub row: u32,
    cells: HashMap<Column, (u16, Cell)>,
}

impl FilledRow {
    pub fn cell(&self, column: Column) -> &Cell {
        self.cells.get(&column).map_or(&Cell::Empty, |(_, c)| c)
    }

    /// `D5`: where the column's cell of this row is.
    pub fn at(&self, column: Column) -> String {
        let col = self.cells.get(&column).map_or(column.index(), |(c, _)| *c);
        cell_name(self.row, col)
    }
}

/// A report sheet as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Filled {
    /// The file as named on the command line.
    pub file: String,
    pub meta: Meta,
    pub rows: Vec<FilledRow>,
}

impl Filled {
    /// `file!填报!D5`.
    pub fn location(&self, row: &FilledRow, column: Column) -> String {
        format!("{}!{}!{}", self.file, REPORT_SHEET, row.at(column))
    }
}

/// Reads the report sheet at `path` (xlsx, xls, ods).
pub fn read(path: &Path) -> Result<Filled, Text> {
    let file = path.display().to_string();
    let cannot = |error: String| msg!(COLLECT_CANNOT_READ, file = file, error = error);
    let bytes = crate::files::read(path, true).map_err(|e| cannot(e.to_string()))?;
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| cannot(e.to_string()))?;
    let names = book.sheet_names();
    if !names.iter().any(|n| n == META_SHEET) {
        return Err(msg!(COLLECT_NOT_TEMPLATE, file = file, sheet = META_SHEET));
    }
    let meta_range = book
        .worksheet_range(META_SHEET)
        .map_err(|e| cannot(e.to_string()))?;
    let meta = meta(&file, &meta_range)?;
    if !names.iter().any(|n| n == REPORT_SHEET) {
        return Err(msg!(
            COLLECT_NOT_TEMPLATE,
            file = file,
            sheet = REPORT_SHEET
        ));
    }
    let range = book
        .worksheet_range(REPORT_SHEET)
        .map_err(|e| cannot(e.to_string()))?;
    let rows = rows(&file, &range)?;
    Ok(Filled { file, meta, rows })
}

/// Every non-empty row of `range` as (0-based row, cells by 0-based column).
fn grid(range: &Range<Data>) -> Vec<(u32, Vec<(u16, Cell)>)> {
    let (top, left) = range.start().unwrap_or((0, 0));
    range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let cells = cells
                .iter()
                .enumerate()
                .map(|(j, d)| ((left as usize + j) as u16, Cell::from_data(d)))
                .filter(|(_, c)| !c.is_empty())
                .collect::<Vec<_>>();
            (top + i as u32, cells)
        })
        .filter(|(_, cells)| !cells.is_empty())
        .collect()
}

fn meta(file: &str, range: &Range<Data>) -> Result<Meta, Text> {
    let pairs: HashMap<String, String> = grid(range)
        .into_iter()
        .filter_map(|(_, cells)| {
            let key = cells.iter().find(|(c, _)| *c == 0)?.1.text();
            let value = cells.iter().find(|(c, _)| *c == 1).map(|(_, v)| v.text());
            Some((key, value.unwrap_or_default()))
        })
        .collect();
    let bad = |key: &str| {
        let at = format!("{file}!{META_SHEET}");
        msg!(COLLECT_BAD_META, at = at, expected = key)
    };
    if !pairs.contains_key(META_MARK) {
        return Err(bad(META_MARK));
    }
    let get = |key: &str| {
        pairs
            .get(key)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| bad(key))
    };
    let date = |key: &str| get(key).and_then(|v| crate::model::parse_date(v).map_err(|_| bad(key)));
    Ok(Meta {
        plan: get(META_PLAN)?.clone(),
        year: get(META_YEAR)?.parse().map_err(|_| bad(META_YEAR))?,
        unit: get(META_UNIT)?.clone(),
        as_of: date(META_AS_OF)?,
        due: date(META_DUE)?,
    })
}

/// The rows under the heading row (the first row naming 编号 and 进度(%)).
fn rows(file: &str, range: &Range<Data>) -> Result<Vec<FilledRow>, Text> {
    let grid = grid(range);
    let heading_row = grid.iter().position(|(_, cells)| {
        let cols: Vec<Option<Column>> = cells
            .iter()
            .map(|(_, c)| Column::from_heading(&c.text()))
            .collect();
        cols.contains(&Some(Column::Id)) && cols.contains(&Some(Column::Percent))
    });
    let Some(heading_row) = heading_row else {
        return Err(no_column(file, Column::Id));
    };
    let headings: HashMap<u16, Column> = grid[heading_row]
        .1
        .iter()
        .filter_map(|(col, c)| Column::from_heading(&c.text()).map(|h| (*col, h)))
        .collect();
    for column in Column::ALL
        .into_iter()
        .filter(|c| c.is_input() || *c == Column::Id)
    {
        if !headings.values().any(|h| *h == column) {
            return Err(no_column(file, column));
        }
    }
    Ok(grid[heading_row + 1..]
        .iter()
        .map(|(row, cells)| FilledRow {
            row: *row,
            cells: cells
                .iter()
                .filter_map(|(col, cell)| headings.get(col).map(|h| (*h, (*col, cell.clone()))))
                .collect(),
        })
        .collect())
}

fn no_column(file: &str, column: Column) -> Text {
    let columns: Vec<&str> = Column::ALL.iter().map(|c| c.heading()).collect();
    msg!(
        COLLECT_NO_COLUMN,
        file = file,
        sheet = REPORT_SHEET,
        column = column.heading(),
        columns = columns.join("、")
    )
}
