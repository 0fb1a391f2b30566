//! The circular as one self-contained HTML page: inline CSS, no scripts,
//! no external resources; lights in colour on screen and on paper.

use std::io::{self, Write};

use super::markdown::{TASK_COLUMNS, as_of_line, group_title, heading, scope};
use super::{Circular, Group, Words, clip, one_decimal, targets_cell};
use crate::lights::{Assessed, Light};

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif;
  margin: 2em auto; max-width: 75em; padding: 0 1em; color: #111; line-height: 1.5; }
h1 { font-size: 1.5em; text-align: center; margin-bottom: 0.2em; }
h2 { font-size: 1.15em; border-bottom: 2px solid #333; padding-bottom: 0.15em; margin-top: 1.6em; }
p.meta { text-align: center; color: #444; margin-top: 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid #999; padding: 0.25em 0.45em; vertical-align: top; text-align: left; }
th { background: #eee; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
td.id, td.date, td.status { white-space: nowrap; }
.light { display: inline-block; min-width: 3.2em; text-align: center; border-radius: 0.3em;
  padding: 0 0.3em; font-weight: bold; white-space: nowrap; }
.light.red { background: #d32f2f; color: #fff; }
.light.yellow { background: #f9c80e; color: #000; }
.light.green { background: #2e7d32; color: #fff; }
.light.grey { background: #9e9e9e; color: #fff; }
.light.magenta { background: #8e24aa; color: #fff; }
.light.blue { background: #1565c0; color: #fff; }
tr.red td { background: #fdecea; }
section.red-items h2 { color: #b71c1c; border-color: #b71c1c; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
"#;

/// Writes the circular as an HTML page.
pub fn write_html(c: &Circular, w: &Words, mut out: impl Write) -> io::Result<()> {
    let o = &c.overview;
    let plan = &c.data.plan;
    let lang = if w.english { "en" } else { "zh-CN" };
    let title = heading(c, w);
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"{lang}\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(out, "<title>{}</title>", esc(&title))?;
    writeln!(out, "<style>{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<h1>{}</h1>", esc(&title))?;
    writeln!(
        out,
        "<p class=\"meta\">{} {}<br>{}</p>",
        esc(&plan.issuer),
        esc(&plan.doc_number),
        esc(&as_of_line(c, w))
    )?;
    if let Some(scope) = scope(c, w) {
        writeln!(out, "<p class=\"meta\">{}</p>", esc(&scope))?;
    }
    writeln!(out, "<section id=\"overall\">")?;
    writeln!(out, "<h2>{}</h2>", w.overall)?;
    writeln!(out, "<p>{}</p>", summary(w, &o.overall))?;
    writeln!(
        out,
        "<p>{}:{}</p>",
        w.thresholds,
        esc(&w.rule(&o.thresholds))
    )?;
    writeln!(out, "</section>")?;
    write_red(&mut out, c, w)?;
    for group in &c.groups {
        write_group(&mut out, c, group, w)?;
    }
    write_units(&mut out, c, w)?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")?;
    out.flush()
}

fn summary(w: &Words, s: &crate::lights::Standing) -> String {
    let lights: Vec<String> = Light::ALL
        .iter()
        .map(|&l| format!("{} {}", badge(w, l), s.tally.count(l)))
        .collect();
    format!(
        "{} {}:{};{} {}%",
        w.tasks_total,
        s.total(),
        lights.join(" "),
        w.mean_percent,
        one_decimal(s.mean_percent)
    )
}

/// `<span class="light red">红灯</span>`: colour and label together.
fn badge(w: &Words, light: Light) -> String {
    format!(
        "<span class=\"light {}\">{}</span>",
        light.colour(),
        w.light(light)
    )
}

fn write_red(out: &mut impl Write, c: &Circular, w: &Words) -> io::Result<()> {
    writeln!(out, "<section class=\"red-items\" id=\"red-items\">")?;
    writeln!(out, "<h2>{}</h2>", w.red_items)?;
    let red: Vec<&Assessed> = c.red().collect();
    if red.is_empty() {
        writeln!(out, "<p>{}</p>", w.no_red_items)?;
    } else {
        writeln!(out, "<table>")?;
        head(
            out,
            &[w.id, w.leader, w.task, w.percent, w.reason, w.lead_units],
        )?;
        writeln!(out, "<tbody>")?;
        for a in red {
            writeln!(
                out,
                "<tr class=\"red\"><td class=\"id\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
                esc(&a.task.id),
                esc(c.leader_name(a.task)),
                esc(&clip(a.task.headline(), TASK_COLUMNS)),
                a.percent(),
                esc(&w.reason(a.reason)),
                esc(&a.task.lead.join("、"))
            )?;
        }
        writeln!(out, "</tbody>")?;
        writeln!(out, "</table>")?;
    }
    writeln!(out, "</section>")
}

fn write_group(out: &mut impl Write, c: &Circular, group: &Group, w: &Words) -> io::Result<()> {
    let id = group.leader.map_or("no-leader", |l| l.id.as_str());
    writeln!(out, "<section class=\"leader\" id=\"leader-{}\">", esc(id))?;
    writeln!(out, "<h2>{}</h2>", esc(&group_title(group, w)))?;
    writeln!(out, "<p>{}</p>", summary(w, &group.standing))?;
    writeln!(out, "<table>")?;
    head(
        out,
        &[
            w.id, w.light, w.percent, w.status, w.date, w.task, w.note, w.targets,
        ],
    )?;
    writeln!(out, "<tbody>")?;
    for a in group.tasks.iter().filter_map(|&i| c.task(i)) {
        let e = a.entry;
        writeln!(
            out,
            "<tr class=\"{}\"><td class=\"id\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"status\">{}</td><td class=\"date\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            a.light.as_str(),
            esc(&a.task.id),
            badge(w, a.light),
            a.percent(),
            e.map_or("", |e| w.status(e.status)),
            e.map_or(String::new(), |e| e.date.to_string()),
            esc(&clip(a.task.headline(), TASK_COLUMNS)),
            esc(e.map_or("", |e| e.note.as_str())),
            esc(&targets_cell(a.task, e, w))
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</section>")
}

fn write_units(out: &mut impl Write, c: &Circular, w: &Words) -> io::Result<()> {
    writeln!(out, "<section id=\"units\">")?;
    writeln!(out, "<h2>{}</h2>", w.unit_totals)?;
    writeln!(out, "<table>")?;
    let mut header = vec![w.unit, w.lead_duties];
    header.extend(Light::ALL.iter().map(|&l| w.light(l)));
    header.extend([w.mean_percent, w.stale, w.last_update]);
    head(out, &header)?;
    writeln!(out, "<tbody>")?;
    for s in &c.overview.units {
        write!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td>",
            esc(&s.key),
            s.total()
        )?;
        for l in Light::ALL {
            write!(out, "<td class=\"num\">{}</td>", s.tally.count(l))?;
        }
        writeln!(
            out,
            "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"date\">{}</td></tr>",
            one_decimal(s.mean_percent),
            s.stale,
            s.last_update.map_or(String::new(), |d| d.to_string())
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</section>")
}

fn head(out: &mut impl Write, cells: &[&str]) -> io::Result<()> {
    write!(out, "<thead><tr>")?;
    for c in cells {
        write!(out, "<th>{}</th>", esc(c))?;
    }
    writeln!(out, "</tr></thead>")
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
