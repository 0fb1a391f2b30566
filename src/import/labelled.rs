//! Who does a task, as a document writes it: labelled lines
//! (`牵头单位：X`, `配合单位：Y`, `责任领导：A`, `完成时限：5月底前`), a
//! parenthetical at the end of the task (`（X牵头，Y、Z配合）`,
//! `（X、Y分别牵头）`, `[牵头单位：X；责任单位：Y]`), or a table's cells.

use crate::script::fold;

/// What a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Lead,
    Co,
    /// `责任单位`: the lead beside `配合单位` or alone, the cooperating
    /// units beside `牵头单位`.
    Responsible,
    Leader,
    Due,
}

/// Labels, longest first where one ends another.
pub(crate) const LABELS: [(&str, Field); 22] = [
    ("牵头负责领导", Field::Leader),
    ("责任领导", Field::Leader),
    ("分管领导", Field::Leader),
    ("牵头领导", Field::Leader),
    ("联系领导", Field::Leader),
    ("牵头组织实施单位", Field::Lead),
    ("牵头责任单位", Field::Lead),
    ("牵头单位", Field::Lead),
    ("牵头部门", Field::Lead),
    ("主办单位", Field::Lead),
    ("协同责任单位", Field::Co),
    ("配合单位", Field::Co),
    ("配合部门", Field::Co),
    ("协办单位", Field::Co),
    ("参与单位", Field::Co),
    ("责任单位", Field::Responsible),
    ("责任部门", Field::Responsible),
    ("完成时限", Field::Due),
    ("完成时间", Field::Due),
    ("时间节点", Field::Due),
    ("时限要求", Field::Due),
    ("时限", Field::Due),
];

/// The duties of one task, as written (names not yet split or resolved).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Duties {
    /// Unit lists named as leading.
    pub lead: Vec<String>,
    /// Unit lists named as cooperating.
    pub co: Vec<String>,
    /// Unit lists whose lead the document's rule decides (`责任单位` alone,
    /// `X、Y按职责分工负责`).
    pub listed: Vec<String>,
    /// `分别牵头`: every unit of `lead` leads its own part.
    pub separately: bool,
    pub leaders: Vec<String>,
    pub due: Option<String>,
}

impl Duties {
    pub fn is_empty(&self) -> bool {
        self.lead.is_empty() && self.co.is_empty() && self.listed.is_empty()
    }

    /// Adds what `other` names; a field already set keeps its value.
    pub fn merge(&mut self, other: Duties) {
        self.lead.extend(other.lead);
        self.co.extend(other.co);
        self.listed.extend(other.listed);
        self.separately |= other.separately;
        self.leaders.extend(other.leaders);
        if self.due.is_none() {
            self.due = other.due;
        }
    }

    /// Records a labelled value.
    pub fn set(&mut self, field: Field, value: &str) {
        let value = value
            .trim()
            .trim_end_matches(['。', '；', ';', '，', ','])
            .trim();
        if value.is_empty() {
            return;
        }
        let (value, due) = match value.rsplit_once([',', '，']) {
            Some((list, tail)) if field != Field::Due && is_due(tail.trim()) => {
                (list.trim(), Some(tail.trim()))
            }
            _ => (value, None),
        };
        if let Some(due) = due {
            self.due = Some(due.to_string());
        }
        match field {
            Field::Lead => self.lead.push(value.to_string()),
            Field::Co => self.co.push(value.to_string()),
            Field::Responsible => self.listed.push(value.to_string()),
            Field::Leader => self.leaders.push(value.to_string()),
            Field::Due => self.due = Some(value.to_string()),
        }
    }

    /// `责任单位` beside `牵头单位` names the cooperating units.
    pub fn settle(&mut self) {
        if !self.lead.is_empty() {
            let listed = std::mem::take(&mut self.listed);
            self.co.extend(listed);
        }
    }
}

/// The characters a label starts with: most characters of a text start
/// none, and are passed over without trying every label.
const LABEL_FIRST: [char; 10] = ['牵', '责', '分', '联', '主', '协', '配', '参', '完', '时'];

/// The label starting at byte `i` of `key` (a text folded to simplified
/// script) when a colon follows it: its field and where its value starts.
fn label_at(key: &str, i: usize) -> Option<(Field, usize)> {
    let rest = &key[i..];
    if !rest.starts_with(LABEL_FIRST) {
        return None;
    }
    LABELS.iter().find_map(|(label, field)| {
        let after = rest.strip_prefix(label)?;
        let gap = after.len() - after.trim_start().len();
        let colon = after[gap..]
            .chars()
            .next()
            .filter(|c| matches!(c, ':' | '：'))?;
        Some((*field, i + label.len() + gap + colon.len_utf8()))
    })
}

/// Where the first label of `s` starts that is not inside parentheses or
/// brackets (those belong to a trailing parenthetical).
pub(crate) fn first_label(s: &str) -> Option<usize> {
    let key = fold(s);
    let mut depth = 0usize;
    for (i, c) in key.char_indices() {
        match c {
            '(' | '（' | '[' | '［' | '【' => depth += 1,
            ')' | '）' | ']' | '］' | '】' => depth = depth.saturating_sub(1),
            _ if depth == 0 && label_at(&key, i).is_some() => return Some(i),
            _ => {}
        }
    }
    None
}

/// Whether a clause names a deadline (`2024年10月底前完成`).
fn is_due(clause: &str) -> bool {
    super::due::due_date(clause, 2000).is_some() || clause.contains("前完成")
}

