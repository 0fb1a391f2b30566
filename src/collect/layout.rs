//! The report sheet's layout, shared by the writer and the reader: sheet
//! names, column headings, and the hidden sheet that says which dataset,
//! unit and date a file was made for.

/// The sheet a unit fills in: one row per task it leads.
pub const REPORT_SHEET: &str = "填报";
/// The unit's cooperating duties, read-only.
pub const CO_SHEET: &str = "配合任务";
/// The hidden sheet with the file's details ([`Meta`]).
pub const META_SHEET: &str = "duban";
/// The first cell of the hidden sheet, naming the layout's version.
pub const META_MARK: &str = "duban report sheet 1";

/// A column of the report sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Task,
    Last,
    Percent,
    Status,
    Progress,
    Problems,
    NextSteps,
    Date,
    Reporter,
}

impl Column {
    /// Every column, left to right.
    pub const ALL: [Column; 10] = [
        Column::Id,
        Column::Task,
        Column::Last,
        Column::Percent,
        Column::Status,
        Column::Progress,
        Column::Problems,
        Column::NextSteps,
        Column::Date,
        Column::Reporter,
    ];

    /// The heading in the sheet (the sheet is Chinese whatever `--lang`:
    /// it goes to a Chinese office).
    pub fn heading(self) -> &'static str {
        match self {
            Column::Id => "编号",
            Column::Task => "工作任务",
            Column::Last => "上次进度",
            Column::Percent => "进度(%)",
            Column::Status => "状态",
            Column::Progress => "主要进展",
            Column::Problems => "存在问题",
            Column::NextSteps => "下步打算",
            Column::Date => "填报日期",
            Column::Reporter => "填报人",
        }
    }

    /// The column's place in a duban-written sheet (0 = A).
    pub fn index(self) -> u16 {
        Column::ALL.iter().position(|c| *c == self).unwrap_or(0) as u16
    }

    /// Whether the unit writes in this column (the others are locked).
    pub fn is_input(self) -> bool {
        !matches!(self, Column::Id | Column::Task | Column::Last)
    }

    /// The column from a heading as found in a sheet (spaces and full-width
    /// brackets forgiven: a re-typed `进度（%）` is the same column).
    pub fn from_heading(text: &str) -> Option<Column> {
        let text: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '（' => '(',
                '）' => ')',
                '％' => '%',
                c => c,
            })
            .collect();
        Column::ALL.into_iter().find(|c| c.heading() == text)
    }
}

/// The headings of the cooperating-duties sheet.
pub const CO_HEADINGS: [&str; 4] = ["编号", "工作任务", "牵头单位", "上次进度"];

/// Rows of the hidden sheet: key in column A, value in column B.
pub const META_PLAN: &str = "plan";
pub const META_YEAR: &str = "year";
pub const META_UNIT: &str = "unit";
pub const META_AS_OF: &str = "as_of";
pub const META_DUE: &str = "due";

/// What the hidden sheet records about a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// The plan's title.
    pub plan: String,
    pub year: i32,
    /// The unit's canonical name.
    pub unit: String,
    /// The date the sheet was made for.
    pub as_of: chrono::NaiveDate,
    /// The period's due date, the default report date.
    pub due: chrono::NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_round_trip_and_forgive_full_width_brackets() {
        for column in Column::ALL {
            assert_eq!(Column::from_heading(column.heading()), Some(column));
        }
        assert_eq!(Column::from_heading(" 进度（％） "), Some(Column::Percent));
        assert_eq!(Column::from_heading("进度"), None);
    }

    #[test]
    fn only_the_first_three_columns_are_locked() {
        let locked: Vec<Column> = Column::ALL.into_iter().filter(|c| !c.is_input()).collect();
        assert_eq!(locked, [Column::Id, Column::Task, Column::Last]);
        assert_eq!(Column::Reporter.index(), 9);
    }
}
