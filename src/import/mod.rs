//! A responsibility-breakdown document (markdown or plain text) → a dataset.
//!
//! The source is usually a PDF-to-text conversion: headings may be broken
//! lines, task numbers glued to the previous unit list, lists split across
//! paragraphs. Structure is therefore found by the number expected next and
//! by the `责任单位:` marker, never by markup, and any text that cannot be
//! placed is an error naming its line.

mod clean;
mod doc;
mod error;
mod files;
mod front;
mod numbers;
mod projects;
mod registry;
mod structure;
mod targets;
mod units;

use crate::model::{Dataset, Item, Leader, Plan, Rules, Task, TaskKind, Unit};

pub use clean::clean_text;
pub use error::ImportError;
pub use files::{ImportSummary, import_file, read_units};
pub use registry::infer_kind;
pub use targets::{CuratedTargets, TARGETS_FILE, TargetCuration};

use doc::Doc;
use registry::{Mention, Registry};
use units::Roles;

/// A task before its unit names are made canonical.
struct Draft {
    task: Task,
    roles: Roles,
}

/// Imports a document. `source_name` names it in errors; `curated` is an
/// existing unit registry whose kinds and aliases are kept. Each task gets
/// the targets extraction finds in its text; [`TargetCuration::apply`]
/// replaces them where a person curated them.
pub fn import_document(
    text: &str,
    source_name: &str,
    curated: Option<&[Unit]>,
) -> Result<Dataset, ImportError> {
    let doc = Doc::new(text, source_name);
    let regions = structure::regions(&doc)?;
    let front = front::parse(&doc, regions.front.clone(), source_name);
    let (headings, spans) = structure::key_tasks(&doc, regions.keys.clone())?;
    let leaders: Vec<Leader> = headings
        .iter()
        .map(|h| Leader {
            id: format!("L{}", h.numeral),
            name: h.name.clone(),
            title: h.title.clone(),
        })
        .collect();

    let mut note = None;
    let mut drafts = Vec::new();
    for span in &spans {
        let list = units::split(&doc, span.units.clone())?;
        if list.entries.is_empty() {
            return Err(doc.error(
                span.at,
                format!("task {} has an empty unit list", span.number),
                "unit names after `责任单位:`",
            ));
        }
        if note.is_none() {
            note = list.note.clone();
        }
        let text = clean_text(&doc.text[span.text.clone()]);
        let task = Task {
            id: format!("K{}.{}", span.leader, span.number),
            kind: TaskKind::Key,
            leader: Some(format!("L{}", span.leader)),
            number: span.number,
            title: None,
            targets: targets::extracted(&text),
            text,
            items: Vec::new(),
            lead: Vec::new(),
            co: Vec::new(),
            co_members_of: Vec::new(),
        };
        drafts.push(Draft {
            task,
            roles: Roles::of_list(&list),
        });
    }
    let project_drafts = match regions.projects.clone() {
        Some(r) => project_drafts(&doc, r, &leaders)?,
        None => Vec::new(),
    };

    let note = note.unwrap_or_default();
    let default_co = units::default_co(&note);
    let mut mentions = Vec::new();
    for d in drafts.iter().chain(&project_drafts) {
        let r = &d.roles;
        let plain = r.lead.iter().chain(&r.co).map(|n| Mention {
            name: n.clone(),
            group: false,
        });
        mentions.extend(plain);
        let groups = r.members_of.iter().filter(|g| !r.lead.contains(g));
        mentions.extend(groups.map(|n| Mention {
            name: n.clone(),
            group: true,
        }));
    }
    mentions.extend(default_co.iter().map(|n| Mention {
        name: n.clone(),
        group: false,
    }));
    let registry = Registry::build(&mentions, curated);
    let finish = |d: Draft| {
        let mut task = d.task;
        task.lead = registry.canonical_all(&d.roles.lead, &[]);
        task.co = registry.canonical_all(&d.roles.co, &task.lead);
        task.co_members_of = registry.canonical_all(&d.roles.members_of, &[]);
        task
    };
    let tasks: Vec<Task> = drafts.into_iter().map(finish).collect();
    let projects: Vec<Task> = project_drafts.into_iter().map(finish).collect();

    let year = regions
        .key_heading
        .as_deref()
        .and_then(front::find_year)
        .or_else(|| front::find_year(&front.title))
        .or_else(|| front.issued.map(|d| chrono::Datelike::year(&d)))
        .ok_or_else(|| {
            doc.error(
                0,
                "cannot tell the plan year".into(),
                "a heading like `2023年政府工作报告重点工作责任分解`",
            )
        })?;
    let plan = Plan {
        title: front.title,
        issuer: front.issuer,
        doc_number: front.doc_number,
        issued: front.issued,
        year,
        addressees: front.addressees,
        rules: Rules {
            first_listed_lead: note.contains("列第一位"),
            co_unordered: note.contains("不分先后"),
            default_co: registry.canonical_all(&default_co, &[]),
            note,
        },
        leaders,
    };
    Ok(Dataset {
        plan,
        tasks,
        projects,
        units: registry.units,
    })
}

fn project_drafts(
    doc: &Doc,
    region: std::ops::Range<usize>,
    leaders: &[Leader],
) -> Result<Vec<Draft>, ImportError> {
    let mut out = Vec::new();
    for p in projects::parse(doc, region)? {
        let leader = match &p.leader {
            None => None,
            Some((name, at)) => {
                let found = leaders.iter().find(|l| l.name == *name);
                let names: Vec<&str> = leaders.iter().map(|l| l.name.as_str()).collect();
                let l = found.ok_or_else(|| {
                    doc.error(
                        *at,
                        format!("`{name}` is not a leader of the key tasks"),
                        &format!("one of {}", names.join("、")),
                    )
                })?;
                Some(l.id.clone())
            }
        };
        let id = format!("M{}", p.number);
        let items = p
            .items
            .iter()
            .enumerate()
            .map(|(i, text)| Item {
                id: format!("{id}.{}", i + 1),
                text: text.clone(),
            })
            .collect();
        let task = Task {
            id,
            kind: TaskKind::Project,
            leader,
            number: p.number,
            title: Some(p.title),
            targets: targets::extracted(&p.text),
            text: p.text,
            items,
            lead: Vec::new(),
            co: Vec::new(),
            co_members_of: Vec::new(),
        };
        out.push(Draft {
            task,
            roles: p.roles,
        });
    }
    Ok(out)
}
