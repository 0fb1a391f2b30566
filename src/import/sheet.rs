//! A plan table in a spreadsheet → the table text the section reader reads
//! (`| 序号 | 工作任务 | 牵头单位 |`), with each line's sheet cell kept so
//! that errors name `file!sheet!cell`.
//!
//! - The header row is the first row naming a task column (工作任务,
//!   重点工作, 任务内容…) and a duty column (牵头单位, 责任单位, 责任领导,
//!   完成时限…), in any order; the rows above it are the title.
//! - A merged cell's value belongs to every row it covers (one leader or
//!   deadline for several tasks), except in the number and task columns,
//!   where a merge spanning rows is one task written over several rows.
//!   Blank leader, lead-unit and deadline cells repeat the row above (the
//!   table reader does this for any table).
//! - A cell of several lines is one value: task text lines are joined,
//!   list lines (units, leaders) become a 、-list.
//! - A row holding only a heading (`一、经济发展`, or text merged across
//!   the row) is a section heading over the rows below it.

use super::ImportError;
use super::table::{Column, column_of};
use crate::messages::import::{IMP_EXP_SHEET_HEADER, IMP_NO_SHEET_HEADER};
use crate::msg;
use crate::sheet::{CellRef, Grid};

/// How many rows may stand above the header (titles, dates, notes).
const HEADER_SEARCH_ROWS: u32 = 40;

/// The text of a sheet and, for each of its lines, the cell it came from.
pub(crate) struct SheetText {
    pub text: String,
    pub cells: Vec<CellRef>,
}

impl SheetText {
    fn line(&mut self, text: &str, cell: CellRef) {
        self.text.push_str(text);
        self.text.push('\n');
        self.cells.push(cell);
    }
}

/// A cell's text as one line: task text joined, lists with 、, and the
/// table's column bar replaced by its full-width form.
fn one_line(text: &str, column: Column) -> String {
    let sep = if column == Column::Task { "" } else { "、" };
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(sep).replace(['|', '│', '┃', '║'], "｜")
}

fn header_row(grid: &Grid) -> Option<(u32, Vec<Column>)> {
    (0..grid.height().min(HEADER_SEARCH_ROWS)).find_map(|r| {
        let columns: Vec<Column> = (0..grid.width())
            .map(|c| column_of(&one_line(&grid.get(CellRef::new(r, c)).text, Column::Other)))
            .collect();
        let task = columns.contains(&Column::Task);
        let duty = columns.iter().any(|c| matches!(c, Column::Duty(_)));
        (task && duty).then_some((r, columns))
    })
}

/// Whether row `r` holds only a section heading.
fn is_heading(grid: &Grid, r: u32, columns: &[Column]) -> bool {
    let filled: Vec<u32> = (0..columns.len() as u32)
        .filter(|&c| !grid.get(CellRef::new(r, c)).is_blank())
        .collect();
    let [c] = filled[..] else { return false };
    let at = CellRef::new(r, c);
    let across = grid
        .merge_at(at)
        .is_some_and(|m| m.first == at && m.last.col > m.first.col);
    let text = grid.get(at).text.trim();
    let plain_number = text.trim_end_matches(['.', '、']).parse::<u32>().is_ok();
    across || numbered_heading(text) || (columns[c as usize] != Column::Task && !plain_number)
}

/// `一、…`, `（二）…`, `第三部分…`: how a section heading is numbered.
fn numbered_heading(text: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十";
    let t = text.trim_start_matches(['（', '(', '第']);
    let digits = t.chars().take_while(|c| NUMERALS.contains(*c)).count();
    digits > 0
        && t.chars()
            .nth(digits)
            .is_some_and(|c| "、）).部篇章".contains(c))
}

/// The cell text of `(r, c)` as the row's value: a merge's value repeated
/// over the rows it covers except in the number and task columns.
fn value(grid: &Grid, at: CellRef, column: Column) -> String {
    let cell = grid.get(at);
    if !cell.is_blank() {
        return cell.text.clone();
    }
    match grid.merge_at(at) {
        Some(m) if m.first != at && !matches!(column, Column::Number | Column::Task) => {
            grid.get(m.first).text.clone()
        }
        _ => String::new(),
    }
}

