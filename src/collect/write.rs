//! A [`Template`] as an `.xlsx` file (rust_xlsxwriter): the first three
//! columns locked under sheet protection, the input columns unlocked, a
//! drop-down of the five statuses, whole numbers 0–100 for progress, the
//! report date inside the plan's range, and the hidden sheet of details.

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::layout::{
    CO_HEADINGS, CO_SHEET, Column, META_AS_OF, META_DUE, META_MARK, META_PLAN, META_SHEET,
    META_UNIT, META_YEAR, REPORT_SHEET,
};
use super::rows::Template;
use crate::lights::Calendar;
use crate::model::Status;
use crate::sheet::format::{self, excel_date};
use crate::sheet::width::Widths;

/// The width of the task column, and of each note column (Excel units).
const TASK_WIDTH: f64 = 48.0;
const NOTE_WIDTH: f64 = 30.0;

/// The cell formats of a sheet.
struct Formats {
    header: Format,
    locked: Format,
    input: Format,
    date: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = format::wrapped().set_border(FormatBorder::Thin);
        Formats {
            header: format::header(),
            locked: base.clone().set_background_color(0xF2F2F2),
            input: base.clone().set_unlocked(),
            date: base.set_unlocked().set_num_format("yyyy-mm-dd"),
        }
    }
}

/// The workbook, ready to save ([`format::save`]).
pub fn workbook(template: &Template, calendar: &Calendar) -> Result<Workbook, XlsxError> {
    let formats = Formats::new();
    let mut book = Workbook::new();
    report_sheet(book.add_worksheet(), template, calendar, &formats)?;
    co_sheet(book.add_worksheet(), template, &formats)?;
    meta_sheet(book.add_worksheet(), template)?;
    Ok(book)
}

/// The height of a row whose task text wraps in the task column
/// (spreadsheet programs do not grow rows for wrapped text on opening).
fn row_height(task: &str) -> f64 {
    let per_line = (TASK_WIDTH - 2.0).max(1.0);
    let lines = (crate::sheet::width::text_width(task) as f64 / per_line).ceil();
    lines.clamp(1.0, 8.0) * 15.0
}

/// Column widths from the display width of the texts noted (Chinese
/// characters count two).
fn fit(sheet: &mut Worksheet, columns: &[(u16, Vec<&str>)]) -> Result<(), XlsxError> {
    let mut widths = Widths::new();
    for (col, texts) in columns {
        for text in texts {
            widths.note(usize::from(*col), text);
        }
        sheet.set_column_width(*col, widths.width(usize::from(*col)))?;
    }
    Ok(())
}

fn report_sheet(
    sheet: &mut Worksheet,
    template: &Template,
    calendar: &Calendar,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(REPORT_SHEET)?;
    for column in Column::ALL {
        sheet.write_string_with_format(0, column.index(), column.heading(), &f.header)?;
    }
    let due = excel_date(template.meta.due)?;
    for (i, row) in template.lead.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string_with_format(r, Column::Id.index(), &row.id, &f.locked)?;
        sheet.write_string_with_format(r, Column::Task.index(), &row.task, &f.locked)?;
        sheet.write_string_with_format(r, Column::Last.index(), &row.last, &f.locked)?;
        sheet.set_row_height(r, row_height(&row.task))?;
        for column in Column::ALL.into_iter().filter(|c| c.is_input()) {
            match column {
                Column::Date => sheet.write_date_with_format(r, column.index(), &due, &f.date)?,
                _ => sheet.write_blank(r, column.index(), &f.input)?,
            };
        }
    }
    let last = template.lead.len() as u32;
    if last > 0 {
        validations(sheet, last, calendar)?;
    }
    let ids: Vec<&str> = template.lead.iter().map(|r| r.id.as_str()).collect();
    let lasts: Vec<&str> = template.lead.iter().map(|r| r.last.as_str()).collect();
    fit(
        sheet,
        &[
            (Column::Id.index(), [&["编号"], &ids[..]].concat()),
            (Column::Last.index(), [&["上次进度"], &lasts[..]].concat()),
            (Column::Percent.index(), vec!["进度(%)", "100"]),
            (Column::Status.index(), vec!["已完成 ▾"]),
            (Column::Date.index(), vec!["2023-12-31"]),
            (Column::Reporter.index(), vec!["填报人姓名"]),
        ],
    )?;
    sheet.set_column_width(Column::Task.index(), TASK_WIDTH)?;
    for column in [Column::Progress, Column::Problems, Column::NextSteps] {
        sheet.set_column_width(column.index(), NOTE_WIDTH)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    // Printed (or exported to PDF) on A4 landscape, one page wide.
    sheet
        .set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0);
    sheet.protect();
    Ok(())
}

