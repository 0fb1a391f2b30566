//! Spreadsheets made by other programs for the spreadsheet tests: Python
//! with openpyxl runs a fixture script, LibreOffice headless converts.
#![allow(dead_code)] // each test binary uses a different part

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "../external/mod.rs"]
pub mod external;

/// The fixture directory of the spreadsheet tests.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sheets")
        .join(name)
}

/// Runs the fixture script `script` with a python3 that has openpyxl,
/// with `args`, and returns what it printed; `None` (reported) when there
/// is no such python3.
pub fn openpyxl(script: &str, args: &[&Path]) -> Option<Vec<u8>> {
    let python = external::python_with(&["openpyxl"])?;
    let out = Command::new(python)
        .arg(fixture(script))
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(out.stdout)
}

/// LibreOffice headless converts `input` to `format` (`ods`, `xlsx`, or a
/// filter spec such as `xlsx:"Calc MS Excel 2007 XML"`) in `out_dir`, with
/// the CSV import `infilter` when given (none: LibreOffice's defaults).
/// Returns the converted file; `None` (reported) without LibreOffice.
pub fn libreoffice(
    input: &Path,
    format: &str,
    out_dir: &Path,
    infilter: Option<&str>,
) -> Option<PathBuf> {
    let soffice = external::program(&["soffice", "libreoffice"])?;
    // A profile of its own: parallel tests must not share one.
    let profile = tempfile::tempdir().expect("profile dir");
    let mut command = Command::new(soffice);
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--norestore", "--convert-to", format]);
    if let Some(filter) = infilter {
        command.arg(format!("--infilter={filter}"));
    }
    let out = command
        .arg("--outdir")
        .arg(out_dir)
        .arg(input)
        .output()
        .expect("soffice runs");
    let ext = format.split(':').next().unwrap_or(format);
    let stem = input.file_stem().expect("a file name");
    let converted = out_dir.join(stem).with_extension(ext);
    assert!(
        converted.is_file(),
        "LibreOffice did not convert {}: {}{}",
        input.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(converted)
}
