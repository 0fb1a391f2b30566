//! Documents without leader headings: numbered lines, labelled lines,
//! parentheticals and tables read into tasks under section headings.
//!
//! Every numbered line (and every table row) is an item. The numbering
//! style whose items name units most often marks the tasks; styles that
//! first appear before it are section headings, styles after it are a
//! task's sub-items (`△`, `(1)…(4)`). Numbers may restart per section or
//! run through the document: they are not counted.

use std::collections::HashMap;

use super::ImportError;
use super::clean::clean_text;
use super::doc::Doc;
use super::labelled::{Duties, first_label, labelled, trailing};
use super::outline::{Style, is_noise, numbered};
use super::table::{Record, is_table_line, records};
use crate::messages::import::{
    IMP_EXP_UNITS, IMP_NO_TASK_UNITS, IMP_SUBITEM_FIRST, IMP_TASK_NO_UNIT,
};
use crate::msg;

/// A task as the document writes it, before units are resolved.
pub(crate) struct RawTask {
    /// Offset in `Doc::text` of the task's number.
    pub at: usize,
    pub section: Vec<String>,
    pub text: String,
    pub duties: Duties,
}

/// The tasks and the line where the body starts (the front matter is
/// what comes before).
pub(crate) struct Body {
    pub front_end: usize,
    pub tasks: Vec<RawTask>,
}

struct Item {
    style: Style,
    at: usize,
    number: String,
    text: String,
    labels: String,
    /// Duties read from table cells.
    cells: Option<Duties>,
}

impl Item {
    fn duties(&self) -> (String, Duties) {
        let mut duties = self.cells.clone().unwrap_or_default();
        if let Some(d) = labelled(&self.labels) {
            duties.merge(d);
        }
        let mut text = clean_text(&self.text);
        if let Some((before, d)) = trailing(&text) {
            let before = before.trim_end().to_string();
            duties.merge(d);
            text = before;
        }
        (text, duties)
    }
}

/// Reads the items of `doc`: numbered lines with their continuation and
/// labelled lines, and table rows.
fn items(doc: &Doc) -> (Vec<Item>, Option<usize>) {
    let mut items: Vec<Item> = Vec::new();
    let mut first_line = None;
    let mut i = 0;
    while i < doc.line_count() {
        let raw = doc.line(i);
        let line = raw.trim();
        let at = doc.line_range(i).start + (raw.len() - raw.trim_start().len());
        if is_table_line(line) {
            let mut lines = Vec::new();
            while i < doc.line_count() && is_table_line(doc.line(i).trim()) {
                lines.push((doc.line_range(i).start, doc.line(i)));
                i += 1;
            }
            first_line.get_or_insert(doc.line_of(at));
            items.extend(records(&lines).into_iter().map(row_item));
            continue;
        }
        i += 1;
        if line.starts_with("抄送") || line.starts_with("印发") {
            break;
        }
        if line.is_empty() || is_noise(line) {
            continue;
        }
        if let Some((style, len)) = numbered(line) {
            first_line.get_or_insert(i - 1);
            let rest = &line[len..];
            let split = first_label(rest).unwrap_or(rest.len());
            items.push(Item {
                style,
                at,
                number: line[..len].to_string(),
                text: rest[..split].to_string(),
                labels: rest[split..].to_string(),
                cells: None,
            });
            continue;
        }
        let Some(item) = items.last_mut() else {
            continue;
        };
        if !item.labels.is_empty() {
            let sep = if first_label(line) == Some(0) {
                "；"
            } else {
                ""
            };
            item.labels.push_str(sep);
            item.labels.push_str(line);
        } else {
            let split = first_label(line).unwrap_or(line.len());
            item.text.push('\n');
            item.text.push_str(&line[..split]);
            item.labels.push_str(&line[split..]);
        }
    }
    (items, first_line)
}

fn row_item(r: Record) -> Item {
    let style = match numbered(&r.text) {
        Some((style, _)) if r.duties.is_empty() && r.number.is_empty() => style,
        _ => Style::Row,
    };
    Item {
        style,
        at: r.at,
        number: r.number,
        text: r.text,
        labels: String::new(),
        cells: Some(r.duties),
    }
}

/// The style marking tasks: the one whose items name units most often,
/// the deeper one on a tie. Also returns each style's rank (order of first
/// appearance).
fn task_style(items: &[(Style, bool)]) -> Option<(Style, HashMap<Style, usize>)> {
    let mut rank = HashMap::new();
    let mut carrying: HashMap<Style, usize> = HashMap::new();
    for (style, carries) in items {
        let next = rank.len();
        rank.entry(*style).or_insert(next);
        if *carries {
            *carrying.entry(*style).or_default() += 1;
        }
    }
    let best = carrying
        .iter()
        .max_by_key(|(s, n)| (**n, rank[*s]))
        .map(|(s, _)| *s)?;
    Some((best, rank))
}

/// Reads a document without leader headings.
pub(crate) fn read(doc: &Doc) -> Result<Body, ImportError> {
    let (items, first_line) = items(doc);
    let read: Vec<(String, Duties)> = items.iter().map(Item::duties).collect();
    let shapes: Vec<(Style, bool)> = items
        .iter()
        .zip(&read)
        .map(|(it, (_, d))| (it.style, !d.is_empty()))
        .collect();
    let Some((task, rank)) = task_style(&shapes) else {
        return Err(doc.error_text(
            items.first().map_or(0, |it| it.at),
            msg!(IMP_NO_TASK_UNITS),
            msg!(IMP_EXP_UNITS),
        ));
    };
    let task_rank = rank[&task];
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut tasks: Vec<RawTask> = Vec::new();
    for (item, (text, duties)) in items.iter().zip(read) {
        let r = rank[&item.style];
        if r < task_rank {
            stack.retain(|(k, _)| *k < r);
            let first = item.text.lines().next().unwrap_or_default();
            let heading = clean_text(&format!("{}{first}", item.number));
            stack.push((r, heading.trim_end_matches([':', '：']).to_string()));
        } else if r == task_rank {
            if duties.is_empty() {
                return Err(doc.error_text(item.at, msg!(IMP_TASK_NO_UNIT), msg!(IMP_EXP_UNITS)));
            }
            let mut duties = duties;
            duties.settle();
            tasks.push(RawTask {
                at: item.at,
                section: stack.iter().map(|(_, h)| h.clone()).collect(),
                text,
                duties,
            });
        } else {
            let Some(t) = tasks.last_mut() else {
                return Err(doc.error_text(item.at, msg!(IMP_SUBITEM_FIRST), msg!(IMP_EXP_UNITS)));
            };
            t.text
                .push_str(&clean_text(&format!("{}{}", item.number, text)));
            if !duties.is_empty() {
                let mut duties = duties;
                duties.settle();
                t.duties.merge(duties);
            }
        }
    }
    Ok(Body {
        front_end: first_line.unwrap_or(0),
        tasks,
    })
}
