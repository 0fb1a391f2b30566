use super::{CliResult, ExportFormat, Global};

pub fn run(_global: &Global, _format: ExportFormat) -> CliResult {
    Err("`export` is not implemented yet".into())
}
