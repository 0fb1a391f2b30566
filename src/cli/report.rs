//! `duban report`: a progress circular (通报) on a date.

use std::io;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::{CliResult, Global, Lang};
use crate::lights::Config;
use crate::model::ProgressEntry;
use crate::progress::{Journal, progress_path};
use crate::report::{Circular, Filter, Words, write_csv, write_html, write_json, write_markdown};
use crate::store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown
    Md,
    /// One self-contained HTML page (prints well)
    Html,
    /// One row per task
    Csv,
    /// Every task's light, the standings and the units owing reports
    Json,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// The date the circular reports on (default: --today, else today;
    /// once the plan's close date has passed, the plan's last day).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Only this leader's tasks (an ID like L2, or a name).
    #[arg(long, value_name = "L")]
    pub leader: Option<String>,
    /// Only the tasks this unit leads or cooperates on (a name or alias).
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// Light thresholds from FILE instead of DIR/duban.ron.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Writes the circular to stdout.
pub fn run(global: &Global, args: &ReportArgs) -> CliResult {
    let data = store::load(global.data.as_deref())?;
    let config = Config::find(global.data.as_deref(), args.config.as_deref())?;
    let entries: Vec<ProgressEntry> = Journal::open(&progress_path(global.data.as_deref())?)?
        .entries()
        .cloned()
        .collect();
    let rule = crate::lights::Rule::new(data.plan.year, &config);
    let as_of = as_of_for(global, &rule, args.as_of);
    let filter = Filter {
        leader: args.leader.clone(),
        unit: args.unit.clone(),
    };
    let circular = Circular::with_rule(&data, &entries, as_of, &rule, filter)?;
    let words = match global.lang {
        Lang::Zh => Words::ZH,
        Lang::En => Words::EN,
    };
    let stdout = io::stdout().lock();
    let written = match args.format {
        ReportFormat::Md => write_markdown(&circular, &words, stdout),
        ReportFormat::Html => write_html(&circular, &words, stdout),
        ReportFormat::Csv => write_csv(&circular, &words, stdout).map_err(io::Error::from),
        ReportFormat::Json => write_json(&circular, stdout),
    };
    match written {
        // `duban report | head` closes the pipe early; that is not an error.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// The as-of date of a command: `--as-of` when given, else today (from
/// `--today` or the clock); once the plan's close date has passed, the
/// plan's last day, with a note on stderr saying so.
pub fn as_of_for(
    global: &Global,
    rule: &crate::lights::Rule,
    given: Option<NaiveDate>,
) -> NaiveDate {
    if let Some(date) = given {
        return date;
    }
    let today = super::progress::today(global);
    let (as_of, past) = rule.calendar.default_as_of(today);
    if past {
        eprintln!("{}", past_plan_note(global.lang, as_of));
    }
    as_of
}

/// `计划年度已结束，按 2023-12-31 显示`
pub fn past_plan_note(lang: Lang, as_of: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("计划年度已结束，按 {as_of} 显示"),
        Lang::En => format!("the plan year is over; showing {as_of}"),
    }
}