/// The labelled values of `s` (`牵头单位：X；配合单位：Y`); `None` when
/// `s` holds no label.
pub(crate) fn labelled(s: &str) -> Option<Duties> {
    let key = fold(s);
    let mut starts: Vec<(usize, Field, usize)> = Vec::new();
    for (i, _) in key.char_indices() {
        let inside = starts.last().is_some_and(|&(_, _, v)| i < v);
        if let Some((f, v)) = label_at(&key, i).filter(|_| !inside) {
            starts.push((i, f, v));
        }
    }
    let mut duties = Duties::default();
    for (k, &(_, field, value)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(s.len(), |n| n.0);
        duties.set(field, &s[value..end]);
    }
    (!starts.is_empty()).then_some(duties)
}

/// Clause endings of a parenthetical without labels, longest first.
const ENDINGS: [(&str, Field); 12] = [
    ("等按职责分工负责", Field::Responsible),
    ("按职责分工负责", Field::Responsible),
    ("分别牵头", Field::Lead),
    ("牵头负责", Field::Lead),
    ("牵头", Field::Lead),
    ("共同负责", Field::Responsible),
    ("负责", Field::Responsible),
    ("等配合", Field::Co),
    ("配合", Field::Co),
    ("协助", Field::Co),
    ("协同", Field::Co),
    ("参与", Field::Co),
];

/// A parenthetical's duties: labelled, or clauses like `X牵头`, `Y配合`,
/// `Z等按职责分工负责`. `None` when it is not about duties.
pub(crate) fn parenthetical(inner: &str) -> Option<Duties> {
    if let Some(d) = labelled(inner) {
        return Some(d);
    }
    let mut duties = Duties::default();
    for clause in inner.split([',', '，', ';', '；']) {
        let clause = clause.trim();
        if clause.is_empty() {
            continue;
        }
        let key = fold(clause);
        let Some((ending, field)) = ENDINGS.iter().find(|(e, _)| key.ends_with(e)) else {
            if is_due(clause) {
                duties.due = Some(clause.to_string());
                continue;
            }
            return None;
        };
        let units = clause[..clause.len() - ending.len()].trim_end_matches('等');
        if units.is_empty() {
            return None;
        }
        let field = match field {
            Field::Responsible if !duties.lead.is_empty() => Field::Co,
            f => *f,
        };
        duties.separately |= *ending == "分别牵头";
        let units = units.trim();
        duties.set(field, units);
    }
    (!duties.is_empty()).then_some(duties)
}

/// Splits a trailing duty parenthetical off a task's text: the text before
/// it and its duties. The parenthetical may be followed by `。`.
pub(crate) fn trailing(text: &str) -> Option<(&str, Duties)> {
    let body = text.trim_end().trim_end_matches('。').trim_end();
    let last = body.chars().next_back()?;
    let open_of = |c: char| match c {
        ')' | '）' => Some(['(', '（']),
        ']' | '］' | '】' => Some(['[', '【']),
        _ => None,
    };
    let opens = open_of(last)?;
    let mut depth = 0;
    for (i, c) in body.char_indices().rev() {
        if open_of(c).is_some() {
            depth += 1;
        } else if opens.contains(&c) || c == '［' {
            depth -= 1;
            if depth == 0 {
                let inner = &body[i + c.len_utf8()..body.len() - last.len_utf8()];
                let duties = parenthetical(inner)?;
                return Some((&body[..i], duties));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(l: &[String]) -> Vec<&str> {
        l.iter().map(String::as_str).collect()
    }

    type Lists<'a> = (Vec<&'a str>, Vec<&'a str>, Vec<&'a str>);

    fn lists(d: &Duties) -> Lists<'_> {
        (v(&d.lead), v(&d.co), v(&d.listed))
    }

    #[test]
    fn every_inline_form() {
        let cases: [(&str, Lists); 6] = [
            (
                "任务（甲局牵头，乙局、丙局配合）",
                (vec!["甲局"], vec!["乙局、丙局"], vec![]),
            ),
            (
                "任务（甲局牵头，乙局等按职责分工负责）",
                (vec!["甲局"], vec!["乙局"], vec![]),
            ),
            (
                "任务(甲局、乙局按职责分工负责)",
                (vec![], vec![], vec!["甲局、乙局"]),
            ),
            ("任务（甲局负责）。", (vec![], vec![], vec!["甲局"])),
            (
                "任务（甲局、乙局分别牵头）",
                (vec!["甲局、乙局"], vec![], vec![]),
            ),
            (
                "任务[牵头单位：甲局；责任单位：乙局]",
                (vec!["甲局"], vec![], vec!["乙局"]),
            ),
        ];
        for (text, want) in cases {
            let (before, d) = trailing(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(before, "任务", "{text}");
            assert_eq!(lists(&d), want, "{text}");
        }
        let (_, d) =
            trailing("任务（责任领导：张三、李四；牵头单位：甲局；责任单位：乙局）").unwrap();
        assert_eq!(d.leaders, ["张三、李四"]);
        assert!(trailing("任务（甲局、乙局分别牵头）").unwrap().1.separately);
    }

    #[test]
    fn other_parentheticals_are_text() {
        assert!(trailing("建设公园（一期）").is_none());
        assert!(trailing("完成投资10亿元(含续建)").is_none());
    }

    #[test]
    fn every_label_starts_with_a_listed_character() {
        for (label, _) in LABELS {
            assert!(label.starts_with(LABEL_FIRST), "{label}");
        }
    }

    #[test]
    fn labels_on_one_line() {
        let d = labelled("牵头单位：甲局；配合单位：乙局、丙局 完成时限：5月底前").unwrap();
        assert_eq!(lists(&d), (vec!["甲局"], vec!["乙局、丙局"], vec![]));
        assert_eq!(d.due.as_deref(), Some("5月底前"));
    }
}
