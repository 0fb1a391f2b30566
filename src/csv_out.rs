//! The one CSV writer behind every CSV duban writes (`export --format csv`,
//! `report --format csv`): RFC 4180 quoting from the `csv` crate, and cells
//! that a spreadsheet would run as a formula neutralised.
//!
//! A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
//! (OWASP's list for CSV injection) gets a `'` in front, so a note such as
//! `=HYPERLINK(...)` shows as text; a cell that is just a number (`-3`) is
//! left as it is. Anything every CSV should have (a byte-order mark, header
//! wording) belongs here too.

use std::borrow::Cow;
use std::io::Write;

/// Writes rows of text cells as CSV.
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<W>,
}

impl<W: Write> CsvWriter<W> {
    pub fn new(out: W) -> CsvWriter<W> {
        CsvWriter {
            inner: csv::Writer::from_writer(out),
        }
    }

    /// Writes one row, each cell neutralised.
    pub fn row<I, S>(&mut self, cells: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let cells: Vec<String> = cells
            .into_iter()
            .map(|c| neutralise(c.as_ref()).into_owned())
            .collect();
        self.inner.write_record(&cells)
    }

    /// Flushes what is buffered.
    pub fn finish(mut self) -> csv::Result<()> {
        self.inner.flush()?;
        Ok(())
    }
}

/// A cell a spreadsheet will show as text, never run as a formula.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !matches!(cell.trim().parse::<f64>(), Ok(v) if v.is_finite()) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_numbers_kept() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x.example\",\"click\")"),
            "'=HYPERLINK(\"http://x.example\",\"click\")"
        );
        for risky in [
            "+1+1",
            "-1+cmd|' /C calc'!A0",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "-inf",
        ] {
            assert!(neutralise(risky).starts_with('\''), "{risky}");
        }
        for plain in ["-3", "+5", "40", "完成征地", "", "1e3"] {
            assert_eq!(neutralise(plain), plain);
        }
    }
}
