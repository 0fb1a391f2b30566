//! One sheet as read: the text of every cell at its sheet position, and the
//! merged-cell ranges.

use chrono::NaiveDate;

use super::cell::{CellRef, Location};

/// What a cell held, beyond its text.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum CellKind {
    #[default]
    Empty,
    Text,
    Number(f64),
    /// A date (a date-formatted number in xlsx/xls, a date value in ods).
    Date(NaiveDate),
    Bool(bool),
    /// An error value such as `#DIV/0!`.
    Error,
}

/// One cell: its text as a reader would see it (numbers without a spurious
/// `.0`, dates as `YYYY-MM-DD`) and what kind of value it was.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub text: String,
    pub kind: CellKind,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        let text = text.into();
        let kind = if text.is_empty() {
            CellKind::Empty
        } else {
            CellKind::Text
        };
        Cell { text, kind }
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// A merged range, first and last cell inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first: CellRef,
    pub last: CellRef,
}

impl Merge {
    pub fn contains(&self, at: CellRef) -> bool {
        (self.first.row..=self.last.row).contains(&at.row)
            && (self.first.col..=self.last.col).contains(&at.col)
    }
}

/// A sheet: rows of cells at their sheet positions (row 0 is sheet row 1;
/// rows may be shorter than others), and its merged ranges.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    /// Where the sheet came from, for errors (`file!sheet`).
    pub location: Location,
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<Merge>,
}

static EMPTY: Cell = Cell {
    text: String::new(),
    kind: CellKind::Empty,
};

impl Grid {
    /// The cell at `at`, empty beyond the sheet's used range. A cell
    /// covered by a merge is empty here; see [`Grid::merged`].
    pub fn get(&self, at: CellRef) -> &Cell {
        self.rows
            .get(at.row as usize)
            .and_then(|r| r.get(at.col as usize))
            .unwrap_or(&EMPTY)
    }

    /// The cell at `at`, or the first cell of the merge covering it.
    pub fn merged(&self, at: CellRef) -> &Cell {
        match self.merges.iter().find(|m| m.contains(at)) {
            Some(m) => self.get(m.first),
            None => self.get(at),
        }
    }

    /// The merge covering `at`, if any.
    pub fn merge_at(&self, at: CellRef) -> Option<&Merge> {
        self.merges.iter().find(|m| m.contains(at))
    }

    /// Number of rows (up to the last used one).
    pub fn height(&self) -> u32 {
        self.rows.len() as u32
    }

    /// Number of columns (of the widest row).
    pub fn width(&self) -> u32 {
        self.rows.iter().map(Vec::len).max().unwrap_or(0) as u32
    }

    /// Where `at` is: `file!sheet!B3`.
    pub fn at(&self, at: CellRef) -> Location {
        self.location.at(at)
    }

    /// Builds a grid from rows of texts (CSV, tests).
    pub fn from_texts<R, C, S>(location: Location, rows: R) -> Grid
    where
        R: IntoIterator<Item = C>,
        C: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let rows = rows
            .into_iter()
            .map(|r| r.into_iter().map(|c| Cell::text(c)).collect())
            .collect();
        Grid {
            location,
            rows,
            merges: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merged_cell_reads_as_its_first_cell() {
        let mut grid = Grid::from_texts(
            Location::new("f.xlsx", Some("S"), None),
            [vec!["领导", "工作"], vec!["", "二"], vec!["", "三"]],
        );
        grid.merges.push(Merge {
            first: CellRef::new(0, 0),
            last: CellRef::new(2, 0),
        });
        assert_eq!(grid.merged(CellRef::new(2, 0)).text, "领导");
        assert_eq!(grid.get(CellRef::new(2, 0)).text, "");
        assert_eq!(grid.merged(CellRef::new(2, 1)).text, "三");
        assert_eq!(grid.get(CellRef::new(40, 40)).text, "");
        assert_eq!((grid.height(), grid.width()), (3, 2));
        assert_eq!(grid.at(CellRef::new(1, 1)).to_string(), "f.xlsx!S!B2");
    }
}
