//! `duban import SOURCE --out DIR`: a document → a dataset directory.
use super::args::{ImportArgs, Lang};
use super::{CliResult, Global};
use crate::import::{ImportOptions, ImportSummary};
use crate::messages::{IMPORT_ASSUMED, IMPORT_ASSUMED_ROW, IMPORT_CURATED, IMPORT_SUMMARY, Text};
use crate::msg;

pub fn run(global: &Global, args: &ImportArgs) -> CliResult {
    let options = ImportOptions {
        lead_rule: args.lead_rule,
    };
    let s =
        crate::import::import_file_from(&args.source, &args.out, options, args.sheet.as_deref())?;
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
    print_assumed(global.lang, &s);
    Ok(())
}

/// Lists the tasks whose lead units rest on the lead rule, so a person can
/// check them against the document.
fn print_assumed(lang: Lang, summary: &ImportSummary) {
    if summary.assumed.is_empty() {
        return;
    }
    let n = summary.assumed.len();
    let head = msg!(IMPORT_ASSUMED, n = n, rule = summary.rule);
    println!("{}", head.render(lang));
    for a in &summary.assumed {
        let row = msg!(
            IMPORT_ASSUMED_ROW,
            id = a.task,
            line = a.line,
            units = a.lead.join("、")
        );
        println!("  {}", crate::text::printable(&row.render(lang)));
    }
}
