//! `duban progress set|log`: the same checks and the same journal as the
//! dashboard's editor.

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use super::{CliResult, Global, Lang, ProgressCommand};
use crate::model::{Dataset, ProgressEntry, Status};
use crate::progress::{self, Journal, check_task_id, progress_path, validate};
use crate::store;

pub fn run(global: &Global, cmd: ProgressCommand) -> CliResult {
    match cmd {
        ProgressCommand::Set {
            id,
            percent,
            status,
            note,
            date,
        } => set(global, id, percent, status.as_deref(), note, date),
        ProgressCommand::Log { id, json } => log(global, id.as_deref(), json),
    }
}

/// "Today" for the whole run: `--today`, else the local date.
pub fn today(global: &Global) -> NaiveDate {
    global
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Without `--status`: 0 % is not started, 100 % done, anything else on track.
fn default_status(percent: u8) -> Status {
    match percent {
        0 => Status::NotStarted,
        100 => Status::Done,
        _ => Status::OnTrack,
    }
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

fn set(
    global: &Global,
    id: String,
    percent: u8,
    status: Option<&str>,
    note: String,
    date: Option<NaiveDate>,
) -> CliResult {
    let data: Dataset = store::load(global.data.as_deref())?;
    check_task_id(&data, &id)?;
    let status = match status {
        Some(text) => parse_status(text)?,
        None => default_status(percent),
    };
    let today = today(global);
    let entry = ProgressEntry {
        task: id,
        at: progress::now(),
        date: date.unwrap_or(today),
        percent,
        status,
        note,
        actuals: Vec::new(),
    };
    if let Err(errors) = validate(&entry, data.plan.year, today) {
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
    println!(
        "saved {} {} % {} {}{merged} → {}",
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
    entries.sort_by_key(|e| e.at);
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
            "{}  {}{}  {:>3} %  {}{}  {}",
            e.date,
            e.task,
            " ".repeat(id_width - e.task.width()),
            e.percent,
            status,
            " ".repeat(status_width - status.width()),
            e.note
        );
    }
    Ok(())
}
