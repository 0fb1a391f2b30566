//! Command-line values that clap's own parsers take too loosely or explain
//! too vaguely: dates (exactly `YYYY-MM-DD`) and percents (0 to 100). The
//! messages are in the user's language; clap parses values before the
//! command sees `--lang`, so it is read from the arguments here.

use chrono::NaiveDate;

use crate::model::parse_date;

/// Whether the command line asks for English messages (`--lang en`).
fn english() -> bool {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    args.iter().any(|a| a == "--lang=en")
        || args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en")
}

/// A `YYYY-MM-DD` date argument.
pub fn date(text: &str) -> Result<NaiveDate, String> {
    parse_date(text).map_err(|e| if english() { e.to_string() } else { e.zh() })
}

/// A percent argument: a whole number from 0 to 100.
pub fn percent(text: &str) -> Result<u8, String> {
    match text.parse::<u8>() {
        Ok(p) if p <= 100 => Ok(p),
        _ if english() => Err(format!(
            "`{text}` is not a percent; expected a whole number from 0 to 100"
        )),
        _ => Err(format!("`{text}` 不是百分比；应为 0 到 100 的整数")),
    }
}
