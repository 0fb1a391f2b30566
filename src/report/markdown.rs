//! The circular as Markdown: headings per leader, pipe tables.

use std::io::{self, Write};

use super::{Circular, Group, Words, clip, notes_cell, one_decimal, targets_cell};
use crate::lights::Assessed;

/// Task text is clipped to this many display columns in tables.
pub(super) const TASK_COLUMNS: usize = 60;

/// Writes the circular as Markdown.
pub fn write_markdown(c: &Circular, w: &Words, mut out: impl Write) -> io::Result<()> {
    let o = &c.overview;
    let plan = &c.data.plan;
    writeln!(out, "# {}", heading(c, w))?;
    writeln!(out)?;
    writeln!(
        out,
        "{} {}。{}。",
        plan.issuer,
        plan.doc_number,
        as_of_line(c, w)
    )?;
    if let Some(scope) = scope(c, w) {
        writeln!(out)?;
        writeln!(out, "{scope}")?;
    }
    writeln!(out)?;
    writeln!(out, "## {}", w.overall)?;
    writeln!(out)?;
    writeln!(
        out,
        "{} {}:{};{} {}%。",
        w.tasks_total,
        o.overall.total(),
        w.tally(&o.overall.tally),
        w.mean_percent,
        one_decimal(o.overall.mean_percent)
    )?;
    writeln!(out)?;
    writeln!(out, "{}:{}", w.thresholds, w.rule(&o.thresholds))?;
    writeln!(out)?;
    writeln!(out, "## {}", w.red_items)?;
    writeln!(out)?;
    let red: Vec<&Assessed> = c.red().collect();
    if red.is_empty() {
        writeln!(out, "{}", w.no_red_items)?;
    } else {
        row(
            &mut out,
            &[w.id, w.leader, w.task, w.percent, w.reason, w.lead_units],
        )?;
        rule(&mut out, 6)?;
        for a in red {
            row(
                &mut out,
                &[
                    &a.task.id,
                    c.leader_name(a.task),
                    &clip(a.task.headline(), TASK_COLUMNS),
                    &a.percent().to_string(),
                    &w.reason(a.reason),
                    &a.task.lead.join("、"),
                ],
            )?;
        }
    }
    for group in &c.groups {
        write_group(&mut out, c, group, w)?;
    }
    writeln!(out)?;
    writeln!(out, "## {}", w.unit_totals)?;
    writeln!(out)?;
    let mut header = vec![w.unit, w.lead_duties];
    header.extend(crate::lights::Light::ALL.iter().map(|&l| w.light(l)));
    header.extend([w.mean_percent, w.stale, w.last_update]);
    row(&mut out, &header)?;
    rule(&mut out, header.len())?;
    for s in &o.units {
        let mut cells = vec![s.key.clone(), s.total().to_string()];
        cells.extend(
            crate::lights::Light::ALL
                .iter()
                .map(|&l| s.tally.count(l).to_string()),
        );
        cells.push(one_decimal(s.mean_percent));
        cells.push(s.stale.to_string());
        cells.push(s.last_update.map_or(String::new(), |d| d.to_string()));
        let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
        row(&mut out, &refs)?;
    }
    out.flush()
}

/// `截至 2023-06-30,时序进度 49.6%`.
pub(super) fn as_of_line(c: &Circular, w: &Words) -> String {
    format!(
        "{} {},{} {}%",
        w.as_of,
        c.overview.as_of,
        w.expected,
        one_decimal(c.expected())
    )
}

/// `2023年重点工作和民生实事推进情况通报`.
pub(super) fn heading(c: &Circular, w: &Words) -> String {
    if w.english {
        format!("{} {}", c.overview.plan_year, w.title)
    } else {
        format!("{}年{}", c.overview.plan_year, w.title)
    }
}

/// `分管领导:郭锦明;责任单位:市发改局` when the circular is filtered.
pub(super) fn scope(c: &Circular, w: &Words) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(l) = &c.filter.leader {
        parts.push(format!("{}:{}", w.filter_leader, l));
    }
    if let Some(u) = &c.filter.unit {
        parts.push(format!("{}:{}", w.filter_unit, u));
    }
    (!parts.is_empty()).then(|| parts.join(";"))
}

/// `郭锦明(常务副市长)`, or the no-leader heading.
pub(super) fn group_title(group: &Group, w: &Words) -> String {
    match group.leader {
        Some(l) if w.english => format!("{} ({}, {})", l.name, l.title, l.id),
        Some(l) => format!("{}({})", l.name, l.title),
        None => w.no_leader.to_string(),
    }
}

fn write_group(out: &mut impl Write, c: &Circular, group: &Group, w: &Words) -> io::Result<()> {
    let s = &group.standing;
    writeln!(out)?;
    writeln!(out, "## {}", group_title(group, w))?;
    writeln!(out)?;
    writeln!(
        out,
        "{} {}:{};{} {}%。",
        w.tasks_total,
        s.total(),
        w.tally(&s.tally),
        w.mean_percent,
        one_decimal(s.mean_percent)
    )?;
    writeln!(out)?;
    let header = [
        w.id, w.light, w.percent, w.status, w.date, w.task, w.note, w.targets,
    ];
    row(out, &header)?;
    rule(out, header.len())?;
    for a in group.tasks.iter().filter_map(|&i| c.task(i)) {
        let e = a.entry();
        row(
            out,
            &[
                &a.task.id,
                w.light(a.light),
                &a.percent().to_string(),
                e.map_or("", |e| w.status(e.status)),
                &e.map_or(String::new(), |e| e.date.to_string()),
                &clip(a.task.headline(), TASK_COLUMNS),
                &notes_cell(e, w),
                &targets_cell(a.task, e, w),
            ],
        )?;
        for it in c.items(a) {
            row(
                out,
                &[
                    &it.item.id,
                    w.light(it.light),
                    &it.entry.percent.to_string(),
                    w.status(it.entry.status),
                    &it.entry.date.to_string(),
                    &clip(&it.item.text, TASK_COLUMNS),
                    &notes_cell(Some(it.entry), w),
                    "",
                ],
            )?;
        }
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

fn rule(out: &mut impl Write, n: usize) -> io::Result<()> {
    writeln!(out, "|{}", "---|".repeat(n))
}
