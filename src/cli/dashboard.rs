use super::{CliResult, Global};

pub fn run(_global: &Global) -> CliResult {
    Err("the dashboard is not implemented yet".into())
}
