//! `duban progress set|log`: the same checks and the same journal as the
//! dashboard's editor.

use chrono::NaiveDate;
use clap::Args;
use unicode_width::UnicodeWidthStr;

use super::{CliResult, Global, Lang, ProgressCommand};
use crate::lights::{Config, Rule};
use crate::model::{Actual, Dataset, ProgressEntry, Reporter, Status, format_value};
use crate::progress::{self, Journal, check_task_id, progress_path, validate};
use crate::store;
use crate::user::UserConfig;

pub fn run(global: &Global, cmd: ProgressCommand) -> CliResult {
    match cmd {
        ProgressCommand::Set(args) => set(global, args),
        ProgressCommand::Log { id, json } => log(global, id.as_deref(), json),
    }
}

/// "Today" for the whole run: `--today`, else the local date.
pub fn today(global: &Global) -> NaiveDate {
    global
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

fn parse_status(text: &str) -> Result<Status, String> {
    Status::parse(text).ok_or_else(|| {
        let names: Vec<String> = Status::ALL
            .iter()
            .map(|s| format!("{} ({})", s.as_str(), s.label_zh()))
            .collect();
        format!(
            "unknown status `{text}`; expected one of {}",
            names.join(", ")
        )
    })
}

/// What `progress set` is given.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// Task ID, e.g. K2.16, M3 or M3.2.
    id: String,
    /// 0 to 100; without it, derived from the --actual values.
    #[arg(long, required_unless_present = "actual")]
    percent: Option<u8>,
    /// An actual value against one of the task's targets, by target
    /// name (repeatable): --actual 新增规上企业=60.
    #[arg(long, value_name = "NAME=VALUE")]
    actual: Vec<String>,
    /// not_started | on_track | behind | blocked | done (or 未开始 … 已完成).
    #[arg(long)]
    status: Option<String>,
    /// 主要进展: the progress made (`--note` is the same).
    #[arg(long = "progress-made", visible_alias = "note", default_value = "")]
    note: String,
    /// 存在问题: the problems met.
    #[arg(long, default_value = "")]
    problems: String,
    /// 下步打算: the next steps.
    #[arg(long, default_value = "")]
    next_steps: String,
    /// The date the progress refers to (default: today; once the plan's
    /// close date has passed, the plan's last day).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<NaiveDate>,
    /// The reporting unit, a name or alias (default: `duban config get unit`).
    #[arg(long, value_name = "U")]
    unit: Option<String>,
    /// The person reporting (default: `duban config get name`).
    #[arg(long, value_name = "NAME")]
    by: Option<String>,
}

/// The reporter from `--unit`/`--by`, else the per-user config; none when
/// neither names a unit.
fn reporter_for(
    data: &Dataset,
    args: &SetArgs,
) -> Result<Option<Reporter>, Box<dyn std::error::Error>> {
    let user = UserConfig::load()?;
    let unit = match &args.unit {
        Some(given) => Some(super::config::canonical_unit(data, given)?),
        None => user.unit.clone(),
    };
    let name = args.by.clone().or(user.name).unwrap_or_default();
    Ok(unit.map(|unit| Reporter {
        unit,
        name: name.trim().to_string(),
    }))
}

/// `NAME=VALUE` (split at the last `=`) → an actual value.
fn parse_actual(text: &str) -> Result<Actual, String> {
    let expected = "expected NAME=VALUE with a number, e.g. --actual 新增规上企业=60";
    let (name, value) = text
        .rsplit_once('=')
        .ok_or_else(|| format!("`--actual {text}`: no `=`; {expected}"))?;
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("`--actual {text}`: no target name; {expected}"));
    }
    let value: f64 = value
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| {
            format!(
                "`--actual {text}`: `{}` is not a number; {expected}",
                value.trim()
            )
        })?;
    Ok(Actual {
        target: name.to_string(),
        value,
    })
}

/// `--percent` when given, else the percent the actuals give.
fn percent_for(data: &Dataset, args: &SetArgs, actuals: &[Actual]) -> Result<u8, String> {
    if let Some(percent) = args.percent {
        return Ok(percent);
    }
    let targets = progress::targets_of(data, &args.id);
    progress::percent_from_actuals(targets, actuals).ok_or_else(|| {
        "not saved: the actual values give no percent (a target with 以下 has no share); \
         give --percent"
            .to_string()
    })
}

