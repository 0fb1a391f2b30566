//! Tables as text: Markdown (`| 序号 | 工作任务 | 牵头单位 |`) and
//! box-drawing (`│ 1 │ 推进… │ 市发改局 │`), read into one record per task
//! with the columns named by the header.
//!
//! A box-drawing cell spans rows where the separator line below it is
//! blank in its column; its text then belongs to every row it spans. In a
//! Markdown table, which cannot span, an empty leader, lead or deadline
//! cell repeats the one above, and a row with an empty number cell
//! continues the text of the row above (cell text wrapped over lines).

use super::clean::clean_text;
use super::labelled::{Duties, Field, LABELS};

const VERTICAL: [char; 3] = ['│', '┃', '║'];
const JUNCTIONS: &str = "├┼┤┌┬┐└┴┘┠╂┨┏┳┓┗┻┛╠╬╣╔╦╗╚╩╝╟╫╢";
const HORIZONTAL: &str = "─━═-:";

/// Whether a line belongs to a table.
pub(crate) fn is_table_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('|') || t.starts_with(VERTICAL) || t.starts_with(|c| JUNCTIONS.contains(c))
}

/// One task row: where it starts in the document, its number cell, its
/// task text, and the duties its other cells name.
pub(crate) struct Record {
    pub at: usize,
    pub number: String,
    pub text: String,
    pub duties: Duties,
}

/// What a column holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    Number,
    Task,
    Duty(Field),
    Other,
}

pub(crate) fn column_of(header: &str) -> Column {
    let h: String = crate::script::fold(&clean_text(header))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if let Some((_, f)) = LABELS.iter().find(|(l, _)| h.contains(l)) {
        return Column::Duty(*f);
    }
    if h.contains("序号") || h.contains("编号") {
        Column::Number
    } else if ["任务", "工作", "事项", "内容"]
        .iter()
        .any(|w| h.contains(w))
    {
        Column::Task
    } else {
        Column::Other
    }
}

/// Cells of a Markdown row, or of a content line of a box table.
fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let inner = t
        .strip_prefix(|c| c == '|' || VERTICAL.contains(&c))
        .unwrap_or(t);
    let inner = inner
        .strip_suffix(|c| c == '|' || VERTICAL.contains(&c))
        .unwrap_or(inner);
    inner
        .split(|c| c == '|' || VERTICAL.contains(&c))
        .map(|c| c.trim().to_string())
        .collect()
}

/// Whether a line only draws: a Markdown `|---|` or a box separator.
fn is_rule(line: &str) -> bool {
    line.trim().chars().all(|c| {
        c.is_whitespace()
            || c == '|'
            || VERTICAL.contains(&c)
            || JUNCTIONS.contains(c)
            || HORIZONTAL.contains(c)
    })
}

/// Whether a box line is a separator: it has junctions (`├──┼`).
fn is_separator(line: &str) -> bool {
    line.contains(|c| JUNCTIONS.contains(c))
}

/// The segments of a box separator between its borders, one per column:
/// a segment drawn with `─` closes its column's cell; any other text in
/// it belongs to a cell that spans on.
fn segments(line: &str) -> Vec<&str> {
    let parts: Vec<&str> = line
        .trim()
        .split(|c: char| JUNCTIONS.contains(c) || VERTICAL.contains(&c))
        .collect();
    let end = parts.len().saturating_sub(1).max(1);
    parts[1.min(parts.len())..end].to_vec()
}

fn is_drawn(segment: &str) -> bool {
    segment.contains(|c| HORIZONTAL.contains(c))
        && segment
            .chars()
            .all(|c| c.is_whitespace() || HORIZONTAL.contains(c))
}

/// Reads one table: `lines` are `(offset in the document, line)`.
pub(crate) fn records(lines: &[(usize, &str)]) -> Vec<Record> {
    let boxed = lines
        .iter()
        .any(|(_, l)| l.trim_start().starts_with(VERTICAL));
    let rows = if boxed {
        box_rows(lines)
    } else {
        markdown_rows(lines)
    };
    let Some((_, header)) = rows.first() else {
        return Vec::new();
    };
    let columns: Vec<Column> = header.iter().map(|h| column_of(h)).collect();
    let has_number = columns.contains(&Column::Number);
    let mut out: Vec<Record> = Vec::new();
    let mut above: Vec<String> = Vec::new();
    for (at, row) in rows.into_iter().skip(1) {
        let cell = |k: Column| -> String {
            let parts = columns.iter().zip(&row).filter(|(c, _)| **c == k);
            parts.map(|(_, v)| v.as_str()).collect::<Vec<_>>().join("")
        };
        let number = cell(Column::Number);
        if !boxed
            && has_number
            && number.is_empty()
            && let Some(last) = out.last_mut()
        {
            last.text.push_str(&cell(Column::Task));
            continue_duties(&mut last.duties, &columns, &row);
            continue;
        }
        let mut filled = row.clone();
        if !boxed {
            for (i, c) in columns.iter().enumerate() {
                let repeats = matches!(
                    c,
                    Column::Duty(Field::Leader | Field::Due | Field::Lead | Field::Responsible)
                );
                if repeats && filled.get(i).is_some_and(String::is_empty) {
                    filled[i] = above.get(i).cloned().unwrap_or_default();
                }
            }
        }
        let mut duties = Duties::default();
        for (c, v) in columns.iter().zip(&filled) {
            if let Column::Duty(f) = c {
                duties.set(*f, v);
            }
        }
        above = filled;
        out.push(Record {
            at,
            number,
            text: cell(Column::Task),
            duties,
        });
    }
    out
}

