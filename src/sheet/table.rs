//! A table of typed cells with a header row, written as CSV (for any
//! spreadsheet) or as xlsx (frozen header, autofilter, fitted widths,
//! wrapped text, real dates, numbers, tinted cells). `export` and
//! `report` build one; the command line picks the file format.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::error::SheetError;
use super::format::{self, Tint};
use super::width::Widths;
use crate::csv_out::CsvWriter;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    /// Text on a light fill (a traffic light's label).
    Tinted(String, Tint),
}

impl Value {
    pub fn text(text: impl Into<String>) -> Value {
        let text = text.into();
        if text.is_empty() {
            Value::Empty
        } else {
            Value::Text(text)
        }
    }

    /// The cell as CSV text: numbers as typed, dates as `YYYY-MM-DD`.
    pub fn as_text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) | Value::Tinted(t, _) => t.clone(),
            Value::Number(n) => super::read::number_text(*n),
            Value::Date(d) => d.to_string(),
        }
    }
}

impl From<Option<NaiveDate>> for Value {
    fn from(date: Option<NaiveDate>) -> Value {
        date.map_or(Value::Empty, Value::Date)
    }
}

/// A header row and body rows; `name` names the xlsx sheet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// The UTF-8 byte-order mark, which tells Excel the CSV is UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Table {
    /// Writes the table as CSV (cells that look like formulas neutralised),
    /// after a byte-order mark when `bom`.
    pub fn write_csv<W: Write>(&self, mut out: W, bom: bool) -> csv::Result<()> {
        if bom {
            out.write_all(BOM)?;
        }
        let mut w = CsvWriter::new(out);
        w.row(&self.headers)?;
        for row in &self.rows {
            w.row(row.iter().map(Value::as_text))?;
        }
        w.finish()
    }

    /// The table as an xlsx workbook of one sheet.
    pub fn workbook(&self) -> Result<Workbook, XlsxError> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        if !self.name.is_empty() {
            sheet.set_name(sheet_name(&self.name))?;
        }
        let mut widths = Widths::new();
        let headers: Vec<&str> = self.headers.iter().map(String::as_str).collect();
        format::write_header(sheet, &headers, &mut widths)?;
        let (wrapped, date, number) = (format::wrapped(), format::date(), format::whole());
        for (r, row) in self.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, value) in row.iter().enumerate() {
                let col = c as u16;
                match value {
                    Value::Empty => {}
                    Value::Text(t) => {
                        sheet.write_string_with_format(r, col, t, &wrapped)?;
                    }
                    Value::Number(n) => {
                        let f = if n.fract() == 0.0 { &number } else { &wrapped };
                        sheet.write_number_with_format(r, col, *n, f)?;
                    }
                    Value::Date(d) => {
                        sheet.write_datetime_with_format(r, col, format::excel_date(*d)?, &date)?;
                    }
                    Value::Tinted(t, tint) => {
                        sheet.write_string_with_format(r, col, t, &format::filled(*tint))?;
                    }
                }
                let shown = match value {
                    Value::Date(_) => "2024-06-30".to_string(),
                    other => other.as_text(),
                };
                widths.note(c, &shown);
            }
        }
        format::finish_table(sheet, self.rows.len() as u32, &widths)?;
        Ok(book)
    }

    /// Writes the table as an xlsx file through a temporary file and a
    /// rename.
    pub fn save_xlsx(&self, path: &Path) -> Result<(), SheetError> {
        let mut book = self.workbook().map_err(|e| SheetError::Write {
            file: path.display().to_string(),
            detail: e.to_string(),
        })?;
        format::save(&mut book, path)
    }
}

/// A name Excel accepts for a sheet: at most 31 characters, none of
/// `[]:*?/\`.
pub fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect();
    let clean = clean.trim_matches('\'').to_string();
    if clean.is_empty() {
        "Sheet1".into()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            name: "进展".into(),
            headers: vec!["编号".into(), "进度".into(), "日期".into(), "备注".into()],
            rows: vec![vec![
                Value::text("K1.1"),
                Value::Number(40.0),
                Value::Date(NaiveDate::from_ymd_opt(2024, 6, 30).expect("date")),
                Value::text("=1+1"),
            ]],
        }
    }

    #[test]
    fn csv_starts_with_a_bom_only_when_asked_and_neutralises_formulas() {
        let mut with = Vec::new();
        table().write_csv(&mut with, true).expect("csv");
        let text = String::from_utf8(with).expect("utf-8");
        assert_eq!(
            text,
            "\u{feff}编号,进度,日期,备注\nK1.1,40,2024-06-30,'=1+1\n"
        );
        let mut without = Vec::new();
        table().write_csv(&mut without, false).expect("csv");
        assert!(without.starts_with("编号".as_bytes()));
    }

    #[test]
    fn the_xlsx_reads_back_with_numbers_and_dates() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("t.xlsx");
        table().save_xlsx(&path).expect("save");
        let grid = crate::sheet::read_sheet(&path, None).expect("read");
        use crate::sheet::{CellKind, CellRef};
        assert_eq!(grid.location.sheet.as_deref(), Some("进展"));
        assert_eq!(grid.get(CellRef::new(1, 1)).kind, CellKind::Number(40.0));
        let day = NaiveDate::from_ymd_opt(2024, 6, 30).expect("date");
        assert_eq!(grid.get(CellRef::new(1, 2)).kind, CellKind::Date(day));
        assert_eq!(grid.get(CellRef::new(1, 3)).text, "=1+1");
    }

    #[test]
    fn sheet_names_fit_excel() {
        assert_eq!(sheet_name("a/b:c"), "a_b_c");
        assert_eq!(sheet_name(&"长".repeat(40)).chars().count(), 31);
        assert_eq!(sheet_name(""), "Sheet1");
    }
}
