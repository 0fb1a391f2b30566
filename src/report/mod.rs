//! Circulars (通报): the plan's standing on a date, grouped by leader, red
//! items first, with per-unit totals — as Markdown, one self-contained
//! HTML page, CSV, or JSON for scripts.

mod brief;
mod csv;
mod html;
mod items;
mod json;
mod markdown;
mod pdf;
mod punct;
pub mod remind;
mod rows;
mod sentences;
mod style;
mod words;

use crate::fast_map::FastMap;

use chrono::NaiveDate;

use crate::lights::{Assessed, Overview, Positions, Rule, Standing, Thresholds};
use crate::model::{Dataset, Leader, ProgressEntry, Task, format_value};
use crate::store::Index;

pub use brief::{Brief, Options, Rank, Settings};
pub use csv::{CSV_HEADER, table, tint, write_csv};
pub use html::write_html;
pub use items::{ItemRow, notes_cell};
pub use json::{ReportJson, write_json};
pub use markdown::write_markdown;
pub use pdf::{BROWSERS, CHROMIUM_FLAGS, PdfError, find_browser, write_pdf, write_whole};
pub use punct::zh as zh_punctuation;
pub use words::Words;

/// Which tasks a circular covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A leader ID (`L2`) or name (郭锦明).
    pub leader: Option<String>,
    /// A unit name or alias: the tasks it leads or cooperates on.
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("no leader `{given}` in the plan; expected an ID or a name: {known}")]
    UnknownLeader { given: String, known: String },
    #[error(
        "no unit `{0}` in the registry; expected a unit name or alias (see `duban search --kind unit`)"
    )]
    UnknownUnit(String),
    #[error("--since {since}: expected a date before the as-of date {as_of}")]
    SinceNotBefore { since: NaiveDate, as_of: NaiveDate },
}

/// One leader's part of the circular.
#[derive(Debug, Clone)]
pub struct Group<'d> {
    /// `None` for projects that name no leader.
    pub leader: Option<&'d Leader>,
    pub standing: Standing,
    /// Indexes into [`Circular::overview`]'s tasks: most urgent light first,
    /// document order within a light.
    pub tasks: Vec<usize>,
}

/// Everything a circular shows, built once and written in any format.
#[derive(Debug, Clone)]
pub struct Circular<'d> {
    pub data: &'d Dataset,
    pub overview: Overview<'d>,
    pub groups: Vec<Group<'d>>,
    pub filter: Filter,
    pub options: Options,
    pub brief: Brief,
    /// The plan's IDs by position, and the standing entry of each on the
    /// as-of date.
    positions: Positions,
    standing: Vec<Option<&'d ProgressEntry>>,
}

impl<'d> Circular<'d> {
    /// The circular of `data` on `as_of`, from the journal's `entries`
    /// (each task's latest entry dated `as_of` or before counts), with the
    /// default [`Options`].
    pub fn new(
        data: &'d Dataset,
        entries: &'d [ProgressEntry],
        as_of: NaiveDate,
        thresholds: &Thresholds,
        filter: Filter,
    ) -> Result<Circular<'d>, ReportError> {
        Circular::with_options(data, entries, as_of, thresholds, filter, Options::default())
    }

    /// As [`Circular::new`], with `options`.
    pub fn with_options(
        data: &'d Dataset,
        entries: &'d [ProgressEntry],
        as_of: NaiveDate,
        thresholds: &Thresholds,
        filter: Filter,
        options: Options,
    ) -> Result<Circular<'d>, ReportError> {
        let rule = Rule::with_thresholds(data.plan.year, *thresholds);
        Circular::with_rule(data, entries, as_of, &rule, filter, options)
    }

    /// As [`Circular::with_options`], under a whole light rule (the
    /// config's close date and reporting cycle as well as its thresholds).
    pub fn with_rule(
        data: &'d Dataset,
        entries: &'d [ProgressEntry],
        as_of: NaiveDate,
        rule: &Rule,
        filter: Filter,
        options: Options,
    ) -> Result<Circular<'d>, ReportError> {
        if let Some(since) = options.since.filter(|&d| d >= as_of) {
            return Err(ReportError::SinceNotBefore { since, as_of });
        }
        let leader = match &filter.leader {
            Some(given) => Some(find_leader(data, given)?),
            None => None,
        };
        let unit = match &filter.unit {
            Some(given) => Some(
                Index::new(data)
                    .canonical(data, given)
                    .ok_or_else(|| ReportError::UnknownUnit(given.clone()))?,
            ),
            None => None,
        };
        let chosen = |t: &Task| {
            leader.is_none_or(|l| t.leader.as_deref() == Some(l.id.as_str()))
                && unit.is_none_or(|u| t.role_of(u).is_some())
        };
        // The lights on the as-of date and on the previous circular's, in
        // one pass over the journal.
        let positions = Positions::of(data);
        let since = brief::since(options.since, rule, as_of);
        let dates: Vec<NaiveDate> = std::iter::once(as_of).chain(since).collect();
        let mut standing = crate::lights::standing_on(entries, &positions, &dates).into_iter();
        let now = standing.next().unwrap_or_default();
        let before = standing.next();
        let overview = Overview::at(data, &positions, &now, chosen, as_of, rule);
        let groups = groups(data, &overview, leader);
        let before = since.zip(before.as_deref());
        let brief = brief::brief(data, &overview, &positions, before, chosen, rule);
        Ok(Circular {
            data,
            overview,
            groups,
            filter,
            options,
            brief,
            positions,
            standing: now,
        })
    }

    /// The standing entry of a task or sub-item on the as-of date.
    pub fn latest(&self, id: &str) -> Option<&'d ProgressEntry> {
        let at = self.positions.at(id)?;
        self.standing.get(at as usize).copied().flatten()
    }

    /// The red tasks, in document order.
    pub fn red(&self) -> impl Iterator<Item = &Assessed<'d>> {
        self.overview.red()
    }

    pub fn task(&self, index: usize) -> Option<&Assessed<'d>> {
        self.overview.tasks.get(index)
    }

    /// The name of the task's leader, empty when it names none.
    pub fn leader_name(&self, task: &Task) -> &'d str {
        task.leader
            .as_deref()
            .and_then(|id| self.data.leader(id))
            .map_or("", |l| l.name.as_str())
    }

    /// Who issues the circular: the configured issuer, else the plan's.
    pub fn issuer(&self) -> &str {
        let own = self.options.settings.issuer.trim();
        if own.is_empty() {
            &self.data.plan.issuer
        } else {
            own
        }
    }

    /// The elapsed share of the plan year on the as-of date, 0 to 100.
    pub fn expected(&self) -> f64 {
        crate::lights::expected_percent(self.overview.as_of, self.overview.plan_year)
    }
}

