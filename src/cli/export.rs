//! `duban export`: the dataset with its progress as JSON, CSV or xlsx.

use std::io::{self, Write};

use super::{CliResult, ExportArgs, ExportFormat, Global};
use crate::export::{Export, table};
use crate::messages::{Text, XLSX_NEEDS_OUT};
use crate::store;

/// Writes the dataset with its progress to stdout or `--out`: JSON, CSV
/// (column names and labels in the user's language, a byte-order mark
/// unless `--no-bom`) or xlsx.
pub fn run(global: &Global, args: &ExportArgs) -> CliResult {
    let data = store::load(global.data.as_deref())?;
    let progress = crate::progress::current_for(global.data.as_deref())?;
    let export = Export::new(&data, &progress);
    let mut bytes = Vec::new();
    match args.format {
        ExportFormat::Json => write_json(&export, &mut bytes)?,
        ExportFormat::Csv => table(&export, global.lang)
            .write_csv(&mut bytes, !args.no_bom)
            .map_err(io::Error::from)?,
        ExportFormat::Xlsx => {
            let Some(out) = &args.out else {
                return Err(Text::from(XLSX_NEEDS_OUT).into());
            };
            return Ok(table(&export, global.lang).save_xlsx(out)?);
        }
    }
    if let Some(out) = &args.out {
        return Ok(crate::report::write_whole(out, &bytes)?);
    }
    match io::stdout().lock().write_all(&bytes) {
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
