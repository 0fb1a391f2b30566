use super::args::SearchArgs;
use super::{CliResult, Global};

pub fn run(_global: &Global, _args: &SearchArgs) -> CliResult {
    Err("`search` is not implemented yet".into())
}
