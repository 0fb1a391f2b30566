//! `duban where`: the progress file of the dataset.

use super::{CliResult, Global};
use crate::progress::progress_path;

pub fn run(global: &Global) -> CliResult {
    println!("{}", progress_path(global.data.as_deref())?.display());
    Ok(())
}
