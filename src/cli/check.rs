use super::{CliResult, Global};
use crate::store;

/// Loads and validates the dataset; prints a one-line summary.
pub fn run(global: &Global) -> CliResult {
    let data = store::load(global.data.as_deref())?;
    println!(
        "{} leaders, {} key tasks, {} projects, {} units",
        data.plan.leaders.len(),
        data.tasks.len(),
        data.projects.len(),
        data.units.len()
    );
    Ok(())
}