fn find_leader<'d>(data: &'d Dataset, given: &str) -> Result<&'d Leader, ReportError> {
    let given = given.trim();
    data.plan
        .leaders
        .iter()
        .find(|l| l.id == given || l.name == given)
        .ok_or_else(|| ReportError::UnknownLeader {
            given: given.to_string(),
            known: data
                .plan
                .leaders
                .iter()
                .map(|l| format!("{} {}", l.id, l.name))
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// Leader groups in plan order (only those with tasks), then projects
/// without a leader.
fn groups<'d>(
    data: &'d Dataset,
    overview: &Overview<'d>,
    only: Option<&'d Leader>,
) -> Vec<Group<'d>> {
    // Hashed by foldhash: one look-up per task.
    let mut by_leader: FastMap<Option<&str>, Vec<usize>> = FastMap::default();
    for (i, a) in overview.tasks.iter().enumerate() {
        by_leader
            .entry(a.task.leader.as_deref())
            .or_default()
            .push(i);
    }
    let standing = |tasks: &[usize], key: &str| {
        let assessed = tasks.iter().map(|&i| &overview.tasks[i]);
        Standing::of(key, assessed, overview.as_of, &overview.thresholds)
    };
    let mut out = Vec::new();
    for (l, leader) in data.plan.leaders.iter().enumerate() {
        if only.is_some_and(|o| o.id != leader.id) {
            continue;
        }
        if let Some(tasks) = by_leader.remove(&Some(leader.id.as_str())) {
            // The overview counted each leader's standing already (unless
            // the plan lists the leader twice).
            let s = match overview.leaders.get(l) {
                Some(s) if s.key.as_str() == &*leader.id && s.total() == tasks.len() => s.clone(),
                _ => standing(&tasks, &leader.id),
            };
            out.push(group(Some(leader), s, tasks, overview));
        }
    }
    if let Some(tasks) = by_leader.remove(&None) {
        let s = standing(&tasks, "");
        out.push(group(None, s, tasks, overview));
    }
    out
}

fn group<'d>(
    leader: Option<&'d Leader>,
    standing: Standing,
    mut tasks: Vec<usize>,
    overview: &Overview<'d>,
) -> Group<'d> {
    tasks.sort_by_key(|&i| (overview.tasks[i].light, i));
    Group {
        leader,
        standing,
        tasks,
    }
}

/// A task's targets with the actuals of its entry:
/// `新增规上企业100家(实际85)`, joined by `;`.
pub fn targets_cell(task: &Task, entry: Option<&ProgressEntry>, w: &Words) -> String {
    task.targets
        .iter()
        .map(|t| {
            let actual = entry.and_then(|e| e.actuals.iter().find(|a| a.target == t.name));
            match actual {
                Some(a) => format!(
                    "{}({}{}{})",
                    t.phrase_zh(),
                    w.actual,
                    format_value(a.value),
                    t.unit
                ),
                None => t.phrase_zh(),
            }
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// A percent with one decimal: `49.6`.
pub fn one_decimal(value: f64) -> String {
    format!("{value:.1}")
}
