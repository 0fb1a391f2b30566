//! Where a dataset's progress lives.

use std::path::{Path, PathBuf};

use super::error::ProgressError;

/// The journal's file name, beside the dataset it belongs to.
pub const FILE_NAME: &str = "progress.ron";

/// The bundled dataset's name: its progress goes in a per-user directory
/// of that name.
pub const BUNDLED_DATASET: &str = "dongyang-2023";

/// Overrides the per-user data directory (`dirs::data_dir()/duban`), so
/// tests and portable installs never touch the real home directory.
pub const DATA_HOME_ENV: &str = "DUBAN_DATA_HOME";

/// `DIR/progress.ron` for `--data DIR`; for the bundled dataset
/// `$DUBAN_DATA_HOME/dongyang-2023/progress.ron` when the variable is set,
/// else `<platform data dir>/duban/dongyang-2023/progress.ron`
/// (`~/.local/share` on Linux, `~/Library/Application Support` on macOS,
/// `%APPDATA%` on Windows).
pub fn progress_path(data: Option<&Path>) -> Result<PathBuf, ProgressError> {
    if let Some(dir) = data {
        return Ok(dir.join(FILE_NAME));
    }
    let home = match std::env::var_os(DATA_HOME_ENV).filter(|v| !v.is_empty()) {
        Some(home) => PathBuf::from(home),
        None => dirs::data_dir()
            .ok_or(ProgressError::NoDataDir)?
            .join("duban"),
    };
    Ok(home.join(BUNDLED_DATASET).join(FILE_NAME))
}
