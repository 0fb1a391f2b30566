//! Front matter: title, issuer, document number, date, addressees.

use std::ops::Range;

use chrono::NaiveDate;

use super::clean::clean_text;
use super::doc::Doc;
use crate::model::{Leader, Plan, Rules};

pub(crate) struct Front {
    pub title: String,
    pub issuer: String,
    pub doc_number: String,
    pub issued: Option<NaiveDate>,
    pub addressees: Vec<String>,
}

impl Front {
    /// The plan: this front matter with the year, rules and leaders.
    pub fn into_plan(
        self,
        year: i32,
        rules: Rules,
        leaders: Vec<Leader>,
        by_section: bool,
    ) -> Plan {
        Plan {
            title: self.title,
            issuer: self.issuer,
            doc_number: self.doc_number,
            issued: self.issued,
            year,
            addressees: self.addressees,
            rules,
            leaders,
            by_section,
        }
    }
}

fn digits_before(s: &str) -> &str {
    let n = s.bytes().rev().take_while(u8::is_ascii_digit).count();
    &s[s.len() - n..]
}

fn digits_after(s: &str) -> &str {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    &s[..n]
}

/// The last "2023年1月28日" in `s`: where it starts, and the date.
pub(crate) fn find_date(s: &str) -> Option<(usize, NaiveDate)> {
    s.match_indices('年').rev().find_map(|(i, _)| {
        let year = digits_before(&s[..i]);
        let rest = &s[i + '年'.len_utf8()..];
        let month = digits_after(rest);
        let rest = rest[month.len()..].strip_prefix('月')?;
        let day = digits_after(rest);
        rest[day.len()..].strip_prefix('日')?;
        let date =
            NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)?;
        Some((i - year.len(), date))
    })
}

/// The first four-digit year in `s`.
pub(crate) fn find_year(s: &str) -> Option<i32> {
    s.char_indices().find_map(|(i, _)| {
        let run = digits_after(&s[i..]);
        let starts = !s[..i].ends_with(|c: char| c.is_ascii_digit());
        (starts && run.len() == 4)
            .then(|| run.parse().ok())
            .flatten()
    })
}

fn is_doc_number(line: &str) -> bool {
    line.ends_with('号') && line.contains(['[', '〔', '【']) && line.chars().count() <= 30
}

/// Reads the front matter from `lines` (0-based line indices).
pub(crate) fn parse(doc: &Doc, lines: Range<usize>, source_name: &str) -> Front {
    let cleaned: Vec<String> = lines
        .map(|i| clean_text(doc.line(i)))
        .filter(|l| !l.is_empty())
        .collect();
    let doc_number = cleaned
        .iter()
        .find(|l| is_doc_number(l))
        .cloned()
        .unwrap_or_default();
    let signature = cleaned.iter().rev().find_map(|l| {
        let (at, date) = find_date(l)?;
        let tail = &l[at..];
        (tail.ends_with('日') && l.chars().count() <= 40)
            .then(|| (l[..at].trim().to_string(), date))
    });
    let issuer = cleaned
        .iter()
        .find_map(|l| l.strip_suffix("文件").map(str::to_string))
        .or_else(|| signature.as_ref().map(|(who, _)| who.clone()))
        .unwrap_or_default();
    let title = cleaned
        .iter()
        .find_map(|l| l.find("关于").map(|i| l[i..].to_string()))
        .unwrap_or_else(|| source_name.to_string());
    let addressees = cleaned
        .iter()
        .find_map(|l| {
            let body = l.strip_suffix(':').or_else(|| l.strip_suffix('：'))?;
            (!body.contains("附件")).then_some(body)
        })
        .map(|body| {
            body.split([',', '，'])
                .map(str::to_string)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Front {
        title,
        issuer,
        doc_number,
        issued: signature.map(|(_, d)| d),
        addressees,
    }
}
