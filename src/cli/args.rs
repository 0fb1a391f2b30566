use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use super::collect::CollectArgs;
use super::progress::SetArgs;
use super::remind::RemindArgs;
use super::report::ReportArgs;
use super::template::TemplateArgs;

/// 督办 duban: follow a city government's key-task responsibility breakdown.
///
/// With no subcommand, opens the dashboard on the bundled dataset
/// (or on --data DIR).
#[derive(Debug, Parser)]
#[command(name = "duban", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    /// Dashboard: open on this unit's duties (a name or alias), with what
    /// it owes this period on top (default: the unit in `duban config`).
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every subcommand understands.
#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Load the dataset in DIR instead of the bundled one.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Label language.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    /// Dashboard: do not capture the mouse, so text can be selected and copied.
    #[arg(long, global = true)]
    pub no_mouse: bool,
    /// Use this date as "today" for the whole run (YYYY-MM-DD).
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = super::values::date)]
    pub today: Option<NaiveDate>,
    /// The shared progress store (postgres://…); also DUBAN_STORE, or
    /// `store:` in duban.ron.
    #[arg(long, global = true, value_name = "URL")]
    pub store: Option<String>,
}

pub use crate::messages::Lang;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a dataset and print a summary line.
    Check,
    /// Write the dataset (with current progress) to stdout.
    Export(ExportArgs),
    /// Turn a responsibility-breakdown document into a dataset directory.
    Import(ImportArgs),
    /// Search tasks, projects, units and leaders (fuzzy and pinyin).
    Search(SearchArgs),
    /// Write a synthetic dataset for benchmarks and scale tests.
    Synth(SynthArgs),
    /// Record or list progress.
    #[command(subcommand)]
    Progress(ProgressCommand),
    /// Print where progress for the dataset is saved.
    Where,
    /// Write a progress circular (通报): lights by leader, red items first, unit totals.
    Report(ReportArgs),
    /// Print a reminder (催报) for each unit owing reports.
    Remind(RemindArgs),
    /// Show or set who reports from this machine (unit, name).
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Write a unit's report sheet (.xlsx) to fill in, or one per unit.
    Template(TemplateArgs),
    /// Record the progress in filled report sheets.
    Collect(CollectArgs),
    /// The shared progress store: set up, grant, sync, status.
    #[command(subcommand)]
    Store(super::store::StoreCommand),
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Set `unit` (a known unit's name or alias) or `name`.
    Set { key: String, value: String },
    /// Print one value.
    Get { key: String },
    /// Print every value and where they are stored.
    List,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,
    /// Write to FILE instead of stdout (required for xlsx).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// CSV without the UTF-8 byte-order mark (which tells Excel the text
    /// is UTF-8).
    #[arg(long)]
    pub no_bom: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The source: a document (markdown or plain text) or a plan table
    /// (xlsx, xls, ods or csv).
    pub source: PathBuf,
    /// The sheet of a workbook to read (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// The dataset directory to write. Curation in an existing DIR/units.ron
    /// (unit kinds, aliases) is kept.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// How a plain unit list without a lead/cooperate split is read: the
    /// first unit leads (first), the units before the first comma lead
    /// (group), or every unit leads (all). Default: the rule the document
    /// states; `first` when it states none.
    #[arg(long, value_name = "RULE")]
    pub lead_rule: Option<crate::import::LeadRule>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchKind {
    Task,
    Project,
    Unit,
    Leader,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    pub query: String,
    /// Only results of this kind.
    #[arg(long, value_enum)]
    pub kind: Option<SearchKind>,
    /// At most N results.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Type QUERY one character at a time into the engine and print each
    /// keystroke's latency.
    #[arg(long)]
    pub timings: bool,
}

#[derive(Debug, Args)]
pub struct SynthArgs {
    /// How many key tasks to generate.
    #[arg(long)]
    pub tasks: usize,
    /// The dataset directory to write.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Random seed, for reproducible datasets.
    #[arg(long, default_value_t = 2023)]
    pub seed: u64,
    /// Also write a progress journal of this many entries, spread over the
    /// tasks and the year.
    #[arg(long, value_name = "M")]
    pub entries: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub enum ProgressCommand {
    /// Record progress on a task, project or sub-item.
    Set(SetArgs),
    /// List progress entries, of one task or of all.
    Log {
        id: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Save the entries a dashboard could not save when it ended (kept in
    /// a recovery file) into the journal.
    Recover,
}
