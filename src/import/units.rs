//! Unit lists: `责任单位: **A、B**, C、D、X各成员单位`.
//!
//! Units are separated by 、 and by , or ，. A 、 inside parentheses or
//! inside a known compound (各镇、乡人民政府) does not separate. Bold marks
//! the leading units when present; otherwise the group before the first
//! comma leads, and a list without a comma is led by its first unit.

use std::ops::Range;

use super::ImportError;
use super::clean::clean_text;
use super::doc::Doc;
use super::front::find_date;
use super::lead::LeadRule;
use crate::messages::import::{IMP_EXP_UNIT_LIST, IMP_NOT_UNIT_NAME, IMP_UNITS_RUN_ON};
use crate::msg;

/// Names that hold a 、 of their own.
const COMPOUNDS: [(&str, &str); 1] = [("各镇", "乡人民政府")];

/// Words naming a kind of working group; "指挥部各成员单位" with nothing
/// else before 各成员单位 means the members of the task's own lead group.
pub(crate) const GROUP_WORDS: [&str; 9] = [
    "指挥部",
    "专班",
    "领导小组",
    "协调联络组",
    "工作组",
    "委员会",
    "联席会议",
    "组委会",
    "小组",
];

/// Longest plausible unit name, in characters.
const MAX_NAME: usize = 30;

/// One unit of a list, cleaned.
pub(crate) struct Entry {
    pub name: String,
    pub bold: bool,
    /// Index of the comma-separated group it stands in.
    pub group: usize,
}

/// A split unit list and the rule note it carried, if any.
pub(crate) struct List {
    pub entries: Vec<Entry>,
    pub note: Option<String>,
}

/// The roles of the units of one task, as written (not yet canonical).
#[derive(Default)]
pub(crate) struct Roles {
    pub lead: Vec<String>,
    pub co: Vec<String>,
    /// Working groups whose members cooperate.
    pub members_of: Vec<String>,
}

/// Whether a parenthetical is the document's rule note
/// ("列第一位者为工作牵头或汇总单位,…,下同").
fn is_rule_note(inner: &str) -> bool {
    inner.contains("列第一位") || inner.contains("下同")
}

/// The byte index of the parenthesis closing the one `s` starts with.
fn closing(s: &str) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

struct Splitter<'d, 'a> {
    doc: &'d Doc<'a>,
    entries: Vec<Entry>,
    current: String,
    at: Option<usize>,
    /// Where the name continues after a line break, if it does.
    continued: Option<usize>,
    seen_break: bool,
    bold: bool,
}

impl Splitter<'_, '_> {
    fn push(&mut self, group: usize) -> Result<(), ImportError> {
        let name = clean_text(&self.current);
        let continued = self.continued.take();
        let at = continued.or(self.at.take());
        self.at = None;
        self.seen_break = false;
        self.current.clear();
        let bold = std::mem::take(&mut self.bold);
        if name.is_empty() {
            return Ok(());
        }
        let bad = name.contains(['。', '；', ';', ':', '：'])
            || name.contains("责任单位")
            || find_date(&name).is_some()
            || name.chars().count() > MAX_NAME;
        if bad {
            return Err(self.doc.error_text(
                at.unwrap_or(0),
                match continued {
                    Some(_) => msg!(IMP_UNITS_RUN_ON, name = name),
                    None => msg!(IMP_NOT_UNIT_NAME, name = name),
                },
                msg!(IMP_EXP_UNIT_LIST),
            ));
        }
        self.entries.push(Entry { name, bold, group });
        Ok(())
    }
}

/// Splits the unit list at `range` of the document.
pub(crate) fn split(doc: &Doc, range: Range<usize>) -> Result<List, ImportError> {
    let s = &doc.text[range.clone()];
    let mut sp = Splitter {
        doc,
        entries: Vec::new(),
        current: String::new(),
        at: None,
        continued: None,
        seen_break: false,
        bold: false,
    };
    let mut note = None;
    let (mut in_bold, mut depth, mut group) = (false, 0usize, 0usize);
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let rest = &s[i..];
        if rest.starts_with("**") {
            in_bold = !in_bold;
            i += 2;
            continue;
        }
        let len = c.len_utf8();
        match c {
            '(' | '（' if depth == 0 => {
                if let Some(close) = closing(rest).filter(|&e| is_rule_note(&rest[len..e])) {
                    note = Some(clean_text(&rest[len..close]));
                    i += close + rest[close..].chars().next().map_or(1, char::len_utf8);
                    continue;
                }
                depth += 1;
            }
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            '、' if depth == 0 && !joins(&sp.current, &rest[len..]) => {
                sp.push(group)?;
                i += len;
                continue;
            }
            ',' | '，' if depth == 0 => {
                sp.push(group)?;
                group += 1;
                i += len;
                continue;
            }
            _ => {}
        }
        if c == '\n' && sp.at.is_some() {
            sp.seen_break = true;
        }
        if !c.is_whitespace() {
            if sp.seen_break {
                sp.continued.get_or_insert(range.start + i);
            }
            sp.at.get_or_insert(range.start + i);
            sp.bold |= in_bold;
        }
        sp.current.push(c);
        i += len;
    }
    sp.push(group)?;
    Ok(List {
        entries: sp.entries,
        note,
    })
}

