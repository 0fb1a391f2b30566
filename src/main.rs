use std::process::ExitCode;

use clap::Parser;
use duban::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // Errors quote source lines and notes: shown printable.
            eprintln!("duban: {}", duban::text::printable_lines(&err.to_string()));
            ExitCode::FAILURE
        }
    }
}