/// A wrapped row's cells continue the row above's lists.
fn continue_duties(duties: &mut Duties, columns: &[Column], row: &[String]) {
    for (c, v) in columns.iter().zip(row) {
        let Column::Duty(f) = c else { continue };
        let list = match f {
            Field::Lead => duties.lead.last_mut(),
            Field::Co => duties.co.last_mut(),
            Field::Responsible => duties.listed.last_mut(),
            Field::Leader => duties.leaders.last_mut(),
            Field::Due => duties.due.as_mut(),
        };
        match list {
            Some(l) => {
                // A complete name before the wrap: the cell lists another.
                let whole = ["局", "委", "办", "中心", "队", "所", "院", "部"];
                if *f != Field::Due && !v.is_empty() && whole.iter().any(|e| l.ends_with(e)) {
                    l.push('、');
                }
                l.push_str(v);
            }
            None => duties.set(*f, v),
        }
    }
}

fn markdown_rows(lines: &[(usize, &str)]) -> Vec<(usize, Vec<String>)> {
    lines
        .iter()
        .filter(|(_, l)| !is_rule(l))
        .map(|&(at, l)| (at, cells(l)))
        .collect()
}

/// Rows of a box table: the lines between separators joined per column,
/// a cell that spans rows repeated in each.
fn box_rows(lines: &[(usize, &str)]) -> Vec<(usize, Vec<String>)> {
    let width = lines
        .iter()
        .filter(|(_, l)| !is_separator(l))
        .map(|(_, l)| cells(l).len())
        .max()
        .unwrap_or(0);
    // Cells: (text, first row, last row); open[i] is column i's cell.
    let mut done: Vec<(usize, String, usize, usize)> = Vec::new();
    let mut open: Vec<Option<(String, usize)>> = vec![None; width];
    let mut starts: Vec<usize> = Vec::new();
    let mut row_has_text = false;
    for &(at, line) in lines {
        if is_separator(line) {
            if !row_has_text {
                continue;
            }
            let segs = segments(line);
            let row = starts.len() - 1;
            for (i, cell) in open.iter_mut().enumerate() {
                let seg = segs.get(i).copied().unwrap_or("─");
                if !is_drawn(seg) {
                    let text = seg.trim();
                    if !text.is_empty() {
                        cell.get_or_insert_with(|| (String::new(), row))
                            .0
                            .push_str(text);
                    }
                    continue;
                }
                if let Some((text, first)) = cell.take() {
                    done.push((i, text, first, row));
                }
            }
            row_has_text = false;
            continue;
        }
        if !row_has_text {
            starts.push(at);
            row_has_text = true;
        }
        let row = starts.len() - 1;
        for (i, text) in cells(line).into_iter().enumerate().take(width) {
            let cell = open[i].get_or_insert_with(|| (String::new(), row));
            if !text.is_empty() {
                cell.0.push_str(&text);
            }
        }
    }
    let last = starts.len().saturating_sub(1);
    for (i, cell) in open.into_iter().enumerate() {
        if let Some((text, first)) = cell {
            done.push((i, text, first, last));
        }
    }
    let mut rows: Vec<(usize, Vec<String>)> = starts
        .iter()
        .map(|&at| (at, vec![String::new(); width]))
        .collect();
    for (i, text, first, end) in done {
        for row in rows.iter_mut().take(end + 1).skip(first) {
            row.1[i] = text.clone();
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(doc: &str) -> Vec<Record> {
        let lines: Vec<(usize, &str)> = doc.lines().enumerate().collect();
        records(&lines)
    }

    #[test]
    fn markdown_spans_and_wraps() {
        let rs = read(
            "| 序号 | 工作任务 | 责任领导 | 牵头单位 | 配合单位 |\n\
             |---|---|---|---|---|\n\
             | 1 | 建设甲工程 | 张三 | 甲局 | 乙局 |\n\
             |  | 二期 |  |  | 丙局 |\n\
             | 2 | 建设乙工程 |  | 丁局 |  |",
        );
        assert_eq!(rs.len(), 2);
        assert_eq!(rs[0].text, "建设甲工程二期");
        assert_eq!(rs[0].duties.co, ["乙局、丙局"]);
        assert_eq!(rs[1].duties.leaders, ["张三"]);
    }

    #[test]
    fn box_cells_span_rows() {
        let rs = read(
            "┌──┬────────┬────┐\n\
             │序号│工作任务│责任领导│\n\
             ├──┼────────┼────┤\n\
             │1 │建设甲工程│    │\n\
             ├──┼────────┤张三│\n\
             │2 │建设乙  │    │\n\
             │  │工程    │    │\n\
             └──┴────────┴────┘",
        );
        assert_eq!(rs.len(), 2);
        assert_eq!(rs[1].text, "建设乙工程");
        assert_eq!(rs[0].duties.leaders, ["张三"]);
        assert_eq!(rs[1].duties.leaders, ["张三"]);
    }
}
