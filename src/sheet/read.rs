//! Reading one sheet of a workbook (xlsx, xlsm, xls, xlsb, ods through
//! calamine) or a CSV file into a [`Grid`].
//!
//! The file is read whole through [`crate::files::read`] (a regular file of
//! bounded size, never a FIFO or device), then parsed in memory. CSV text
//! may be UTF-8 (with or without a byte-order mark) or GB18030/GBK, what
//! Excel on a Chinese Windows PC saves.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Dimensions, Ods, Reader, Xls, Xlsb, Xlsx, open_workbook_from_rs};

use super::cell::{CellRef, Location};
use super::error::SheetError;
use super::grid::{Cell, CellKind, Grid, Merge};

type Bytes = Cursor<Vec<u8>>;

/// The kinds of file, by extension (any case); anything else is tried as
/// each workbook format in turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Xlsx,
    Xls,
    Xlsb,
    Ods,
    Csv,
    Unknown,
}

fn kind_of(path: &Path) -> Kind {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" => Kind::Xlsx,
        "xls" => Kind::Xls,
        "xlsb" => Kind::Xlsb,
        "ods" => Kind::Ods,
        "csv" | "txt" | "tsv" => Kind::Csv,
        _ => Kind::Unknown,
    }
}

/// Whether `path` names a spreadsheet or CSV file by its extension.
pub fn is_sheet_file(path: &Path) -> bool {
    kind_of(path) != Kind::Unknown
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, SheetError> {
    crate::files::read(path, true).map_err(|error| SheetError::Io {
        file: display(path),
        error,
    })
}

enum Book {
    Xlsx(Xlsx<Bytes>),
    Xls(Xls<Bytes>),
    Xlsb(Xlsb<Bytes>),
    Ods(Ods<Bytes>),
}

fn format_error(path: &Path, e: &dyn std::fmt::Display) -> SheetError {
    SheetError::Format {
        file: display(path),
        detail: e.to_string(),
    }
}

fn open_book(path: &Path, kind: Kind, bytes: Vec<u8>) -> Result<Book, SheetError> {
    let c = Cursor::new(bytes);
    let e = |e: &dyn std::fmt::Display| format_error(path, e);
    match kind {
        Kind::Xlsx => open_workbook_from_rs(c).map(Book::Xlsx).map_err(|x| e(&x)),
        Kind::Xls => open_workbook_from_rs(c).map(Book::Xls).map_err(|x| e(&x)),
        Kind::Xlsb => open_workbook_from_rs(c).map(Book::Xlsb).map_err(|x| e(&x)),
        Kind::Ods => open_workbook_from_rs(c).map(Book::Ods).map_err(|x| e(&x)),
        Kind::Csv | Kind::Unknown => match calamine::open_workbook_auto_from_rs(c) {
            Ok(calamine::Sheets::Xlsx(b)) => Ok(Book::Xlsx(b)),
            Ok(calamine::Sheets::Xls(b)) => Ok(Book::Xls(b)),
            Ok(calamine::Sheets::Xlsb(b)) => Ok(Book::Xlsb(b)),
            Ok(calamine::Sheets::Ods(b)) => Ok(Book::Ods(b)),
            Err(x) => Err(e(&x)),
        },
    }
}

impl Book {
    fn names(&self) -> Vec<String> {
        match self {
            Book::Xlsx(b) => b.sheet_names(),
            Book::Xls(b) => b.sheet_names(),
            Book::Xlsb(b) => b.sheet_names(),
            Book::Ods(b) => b.sheet_names(),
        }
    }

    fn range(&mut self, name: &str) -> Result<calamine::Range<Data>, String> {
        match self {
            Book::Xlsx(b) => b.worksheet_range(name).map_err(|e| e.to_string()),
            Book::Xls(b) => b.worksheet_range(name).map_err(|e| e.to_string()),
            Book::Xlsb(b) => b.worksheet_range(name).map_err(|e| e.to_string()),
            Book::Ods(b) => b.worksheet_range(name).map_err(|e| e.to_string()),
        }
    }

    /// Merged ranges, where the format records them (in ods the covered
    /// cells are simply empty).
    fn merges(&mut self, name: &str) -> Result<Vec<Dimensions>, String> {
        match self {
            Book::Xlsx(b) => b.merge_cells_by_sheet_name(name).map_err(|e| e.to_string()),
            Book::Xls(b) => b.merge_cells_by_sheet_name(name).map_err(|e| e.to_string()),
            Book::Xlsb(_) | Book::Ods(_) => Ok(Vec::new()),
        }
    }
}

/// The sheet names of a workbook, in order (a CSV file has none).
pub fn sheet_names(path: &Path) -> Result<Vec<String>, SheetError> {
    let kind = kind_of(path);
    if kind == Kind::Csv {
        return Ok(Vec::new());
    }
    let bytes = read_bytes(path)?;
    Ok(open_book(path, kind, bytes)?.names())
}

/// Reads the sheet `sheet` (the first when `None`) of the workbook at
/// `path`, or the CSV file at `path` (whose `sheet` is ignored).
pub fn read_sheet(path: &Path, sheet: Option<&str>) -> Result<Grid, SheetError> {
    let kind = kind_of(path);
    let bytes = read_bytes(path)?;
    if kind == Kind::Csv {
        return read_csv(path, &bytes);
    }
    let mut book = open_book(path, kind, bytes)?;
    let names = book.names();
    let name = match sheet {
        Some(want) => names
            .iter()
            .find(|n| n.as_str() == want)
            .or_else(|| names.iter().find(|n| n.trim() == want.trim()))
            .cloned()
            .ok_or_else(|| SheetError::NoSheet {
                file: display(path),
                name: want.to_string(),
                available: names.clone(),
            })?,
        None => names.first().cloned().ok_or_else(|| SheetError::NoSheets {
            file: display(path),
        })?,
    };
    let range = book.range(&name).map_err(|e| format_error(path, &e))?;
    let merges = book.merges(&name).map_err(|e| format_error(path, &e))?;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    if let Some((top, left)) = range.start() {
        rows.resize_with(top as usize, Vec::new);
        for row in range.rows() {
            let mut cells: Vec<Cell> = Vec::with_capacity(left as usize + row.len());
            cells.resize_with(left as usize, Cell::default);
            cells.extend(row.iter().map(cell_of));
            while cells.last().is_some_and(|c| c.kind == CellKind::Empty) {
                cells.pop();
            }
            rows.push(cells);
        }
    }
    while rows.last().is_some_and(Vec::is_empty) {
        rows.pop();
    }
    Ok(Grid {
        location: Location::new(display(path), Some(&name), None),
        rows,
        merges: merges
            .into_iter()
            .map(|d| Merge {
                first: CellRef::new(d.start.0, d.start.1),
                last: CellRef::new(d.end.0, d.end.1),
            })
            .collect(),
    })
}

/// A number as a person would type it: `3`, not `3.0`.
pub fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn cell_of(data: &Data) -> Cell {
    let (text, kind) = match data {
        Data::Empty => return Cell::default(),
        Data::String(s) => return Cell::text(s.clone()),
        Data::Int(i) => (i.to_string(), CellKind::Number(*i as f64)),
        Data::Float(f) => (number_text(*f), CellKind::Number(*f)),
        Data::Bool(b) => (
            if *b { "TRUE" } else { "FALSE" }.to_string(),
            CellKind::Bool(*b),
        ),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(when) if !dt.is_duration() => {
                let text = if when.time() == chrono::NaiveTime::MIN {
                    when.format("%Y-%m-%d").to_string()
                } else {
                    when.format("%Y-%m-%d %H:%M").to_string()
                };
                (text, CellKind::Date(when.date()))
            }
            _ => (number_text(dt.as_f64()), CellKind::Number(dt.as_f64())),
        },
        Data::DateTimeIso(s) => {
            let date = s
                .get(..10)
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            match date {
                Some(d) => (s.clone(), CellKind::Date(d)),
                None => (s.clone(), CellKind::Text),
            }
        }
        Data::DurationIso(s) => (s.clone(), CellKind::Text),
        Data::Error(e) => (e.to_string(), CellKind::Error),
    };
    Cell { text, kind }
}

