//! Dates exactly as `YYYY-MM-DD`: four-digit year, two-digit month and
//! day, nothing before or after. chrono's own parser also takes `2023-5-1`
//! and `+2023-05-01`, and calls `2023-02-30` "out of range"; duban reads
//! every date (command line, journal, dataset) through [`parse_date`].

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer};

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date in the form YYYY-MM-DD (e.g. 2023-05-01; years 0001 to 9999)")]
    Form(String),
    #[error("no such date: {text} ({month} has {days} days)")]
    NoSuchDate {
        text: String,
        month: String,
        days: u32,
    },
}

impl DateError {
    /// The same message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            DateError::Form(text) => {
                format!("`{text}` 不是 YYYY-MM-DD 格式的日期（如 2023-05-01，年份 0001 至 9999）")
            }
            DateError::NoSuchDate { text, month, days } => {
                format!("没有这一天：{text}（{month} 只有 {days} 天）")
            }
        }
    }
}

/// A date written exactly `YYYY-MM-DD`, and a real one.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let form = || DateError::Form(text.to_string());
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) {
        return Err(form());
    }
    if !digits(8..10) {
        return Err(form());
    }
    let number = |r: std::ops::Range<usize>| text[r].parse::<u32>().map_err(|_| form());
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    if year == 0 || !(1..=12).contains(&month) || day == 0 {
        return Err(form());
    }
    let year = year as i32;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let first = NaiveDate::from_ymd_opt(year, month, 1);
        let next = NaiveDate::from_ymd_opt(year + month as i32 / 12, month % 12 + 1, 1);
        let days = match (first, next) {
            (Some(a), Some(b)) => (b - a).num_days() as u32,
            _ => 31,
        };
        DateError::NoSuchDate {
            text: text.to_string(),
            month: format!("{:04}-{:02}", first.map_or(year, |d| d.year()), month),
            days,
        }
    })
}

/// serde: a `YYYY-MM-DD` date (for `deserialize_with`).
pub fn strict<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    parse_date(&text).map_err(serde::de::Error::custom)
}

/// serde: an optional `YYYY-MM-DD` date (for `deserialize_with`).
pub fn strict_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(text) => parse_date(&text)
            .map(Some)
            .map_err(serde::de::Error::custom),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_form_is_a_date() {
        assert_eq!(
            parse_date("2023-05-01"),
            NaiveDate::from_ymd_opt(2023, 5, 1).ok_or(form(""))
        );
        for bad in [
            "2023-5-1",
            "+2023-05-01",
            "2023-05-01 ",
            "23-05-01",
            "2023/05/01",
            "2023-13-01",
            "2023-00-10",
            "0000-01-01",
            "２０２３-05-01",
        ] {
            assert_eq!(parse_date(bad), Err(form(bad)), "{bad}");
        }
    }

    fn form(text: &str) -> DateError {
        DateError::Form(text.to_string())
    }

    #[test]
    fn a_day_past_the_month_says_so() {
        let err = parse_date("2023-02-30").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no such date: 2023-02-30 (2023-02 has 28 days)"
        );
        assert_eq!(err.zh(), "没有这一天：2023-02-30（2023-02 只有 28 天）");
        assert!(parse_date("2024-02-29").is_ok());
        assert!(
            parse_date("2023-12-32")
                .unwrap_err()
                .to_string()
                .contains("31 days")
        );
    }
}
