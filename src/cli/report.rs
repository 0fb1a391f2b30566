//! `duban report`: a progress circular (通报) on a date.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::{CliResult, Global, Lang};
use crate::lights::Config;
use crate::messages::{REPORT_PDF_NEEDS_OUT, Text, XLSX_NEEDS_OUT};
use crate::model::ProgressEntry;
use crate::progress::{Journal, progress_path};
use crate::report::{
    Circular, Filter, Options, Words, table, write_html, write_json, write_markdown, write_pdf,
    write_whole,
};
use crate::store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown
    Md,
    /// One self-contained HTML page (prints well)
    Html,
    /// The HTML page printed to A4 PDF by headless Chromium (needs --out)
    Pdf,
    /// One row per task
    Csv,
    /// One row per task, as an Excel workbook (needs --out)
    Xlsx,
    /// Every task's light, the standings and the units owing reports
    Json,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// The date the circular reports on (default: --today, else today;
    /// once the plan's close date has passed, the plan's last day).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::values::date)]
    pub as_of: Option<NaiveDate>,
    /// The previous circular's date: changes are counted since then
    /// (default: the previous quarter's due date).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::values::date)]
    pub since: Option<NaiveDate>,
    /// Also list every task by leader.
    #[arg(long)]
    pub full: bool,
    /// Only this leader's tasks (an ID like L2, or a name).
    #[arg(long, value_name = "L")]
    pub leader: Option<String>,
    /// Only the tasks this unit leads or cooperates on (a name or alias).
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// Who issues the circular (default: duban.ron's circular.issuer, else
    /// the plan's issuer).
    #[arg(long, value_name = "NAME")]
    pub issuer: Option<String>,
    /// The circular's issue number, 第N期 (default: duban.ron's
    /// circular.number).
    #[arg(long, value_name = "N")]
    pub number: Option<u32>,
    /// Whom the circular is copied to (抄送); repeat for more (default:
    /// duban.ron's circular.copy_to).
    #[arg(long, value_name = "UNIT")]
    pub copy_to: Vec<String>,
    /// Write to FILE instead of stdout (required for pdf).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// CSV without the UTF-8 byte-order mark (which tells Excel the text
    /// is UTF-8).
    #[arg(long)]
    pub no_bom: bool,
    /// Light thresholds and circular settings from FILE instead of
    /// DIR/duban.ron.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Writes the circular to stdout or `--out`.
pub fn run(global: &Global, args: &ReportArgs) -> CliResult {
    let english = global.lang == Lang::En;
    if args.format == ReportFormat::Pdf && args.out.is_none() {
        return Err(Text::from(REPORT_PDF_NEEDS_OUT).into());
    }
    if args.format == ReportFormat::Xlsx && args.out.is_none() {
        return Err(Text::from(XLSX_NEEDS_OUT).into());
    }
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
    let mut settings = config.circular.clone();
    if let Some(issuer) = &args.issuer {
        settings.issuer = issuer.clone();
    }
    if let Some(number) = args.number {
        settings.number = number;
    }
    if !args.copy_to.is_empty() {
        settings.copy_to = args.copy_to.clone();
    }
    let options = Options {
        since: args.since,
        full: args.full,
        settings,
    };
    let circular = Circular::with_rule(&data, &entries, as_of, &rule, filter, options)?;
    let words = if english { Words::EN } else { Words::ZH };
    let mut text = Vec::new();
    match args.format {
        ReportFormat::Md => write_markdown(&circular, &words, &mut text)?,
        ReportFormat::Html | ReportFormat::Pdf => write_html(&circular, &words, &mut text)?,
        ReportFormat::Csv => table(&circular, &words)
            .write_csv(&mut text, !args.no_bom)
            .map_err(io::Error::from)?,
        ReportFormat::Xlsx => {
            let out = args.out.as_deref().unwrap_or(Path::new(""));
            return Ok(table(&circular, &words).save_xlsx(out)?);
        }
        ReportFormat::Json => write_json(&circular, &mut text)?,
    }
    match (&args.out, args.format) {
        (Some(out), ReportFormat::Pdf) => Ok(write_pdf(&text, out, english)?),
        (Some(out), _) => Ok(write_whole(out, &text)?),
        (None, _) => match io::stdout().lock().write_all(&text) {
            // `duban report | head` closes the pipe early; that is not an error.
            Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            other => Ok(other?),
        },
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
        let lang = match global.lang {
            Lang::Zh => crate::app::Lang::Zh,
            Lang::En => crate::app::Lang::En,
        };
        eprintln!("{}", crate::app::year::past_plan_note(lang, as_of));
    }
    as_of
}
