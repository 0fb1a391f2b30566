//! `duban import SOURCE --out DIR`: a document → a dataset directory.
use super::args::{ImportArgs, Lang};
use super::{CliResult, Global};
use crate::import::{ImportOptions, ImportSummary};

pub fn run(global: &Global, args: &ImportArgs) -> CliResult {
    let options = ImportOptions {
        lead_rule: args.lead_rule,
    };
    let summary = crate::import::import_file_with(&args.source, &args.out, options)?;
    println!("{summary}");
    print_assumed(global.lang, &summary);
    Ok(())
}

/// Lists the tasks whose lead units rest on the lead rule, so a person can
/// check them against the document.
fn print_assumed(lang: Lang, summary: &ImportSummary) {
    if summary.assumed.is_empty() {
        return;
    }
    let n = summary.assumed.len();
    match lang {
        Lang::Zh => println!(
            "以下{n}项任务的责任单位只是一串并列单位，未标明牵头，已按“{}”规则读作牵头单位；请对照原文核实（可用 --lead-rule 改变读法）：",
            summary.rule
        ),
        Lang::En => println!(
            "{n} tasks list their units with no lead marked; read by the `{}` rule as leading. Check them against the document (--lead-rule changes the reading):",
            summary.rule
        ),
    }
    for a in &summary.assumed {
        println!("  {} (line {}): {}", a.task, a.line, a.lead.join("、"));
    }
}
