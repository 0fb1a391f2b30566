//! The config file: `duban.ron` beside the dataset, or the file given with
//! `--config FILE`.
//!
//! ```ron
//! (
//!     lights: (red_behind: 25, yellow_behind: 10, stale_days: 30),
//!     close: "2024-02-29",
//!     cycle: (every: quarter, due_day: 30),
//!     circular: (issuer: "东阳市人民政府督查室", number: 3, copy_to: ["市委办公室"]),
//! )
//! ```
//!
//! Every field is optional (defaults as above; `close` defaults to the last
//! day of February after the plan year, `every` is `month`, `quarter` or
//! `half_year`); an unknown field is an error at its `file:line:col`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Thresholds;
use super::calendar::{Calendar, Cycle};
use crate::store::Diagnostic;

/// The config file's name in a dataset directory.
pub const CONFIG_FILE: &str = "duban.ron";

/// What the config file holds.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub lights: Thresholds,
    /// The last date an entry may be dated (default: the last day of
    /// February after the plan year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub close: Option<NaiveDate>,
    pub cycle: Cycle,
    /// The circular's issuer, number and copy list.
    pub circular: crate::report::Settings,
    /// The shared progress store's URL (`postgres://…`); `--store` and
    /// `DUBAN_STORE` come first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read the config file: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Not RON, or not the config's shape; or thresholds out of range.
    #[error("{0}")]
    Invalid(Box<Diagnostic>),
}

impl Config {
    /// The config for a run: `explicit` when given (it must exist), else
    /// `DIR/duban.ron` when the dataset is `--data DIR` and the file exists,
    /// else the defaults.
    pub fn find(data: Option<&Path>, explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let path = match (explicit, data) {
            (Some(file), _) => file.to_path_buf(),
            (None, Some(dir)) if dir.join(CONFIG_FILE).exists() => dir.join(CONFIG_FILE),
            (None, _) => return Ok(Config::default()),
        };
        let text = crate::files::read(&path, true)
            .and_then(|bytes| {
                String::from_utf8(bytes)
                    .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
            })
            .map_err(|source| ConfigError::Read {
                path: path.clone(),
                source,
            })?;
        Config::parse(&path.display().to_string(), &text)
    }

    /// Parses config text; `name` is what messages call the file.
    pub fn parse(name: &str, text: &str) -> Result<Config, ConfigError> {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let config: Config = options.from_str(text).map_err(|err| {
            diagnostic(
                name,
                text,
                err.span.start.line,
                err.span.start.col,
                crate::messages::ron_error(&err.code),
            )
        })?;
        let t = config.lights;
        if !(1..=100).contains(&t.yellow_behind) || !(t.yellow_behind..=100).contains(&t.red_behind)
        {
            let (line, col) = position_of(text, "lights");
            return Err(diagnostic(
                name,
                text,
                line,
                col,
                format!(
                    "lights: expected 1 <= yellow_behind <= red_behind <= 100, found yellow_behind {} and red_behind {}",
                    t.yellow_behind, t.red_behind
                ),
            ));
        }
        if !(1..=31).contains(&config.cycle.due_day) {
            let (line, col) = position_of(text, "due_day");
            return Err(diagnostic(
                name,
                text,
                line,
                col,
                format!(
                    "cycle: expected a due_day from 1 to 31, found {}",
                    config.cycle.due_day
                ),
            ));
        }
        Ok(config)
    }

    /// The reporting calendar of plan `year` under this config.
    pub fn calendar(&self, year: i32) -> Calendar {
        Calendar::new(year, self.close, self.cycle)
    }
}

fn diagnostic(
    name: &str,
    text: &str,
    line: usize,
    col: usize,
    message: impl Into<crate::messages::Text>,
) -> ConfigError {
    let source_line = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    ConfigError::Invalid(Box::new(Diagnostic {
        file: name.to_string(),
        line: line.max(1),
        col: col.max(1),
        message: message.into(),
        source_line: source_line.to_string(),
    }))
}

/// The 1-based line and column of the first `word` in `text` (1:1 when absent).
fn position_of(text: &str, word: &str) -> (usize, usize) {
    text.lines()
        .enumerate()
        .find_map(|(i, line)| {
            line.find(word)
                .map(|at| (i + 1, line[..at].chars().count() + 1))
        })
        .unwrap_or((1, 1))
}
