//! The per-user config: who reports from this machine (unit and name).
//!
//! Stored as `user.ron` in `duban/` under the user's config directory
//! (`~/.config/duban/` on Linux), or in `$DUBAN_CONFIG_HOME` when that is
//! set. `duban config set unit 市经信局` writes it; `progress set` and the
//! dashboard read it for the reporter of each entry.

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};

/// The environment variable naming the config directory (for tests and
/// shared machines).
pub const CONFIG_HOME_VAR: &str = "DUBAN_CONFIG_HOME";

/// The file's name in the config directory.
pub const USER_FILE: &str = "user.ron";

/// What the per-user config holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct UserConfig {
    /// The unit the user reports for (canonical name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The user's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Set when the dashboard asked for unit and name and the user skipped:
    /// it does not ask again.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub skipped: bool,
}

/// A key `duban config` understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Unit,
    Name,
}

impl Key {
    pub const ALL: [Key; 2] = [Key::Unit, Key::Name];

    pub fn as_str(self) -> &'static str {
        match self {
            Key::Unit => "unit",
            Key::Name => "name",
        }
    }

    pub fn parse(text: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.as_str() == text.trim())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum UserConfigError {
    #[error("no config directory: set {CONFIG_HOME_VAR} to one")]
    NoDirectory,
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}:{col}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
}

/// Where the per-user config lives.
pub fn path() -> Result<PathBuf, UserConfigError> {
    let dir = match std::env::var_os(CONFIG_HOME_VAR) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => dirs::config_dir()
            .ok_or(UserConfigError::NoDirectory)?
            .join("duban"),
    };
    Ok(dir.join(USER_FILE))
}

impl UserConfig {
    /// The config at [`path`]; the defaults when there is no file.
    pub fn load() -> Result<UserConfig, UserConfigError> {
        UserConfig::load_from(&path()?)
    }

    /// The config in `file`; the defaults when it does not exist.
    pub fn load_from(file: &Path) -> Result<UserConfig, UserConfigError> {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(UserConfig::default()),
            Err(source) => {
                return Err(UserConfigError::Io {
                    path: file.to_path_buf(),
                    source,
                });
            }
        };
        let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
        options
            .from_str(&text)
            .map_err(|e| UserConfigError::Invalid {
                path: file.to_path_buf(),
                line: e.span.start.line,
                col: e.span.start.col,
                message: e.code.to_string(),
            })
    }

    /// Writes the config to [`path`]: a whole new file or none.
    pub fn save(&self) -> Result<PathBuf, UserConfigError> {
        let file = path()?;
        self.save_to(&file)?;
        Ok(file)
    }

    /// Writes the config to `file` through a temporary file renamed into
    /// place, so a crash never leaves half a file.
    pub fn save_to(&self, file: &Path) -> Result<(), UserConfigError> {
        let io = |source| UserConfigError::Io {
            path: file.to_path_buf(),
            source,
        };
        let dir = file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(io)?;
        let pretty = ron::ser::PrettyConfig::default().extensions(Extensions::IMPLICIT_SOME);
        let mut text =
            ron::ser::to_string_pretty(self, pretty).map_err(|e| io(std::io::Error::other(e)))?;
        text.push('\n');
        crate::progress::replace_file(file, text.as_bytes()).map_err(io)?;
        Ok(())
    }

    pub fn get(&self, key: Key) -> Option<&str> {
        match key {
            Key::Unit => self.unit.as_deref(),
            Key::Name => self.name.as_deref(),
        }
    }

    pub fn set(&mut self, key: Key, value: String) {
        match key {
            Key::Unit => self.unit = Some(value),
            Key::Name => self.name = Some(value),
        }
    }

    /// Whether the dashboard should ask for unit and name.
    pub fn wants_asking(&self) -> bool {
        self.unit.is_none() && !self.skipped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_the_defaults_and_a_saved_one_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("sub").join(USER_FILE);
        assert_eq!(UserConfig::load_from(&file).unwrap(), UserConfig::default());
        let mut config = UserConfig::default();
        config.set(Key::Unit, "市经信局".into());
        config.set(Key::Name, "张三".into());
        config.save_to(&file).unwrap();
        let back = UserConfig::load_from(&file).unwrap();
        assert_eq!(back.get(Key::Unit), Some("市经信局"));
        assert_eq!(back.get(Key::Name), Some("张三"));
        assert!(!back.wants_asking());
    }

    #[test]
    fn a_bad_file_names_its_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(USER_FILE);
        std::fs::write(&file, "(\n  unit: \"市经信局\",\n  colour: 3,\n)\n").unwrap();
        let text = UserConfig::load_from(&file).unwrap_err().to_string();
        assert!(text.contains("user.ron:3:"), "{text}");
        assert!(text.contains("colour"), "{text}");
    }
}
