//! A filled report sheet read back (through `src/sheet/`): its hidden
//! details and the rows of its report sheet, columns found by heading (so
//! a sheet re-saved by Excel, WPS or LibreOffice reads the same).

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use super::layout::{
    Column, META_AS_OF, META_DUE, META_MARK, META_PLAN, META_SHEET, META_UNIT, META_YEAR, Meta,
    REPORT_SHEET,
};
use crate::messages::collect::{COLLECT_BAD_META, COLLECT_NO_COLUMN, COLLECT_NOT_TEMPLATE};
use crate::messages::{Lang, Localize, Text};
use crate::msg;
use crate::sheet::{Cell, CellRef, Grid, Location, SheetError, read_sheet};

/// Why a file could not be read as a report sheet at all.
#[derive(Debug)]
pub enum Unreadable {
    Sheet(SheetError),
    Said(Text),
}

impl Unreadable {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Unreadable::Sheet(e) => e.localize(lang),
            Unreadable::Said(t) => t.render(lang),
        }
    }
}

impl From<Text> for Unreadable {
    fn from(text: Text) -> Unreadable {
        Unreadable::Said(text)
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
    cells: HashMap<Column, (u32, Cell)>,
}

static EMPTY: Cell = Cell {
    text: String::new(),
    kind: crate::sheet::CellKind::Empty,
};

impl FilledRow {
    pub fn cell(&self, column: Column) -> &Cell {
        self.cells.get(&column).map_or(&EMPTY, |(_, c)| c)
    }

    /// The column's trimmed text in this row.
    pub fn text(&self, column: Column) -> String {
        self.cell(column).text.trim().to_string()
    }

    /// Where the column's cell of this row is.
    pub fn at(&self, column: Column) -> CellRef {
        let col = self
            .cells
            .get(&column)
            .map_or(u32::from(column.index()), |(c, _)| *c);
        CellRef::new(self.row, col)
    }
}

/// A report sheet as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Filled {
    /// `file!填报`, for errors.
    pub location: Location,
    pub meta: Meta,
    pub rows: Vec<FilledRow>,
}

impl Filled {
    /// `file!填报!D5`.
    pub fn location(&self, row: &FilledRow, column: Column) -> String {
        self.location.at(row.at(column)).to_string()
    }

    pub fn file(&self) -> &str {
        &self.location.file
    }
}

/// Reads the report sheet at `path` (xlsx, xls, ods).
pub fn read(path: &Path) -> Result<Filled, Unreadable> {
    let sheet = |name: &str| match read_sheet(path, Some(name)) {
        Err(SheetError::NoSheet { file, .. }) => Err(Unreadable::Said(msg!(
            COLLECT_NOT_TEMPLATE,
            file = file,
            sheet = name,
            command = "`duban template`"
        ))),
        other => other.map_err(Unreadable::Sheet),
    };
    let meta = meta(&sheet(META_SHEET)?)?;
    let report = sheet(REPORT_SHEET)?;
    let rows = rows(&report)?;
    Ok(Filled {
        location: report.location,
        meta,
        rows,
    })
}

fn meta(grid: &Grid) -> Result<Meta, Text> {
    let pairs: HashMap<&str, &str> = grid
        .rows
        .iter()
        .filter_map(|row| {
            let key = row.first()?.text.trim();
            Some((key, row.get(1).map_or("", |c| c.text.trim())))
        })
        .collect();
    let bad = |key: &str| {
        let at = grid.location.to_string();
        msg!(COLLECT_BAD_META, at = at, expected = key)
    };
    if !pairs.contains_key(META_MARK) {
        return Err(bad(META_MARK));
    }
    let get = |key: &str| {
        pairs
            .get(key)
            .filter(|v| !v.is_empty())
            .map(|v| v.to_string())
            .ok_or_else(|| bad(key))
    };
    let date =
        |key: &str| get(key).and_then(|v| crate::model::parse_date(&v).map_err(|_| bad(key)));
    Ok(Meta {
        plan: get(META_PLAN)?,
        year: get(META_YEAR)?.parse().map_err(|_| bad(META_YEAR))?,
        unit: get(META_UNIT)?,
        as_of: date(META_AS_OF)?,
        due: date(META_DUE)?,
    })
}

/// The rows under the heading row (the first row naming 编号 and 进度(%)).
fn rows(grid: &Grid) -> Result<Vec<FilledRow>, Text> {
    let headings_of = |row: &[Cell]| -> HashMap<u32, Column> {
        row.iter()
            .enumerate()
            .filter_map(|(col, c)| Column::from_heading(&c.text).map(|h| (col as u32, h)))
            .collect()
    };
    let found = grid.rows.iter().enumerate().find_map(|(i, row)| {
        let headings = headings_of(row);
        let has = |c: Column| headings.values().any(|h| *h == c);
        (has(Column::Id) && has(Column::Percent)).then_some((i, headings))
    });
    let Some((heading_row, headings)) = found else {
        return Err(no_column(grid, Column::Id));
    };
    if let Some(missing) = Column::ALL
        .into_iter()
        .filter(|c| c.is_input())
        .find(|c| !headings.values().any(|h| h == c))
    {
        return Err(no_column(grid, missing));
    }
    Ok(grid.rows[heading_row + 1..]
        .iter()
        .enumerate()
        .map(|(i, cells)| FilledRow {
            row: (heading_row + 1 + i) as u32,
            cells: cells
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.is_blank())
                .filter_map(|(col, cell)| {
                    let col = col as u32;
                    headings.get(&col).map(|h| (*h, (col, cell.clone())))
                })
                .collect(),
        })
        .collect())
}

fn no_column(grid: &Grid, column: Column) -> Text {
    let columns: Vec<&str> = Column::ALL.iter().map(|c| c.heading()).collect();
    msg!(
        COLLECT_NO_COLUMN,
        at = grid.location,
        column = column.heading(),
        columns = columns.join("、")
    )
}
