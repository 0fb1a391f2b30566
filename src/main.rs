use std::process::ExitCode;

use duban::cli;

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    let lang = cli::lang_of(&args);
    let cli = cli::parse(args, lang);
    let lang = cli.global.lang;
    match cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // Errors quote source lines and notes: shown printable.
            eprintln!(
                "duban: {}",
                duban::text::printable_lines(&err.localize(lang))
            );
            ExitCode::FAILURE
        }
    }
}
