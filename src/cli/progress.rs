use super::{CliResult, Global, ProgressCommand};

pub fn run(_global: &Global, _cmd: ProgressCommand) -> CliResult {
    Err("`progress` is not implemented yet".into())
}
