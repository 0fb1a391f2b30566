//! The circular's tables as rows of text, for Markdown and HTML alike.
//! Task text is never cut: a printed circular shows it whole.

use super::sentences::{Section, short_date, tidy};
use super::{Circular, Group, Words, notes_cell, one_decimal, targets_cell};
use crate::lights::{Assessed, Light};

/// How a column is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Short and unbroken: IDs, names, dates.
    Short,
    /// Long text that wraps.
    Text,
    /// Right-aligned numbers.
    Num,
    /// The row's light, drawn in its colour.
    Light,
    /// A phrase that may wrap, kept wide enough to read (a reason).
    Phrase,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub light: Option<Light>,
    pub cells: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<(&'static str, Kind)>,
    pub rows: Vec<Row>,
}

fn percent(a: &Assessed) -> String {
    format!("{}%", a.percent())
}

fn leads(w: &Words, a: &Assessed) -> String {
    tidy(w, &a.task.lead.join(if w.english { ", " } else { "、" }))
}

fn note(w: &Words, a: &Assessed) -> String {
    tidy(w, &notes_cell(a.entry(), w))
}

/// Red and overdue items, in full.
pub fn urgent(c: &Circular, w: &Words) -> Table {
    let columns = if w.english {
        vec![
            ("ID", Kind::Short),
            ("Leader", Kind::Short),
            ("Task", Kind::Text),
            ("Lead units", Kind::Phrase),
            ("Progress", Kind::Num),
            ("Why", Kind::Phrase),
            ("Latest note", Kind::Text),
        ]
    } else {
        vec![
            ("编号", Kind::Short),
            ("分管领导", Kind::Short),
            ("事项", Kind::Text),
            ("牵头单位", Kind::Phrase),
            ("进度", Kind::Num),
            ("原因", Kind::Phrase),
            ("最新进展", Kind::Text),
        ]
    };
    let rows = (c.brief.urgent.iter())
        .filter_map(|&i| Some((i, c.task(i)?)))
        .map(|(i, a)| {
            let why = if c.brief.is_overdue(&c.overview, i) {
                overdue_reason(w, a)
            } else {
                w.reason(a.reason)
            };
            Row {
                light: Some(a.light),
                cells: vec![
                    a.task.id.to_string(),
                    c.leader_name(a.task).to_string(),
                    tidy(w, &a.task.text),
                    leads(w, a),
                    percent(a),
                    why,
                    note(w, a),
                ],
            }
        })
        .collect();
    Table { columns, rows }
}

/// `逾期未报（最近报送：3月28日）`.
fn overdue_reason(w: &Words, a: &Assessed) -> String {
    let last = a.entry().map(|e| short_date(w, e.date)).unwrap_or_default();
    if w.english {
        format!("report overdue (last report {last})")
    } else {
        format!("逾期未报（最近报送：{last}）")
    }
}

/// Yellow items.
pub fn yellow(c: &Circular, w: &Words) -> Table {
    let columns = if w.english {
        vec![
            ("ID", Kind::Short),
            ("Task", Kind::Text),
            ("Lead units", Kind::Phrase),
            ("Progress", Kind::Num),
            ("Why", Kind::Phrase),
        ]
    } else {
        vec![
            ("编号", Kind::Short),
            ("事项", Kind::Text),
            ("牵头单位", Kind::Phrase),
            ("进度", Kind::Num),
            ("原因", Kind::Phrase),
        ]
    };
    let rows = (c.brief.yellow.iter())
        .filter_map(|&i| c.task(i))
        .map(|a| Row {
            light: Some(a.light),
            cells: vec![
                a.task.id.to_string(),
                tidy(w, &a.task.text),
                leads(w, a),
                percent(a),
                w.reason(a.reason),
            ],
        })
        .collect();
    Table { columns, rows }
}

