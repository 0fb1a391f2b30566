use std::process::ExitCode;

use clap::Parser;
use duban::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("duban: {err}");
            ExitCode::FAILURE
        }
    }
}