/// Reads a plan table sheet into table text.
pub(crate) fn sheet_text(grid: &Grid) -> Result<SheetText, ImportError> {
    let Some((head, columns)) = header_row(grid) else {
        return Err(ImportError::Cell {
            location: grid.location.to_string(),
            text: String::new(),
            problem: msg!(IMP_NO_SHEET_HEADER),
            expected: msg!(IMP_EXP_SHEET_HEADER),
        });
    };
    let mut out = SheetText {
        text: String::new(),
        cells: Vec::new(),
    };
    let mut title = false;
    for r in 0..head {
        let words: Vec<String> = (0..grid.width())
            .map(|c| one_line(&grid.get(CellRef::new(r, c)).text, Column::Task))
            .filter(|t| !t.is_empty())
            .collect();
        if !words.is_empty() {
            out.line(&words.join(" "), CellRef::new(r, 0));
            title = true;
        }
    }
    if !title {
        let stem = std::path::Path::new(&grid.location.file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.line(&stem, CellRef::new(head, 0));
    }
    let header: Vec<String> = (0..columns.len() as u32)
        .map(|c| one_line(&grid.get(CellRef::new(head, c)).text, Column::Other))
        .collect();
    let mut open = false;
    for r in head + 1..grid.height() {
        let first = CellRef::new(r, 0);
        if (0..columns.len() as u32).all(|c| grid.get(CellRef::new(r, c)).is_blank()) {
            continue;
        }
        if is_heading(grid, r, &columns) {
            let text = (0..columns.len() as u32)
                .map(|c| grid.get(CellRef::new(r, c)).text.as_str())
                .collect::<String>();
            out.line("", first);
            out.line(&one_line(&text, Column::Task), first);
            out.line("", first);
            open = false;
            continue;
        }
        if !open {
            let at = CellRef::new(head, 0);
            out.line(&format!("| {} |", header.join(" | ")), at);
            out.line(&format!("|{}", "---|".repeat(columns.len())), at);
            open = true;
        }
        let cells: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(c, &column)| one_line(&value(grid, CellRef::new(r, c as u32), column), column))
            .collect();
        out.line(&format!("| {} |", cells.join(" | ")), first);
    }
    Ok(out)
}

/// A syntax error in the table text, told at its sheet cell instead.
pub(crate) fn at_cell(grid: &Grid, sheet: &SheetText, err: ImportError) -> ImportError {
    let ImportError::Syntax {
        line,
        column,
        problem,
        expected,
        text,
        ..
    } = err
    else {
        return err;
    };
    let Some(&row) = sheet.cells.get(line.saturating_sub(1)) else {
        return ImportError::Syntax {
            file: grid.location.to_string(),
            line,
            column,
            text,
            problem,
            expected,
        };
    };
    let before: String = text.chars().take(column.saturating_sub(1)).collect();
    let bars = before.matches('|').count() as u32;
    let at = if text.trim_start().starts_with('|') {
        CellRef::new(row.row, bars.saturating_sub(1))
    } else {
        row
    };
    ImportError::Cell {
        location: grid.at(at).to_string(),
        text: grid.get(at).text.clone(),
        problem,
        expected,
    }
}

/// The sheet row (1-based) of a line of the table text.
pub(crate) fn row_of(sheet: &SheetText, line: usize) -> usize {
    sheet
        .cells
        .get(line.saturating_sub(1))
        .map_or(line, |c| c.row as usize + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::{Location, Merge};

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid::from_texts(
            Location::new("t.xlsx", Some("表"), None),
            rows.iter().map(|r| r.to_vec()),
        )
    }

    #[test]
    fn title_header_heading_and_rows_become_table_text() {
        let mut g = grid(&[
            &["2025年任务"],
            &["工作任务", "序号", "牵头单位", "责任领导"],
            &["一、发展"],
            &["修路|桥", "1", "市交通局\n市住建局", "王明"],
            &["建园", "2", "", ""],
        ]);
        g.merges.push(Merge {
            first: CellRef::new(3, 3),
            last: CellRef::new(4, 3),
        });
        let t = sheet_text(&g).expect("a header");
        let lines: Vec<&str> = t.text.lines().collect();
        assert_eq!(lines[0], "2025年任务");
        assert_eq!(lines[2], "一、发展");
        assert_eq!(lines[4], "| 工作任务 | 序号 | 牵头单位 | 责任领导 |");
        assert_eq!(lines[6], "| 修路｜桥 | 1 | 市交通局、市住建局 | 王明 |");
        // The merged leader repeats; the blank lead is left to the reader.
        assert_eq!(lines[7], "| 建园 | 2 |  | 王明 |");
        assert_eq!(t.cells[7], CellRef::new(4, 0));
        assert_eq!(row_of(&t, 8), 5);
    }

    #[test]
    fn a_lone_task_cell_continues_and_a_sheet_without_header_is_an_error() {
        let g = grid(&[
            &["序号", "工作任务", "牵头单位"],
            &["1", "修路", "市交通局"],
            &["", "两条", ""],
        ]);
        assert!(!is_heading(&g, 2, &header_row(&g).expect("header").1));
        assert!(numbered_heading("（二）民生") && numbered_heading("第三部分"));
        assert!(!numbered_heading("十分重要的工作") && !numbered_heading("修路"));
        let none = grid(&[&["说明"], &["本表汇总"]]);
        let err = sheet_text(&none).err().expect("no header");
        assert_eq!(
            err.to_string(),
            "t.xlsx!表: no header row; expected a row of column names with a task column (工作任务, 重点工作, 任务内容) and a duty column (牵头单位, 责任单位, 责任领导, 完成时限…)"
        );
    }
}