/// The text of CSV bytes: UTF-8 (a byte-order mark dropped), else GB18030.
fn csv_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<std::borrow::Cow<'a, str>, SheetError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.into());
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(SheetError::Encoding {
            file: display(path),
        });
    }
    Ok(text.into_owned().into())
}

fn read_csv(path: &Path, bytes: &[u8]) -> Result<Grid, SheetError> {
    let text = csv_text(path, bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| SheetError::Csv {
            file: display(path),
            line: e.position().map(|p| p.line()).unwrap_or(0),
            detail: match e.kind() {
                csv::ErrorKind::Utf8 { err, .. } => err.to_string(),
                _ => e.to_string(),
            },
        })?;
        let mut cells: Vec<Cell> = record.iter().map(Cell::text).collect();
        while cells.last().is_some_and(|c| c.kind == CellKind::Empty) {
            cells.pop();
        }
        rows.push(cells);
    }
    while rows.last().is_some_and(Vec::is_empty) {
        rows.pop();
    }
    Ok(Grid {
        location: Location::new(display(path), None, None),
        rows,
        merges: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid_of(name: &str, bytes: &[u8]) -> Result<Grid, SheetError> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        read_sheet(&path, None)
    }

    #[test]
    fn csv_with_a_byte_order_mark_reads_as_text() {
        let grid = grid_of(
            "p.csv",
            "\u{feff}序号,工作任务\n1,\"修路\n两条\"\n".as_bytes(),
        )
        .expect("read");
        assert_eq!(grid.get(CellRef::new(0, 0)).text, "序号");
        assert_eq!(grid.get(CellRef::new(1, 1)).text, "修路\n两条");
        assert_eq!(grid.location.sheet, None);
    }

    #[test]
    fn csv_saved_as_gbk_reads_as_chinese() {
        let (gbk, _, _) = encoding_rs::GBK.encode("序号,牵头单位\n1,市发改局\n");
        let grid = grid_of("p.csv", &gbk).expect("read");
        assert_eq!(grid.get(CellRef::new(1, 1)).text, "市发改局");
    }

    #[test]
    fn a_file_that_is_no_workbook_is_a_format_error() {
        let err = grid_of("p.xlsx", b"not a zip").expect_err("refused");
        assert!(matches!(err, SheetError::Format { .. }), "{err}");
        assert!(err.to_string().contains("p.xlsx"), "{err}");
    }

    #[test]
    fn an_xlsx_reads_back_with_merges_dates_and_numbers() {
        use rust_xlsxwriter::Workbook;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("计划.xlsx");
        let mut book = Workbook::new();
        let sheet = book.add_worksheet().set_name("分工").expect("name");
        sheet.write_string(1, 1, "领导").expect("write");
        sheet
            .merge_range(2, 1, 4, 1, "张三", &super::super::format::wrapped())
            .expect("merge");
        sheet.write_number(2, 2, 40.0).expect("write");
        let day = chrono::NaiveDate::from_ymd_opt(2024, 6, 30).expect("date");
        let when = super::super::format::excel_date(day).expect("excel date");
        sheet
            .write_datetime_with_format(2, 3, &when, &super::super::format::date())
            .expect("write");
        super::super::format::save(&mut book, &path).expect("save");

        assert_eq!(sheet_names(&path).expect("names"), ["分工"]);
        let grid = read_sheet(&path, None).expect("read");
        assert_eq!(grid.get(CellRef::new(1, 1)).text, "领导");
        assert_eq!(grid.merged(CellRef::new(4, 1)).text, "张三");
        assert_eq!(grid.get(CellRef::new(2, 2)).kind, CellKind::Number(40.0));
        assert_eq!(grid.get(CellRef::new(2, 2)).text, "40");
        assert_eq!(grid.get(CellRef::new(2, 3)).kind, CellKind::Date(day));
        assert_eq!(grid.get(CellRef::new(2, 3)).text, "2024-06-30");
        assert!(path.ends_with("计划.xlsx"));
        let missing = read_sheet(&path, Some("任务")).expect_err("no such sheet");
        assert!(matches!(missing, SheetError::NoSheet { .. }), "{missing}");
    }

    #[test]
    fn numbers_print_as_typed() {
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(-2.5), "-2.5");
        assert_eq!(number_text(0.1), "0.1");
    }
}
