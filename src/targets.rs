//! Quantitative targets in a task's text: 新增规上企业100家 → (新增规上企业,
//! 100, 家, exact); 地区生产总值增长7.5%以上 → (…, 7.5, %, at_least).
//!
//! [`extract`] is conservative: a clause gives a target only when it ends
//! in a number, a known unit and at most a comparison word (以上, 以下,
//! 左右), and the words before the number are a short phrase without
//! digits. Anything else — ranges (10-50万元), shared numbers
//! (旅游人次、收入均增长10%以上; 分别增长13.8%和12%以上), numbers followed by
//! more words (6所(吴宁二中…)) — gives nothing, and is left to curation
//! in the dataset's RON.

use crate::model::{Cmp, Target};

/// Units a target may be counted in, longest first so that 万人次 wins over
/// 万人 and 人.
const UNITS: [&str; 38] = [
    "万吨标准煤",
    "万平方米",
    "亿美元",
    "万美元",
    "万千瓦",
    "平方米",
    "万人次",
    "亿元",
    "万元",
    "万人",
    "万亩",
    "万吨",
    "亿斤",
    "人次",
    "公里",
    "千米",
    "%",
    "家",
    "个",
    "套",
    "元",
    "人",
    "亩",
    "所",
    "座",
    "条",
    "项",
    "名",
    "片",
    "场",
    "吨",
    "辆",
    "户",
    "间",
    "张",
    "处",
    "台",
    "米",
];

/// Words that open a clause without being part of what is counted.
const LEADING: [&str; 10] = [
    "其中", "确保", "力争", "争取", "全年", "努力", "累计", "总计", "完成", "实现",
];

/// Words a clause's verb can carry over to the next part of a list:
/// 新增规上企业100家、亿元企业20家 → 新增亿元企业.
const LIST_VERBS: [&str; 11] = [
    "新增", "新建", "培育", "创建", "建成", "引育", "招引", "争创", "创成", "推出", "筹集",
];

/// Comparison words just before the number, longest first.
const BEFORE: [(&str, Option<Cmp>); 13] = [
    ("不低于", Some(Cmp::AtLeast)),
    ("不高于", Some(Cmp::AtMost)),
    ("不超过", Some(Cmp::AtMost)),
    ("提升至", None),
    ("稳定在", Some(Cmp::About)),
    ("达到", None),
    ("超过", Some(Cmp::AtLeast)),
    ("突破", Some(Cmp::AtLeast)),
    ("低于", Some(Cmp::AtMost)),
    ("超", Some(Cmp::AtLeast)),
    ("达", None),
    ("至", None),
    ("为", None),
];

/// The shortest name kept is 3 characters: 占比, 面积 and 增长 alone say
/// nothing. The longest name kept, in characters; longer phrases are not targets
/// extraction can be sure of.
const MAX_NAME_CHARS: usize = 20;

/// The targets stated in a task's cleaned text, in text order. Returns
/// nothing for a clause it cannot read with confidence.
pub fn extract(text: &str) -> Vec<Target> {
    let mut out = Vec::new();
    for clause in text.split(['。', ';', ';', ',', ',', '!', '!', '?', '?', ':', ':']) {
        out.extend(clause_targets(strip_enumerator(clause.trim())));
    }
    out
}

/// `2.新改建港湾式停靠站175个` → `新改建港湾式停靠站175个`.
fn strip_enumerator(clause: &str) -> &str {
    let digits = clause.len()
        - clause
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    match clause[digits..].strip_prefix(['.', '、', '.']) {
        Some(rest) if digits > 0 && !rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
        _ => clause,
    }
}

/// The targets of one clause: all parts of a 、-list have their own number,
/// or the clause gives none.
fn clause_targets(clause: &str) -> Vec<Target> {
    if clause.contains("分别")
        || ["均增长", "均下降", "均提高", "均达"]
            .iter()
            .any(|w| clause.contains(w))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut verb: Option<&str> = None;
    for part in clause.split('、') {
        let Some(mut target) = part_target(part) else {
            return Vec::new();
        };
        match LIST_VERBS.iter().find(|v| target.name.starts_with(**v)) {
            Some(v) => verb = Some(v),
            None => {
                if let Some(v) = verb {
                    target.name = format!("{v}{}", target.name);
                }
            }
        }
        out.push(target);
    }
    out
}

/// Names too generic to stand alone (a list's later part: 、占比达30%以上).
const GENERIC: [&str; 6] = ["覆盖率", "完成率", "增长率", "增加值", "总产值", "营业收入"];

/// One `phrase number unit [以上|以下|左右]`, or `None`. Spaces are
/// ignored (`新建改建农村公路 50 公里`).
fn part_target(part: &str) -> Option<Target> {
    let part: String = part.chars().filter(|c| !c.is_whitespace()).collect();
    let part = part.as_str();
    let (rest, tail_cmp) = [
        ("以上", Cmp::AtLeast),
        ("以下", Cmp::AtMost),
        ("左右", Cmp::About),
    ]
    .iter()
    .find_map(|(w, c)| part.strip_suffix(w).map(|r| (r, Some(*c))))
    .unwrap_or((part, None));
    let unit = UNITS.iter().find(|u| rest.ends_with(**u))?;
    let rest = &rest[..rest.len() - unit.len()];
    let number_len = rest.len()
        - rest
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
            .len();
    let (phrase, number) = rest.split_at(rest.len() - number_len);
    if number.starts_with('.') || number.ends_with('.') {
        return None;
    }
    let value: f64 = number.parse().ok().filter(|v: &f64| *v > 0.0)?;
    let (phrase, before_cmp) = BEFORE
        .iter()
        .find_map(|(w, c)| phrase.strip_suffix(w).map(|p| (p, *c)))
        .unwrap_or((phrase, None));
    let (name, aim) = strip_leading(phrase);
    let cmp = match (before_cmp, tail_cmp) {
        (Some(a), Some(b)) if a != b => return None,
        (Some(c), _) | (None, Some(c)) => c,
        (None, None) if aim => Cmp::Aim,
        (None, None) => Cmp::Exact,
    };
    let plausible = name.chars().count() >= 3
        && name.chars().count() <= MAX_NAME_CHARS
        && !GENERIC.contains(&name)
        && !name
            .chars()
            .any(|c| c.is_ascii_digit() || "()()[]【】《》<>-~～".contains(c))
        && name.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    plausible.then(|| Target {
        name: name.to_string(),
        value,
        unit: (*unit).to_string(),
        cmp,
    })
}

/// The phrase without its opening words (其中, 确保, …), and whether one of
/// them was 力争 or 争取.
fn strip_leading(mut phrase: &str) -> (&str, bool) {
    let mut aim = false;
    while let Some((word, rest)) = LEADING
        .iter()
        .find_map(|w| phrase.strip_prefix(w).map(|r| (*w, r)))
        .filter(|(_, r)| r.chars().count() >= 2)
    {
        aim |= word == "力争" || word == "争取";
        phrase = rest;
    }
    (phrase, aim)
}
