//! Livelihood projects (民生实事): `一、Title。Description`, then
//! `牵头市领导:`, `牵头单位:`, `配合单位:` (or a `责任单位:` list).

use std::ops::Range;

use super::ImportError;
use super::clean::clean_text;
use super::doc::Doc;
use super::lead::LeadRule;
use super::numbers::{chinese, is_chinese_digit, leading_number, parse_chinese};
use super::structure::find_label;
use super::units::{self, Roles};
use crate::messages::import::{
    IMP_BEFORE_FIRST_PROJECT, IMP_EXP_FIRST_PROJECT, IMP_EXP_PROJECT, IMP_PROJECT_ORDER,
};
use crate::msg;

const LEADER_LABELS: [&str; 4] = ["牵头市领导", "牵头县领导", "牵头区领导", "牵头领导"];
const LEAD_LABEL: &str = "牵头单位";
const CO_LABEL: &str = "配合单位";
const UNITS_LABEL: &str = "责任单位";

/// One project as written, before unit names are made canonical.
pub(crate) struct ProjectDraft {
    pub number: u32,
    /// Offset in the source where the project starts.
    pub at: usize,
    pub title: String,
    pub text: String,
    /// Numbered sub-items' texts.
    pub items: Vec<String>,
    /// The leader's name and where it stands.
    pub leader: Option<(String, usize)>,
    pub roles: Roles,
    /// The lead reading rests on the lead rule (see `Roles::of_list`).
    pub assumed: bool,
}

/// The offset of the line-start `X、` project number in `range`, if any,
/// and its value.
fn project_starts(doc: &Doc, range: Range<usize>) -> Vec<(usize, u32)> {
    let first = doc.line_of(range.start);
    (first..doc.line_count())
        .map(|i| doc.line_range(i))
        .take_while(|r| r.start < range.end)
        .filter(|r| r.start >= range.start)
        .filter_map(|r| {
            let line = &doc.text[r.start..r.end.min(range.end)];
            let n = line.chars().take_while(|c| is_chinese_digit(*c)).count();
            let numeral: String = line.chars().take(n).collect();
            let rest = &line[numeral.len()..];
            (n > 0 && rest.starts_with('、'))
                .then(|| parse_chinese(&numeral).map(|v| (r.start, v)))?
        })
        .collect()
}

/// Splits a description into numbered sub-items: `1.…。2.…`. A number
/// counts only at the start or after 。/；/; and only as the next number,
/// so "培训2.0版" is text.
pub(crate) fn items(text: &str) -> Vec<String> {
    let mut starts = Vec::new();
    let mut expected = 1;
    for (i, c) in text.char_indices() {
        let boundary = i == 0 || matches!(c, '。' | '；' | ';');
        if !boundary {
            continue;
        }
        let at = if i == 0 { 0 } else { i + c.len_utf8() };
        if let Some((n, len)) = leading_number(&text[at..]).filter(|(n, _)| *n == expected) {
            starts.push((at, at + len));
            expected = n + 1;
        }
    }
    if starts.first().is_none_or(|(at, _)| *at != 0) {
        return Vec::new();
    }
    let ends = starts.iter().skip(1).map(|(s, _)| *s).chain([text.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|((_, body), end)| text[*body..end].trim().to_string())
        .collect()
}

/// Parses the project section.
pub(crate) fn parse(
    doc: &Doc,
    region: Range<usize>,
    rule: LeadRule,
) -> Result<Vec<ProjectDraft>, ImportError> {
    let starts = project_starts(doc, region.clone());
    match (doc.skip_blank(region.start, region.end), starts.first()) {
        (None, _) => return Ok(Vec::new()),
        (Some(at), Some((s, _))) if at == *s => {}
        (Some(at), _) => {
            return Err(doc.error_text(
                at,
                msg!(IMP_BEFORE_FIRST_PROJECT),
                msg!(IMP_EXP_FIRST_PROJECT),
            ));
        }
    }
    let mut drafts = Vec::new();
    for (k, (start, value)) in starts.iter().enumerate() {
        let number = k as u32 + 1;
        if *value != number {
            return Err(doc.error_text(
                *start,
                msg!(
                    IMP_PROJECT_ORDER,
                    found = chinese(*value),
                    expected = chinese(number)
                ),
                msg!(IMP_EXP_PROJECT, n = chinese(number)),
            ));
        }
        let end = starts.get(k + 1).map_or(region.end, |(s, _)| *s);
        let body = start + chinese(number).len() + '、'.len_utf8();
        drafts.push(project(doc, number, body..end, rule)?);
    }
    Ok(drafts)
}

fn project(
    doc: &Doc,
    number: u32,
    range: Range<usize>,
    rule: LeadRule,
) -> Result<ProjectDraft, ImportError> {
    let s = &doc.text[range.clone()];
    let mut labels: Vec<(&str, usize, usize)> = LEADER_LABELS
        .iter()
        .chain([&LEAD_LABEL, &CO_LABEL, &UNITS_LABEL])
        .filter_map(|l| find_label(s, l).map(|(a, b)| (*l, a, b)))
        .collect();
    labels.sort_by_key(|(_, a, _)| *a);
    labels.dedup_by_key(|(_, a, _)| *a);
    let description_end = labels.first().map_or(s.len(), |(_, a, _)| *a);
    let description = clean_text(&s[..description_end]);
    let (title, text) = match description.split_once('。') {
        Some((t, rest)) => (t.to_string(), rest.to_string()),
        None => (description.clone(), String::new()),
    };
    let value = |label: &str| {
        labels
            .iter()
            .enumerate()
            .find(|(_, (l, _, _))| *l == label)
            .map(|(i, (_, _, b))| {
                let end = labels.get(i + 1).map_or(s.len(), |(_, a, _)| *a);
                range.start + b..range.start + end
            })
    };
    let leader = LEADER_LABELS
        .iter()
        .find_map(|l| value(l))
        .map(|r| (clean_text(&doc.text[r.clone()]), r.start));
    let list = |label: &str| value(label).map(|r| units::split(doc, r)).transpose();
    let (roles, assumed) = match (list(LEAD_LABEL)?, list(CO_LABEL)?, list(UNITS_LABEL)?) {
        (None, None, Some(all)) => Roles::of_list(&all, rule),
        (lead, co, _) => {
            let empty = || units::List {
                entries: Vec::new(),
                note: None,
            };
            let roles = Roles::of_lists(&lead.unwrap_or_else(empty), &co.unwrap_or_else(empty));
            (roles, false)
        }
    };
    let items = items(&text);
    Ok(ProjectDraft {
        number,
        at: range.start,
        title,
        text,
        items,
        leader,
        roles,
        assumed,
    })
}