fn set(global: &Global, args: SetArgs) -> CliResult {
    let data: Dataset = store::load(global.data.as_deref())?;
    check_task_id(&data, &args.id)?;
    let actuals = args
        .actual
        .iter()
        .map(|a| parse_actual(a))
        .collect::<Result<Vec<_>, _>>()?;
    progress::check_actual_values(&actuals)?;
    progress::check_actuals(&data, &args.id, &actuals)?;
    let percent = percent_for(&data, &args, &actuals)?;
    let status = match args.status.as_deref() {
        Some(text) => parse_status(text)?,
        None => Status::for_percent(u16::from(percent)),
    };
    let today = today(global);
    let config = Config::find(global.data.as_deref(), None)?;
    let rule = Rule::new(data.plan.year, &config);
    let reporter = reporter_for(&data, &args)?;
    let entry = ProgressEntry {
        task: args.id,
        at: progress::now(),
        date: args
            .date
            .unwrap_or_else(|| rule.calendar.default_as_of(today).0),
        percent,
        status,
        note: args.note,
        actuals,
        reporter,
        problems: args.problems,
        next_steps: args.next_steps,
    };
    if let Err(errors) = validate(&entry, &rule.calendar, today) {
        let texts: Vec<String> = errors.iter().map(ToString::to_string).collect();
        return Err(format!("not saved: {}", texts.join("; ")).into());
    }
    let path = progress_path(global.data.as_deref())?;
    let mut journal = Journal::open(&path)?;
    let report = journal.commit(entry.clone())?;
    let merged = match report.merged {
        0 => String::new(),
        n => format!(" (merged {n} from another writer)"),
    };
    let derived = match args.percent {
        None => " (from the actual values)",
        Some(_) => "",
    };
    println!(
        "saved {} {} %{derived} {} {}{merged} → {}",
        entry.task,
        entry.percent,
        label(entry.status, global.lang),
        entry.date,
        path.display()
    );
    Ok(())
}

fn label(status: Status, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => status.label_zh(),
        Lang::En => status.label_en(),
    }
}

fn log(global: &Global, id: Option<&str>, json: bool) -> CliResult {
    if let Some(id) = id {
        check_task_id(&store::load(global.data.as_deref())?, id)?;
    }
    let path = progress_path(global.data.as_deref())?;
    let journal = Journal::open(&path)?;
    let mut entries: Vec<&ProgressEntry> = match id {
        Some(id) => journal.history(id),
        None => journal.entries().collect(),
    };
    entries.sort_by_key(|e| e.report_order());
    if json {
        println!("{}", serde_json::to_string_pretty(&entries)?);
        return Ok(());
    }
    if entries.is_empty() {
        println!("no progress recorded in {}", path.display());
    }
    let id_width = entries.iter().map(|e| e.task.width()).max().unwrap_or(0);
    let status_width = Status::ALL
        .iter()
        .map(|s| label(*s, global.lang).width())
        .max()
        .unwrap_or(0);
    for e in entries {
        let status = label(e.status, global.lang);
        println!(
            "{}  {}{}  {:>3} %  {}{}  {}{}{}{}",
            e.date,
            e.task,
            " ".repeat(id_width - e.task.width()),
            e.percent,
            status,
            " ".repeat(status_width - status.width()),
            one_line(&e.note),
            actuals_text(&e.actuals),
            notes_text(e, global.lang),
            reporter_text(e.reporter.as_ref()),
        );
    }
    Ok(())
}

/// `  存在问题:… 下步打算:…` for the fields that are filled.
fn notes_text(e: &ProgressEntry, lang: Lang) -> String {
    let (problems, next) = match lang {
        Lang::Zh => ("存在问题:", "下步打算:"),
        Lang::En => ("problems: ", "next steps: "),
    };
    let mut out = String::new();
    for (word, text) in [(problems, &e.problems), (next, &e.next_steps)] {
        if !text.is_empty() {
            out.push_str("  ");
            out.push_str(word);
            out.push_str(&one_line(text));
        }
    }
    out
}

/// A note on one line of the log: its line breaks as ` / `.
fn one_line(text: &str) -> String {
    text.lines().collect::<Vec<_>>().join(" / ")
}

/// `  [新增规上企业=60, 新增亿元企业=6]`, or nothing without actuals.
fn actuals_text(actuals: &[Actual]) -> String {
    if actuals.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = actuals
        .iter()
        .map(|a| format!("{}={}", a.target, format_value(a.value)))
        .collect();
    format!("  [{}]", parts.join(", "))
}

/// `  — 市经信局 张三`, or nothing without a reporter.
fn reporter_text(reporter: Option<&Reporter>) -> String {
    match reporter {
        None => String::new(),
        Some(r) if r.name.is_empty() => format!("  — {}", r.unit),
        Some(r) => format!("  — {} {}", r.unit, r.name),
    }
}
