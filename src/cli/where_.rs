use super::{CliResult, Global};

pub fn run(_global: &Global) -> CliResult {
    Err("`where` is not implemented yet".into())
}
