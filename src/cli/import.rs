//! `duban import SOURCE --out DIR`: a document → a dataset directory.
use super::args::ImportArgs;
use super::{CliResult, Global};

pub fn run(_global: &Global, args: &ImportArgs) -> CliResult {
    let summary = crate::import::import_file(&args.source, &args.out)?;
    println!("{summary}");
    Ok(())
}
