//! The circular as one self-contained HTML page in official-document
//! form: inline CSS, no scripts, no external resources; lights in colour
//! on screen and on paper. Printed (or turned into PDF) it is A4 with page
//! numbers.

use std::io::{self, Write};

use super::rows::{self, Kind, Table};
use super::sentences::{self as say, Section};
use super::style::STYLE;
use super::{Circular, Words};

/// Writes the circular as an HTML page.
pub fn write_html(c: &Circular, w: &Words, mut out: impl Write) -> io::Result<()> {
    let out = &mut out;
    let lang = if w.english { "en" } else { "zh-CN" };
    let title = say::title(c, w);
    let dated = say::date(w, c.overview.as_of);
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"{lang}\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(out, "<title>{}</title>", esc(&title))?;
    writeln!(out, "<style>{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1 class=\"masthead\">{}</h1>", say::masthead(w))?;
    if let Some(number) = say::issue_number(c, w) {
        writeln!(out, "<p class=\"issue\">{}</p>", esc(&number))?;
    }
    writeln!(
        out,
        "<p class=\"issuer-line\"><span>{}</span><span>{}</span></p>",
        esc(c.issuer()),
        esc(&dated)
    )?;
    writeln!(out, "<hr class=\"red-rule\">")?;
    writeln!(out, "</header>")?;
    writeln!(out, "<h2 class=\"title\">{}</h2>", esc(&title))?;
    writeln!(out, "<p>{}</p>", esc(&say::opening(c, w)))?;
    if let Some(scope) = say::scope(c, w) {
        writeln!(out, "<p>{}</p>", esc(&scope))?;
    }

    open(out, "overall", "", Section::Overall, w)?;
    for line in say::overall(c, w) {
        writeln!(out, "<p>{}</p>", esc(&line))?;
    }
    writeln!(out, "</section>")?;

    open(out, "owed", "", Section::Owed, w)?;
    writeln!(out, "<p>{}</p>", esc(&say::owed_intro(c, w)))?;
    if !c.brief.owed_by_unit.is_empty() {
        pair(out, &rows::owed(c, w))?;
    }
    writeln!(out, "</section>")?;

    for (id, s) in [("urgent", Section::Urgent), ("yellow", Section::Yellow)] {
        open(out, id, "", s, w)?;
        listed(out, s, c, w)?;
        writeln!(out, "</section>")?;
    }

    open(out, "ranking", "", Section::Ranking, w)?;
    writeln!(out, "<p>{}</p>", esc(&say::ranking_intro(c, w)))?;
    match rows::of(Section::Ranking, c, w) {
        Some(t) if !t.rows.is_empty() => pair(out, &t)?,
        _ => writeln!(out, "<p>{}</p>", esc(say::none(Section::Ranking, w)))?,
    }
    writeln!(out, "</section>")?;

    open(out, "leaders", "", Section::Leaders, w)?;
    for group in &c.groups {
        writeln!(
            out,
            "<p class=\"line\">{}</p>",
            esc(&say::leader_line(w, group))
        )?;
    }
    writeln!(out, "<p>{}</p>", esc(&say::quiet(c, w)))?;
    writeln!(out, "</section>")?;

    writeln!(out, "<div class=\"signature\">")?;
    writeln!(out, "<p>{}</p>", esc(c.issuer()))?;
    writeln!(out, "<p>{}</p>", esc(&dated))?;
    writeln!(out, "</div>")?;
    if let Some(copy) = say::copy_to(c, w) {
        writeln!(out, "<footer class=\"copy\"><p>{}</p></footer>", esc(&copy))?;
    }
    if c.options.full {
        open(out, "full", "wide", Section::Full, w)?;
        for group in &c.groups {
            let id = group.leader.map_or("no-leader", |l| l.id.as_str());
            writeln!(
                out,
                "<h4 id=\"leader-{}\">{}</h4>",
                esc(id),
                esc(&say::group_title(group, w))
            )?;
            table(out, &rows::full(c, group, w))?;
        }
        writeln!(out, "</section>")?;
    }

    writeln!(out, "</body>")?;
    writeln!(out, "</html>")?;
    out.flush()
}

fn open(out: &mut impl Write, id: &str, class: &str, s: Section, w: &Words) -> io::Result<()> {
    if class.is_empty() {
        writeln!(out, "<section id=\"{id}\">")?;
    } else {
        writeln!(out, "<section id=\"{id}\" class=\"{class}\">")?;
    }
    writeln!(out, "<h3>{}</h3>", esc(&s.heading(w)))
}

/// A section's table, or the sentence saying it is empty.
fn listed(out: &mut impl Write, s: Section, c: &Circular, w: &Words) -> io::Result<()> {
    match rows::of(s, c, w) {
        Some(t) if !t.rows.is_empty() => table(out, &t),
        _ => writeln!(out, "<p>{}</p>", esc(say::none(s, w))),
    }
}

/// A long list of short rows as two tables side by side, top half left.
fn pair(out: &mut impl Write, t: &Table) -> io::Result<()> {
    let half = t.rows.len().div_ceil(2);
    let (left, right) = t.rows.split_at(half);
    writeln!(out, "<div class=\"pair\">")?;
    for rows in [left, right] {
        table(
            out,
            &Table {
                columns: t.columns.clone(),
                rows: rows.to_vec(),
            },
        )?;
    }
    writeln!(out, "</div>")
}

fn table(out: &mut impl Write, t: &Table) -> io::Result<()> {
    writeln!(out, "<table>")?;
    write!(out, "<thead><tr>")?;
    for (name, _) in &t.columns {
        write!(out, "<th>{}</th>", esc(name))?;
    }
    writeln!(out, "</tr></thead>")?;
    writeln!(out, "<tbody>")?;
    for r in &t.rows {
        match r.light {
            Some(l) => write!(out, "<tr class=\"{}\">", l.as_str())?,
            None => write!(out, "<tr>")?,
        }
        for ((_, kind), cell) in t.columns.iter().zip(&r.cells) {
            match (kind, r.light) {
                (Kind::Light, Some(l)) => write!(
                    out,
                    "<td class=\"short\"><span class=\"light {}\">{}</span></td>",
                    l.colour(),
                    esc(cell)
                )?,
                (Kind::Num, _) => write!(out, "<td class=\"num\">{}</td>", esc(cell))?,
                (Kind::Short | Kind::Light, _) => {
                    write!(out, "<td class=\"short\">{}</td>", esc(cell))?
                }
                (Kind::Text, _) => write!(out, "<td>{}</td>", esc(cell))?,
                (Kind::Phrase, _) => write!(out, "<td class=\"phrase\">{}</td>", esc(cell))?,
            }
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")
}

/// Text escaped for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