/// Data validation on rows 2 to `last + 1`: progress, status, date.
fn validations(sheet: &mut Worksheet, last: u32, calendar: &Calendar) -> Result<(), XlsxError> {
    let percent = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(0, 100))
        .set_error_title("进度(%)")?
        .set_error_message("请填写 0 到 100 的整数")?;
    let labels: Vec<&str> = Status::ALL.iter().map(|s| s.label_zh()).collect();
    let status = DataValidation::new()
        .allow_list_strings(&labels)?
        .set_error_title("状态")?
        .set_error_message(format!("请从下拉列表中选择：{}", labels.join("、")))?;
    let (start, close) = (calendar.start(), calendar.close);
    let date = DataValidation::new()
        .allow_date(DataValidationRule::Between(
            excel_date(start)?,
            excel_date(close)?,
        ))
        .set_error_title("填报日期")?
        .set_error_message(format!("请填写 {start} 至 {close} 之间的日期"))?;
    for (column, rule) in [
        (Column::Percent, percent),
        (Column::Status, status),
        (Column::Date, date),
    ] {
        sheet.add_data_validation(1, column.index(), last, column.index(), &rule)?;
    }
    Ok(())
}

fn ids(template: &Template) -> Vec<&str> {
    template.co.iter().map(|r| r.id.as_str()).collect()
}

fn co_sheet(sheet: &mut Worksheet, template: &Template, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(CO_SHEET)?;
    for (col, heading) in CO_HEADINGS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *heading, &f.header)?;
    }
    for (i, row) in template.co.iter().enumerate() {
        let r = i as u32 + 1;
        for (col, text) in [&row.id, &row.task, &row.lead, &row.last]
            .iter()
            .enumerate()
        {
            sheet.write_string_with_format(r, col as u16, text.as_str(), &f.locked)?;
        }
        sheet.set_row_height(r, row_height(&row.task))?;
    }
    fit(
        sheet,
        &[
            (0, [&["编号"], &ids(template)[..]].concat()),
            (2, template.co.iter().map(|r| r.lead.as_str()).collect()),
            (3, template.co.iter().map(|r| r.last.as_str()).collect()),
        ],
    )?;
    sheet.set_column_width(1, TASK_WIDTH)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.protect();
    Ok(())
}

/// The hidden sheet: a mark, then key and value pairs, all text.
fn meta_sheet(sheet: &mut Worksheet, template: &Template) -> Result<(), XlsxError> {
    let meta = &template.meta;
    sheet.set_name(META_SHEET)?;
    sheet.write_string(0, 0, META_MARK)?;
    let rows = [
        (META_PLAN, meta.plan.clone()),
        (META_YEAR, meta.year.to_string()),
        (META_UNIT, meta.unit.clone()),
        (META_AS_OF, meta.as_of.to_string()),
        (META_DUE, meta.due.to_string()),
    ];
    for (i, (key, value)) in rows.iter().enumerate() {
        sheet.write_string(i as u32 + 1, 0, *key)?;
        sheet.write_string(i as u32 + 1, 1, value)?;
    }
    sheet.set_hidden(true);
    sheet.protect();
    Ok(())
}
