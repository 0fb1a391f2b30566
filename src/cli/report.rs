//! `duban report`: a progress circular (通报) on a date.

use std::io;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::{CliResult, Global, Lang};
use crate::lights::Config;
use crate::model::ProgressEntry;
use crate::progress::{Journal, progress_path};
use crate::report::{Circular, Filter, Words, write_csv, write_html, write_markdown};
use crate::store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown
    Md,
    /// One self-contained HTML page (prints well)
    Html,
    /// One row per task
    Csv,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// The date the circular reports on (default: --today, else today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::values::date)]
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
    let as_of = args
        .as_of
        .or(global.today)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let filter = Filter {
        leader: args.leader.clone(),
        unit: args.unit.clone(),
    };
    let circular = Circular::new(&data, &entries, as_of, &config.lights, filter)?;
    let words = match global.lang {
        Lang::Zh => Words::ZH,
        Lang::En => Words::EN,
    };
    let stdout = io::stdout().lock();
    let written = match args.format {
        ReportFormat::Md => write_markdown(&circular, &words, stdout),
        ReportFormat::Html => write_html(&circular, &words, stdout),
        ReportFormat::Csv => write_csv(&circular, &words, stdout).map_err(io::Error::from),
    };
    match written {
        // `duban report | head` closes the pipe early; that is not an error.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
