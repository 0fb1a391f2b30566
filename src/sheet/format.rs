//! The look every xlsx duban writes shares: a bold, shaded header row that
//! stays frozen with an autofilter over it, wrapped body text aligned to
//! the top, real dates, and light fills for traffic lights and statuses.
//! [`save`] writes a workbook through a temporary file and a rename
//! ([`crate::files::replace`]), so a failed write never leaves half a file.

use std::path::Path;

use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, FormatPattern, Workbook, Worksheet,
    XlsxError,
};

use super::error::SheetError;
use super::width::Widths;

/// The light fills duban uses: pale enough that black text stays readable
/// when printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tint {
    Green,
    Yellow,
    Red,
    Grey,
    Blue,
}

impl Tint {
    /// The fill colour as `0xRRGGBB`.
    pub fn rgb(self) -> u32 {
        match self {
            Tint::Green => 0xC6EFCE,
            Tint::Yellow => 0xFFEB9C,
            Tint::Red => 0xFFC7CE,
            Tint::Grey => 0xE7E6E6,
            Tint::Blue => 0xDDEBF7,
        }
    }
}

/// The header row: bold on a pale blue fill, wrapped, thin borders.
pub fn header() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_pattern(FormatPattern::Solid)
        .set_background_color(Color::RGB(Tint::Blue.rgb()))
        .set_border(FormatBorder::Thin)
}

/// Body text: wrapped, aligned to the top of the row.
pub fn wrapped() -> Format {
    Format::new().set_text_wrap().set_align(FormatAlign::Top)
}

/// Body text on a light fill.
pub fn filled(tint: Tint) -> Format {
    wrapped()
        .set_pattern(FormatPattern::Solid)
        .set_background_color(Color::RGB(tint.rgb()))
}

/// A date cell shown as `2024-06-30`.
pub fn date() -> Format {
    wrapped().set_num_format("yyyy-mm-dd")
}

/// A whole number (a percentage 0–100, a count).
pub fn whole() -> Format {
    wrapped().set_num_format("0")
}

/// The Excel date of a `chrono` date.
pub fn excel_date(date: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)
}

/// Writes `headers` as row 0 of `sheet` in the [`header`] format, freezes
/// it, and notes the header widths in `widths`.
pub fn write_header(
    sheet: &mut Worksheet,
    headers: &[&str],
    widths: &mut Widths,
) -> Result<(), XlsxError> {
    let format = header();
    for (col, name) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, &format)?;
        widths.note(col, name);
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Finishes a table sheet: an autofilter over the header and `rows` body
/// rows, and column widths from `widths`.
pub fn finish_table(sheet: &mut Worksheet, rows: u32, widths: &Widths) -> Result<(), XlsxError> {
    let cols = widths.len().max(1) as u16;
    sheet.autofilter(0, 0, rows, cols - 1)?;
    for col in 0..widths.len() {
        sheet.set_column_width(col as u16, widths.width(col))?;
    }
    Ok(())
}

/// Writes `book` to `path` safely: the whole file is built in memory, then
/// written under a temporary name beside `path` and renamed over it.
pub fn save(book: &mut Workbook, path: &Path) -> Result<(), SheetError> {
    let file = path.display().to_string();
    let bytes = book.save_to_buffer().map_err(|e| SheetError::Write {
        file: file.clone(),
        detail: e.to_string(),
    })?;
    crate::files::replace(path, &bytes).map_err(|error| SheetError::Io { file, error })?;
    Ok(())
}
