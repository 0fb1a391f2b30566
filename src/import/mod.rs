//! A responsibility-breakdown document (markdown or plain text) → a dataset.
//!
//! The source is usually a PDF-to-text conversion: headings may be broken
//! lines, task numbers glued to the previous unit list, lists split across
//! paragraphs. Structure is therefore found by the number expected next and
//! by the `责任单位:` marker, never by markup, and any text that cannot be
//! placed is an error naming its line.

mod clean;
mod doc;
mod due;
mod error;
mod files;
mod front;
mod general;
mod labelled;
mod lead;
mod numbers;
mod outline;
mod projects;
mod registry;
mod sections;
mod sheet;
mod structure;
mod table;
mod targets;
mod units;

use crate::model::{Dataset, Item, Leader, List, Name, Rules, Task, TaskKind, Unit};

pub use clean::clean_text;
pub use error::ImportError;
pub use files::{ImportSummary, import_file, import_file_from, import_file_with, read_units};
pub use lead::LeadRule;
pub use registry::infer_kind;
pub use targets::{CuratedTargets, TARGETS_FILE, TargetCuration};

use crate::messages::import::{
    IMP_EMPTY_UNITS, IMP_EXP_LEAD, IMP_EXP_ONE_OF, IMP_EXP_UNIT_NAMES, IMP_EXP_YEAR_HEADING,
    IMP_NO_LEAD, IMP_NO_YEAR, IMP_NOT_LEADER,
};
use crate::msg;
use doc::Doc;
use registry::{Mention, Registry};
use units::Roles;

/// A task before its unit names are made canonical.
struct Draft {
    task: Task,
    roles: Roles,
    /// Offset in the source of the task's number, for errors.
    at: usize,
    /// The lead reading rests on the lead rule, not on the text.
    assumed: bool,
}

/// How to import.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Overrides the lead rule the document states (or the default).
    pub lead_rule: Option<LeadRule>,
}

/// A task whose lead units rest on the lead rule rather than on the text:
/// a plain list of several units with no lead/cooperate split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assumption {
    pub task: String,
    /// 1-based line of the task in the source.
    pub line: usize,
    pub lead: Vec<String>,
}

/// An imported dataset and what its reading assumed.
#[derive(Debug, Clone)]
pub struct Imported {
    pub data: Dataset,
    pub assumed: Vec<Assumption>,
    /// The lead rule the units were read by.
    pub rule: LeadRule,
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
    import_with(text, source_name, curated, ImportOptions::default()).map(|i| i.data)
}

/// Imports a document of any shape: grouped under leader headings (the
/// leader reader), or anything else (the section reader).
pub fn import_with(
    text: &str,
    source_name: &str,
    curated: Option<&[Unit]>,
    options: ImportOptions,
) -> Result<Imported, ImportError> {
    let doc = Doc::new(text, source_name);
    if structure::has_leader_headings(&doc) {
        leader_grouped(&doc, source_name, curated, options)
    } else {
        general::import(&doc, source_name, curated, options)
    }
}

/// Canonical units for the drafts, every task checked to have a lead.
struct Resolved {
    tasks: Vec<Task>,
    projects: Vec<Task>,
    units: Vec<Unit>,
    default_co: Vec<Name>,
    assumed: Vec<Assumption>,
}

fn resolve_units(
    doc: &Doc,
    drafts: Vec<Draft>,
    project_drafts: Vec<Draft>,
    default_co: &[String],
    curated: Option<&[Unit]>,
) -> Result<Resolved, ImportError> {
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
    let mut assumed = Vec::new();
    let mut finish = |d: Draft| {
        let mut task = d.task;
        task.lead = registry.canonical_all(&d.roles.lead, &[]).into();
        task.co = registry.canonical_all(&d.roles.co, &task.lead).into();
        task.co_members_of = registry.canonical_all(&d.roles.members_of, &[]).into();
        if task.lead.is_empty() {
            return Err(doc.error_text(d.at, msg!(IMP_NO_LEAD, id = task.id), msg!(IMP_EXP_LEAD)));
        }
        if d.assumed {
            assumed.push(Assumption {
                task: task.id.to_string(),
                line: doc.line_of(d.at) + 1,
                lead: task.lead.iter().map(String::from).collect(),
            });
        }
        Ok(task)
    };
    let tasks = drafts
        .into_iter()
        .map(&mut finish)
        .collect::<Result<_, _>>()?;
    let projects = (project_drafts.into_iter().map(&mut finish)).collect::<Result<_, _>>()?;
    Ok(Resolved {
        tasks,
        projects,
        default_co: registry.canonical_all(default_co, &[]),
        units: registry.units,
        assumed,
    })
}

