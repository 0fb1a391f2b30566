//! Which listed units lead: the document's lead rule, and unit lists split
//! into names with a city prefix written once completed.

use std::fmt;
use std::str::FromStr;

use super::labelled::Duties;
use super::units::{Entry, List, Roles};

/// How a unit list without a lead/cooperate split is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LeadRule {
    /// The first-listed unit leads, the rest cooperate
    /// (`列第一位者为牵头单位`). The default.
    #[default]
    First,
    /// The units before the first comma (the first 、-group) lead; a list
    /// without a comma is one group.
    Group,
    /// Every listed unit leads.
    All,
}

impl FromStr for LeadRule {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "first" => Ok(LeadRule::First),
            "group" => Ok(LeadRule::Group),
            "all" => Ok(LeadRule::All),
            other => Err(format!("`{other}`: expected first, group or all")),
        }
    }
}

impl fmt::Display for LeadRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LeadRule::First => "first",
            LeadRule::Group => "group",
            LeadRule::All => "all",
        })
    }
}

/// Phrases stating that the first-listed unit leads.
const FIRST_LISTED: [&str; 4] = ["列第一位", "排在第一位", "排名第一", "排第一位"];

/// The sentence of `text` stating its lead rule, and the rule.
pub(crate) fn stated_rule(text: &str) -> Option<(String, LeadRule)> {
    let at = FIRST_LISTED.iter().filter_map(|p| text.find(p)).min()?;
    let start = text[..at].rfind(['。', '\n', '（', '(']).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[at..]
        .find(['。', '\n', '）', ')'])
        .map_or(text.len(), |i| at + i);
    let sentence = super::clean::clean_text(&text[start..end]);
    Some((sentence, LeadRule::First))
}

/// Prefixes a list writes once: `市发改委、国土房管局`.
const CITY_PREFIXES: [char; 3] = ['市', '县', '区'];
/// Endings of a department's name that may have lost its prefix.
const DEPARTMENT_ENDINGS: [&str; 4] = ["局", "委", "办", "中心"];

/// `name` with the prefix of the list's earlier names, when it left it
/// off: `国土房管局` after `市发改委` is `市国土房管局`.
fn with_prefix(name: &str, prefix: Option<char>) -> String {
    let Some(p) = prefix else {
        return name.to_string();
    };
    let bare = !name.starts_with(CITY_PREFIXES)
        && !["各", "省", "国网", "国家"]
            .iter()
            .any(|p| name.starts_with(p))
        && !name.contains(CITY_PREFIXES)
        && !name.contains("镇")
        && DEPARTMENT_ENDINGS.iter().any(|e| name.ends_with(e));
    if bare {
        format!("{p}{name}")
    } else {
        name.to_string()
    }
}

/// Splits a unit list at 、 , ， ; ； (not inside parentheses), completing
/// city prefixes. Each name carries the index of its comma group.
pub(crate) fn split_names(list: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let (mut current, mut depth, mut group) = (String::new(), 0usize, 0usize);
    let mut prefix = None;
    let mut push = |current: &mut String, group: usize, out: &mut Vec<(String, usize)>| {
        let name = super::clean::clean_text(current);
        let name = name.trim_end_matches('等').trim();
        current.clear();
        if name.is_empty() {
            return;
        }
        let name = with_prefix(name, prefix);
        if let Some(c) = name.chars().next().filter(|c| CITY_PREFIXES.contains(c)) {
            prefix = Some(c);
        }
        out.push((name, group));
    };
    for (i, c) in list.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            '、' if depth == 0 && !super::units::joins(&current, &list[i + c.len_utf8()..]) => {
                push(&mut current, group, &mut out);
                continue;
            }
            ',' | '，' | ';' | '；' if depth == 0 => {
                push(&mut current, group, &mut out);
                group += 1;
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    push(&mut current, group, &mut out);
    out
}

fn entries(lists: &[String]) -> Vec<Entry> {
    let mut offset = 0;
    let mut out = Vec::new();
    for list in lists {
        let names = split_names(list);
        let groups = names.last().map_or(0, |(_, g)| g + 1);
        out.extend(names.into_iter().map(|(name, group)| Entry {
            name,
            bold: false,
            group: offset + group,
        }));
        offset += groups;
    }
    out
}

/// The roles of a task's units, and whether the reading rests on the
/// rule (a multi-unit list with no split written out).
pub(crate) fn roles(duties: &Duties, rule: LeadRule) -> (Roles, bool) {
    let lead = entries(&duties.lead);
    let mut co = entries(&duties.co);
    let listed = entries(&duties.listed);
    let mut lead_list = lead;
    let assumed = lead_list.is_empty() && listed.len() > 1;
    if lead_list.is_empty() {
        let first_group = listed.first().map_or(0, |e| e.group);
        for (i, e) in listed.into_iter().enumerate() {
            let leads = match rule {
                LeadRule::First => i == 0,
                LeadRule::Group => e.group == first_group,
                LeadRule::All => true,
            };
            if leads {
                lead_list.push(e);
            } else {
                co.push(e);
            }
        }
    } else {
        co.extend(listed);
    }
    let lead = List {
        entries: lead_list,
        note: None,
    };
    let co = List {
        entries: co,
        note: None,
    };
    (Roles::of_lists(&lead, &co), assumed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        split_names(s).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn completes_a_city_prefix_written_once() {
        assert_eq!(names("市发改委、国土房管局"), ["市发改委", "市国土房管局"]);
        assert_eq!(
            names("县财政局，农业农村局等"),
            ["县财政局", "县农业农村局"]
        );
        assert_eq!(
            names("市发改委、各镇人民政府"),
            ["市发改委", "各镇人民政府"]
        );
        assert_eq!(names("市发改委、供电公司"), ["市发改委", "供电公司"]);
    }

    #[test]
    fn reads_the_stated_rule() {
        let text = "各有关单位：\n（列第一位者为牵头单位，其余为配合单位）\n一、";
        let (sentence, rule) = stated_rule(text).unwrap();
        assert_eq!(sentence, "列第一位者为牵头单位，其余为配合单位");
        assert_eq!(rule, LeadRule::First);
        assert!(stated_rule("一、推进").is_none());
    }

    #[test]
    fn each_rule_reads_a_plain_list() {
        let duties = Duties {
            listed: vec!["甲局、乙局，丙局".into()],
            ..Duties::default()
        };
        let lead = |rule| roles(&duties, rule).0.lead;
        assert_eq!(lead(LeadRule::First), ["甲局"]);
        assert_eq!(lead(LeadRule::Group), ["甲局", "乙局"]);
        assert_eq!(lead(LeadRule::All), ["甲局", "乙局", "丙局"]);
        assert!(roles(&duties, LeadRule::First).1);
    }
}