/// Whether the 、 between `before` and `after` is inside a compound name.
pub(crate) fn joins(before: &str, after: &str) -> bool {
    let before = clean_text(before);
    let after = clean_text(after);
    COMPOUNDS
        .iter()
        .any(|(a, b)| before.ends_with(a) && after.starts_with(b))
}

/// What an "…各成员单位" entry refers to.
enum Members {
    /// "指挥部各成员单位": the task's own lead group(s); the words say which.
    OwnLead(Vec<&'static str>),
    /// "市安委会各成员单位": the named group.
    Named(String),
}

fn members(name: &str) -> Option<Members> {
    let prefix = name
        .strip_suffix("各成员单位")
        .or_else(|| name.strip_suffix("成员单位"))?;
    let mut rest: String = prefix
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '（' | '）'))
        .collect();
    let mut words = Vec::new();
    while let Some(w) = GROUP_WORDS.iter().find(|w| rest.starts_with(*w)) {
        words.push(*w);
        rest.drain(..w.len());
    }
    Some(if rest.is_empty() {
        Members::OwnLead(words)
    } else {
        Members::Named(prefix.to_string())
    })
}

impl Roles {
    /// Roles by the key-task rule: bold leads; else the group before the
    /// first comma; else (a single 、-list) what `rule` says. The flag tells
    /// whether the reading rests on the rule: a list of several units with
    /// neither bold nor a comma.
    pub fn of_list(list: &List, rule: LeadRule) -> (Roles, bool) {
        let any_bold = list.entries.iter().any(|e| e.bold);
        let multi_group = list
            .entries
            .iter()
            .any(|e| e.group != list.entries[0].group);
        let leads = |(i, e): (usize, &Entry)| {
            if any_bold {
                e.bold
            } else if rule == LeadRule::All {
                true
            } else if multi_group {
                e.group == list.entries[0].group
            } else {
                rule == LeadRule::Group || i == 0
            }
        };
        let assumed = !any_bold && !multi_group && list.entries.len() > 1;
        let (lead, co): (Vec<_>, Vec<_>) = list.entries.iter().enumerate().partition(|x| leads(*x));
        let roles = Roles::from_parts(
            lead.into_iter().map(|(_, e)| e),
            co.into_iter().map(|(_, e)| e),
        );
        (roles, assumed)
    }

    /// Roles from separate lists (牵头单位 / 配合单位).
    pub fn of_lists(lead: &List, co: &List) -> Roles {
        Roles::from_parts(lead.entries.iter(), co.entries.iter())
    }

    fn from_parts<'e>(
        lead: impl Iterator<Item = &'e Entry>,
        co: impl Iterator<Item = &'e Entry>,
    ) -> Roles {
        let mut roles = Roles::default();
        let mut refs = Vec::new();
        for e in lead {
            match members(&e.name) {
                Some(m) => refs.push(m),
                None => roles.lead.push(e.name.clone()),
            }
        }
        for e in co {
            match members(&e.name) {
                Some(m) => refs.push(m),
                None => roles.co.push(e.name.clone()),
            }
        }
        for r in refs {
            match r {
                Members::Named(group) => roles.members_of.push(group),
                Members::OwnLead(words) => {
                    let named: Vec<&String> = roles
                        .lead
                        .iter()
                        .filter(|l| words.iter().any(|w| l.contains(w)))
                        .collect();
                    let groups = if named.is_empty() {
                        roles.lead.iter().collect()
                    } else {
                        named
                    };
                    roles.members_of.extend(groups.into_iter().cloned());
                }
            }
        }
        roles
    }
}

/// The units a rule note names as default cooperators:
/// "除特别注明外,X,Y都是配合单位" → [X, Y].
pub(crate) fn default_co(note: &str) -> Vec<String> {
    let Some((_, after)) = note.split_once("除特别注明外") else {
        return Vec::new();
    };
    let end = ["都是配合单位", "均为配合单位", "为配合单位"]
        .iter()
        .find_map(|t| after.find(t))
        .unwrap_or(after.len());
    let body = after[..end].trim_start_matches([',', '，', ' ']);
    let mut names = Vec::new();
    let mut current = String::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let separates =
            matches!(c, ',' | '，') || (c == '、' && !joins(&current, &body[i + c.len_utf8()..]));
        if separates {
            names.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
        if chars.peek().is_none() {
            names.push(std::mem::take(&mut current));
        }
    }
    names
        .into_iter()
        .map(|n| clean_text(&n))
        .filter(|n| !n.is_empty())
        .collect()
}