/// The leader reader: `一、XXX市长牵头的重点工作` headings, tasks under
/// them with `责任单位:` lists. The document's `列第一位` rule reads a
/// plain 、-list as one group that leads unless `--lead-rule` says
/// otherwise.
fn leader_grouped(
    doc: &Doc,
    source_name: &str,
    curated: Option<&[Unit]>,
    options: ImportOptions,
) -> Result<Imported, ImportError> {
    let rule = options.lead_rule.unwrap_or(LeadRule::Group);
    let regions = structure::regions(doc)?;
    let front = front::parse(doc, regions.front.clone(), source_name);
    let (headings, spans) = structure::key_tasks(doc, regions.keys.clone())?;
    let leaders: Vec<Leader> = headings
        .iter()
        .map(|h| Leader {
            id: format!("L{}", h.numeral).into(),
            name: h.name.clone(),
            title: h.title.clone(),
        })
        .collect();

    let mut note = None;
    let mut drafts = Vec::new();
    for span in &spans {
        let list = units::split(doc, span.units.clone())?;
        if list.entries.is_empty() {
            return Err(doc.error_text(
                span.at,
                msg!(IMP_EMPTY_UNITS, number = span.number),
                msg!(IMP_EXP_UNIT_NAMES),
            ));
        }
        if note.is_none() {
            note = list.note.clone();
        }
        let text = clean_text(&doc.text[span.text.clone()]);
        let task = Task {
            id: format!("K{}.{}", span.leader, span.number).into(),
            kind: TaskKind::Key,
            leader: Some(format!("L{}", span.leader).into()),
            other_leaders: List::new(),
            section: List::new(),
            number: span.number,
            title: None,
            targets: targets::extracted(&text).into(),
            text: text.into(),
            items: List::new(),
            lead: List::new(),
            co: List::new(),
            co_members_of: List::new(),
            due: None,
            due_text: None,
        };
        let (roles, assumed) = Roles::of_list(&list, rule);
        drafts.push(Draft {
            task,
            roles,
            at: span.at,
            assumed: assumed && options.lead_rule.is_none(),
        });
    }
    let project_drafts = match regions.projects.clone() {
        Some(r) => project_drafts(doc, r, &leaders, rule, options.lead_rule.is_none())?,
        None => Vec::new(),
    };

    let note = note.unwrap_or_default();
    let default_co = units::default_co(&note);
    let resolved = resolve_units(doc, drafts, project_drafts, &default_co, curated)?;

    let year = regions
        .key_heading
        .as_deref()
        .and_then(front::find_year)
        .or_else(|| front::find_year(&front.title))
        .or_else(|| front.issued.map(|d| chrono::Datelike::year(&d)))
        .ok_or_else(|| doc.error_text(0, msg!(IMP_NO_YEAR), msg!(IMP_EXP_YEAR_HEADING)))?;
    let rules = Rules {
        first_listed_lead: note.contains("列第一位"),
        co_unordered: note.contains("不分先后"),
        default_co: resolved.default_co,
        note,
    };
    let plan = front.into_plan(year, rules, leaders, false);
    Ok(Imported {
        data: Dataset {
            plan,
            tasks: resolved.tasks,
            projects: resolved.projects,
            units: resolved.units,
        },
        assumed: resolved.assumed,
        rule,
    })
}

fn project_drafts(
    doc: &Doc,
    region: std::ops::Range<usize>,
    leaders: &[Leader],
    rule: LeadRule,
    assuming: bool,
) -> Result<Vec<Draft>, ImportError> {
    let mut out = Vec::new();
    for p in projects::parse(doc, region, rule)? {
        let leader = match &p.leader {
            None => None,
            Some((name, at)) => {
                let found = leaders.iter().find(|l| l.name == *name);
                let names: Vec<&str> = leaders.iter().map(|l| l.name.as_str()).collect();
                let l = found.ok_or_else(|| {
                    doc.error_text(
                        *at,
                        msg!(IMP_NOT_LEADER, name = name),
                        msg!(IMP_EXP_ONE_OF, names = names.join("、")),
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
                id: format!("{id}.{}", i + 1).into(),
                text: text.as_str().into(),
            })
            .collect();
        let task = Task {
            id: id.into(),
            kind: TaskKind::Project,
            leader,
            number: p.number,
            title: Some(p.title.into()),
            targets: targets::extracted(&p.text).into(),
            text: p.text.into(),
            items,
            lead: List::new(),
            co: List::new(),
            co_members_of: List::new(),
            other_leaders: List::new(),
            section: List::new(),
            due: None,
            due_text: None,
        };
        out.push(Draft {
            task,
            roles: p.roles,
            at: p.at,
            assumed: p.assumed && assuming,
        });
    }
    Ok(out)
}
