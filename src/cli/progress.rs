//! `duban progress set|log`: the same checks and the same journal as the
//! dashboard's editor.

use chrono::NaiveDate;
use clap::Args;
use unicode_width::UnicodeWidthStr;

use super::{CliResult, Global, Lang, ProgressCommand};
use crate::lights::{Config, Rule};
use crate::messages::{
    ACTUAL_EXPECTED, ACTUAL_NO_EQUALS, ACTUAL_NO_NAME, ACTUAL_NO_PERCENT, ACTUAL_NOT_NUMBER,
    LOG_NEXT_STEPS, LOG_PROBLEMS, PROGRESS_DERIVED, PROGRESS_MERGED, PROGRESS_NONE, PROGRESS_SAVED,
    PROGRESS_WARNING, RECOVER_DONE, RECOVER_NOTHING, Text, UNKNOWN_STATUS,
};
use crate::model::{Actual, Dataset, ProgressEntry, Reporter, Status, format_value};
use crate::progress::{self, Journal, check_task_id, progress_path, validate};
use crate::user::UserConfig;
use crate::{msg, store};

pub fn run(global: &Global, cmd: ProgressCommand) -> CliResult {
    match cmd {
        ProgressCommand::Set(args) => set(global, args),
        ProgressCommand::Log { id, json } => log(global, id.as_deref(), json),
        ProgressCommand::Recover => recover(global),
    }
}

/// `duban progress recover`: replays the recovery file into the journal.
fn recover(global: &Global) -> CliResult {
    let path = progress_path(global.data.as_deref())?;
    let lang = global.lang;
    let Some(file) = progress::find_recovery(&path) else {
        let none = msg!(RECOVER_NOTHING, path = path.display());
        println!("{}", none.render(lang));
        return Ok(());
    };
    let mut journal = Journal::open(&path)?;
    let (added, report) = journal.replay(&file)?;
    warn(&report.warnings, lang);
    let done = msg!(
        RECOVER_DONE,
        n = added,
        file = file.display(),
        path = path.display()
    );
    println!("{}", done.render(lang));
    super::store_hook::push_after_write(global, &path)
}

/// What went wrong without stopping a save, on stderr.
fn warn(warnings: &[Text], lang: Lang) {
    for warning in warnings {
        let warning = msg!(PROGRESS_WARNING).with("warning", warning.clone());
        eprintln!(
            "duban: {}",
            crate::text::printable_lines(&warning.render(lang))
        );
    }
}

/// "Today" for the whole run: `--today`, else the local date.
pub fn today(global: &Global) -> NaiveDate {
    global
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// A status by name; the error lists the names in `lang` (both are accepted).
fn parse_status(text: &str, lang: Lang) -> Result<Status, Text> {
    Status::parse(text).ok_or_else(|| {
        let names: Vec<String> = Status::ALL
            .iter()
            .map(|s| match lang {
                Lang::Zh => format!("{}（{}）", s.label_zh(), s.as_str()),
                Lang::En => s.as_str().to_string(),
            })
            .collect();
        msg!(UNKNOWN_STATUS, given = text, known = names.join(", "))
    })
}

/// What `progress set` is given.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// Task ID, e.g. K2.16, M3 or M3.2.
    id: String,
    /// 0 to 100; without it, derived from the --actual values.
    #[arg(long, required_unless_present = "actual", value_parser = super::values::percent)]
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
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::values::date)]
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
fn reporter_for(data: &Dataset, args: &SetArgs) -> Result<Option<Reporter>, super::Failure> {
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
fn parse_actual(text: &str) -> Result<Actual, Text> {
    let expected = || Text::from(ACTUAL_EXPECTED);
    let (name, value) = text
        .rsplit_once('=')
        .ok_or_else(|| msg!(ACTUAL_NO_EQUALS, given = text).with("expected", expected()))?;
    let name = name.trim();
    if name.is_empty() {
        return Err(msg!(ACTUAL_NO_NAME, given = text).with("expected", expected()));
    }
    let value: f64 = value
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| {
            msg!(ACTUAL_NOT_NUMBER, given = text, value = value.trim()).with("expected", expected())
        })?;
    Ok(Actual {
        target: name.to_string(),
        value,
    })
}

/// `--percent` when given, else the percent the actuals give.
fn percent_for(data: &Dataset, args: &SetArgs, actuals: &[Actual]) -> Result<u8, Text> {
    if let Some(percent) = args.percent {
        return Ok(percent);
    }
    let targets = progress::targets_of(data, &args.id);
    progress::percent_from_actuals(targets, actuals).ok_or_else(|| ACTUAL_NO_PERCENT.into())
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
        Some(text) => parse_status(text, global.lang)?,
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
        return Err(errors.into());
    }
    let path = progress_path(global.data.as_deref())?;
    let report = progress::commit_one(&path, entry.clone())??;
    let lang = global.lang;
    warn(&report.warnings, lang);
    let merged = match report.merged {
        0 => String::new(),
        n => msg!(PROGRESS_MERGED, n = n).render(lang),
    };
    let derived = match args.percent {
        None => PROGRESS_DERIVED.get(lang),
        Some(_) => "",
    };
    let saved = msg!(
        PROGRESS_SAVED,
        id = entry.task,
        percent = entry.percent,
        derived = derived,
        status = label(entry.status, lang),
        date = entry.date,
        merged = merged,
        path = path.display()
    );
    println!("{}", saved.render(lang));
    super::store_hook::push_after_write(global, &path)
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
    if let Some(line) = journal.interrupted_save() {
        eprintln!(
            "duban: warning: line {line} of {} is a record whose save was interrupted; it is \
             left out, and moved to a side file by the next save",
            path.display()
        );
    }
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
        let none = msg!(PROGRESS_NONE, path = path.display());
        println!("{}", none.render(global.lang));
    }
    let id_width = entries.iter().map(|e| e.task.width()).max().unwrap_or(0);
    let status_width = Status::ALL
        .iter()
        .map(|s| label(*s, global.lang).width())
        .max()
        .unwrap_or(0);
    for e in entries {
        let status = label(e.status, global.lang);
        let line = format!(
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
        // One entry, one line: a note's control characters are shown, not
        // sent to the terminal.
        println!("{}", crate::text::printable(&line));
    }
    Ok(())
}

/// `  存在问题:… 下步打算:…` for the fields that are filled.
fn notes_text(e: &ProgressEntry, lang: Lang) -> String {
    let (problems, next) = (LOG_PROBLEMS.get(lang), LOG_NEXT_STEPS.get(lang));
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
