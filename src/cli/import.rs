//! `duban import SOURCE --out DIR`: a document → a dataset directory.
use super::args::ImportArgs;
use super::{CliResult, Global};
use crate::messages::{IMPORT_CURATED, IMPORT_SUMMARY, Text};
use crate::msg;

pub fn run(global: &Global, args: &ImportArgs) -> CliResult {
    let s = crate::import::import_file(&args.source, &args.out)?;
    let curated = match s.curated {
        0 => Text::Plain(String::new()),
        n => msg!(IMPORT_CURATED, n = n),
    };
    let summary = msg!(
        IMPORT_SUMMARY,
        leaders = s.leaders,
        tasks = s.tasks,
        projects = s.projects,
        units = s.units,
        targets = s.targets,
        out = s.out.display()
    )
    .with("curated", curated);
    println!("{}", summary.render(global.lang));
    Ok(())
}
