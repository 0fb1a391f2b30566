//! `duban collect`: filled report sheets back into the progress journal.

use std::collections::HashSet;
use std::path::PathBuf;

use clap::Args;

use super::{CliResult, Global, Lang};
use crate::collect::{Context, FileOutcome, Said, sort_file};
use crate::lights::{Config, Rule};
use crate::messages::collect::{
    COLLECT_CHECK_SUMMARY, COLLECT_ERROR_AT, COLLECT_FAILED, COLLECT_FILE_HELD, COLLECT_SAVED,
    COLLECT_SUMMARY,
};
use crate::progress::{Journal, progress_path};
use crate::store::{self, Index};
use crate::text::printable;
use crate::{msg, progress};

#[derive(Debug, Args)]
pub struct CollectArgs {
    /// Filled report sheets (.xlsx, .xls, .ods) made by `duban template`.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Check and report what would be recorded; write nothing.
    #[arg(long)]
    pub check: bool,
    /// Record the good rows of a file that has bad ones (by default a file
    /// with any error records nothing).
    #[arg(long)]
    pub skip_bad_rows: bool,
}

pub fn run(global: &Global, args: &CollectArgs) -> CliResult {
    let data = store::load(global.data.as_deref())?;
    let config = Config::find(global.data.as_deref(), None)?;
    let rule = Rule::new(data.plan.year, &config);
    let index = Index::new(&data);
    let path = progress_path(global.data.as_deref())?;
    let mut journal = Journal::open(&path)?;
    let cx = Context {
        data: &data,
        index: &index,
        calendar: &rule.calendar,
        today: super::progress::today(global),
        at: progress::now(),
    };
    let mut known: HashSet<Said> = journal.entries().map(Said::of).collect();
    let outcomes: Vec<FileOutcome> = args
        .files
        .iter()
        .map(|file| sort_file(file, &cx, &mut known, args.skip_bad_rows))
        .collect();
    let lang = global.lang;
    for outcome in &outcomes {
        print_outcome(outcome, args.check, lang);
    }
    let new: Vec<_> = outcomes
        .iter()
        .flat_map(|o| o.new.iter().cloned())
        .collect();
    if !args.check && !new.is_empty() {
        let report = journal.commit_all(new)?;
        for warning in &report.warnings {
            eprintln!("duban: {}", printable(&warning.render(lang)));
        }
        println!(
            "{}",
            msg!(COLLECT_SAVED, path = path.display()).render(lang)
        );
        super::store_hook::push_after_write(global, &path)?;
    }
    let failed = outcomes.iter().filter(|o| o.has_errors()).count();
    if failed > 0 {
        return Err(msg!(COLLECT_FAILED, n = failed).into());
    }
    Ok(())
}

/// The file's summary on stdout, its errors on stderr.
fn print_outcome(o: &FileOutcome, check: bool, lang: Lang) {
    if let Some(why) = &o.failed {
        eprintln!("duban: {}", printable(&why.render(lang)));
        return;
    }
    for error in &o.errors {
        let line = msg!(COLLECT_ERROR_AT, at = error.at).with("why", error.why.clone());
        eprintln!("duban: {}", printable(&line.render(lang)));
    }
    if o.held {
        let held = msg!(COLLECT_FILE_HELD, file = o.file, n = o.errors.len());
        eprintln!("duban: {}", printable(&held.render(lang)));
    }
    let summary = if check {
        COLLECT_CHECK_SUMMARY
    } else {
        COLLECT_SUMMARY
    };
    let line = msg!(
        summary,
        file = o.file,
        recorded = o.new.len(),
        unchanged = o.unchanged,
        rejected = o.rejected
    );
    println!("{}", printable(&line.render(lang)));
}
