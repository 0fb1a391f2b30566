//! Writing a dataset directory: the form `duban import` and `duban synth`
//! produce, and the committed `data/` files have.

use std::fs;
use std::io::{self, Write};
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

/// Writes a dataset into `dir`, creating it if needed: all four files or
/// none (see [`write_files`]).
pub fn write_dataset(dir: &Path, data: &Dataset) -> io::Result<()> {
    write_files(dir, &render_dataset(data)?)
}

/// Writes `files` into `dir`, all or none. They are written and synced in
/// a staging directory beside `dir` first, so a full disk or a failed
/// write leaves `dir` as it was; then the staging directory becomes `dir`
/// (a new dataset) or its files are renamed into `dir`, which needs no
/// space. The staging directory is removed either way.
pub fn write_files(dir: &Path, files: &[(&str, String)]) -> io::Result<()> {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(parent)?;
    let name = dir
        .file_name()
        .map_or_else(|| "dataset".into(), |n| n.to_string_lossy());
    // An unpredictable name, created exclusively: nothing planted beside
    // the dataset can be written through. Removed when dropped.
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.staging-"))
        .tempdir_in(parent)?;
    for (name, text) in files {
        let mut file = fs::File::create_new(staging.path().join(name))?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
    }
    if !dir.exists() {
        let path = staging.keep();
        return fs::rename(&path, dir).inspect_err(|_| {
            let _ = fs::remove_dir_all(&path);
        });
    }
    // Renames replace names in `dir`: a link there is replaced, never
    // followed.
    for (name, _) in files {
        fs::rename(staging.path().join(name), dir.join(name))?;
    }
    Ok(())
}
