//! The command line: arguments and one module per subcommand.

mod args;
mod check;
mod collect;
mod config;
mod dashboard;
mod dashboard_open;
mod dashboard_rest;
/// One journal operation of the dashboard and what it changed (for benches).
pub use dashboard::perform;
mod export;
mod failure;
// Signals and terminal hang-ups are unix; elsewhere crossterm's events suffice.
#[cfg(unix)]
mod hangup;
#[cfg(not(unix))]
#[path = "hangup_console.rs"]
mod hangup;
mod help;
mod help_table;
mod import;
mod live;
mod live_worker;
mod progress;
// Quitting a large dashboard without waiting for its memory to be freed.
#[cfg(target_os = "linux")]
mod quit;
mod remind;
mod report;
mod search;
mod store;
mod store_hook;
mod suspend;
mod synth;
mod template;
mod values;
mod where_;

pub use args::{
    Cli, Command, ConfigCommand, ExportArgs, ExportFormat, Global, ImportArgs, Lang,
    ProgressCommand, SearchArgs, SearchKind, SynthArgs,
};
pub use collect::CollectArgs;
pub use remind::{RemindArgs, RemindFormat};
pub use report::{ReportArgs, ReportFormat};
pub use store::{GrantArgs, StoreCommand};
pub use store_hook::STORE_ENV;
pub use template::TemplateArgs;

pub use failure::Failure;
pub use help::{LANG_ENV, command, error_text, lang_of, parse};

/// Errors at the edge are reported in the user's language, exit code 1.
pub type CliResult = Result<(), Failure>;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> CliResult {
    let global = cli.global;
    crate::store::warn_in(global.lang);
    match cli.command {
        None => dashboard::run(&global, cli.unit.as_deref()),
        Some(Command::Check) => check::run(&global),
        Some(Command::Export(args)) => export::run(&global, &args),
        Some(Command::Import(args)) => import::run(&global, &args),
        Some(Command::Search(args)) => search::run(&global, &args),
        Some(Command::Synth(args)) => synth::run(&global, &args),
        Some(Command::Progress(cmd)) => progress::run(&global, cmd),
        Some(Command::Where) => where_::run(&global),
        Some(Command::Report(args)) => report::run(&global, &args),
        Some(Command::Remind(args)) => remind::run(&global, &args),
        Some(Command::Config(cmd)) => config::run(&global, cmd),
        Some(Command::Template(args)) => template::run(&global, &args),
        Some(Command::Collect(args)) => collect::run(&global, &args),
        Some(Command::Store(cmd)) => store::run(&global, cmd),
    }
}
