use std::io::{self, Write};

use super::{CliResult, ExportFormat, Global};
use crate::export::{Export, write_csv};
use crate::store;

/// Writes the dataset with its progress to stdout as JSON or CSV.
pub fn run(global: &Global, format: ExportFormat) -> CliResult {
    let data = store::load(global.data.as_deref())?;
    let progress = crate::progress::current_for(global.data.as_deref())?;
    let export = Export::new(&data, &progress);
    let stdout = io::stdout().lock();
    let written = match format {
        ExportFormat::Json => write_json(&export, stdout),
        ExportFormat::Csv => write_csv(&export, stdout).map_err(io::Error::from),
    };
    match written {
        // `duban export | head` closes the pipe early; that is not an error.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn write_json(export: &Export, mut out: impl Write) -> io::Result<()> {
    let json = export.to_json().map_err(io::Error::other)?;
    writeln!(out, "{json}")?;
    out.flush()
}
