//! `duban remind`: a reminder (催报) per unit owing reports.

use std::io;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::{CliResult, Global};
use crate::lights::{Config, Rule};
use crate::model::ProgressEntry;
use crate::progress::{Journal, progress_path};
use crate::report::remind::{self, Reminders};
use crate::store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RemindFormat {
    /// Plain text, ready to paste into a message
    Text,
    /// Markdown, a heading per unit
    Md,
    /// JSON for scripts
    Json,
}

#[derive(Debug, Args)]
pub struct RemindArgs {
    /// The date to remind on (default: today; once the plan's close date
    /// has passed, the plan's last day).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::values::date)]
    pub as_of: Option<NaiveDate>,
    /// Only this unit (a name or alias).
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    #[arg(long, value_enum, default_value_t = RemindFormat::Text)]
    pub format: RemindFormat,
}

pub fn run(global: &Global, args: &RemindArgs) -> CliResult {
    let data = store::load(global.data.as_deref())?;
    let config = Config::find(global.data.as_deref(), None)?;
    let rule = Rule::new(data.plan.year, &config);
    let unit = match &args.unit {
        Some(given) => Some(super::config::canonical_unit(&data, given)?),
        None => None,
    };
    let entries: Vec<ProgressEntry> = Journal::open(&progress_path(global.data.as_deref())?)?
        .entries()
        .cloned()
        .collect();
    let as_of = super::report::as_of_for(global, &rule, args.as_of);
    let reminders = Reminders::new(&data, &entries, as_of, &rule, unit.as_deref());
    let out = io::stdout().lock();
    let written = match args.format {
        RemindFormat::Text => remind::write_text(&reminders, global.lang, out),
        RemindFormat::Md => remind::write_markdown(&reminders, global.lang, out),
        RemindFormat::Json => remind::write_json(&reminders, out),
    };
    match written {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
