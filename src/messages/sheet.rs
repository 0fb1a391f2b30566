//! Spreadsheets (`src/sheet/`): what is wrong with a workbook or CSV file
//! as a whole. Problems in a cell name it as `file!sheet!cell` in the
//! messages of the command that reads the sheet.

use super::{Lang, Localize, entries};
use crate::sheet::SheetError;

entries! {
    SHEET_IO { zh: "{file}：{error}", en: "{file}: {error}" }
    SHEET_FORMAT {
        zh: "{file}：无法作为电子表格（`xlsx`、`xls`、`ods` 或 `csv`）读取：{detail}",
        en: "{file}: cannot read it as a spreadsheet (xlsx, xls, ods or csv): {detail}",
    }
    SHEET_NO_SHEET {
        zh: "{file}：没有名为“{name}”的工作表；现有工作表：{available}",
        en: "{file}: no sheet named `{name}`; the sheets are: {available}",
    }
    SHEET_NO_SHEETS { zh: "{file}：工作簿中没有工作表", en: "{file}: the workbook has no sheets" }
    SHEET_CSV {
        zh: "{file}:{line}：无法读取这一行 CSV：{detail}",
        en: "{file}:{line}: cannot read this CSV line: {detail}",
    }
    SHEET_ENCODING {
        zh: "{file}：文字编码既不是 UTF-8，也不是 `GB18030`（`GBK`）",
        en: "{file}: the text is neither UTF-8 nor GB18030 (GBK)",
    }
    SHEET_WRITE { zh: "{file}：无法写出工作簿：{detail}", en: "{file}: cannot write the workbook: {detail}" }
}

impl Localize for SheetError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            SheetError::Io { file, error } => {
                crate::msg!(SHEET_IO, file = file, error = error.localize(lang))
            }
            SheetError::Format { file, detail } => {
                crate::msg!(SHEET_FORMAT, file = file, detail = detail)
            }
            SheetError::NoSheet {
                file,
                name,
                available,
            } => {
                let sep = if lang == Lang::Zh { "、" } else { ", " };
                crate::msg!(
                    SHEET_NO_SHEET,
                    file = file,
                    name = name,
                    available = available.join(sep)
                )
            }
            SheetError::NoSheets { file } => crate::msg!(SHEET_NO_SHEETS, file = file),
            SheetError::Csv { file, line, detail } => {
                crate::msg!(SHEET_CSV, file = file, line = line, detail = detail)
            }
            SheetError::Encoding { file } => crate::msg!(SHEET_ENCODING, file = file),
            SheetError::Write { file, detail } => {
                crate::msg!(SHEET_WRITE, file = file, detail = detail)
            }
        }
        .render(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_sheet_lists_the_others_in_the_users_language() {
        let err = SheetError::NoSheet {
            file: "计划.xlsx".into(),
            name: "分工".into(),
            available: vec!["封面".into(), "任务".into()],
        };
        assert_eq!(
            err.localize(Lang::Zh),
            "计划.xlsx：没有名为“分工”的工作表；现有工作表：封面、任务"
        );
        assert_eq!(err.localize(Lang::En), err.to_string());
    }
}
