use super::args::ImportArgs;
use super::{CliResult, Global};

pub fn run(_global: &Global, _args: &ImportArgs) -> CliResult {
    Err("`import` is not implemented yet".into())
}
