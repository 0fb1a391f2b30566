//! The circular as Markdown: masthead, numbered sections, pipe tables,
//! signature and copy list.

use std::io::{self, Write};

use super::rows::{self, Table};
use super::sentences::{self as say, Section};
use super::{Circular, Words};

/// Writes the circular as Markdown.
pub fn write_markdown(c: &Circular, w: &Words, mut out: impl Write) -> io::Result<()> {
    let out = &mut out;
    let dated = say::date(w, c.overview.as_of);
    writeln!(out, "# {}", say::masthead(w))?;
    writeln!(out)?;
    if let Some(number) = say::issue_number(c, w) {
        writeln!(out, "{number}")?;
        writeln!(out)?;
    }
    writeln!(out, "{}", say::issuer_line(c, w))?;
    writeln!(out)?;
    writeln!(out, "---")?;
    writeln!(out)?;
    writeln!(out, "## {}", say::title(c, w))?;
    writeln!(out)?;
    writeln!(out, "{}", say::opening(c, w))?;
    if let Some(scope) = say::scope(c, w) {
        writeln!(out)?;
        writeln!(out, "{scope}")?;
    }

    section(out, Section::Overall, w)?;
    writeln!(out, "{}", say::overall(c, w).join("\n\n"))?;

    section(out, Section::Owed, w)?;
    writeln!(out, "{}", say::owed_intro(c, w))?;
    writeln!(out)?;
    for (unit, tasks) in &c.brief.owed_by_unit {
        writeln!(out, "- {}", say::owed_line(c, w, unit, tasks))?;
    }

    for s in [Section::Urgent, Section::Yellow] {
        section(out, s, w)?;
        listed(out, s, c, w)?;
    }

    section(out, Section::Ranking, w)?;
    writeln!(out, "{}", say::ranking_intro(c, w))?;
    writeln!(out)?;
    listed(out, Section::Ranking, c, w)?;

    section(out, Section::Leaders, w)?;
    for group in &c.groups {
        writeln!(out, "- {}", say::leader_line(w, group))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", say::quiet(c, w))?;

    writeln!(out)?;
    writeln!(out, "{}<br>", c.issuer())?;
    writeln!(out, "{dated}")?;
    if let Some(copy) = say::copy_to(c, w) {
        writeln!(out)?;
        writeln!(out, "---")?;
        writeln!(out)?;
        writeln!(out, "{copy}")?;
    }
    if c.options.full {
        section(out, Section::Full, w)?;
        for group in &c.groups {
            writeln!(out, "#### {}", say::group_title(group, w))?;
            writeln!(out)?;
            table(out, &rows::full(c, group, w))?;
            writeln!(out)?;
        }
    }

    out.flush()
}

fn section(out: &mut impl Write, s: Section, w: &Words) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "### {}", s.heading(w))?;
    writeln!(out)
}

/// A section's table, or the sentence saying it is empty.
fn listed(out: &mut impl Write, s: Section, c: &Circular, w: &Words) -> io::Result<()> {
    match rows::of(s, c, w) {
        Some(t) if !t.rows.is_empty() => table(out, &t),
        _ => writeln!(out, "{}", say::none(s, w)),
    }
}

fn table(out: &mut impl Write, t: &Table) -> io::Result<()> {
    let header: Vec<&str> = t.columns.iter().map(|(name, _)| *name).collect();
    row(out, &header)?;
    writeln!(out, "|{}", "---|".repeat(header.len()))?;
    for r in &t.rows {
        let cells: Vec<&str> = r.cells.iter().map(String::as_str).collect();
        row(out, &cells)?;
    }
    Ok(())
}

/// One table row; `|` and line breaks in cells are escaped.
fn row(out: &mut impl Write, cells: &[&str]) -> io::Result<()> {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| c.replace('|', "\\|").replace(['\n', '\r'], " "))
        .collect();
    writeln!(out, "| {} |", cells.join(" | "))
}
