//! A dataset from a document without leader headings: tasks grouped by
//! section (or by their per-task leaders when every task names one), units
//! read by the document's lead rule.

use super::doc::Doc;
use super::due::due_date;
use super::lead::{self, LeadRule};
use super::sections::{self, RawTask};
use super::structure::name_and_title;
use super::{Draft, ImportError, ImportOptions, Imported, front, targets};
use crate::messages::import::{IMP_EXP_YEAR_TITLE, IMP_NO_YEAR};
use crate::model::{Leader, List, Name, Rules, Task, TaskKind, Unit};
use crate::msg;

/// Leader names of a task: `张三、李四` → two.
fn leader_names(task: &RawTask) -> Vec<String> {
    let names = task.duties.leaders.iter().flat_map(|l| {
        l.split(['、', ',', '，', ';', '；', ' '])
            .map(super::clean::clean_text)
            .filter(|s| !s.is_empty())
    });
    let mut out: Vec<String> = Vec::new();
    for n in names {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

fn leader(id: String, written: &str) -> Leader {
    let (name, title) =
        name_and_title(written).unwrap_or_else(|| (written.to_string(), String::new()));
    Leader {
        id: id.into(),
        name,
        title,
    }
}

/// The plan year: from the title, the front matter, the date, the text.
fn year(doc: &Doc, front: &front::Front, front_end: usize) -> Option<i32> {
    front::find_year(&front.title)
        .or_else(|| (0..front_end).find_map(|i| front::find_year(doc.line(i))))
        .or_else(|| front.issued.map(|d| chrono::Datelike::year(&d)))
        .or_else(|| front::find_year(&doc.text))
}

pub(crate) fn import(
    doc: &Doc,
    source_name: &str,
    curated: Option<&[Unit]>,
    options: ImportOptions,
) -> Result<Imported, ImportError> {
    let body = sections::read(doc)?;
    let mut front = front::parse(doc, 0..body.front_end, source_name);
    if front.title == source_name {
        // No `关于…` notice title: the document's first line names it.
        let first = (0..body.front_end)
            .map(|i| super::clean::clean_text(doc.line(i)))
            .find(|l| !l.is_empty() && !super::outline::is_noise(l));
        if let Some(line) = first {
            front.title = line;
        }
    }
    let stated = lead::stated_rule(&doc.text);
    let rule = options
        .lead_rule
        .or(stated.as_ref().map(|(_, r)| *r))
        .unwrap_or_default();
    let assuming = options.lead_rule.is_none() && stated.is_none();
    let year = year(doc, &front, body.front_end)
        .ok_or_else(|| doc.error_text(0, msg!(IMP_NO_YEAR), msg!(IMP_EXP_YEAR_TITLE)))?;

    let names: Vec<Vec<String>> = body.tasks.iter().map(leader_names).collect();
    let mut leaders: Vec<String> = Vec::new();
    for n in names.iter().flatten() {
        if !leaders.contains(n) {
            leaders.push(n.clone());
        }
    }
    let by_section = names.iter().any(Vec::is_empty);
    let leader_id =
        |n: &String| format!("L{}", leaders.iter().position(|l| l == n).unwrap_or(0) + 1);
    let mut tops: Vec<&str> = Vec::new();
    let mut counts: std::collections::HashMap<usize, u32> = Default::default();
    let mut drafts = Vec::new();
    for (raw, names) in body.tasks.iter().zip(&names) {
        let group = if by_section {
            let top = raw.section.first().map_or("", String::as_str);
            if !tops.contains(&top) {
                tops.push(top);
            }
            tops.iter().position(|t| *t == top).unwrap_or(0) + 1
        } else {
            leaders.iter().position(|l| *l == names[0]).unwrap_or(0) + 1
        };
        let seq = counts.entry(group).or_default();
        *seq += 1;
        // A deadline column or label first, else one the sentence states.
        let due_text =
            (raw.duties.due.clone()).or_else(|| super::due::in_text(&raw.text).map(str::to_string));
        let (roles, assumed) = lead::roles(&raw.duties, rule);
        let ids: Vec<Name> = names.iter().map(|n| leader_id(n).into()).collect();
        let task = Task {
            id: format!("K{group}.{seq}").into(),
            kind: TaskKind::Key,
            leader: ids.first().cloned(),
            other_leaders: ids.iter().skip(1).cloned().collect(),
            section: raw.section.iter().map(Name::from).collect(),
            number: *seq,
            title: None,
            targets: targets::extracted(&raw.text).into(),
            text: raw.text.as_str().into(),
            items: List::new(),
            lead: List::new(),
            co: List::new(),
            co_members_of: List::new(),
            due: due_text.as_deref().and_then(|p| due_date(p, year)),
            due_text: due_text.map(Name::from),
        };
        drafts.push(Draft {
            task,
            roles,
            at: raw.at,
            assumed: assumed && assuming,
        });
    }
    let resolved = super::resolve_units(doc, drafts, Vec::new(), &[], curated)?;
    let note = stated.map(|(s, _)| s).unwrap_or_default();
    let rules = Rules {
        first_listed_lead: rule == LeadRule::First,
        co_unordered: note.contains("不分先后"),
        default_co: Vec::new(),
        note,
    };
    let leaders = (leaders.iter().enumerate())
        .map(|(i, n)| leader(format!("L{}", i + 1), n))
        .collect();
    let plan = front.into_plan(year, rules, leaders, by_section);
    Ok(Imported {
        data: crate::model::Dataset {
            plan,
            tasks: resolved.tasks,
            projects: Vec::new(),
            units: resolved.units,
        },
        assumed: resolved.assumed,
        rule,
    })
}
