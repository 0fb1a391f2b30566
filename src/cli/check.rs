use super::{CliResult, Global};

pub fn run(_global: &Global) -> CliResult {
    Err("`check` is not implemented yet".into())
}
