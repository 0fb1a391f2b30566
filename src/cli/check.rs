use super::{CliResult, Global};
use crate::messages::CHECK_SUMMARY;
use crate::{msg, store};

/// Loads and validates the dataset; prints a one-line summary.
pub fn run(global: &Global) -> CliResult {
    let data = store::load(global.data.as_deref())?;
    let summary = msg!(
        CHECK_SUMMARY,
        leaders = data.plan.leaders.len(),
        tasks = data.tasks.len(),
        projects = data.projects.len(),
        units = data.units.len()
    );
    println!("{}", summary.render(global.lang));
    Ok(())
}
