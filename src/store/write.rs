//! Writing a dataset directory: the form `duban import` and `duban synth`
//! produce, and the committed `data/` files have.

use std::fs;
use std::io;
use std::path::Path;

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Serialize;

use crate::model::Dataset;

/// The files of a dataset directory, in the order they are read.
pub const FILES: [&str; 4] = ["plan.ron", "tasks.ron", "projects.ron", "units.ron"];

/// The RON layout of every file duban writes: one field per line, short
/// lists on one line, Chinese text verbatim (raw strings where a text holds
/// a `"`), and `implicit_some` so optional fields read as plain values.
pub fn ron_pretty() -> PrettyConfig {
    PrettyConfig::new()
        .indentor("    ")
        .compact_arrays(true)
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME)
}

const HEADER: &str = "#![enable(implicit_some)]\n";

/// One value in the duban layout, without the extension header.
fn value_ron<T: Serialize + ?Sized>(value: &T) -> io::Result<String> {
    let text = ron::ser::to_string_pretty(value, ron_pretty())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    Ok(text.strip_prefix(HEADER).unwrap_or(&text).to_string())
}

fn to_ron<T: Serialize>(value: &T) -> io::Result<String> {
    Ok(format!("{HEADER}{}\n", value_ron(value)?))
}

/// A list with one element per block, so a change to one task is a change
/// to its own lines.
fn list_ron<T: Serialize>(values: &[T]) -> io::Result<String> {
    let mut out = format!("{HEADER}[\n");
    for value in values {
        out.push_str(&value_ron(value)?);
        out.push_str(",\n");
    }
    out.push_str("]\n");
    Ok(out)
}

/// Renders the four files of a dataset, as `(file name, text)` pairs.
pub fn render_dataset(data: &Dataset) -> io::Result<Vec<(&'static str, String)>> {
    Ok(vec![
        (FILES[0], to_ron(&data.plan)?),
        (FILES[1], list_ron(&data.tasks)?),
        (FILES[2], list_ron(&data.projects)?),
        (FILES[3], list_ron(&data.units)?),
    ])
}

/// Writes a dataset into `dir`, creating it if needed. Each file is written
/// under an unpredictable temporary name and renamed into place (see
/// [`crate::files::replace`]), so a reader never sees half a file and a
/// link planted in the directory is never written through.
pub fn write_dataset(dir: &Path, data: &Dataset) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    for (name, text) in render_dataset(data)? {
        crate::files::replace(&dir.join(name), text.as_bytes())?;
    }
    Ok(())
}