/// Lead units owing reports, with what each owes.
pub fn owed(c: &Circular, w: &Words) -> Table {
    let columns = if w.english {
        vec![
            ("Unit", Kind::Phrase),
            ("Owes", Kind::Text),
            ("", Kind::Num),
        ]
    } else {
        vec![
            ("单位", Kind::Phrase),
            ("欠报事项", Kind::Text),
            ("项数", Kind::Num),
        ]
    };
    let rows = (c.brief.owed_by_unit.iter())
        .map(|(unit, tasks)| Row {
            light: None,
            cells: vec![
                tidy(w, unit),
                super::sentences::ids(c, w, tasks),
                tasks.len().to_string(),
            ],
        })
        .collect();
    Table { columns, rows }
}

/// Lead units, best first.
pub fn ranking(c: &Circular, w: &Words) -> Table {
    let columns = if w.english {
        vec![
            ("Rank", Kind::Num),
            ("Unit", Kind::Phrase),
            ("Leads", Kind::Num),
            ("Done", Kind::Num),
            ("Red", Kind::Num),
            ("Unreported", Kind::Num),
            ("Mean", Kind::Num),
        ]
    } else {
        vec![
            ("名次", Kind::Num),
            ("单位", Kind::Phrase),
            ("牵头", Kind::Num),
            ("完成", Kind::Num),
            ("红灯", Kind::Num),
            ("未报", Kind::Num),
            ("进度", Kind::Num),
        ]
    };
    let rows = (c.brief.ranking.iter().enumerate())
        .map(|(n, r)| Row {
            light: None,
            cells: vec![
                (n + 1).to_string(),
                tidy(w, &r.unit),
                r.lead.to_string(),
                r.done.to_string(),
                r.red.to_string(),
                r.owed.to_string(),
                format!("{}%", one_decimal(r.mean_percent)),
            ],
        })
        .collect();
    Table { columns, rows }
}

/// Every task of one leader's group (`--full`), most urgent first.
pub fn full(c: &Circular, group: &Group, w: &Words) -> Table {
    let columns = vec![
        (w.id, Kind::Short),
        (w.light, Kind::Light),
        (w.percent, Kind::Num),
        (w.status, Kind::Short),
        (w.date, Kind::Short),
        (w.task, Kind::Text),
        (w.note, Kind::Text),
        (w.targets, Kind::Text),
    ];
    // A project is followed by its sub-items that have an entry.
    let rows = (group.tasks.iter())
        .filter_map(|&i| c.task(i))
        .flat_map(|a| {
            let e = a.entry();
            let own = Row {
                light: Some(a.light),
                cells: vec![
                    a.task.id.to_string(),
                    w.light(a.light).to_string(),
                    percent(a),
                    e.map_or("", |e| w.status(e.status)).to_string(),
                    e.map_or(String::new(), |e| e.date.to_string()),
                    tidy(w, &a.task.text),
                    note(w, a),
                    tidy(w, &targets_cell(a.task, e, w)),
                ],
            };
            let items = c.items(a).into_iter().map(|it| Row {
                light: Some(it.light),
                cells: vec![
                    it.item.id.to_string(),
                    w.light(it.light).to_string(),
                    format!("{}%", it.entry.percent),
                    w.status(it.entry.status).to_string(),
                    it.entry.date.to_string(),
                    tidy(w, &it.item.text),
                    tidy(w, &notes_cell(Some(it.entry), w)),
                    String::new(),
                ],
            });
            std::iter::once(own).chain(items)
        })
        .collect();
    Table { columns, rows }
}

/// The table a section shows, for the sections that have one.
pub fn of(section: Section, c: &Circular, w: &Words) -> Option<Table> {
    match section {
        Section::Urgent => Some(urgent(c, w)),
        Section::Yellow => Some(yellow(c, w)),
        Section::Ranking => Some(ranking(c, w)),
        Section::Owed => Some(owed(c, w)),
        _ => None,
    }
}
