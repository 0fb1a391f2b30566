//! A1 cell references and the `file!sheet!cell` location of a problem.

use std::fmt;

/// A cell's position, 0-based (`row` 0, `col` 0 is `A1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellRef {
    pub row: u32,
    pub col: u32,
}

impl CellRef {
    pub fn new(row: u32, col: u32) -> CellRef {
        CellRef { row, col }
    }

    /// Parses `B3` (letters then a 1-based row number, any case).
    pub fn parse(text: &str) -> Option<CellRef> {
        let text = text.trim();
        let split = text.find(|c: char| c.is_ascii_digit())?;
        let (letters, digits) = text.split_at(split);
        if letters.is_empty() || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        let mut col: u32 = 0;
        for c in letters.chars() {
            let v = c.to_ascii_uppercase() as u32 - 'A' as u32 + 1;
            col = col.checked_mul(26)?.checked_add(v)?;
        }
        let row: u32 = digits.parse().ok()?;
        if row == 0 {
            return None;
        }
        Some(CellRef::new(row - 1, col - 1))
    }
}

/// Column letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letters(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", column_letters(self.col), self.row as u64 + 1)
    }
}

/// Where a problem is: `file!sheet!B3`, `file!sheet` for a whole sheet,
/// `file!B3` for a CSV file (which has no sheet names).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    pub file: String,
    pub sheet: Option<String>,
    pub cell: Option<CellRef>,
}

impl Location {
    pub fn new(file: impl Into<String>, sheet: Option<&str>, cell: Option<CellRef>) -> Location {
        Location {
            file: file.into(),
            sheet: sheet.map(str::to_string),
            cell,
        }
    }

    /// The same sheet, at `cell`.
    pub fn at(&self, cell: CellRef) -> Location {
        Location {
            cell: Some(cell),
            ..self.clone()
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, "!{sheet}")?;
        }
        if let Some(cell) = self.cell {
            write!(f, "!{cell}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_print_and_parse_both_ways() {
        for (row, col, text) in [(0, 0, "A1"), (2, 1, "B3"), (9, 25, "Z10"), (0, 26, "AA1")] {
            let cell = CellRef::new(row, col);
            assert_eq!(cell.to_string(), text);
            assert_eq!(CellRef::parse(text), Some(cell));
        }
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        for bad in ["", "A", "3", "A0", "3A", "Ä1"] {
            assert_eq!(CellRef::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn locations_name_file_sheet_and_cell() {
        let here = Location::new("计划.xlsx", Some("分工"), None);
        assert_eq!(here.to_string(), "计划.xlsx!分工");
        assert_eq!(here.at(CellRef::new(3, 2)).to_string(), "计划.xlsx!分工!C4");
        let csv = Location::new("plan.csv", None, Some(CellRef::new(0, 1)));
        assert_eq!(csv.to_string(), "plan.csv!B1");
    }
}
