//! Quantitative targets in a task's text: 新增规上企业100家 → (新增规上企业,
//! 100, 家, exact); 地区生产总值增长7.5%以上 → (…, 7.5, %, at_least).
//!
//! [`extract`] is conservative: a clause gives a target only when it ends
//! in a number, a known unit and at most a comparison word (以上, 以下,
//! 以内, 左右), and the words before the number are a short phrase (digits
//! only in a threshold such as 30万元以上行政村占比, or beside Latin letters
//! as in PM2.5). Shared numbers are read for each name: 旅游人次、收入均增长
//! 10%以上 gives two targets, and so does A、B分别增长13.8%和12%以上.
//! Anything else — ranges (10-50万元), numbers followed by more words
//! (6所(吴宁二中…)) — gives nothing, and is left to curation in the
//! dataset's RON. Full-width punctuation (，；：（）％) reads as ASCII.

use crate::model::{Cmp, Target};

/// Units a target may be counted in, longest first so that 万人次 wins over
/// 万人 and 人.
const UNITS: [&str; 41] = [
    "微克/立方米",
    "万吨标准煤",
    "ug/m³",
    "μg/m³",
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
const BEFORE: [(&str, Option<Cmp>); 14] = [
    ("控制在", Some(Cmp::AtMost)),
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
    let text = narrow(text);
    let mut out = Vec::new();
    for clause in text.split(['。', ';', ',', '!', '?', ':']) {
        out.extend(clause_targets(strip_enumerator(clause.trim())));
    }
    out
}

/// Full-width punctuation, digits and percent signs as ASCII.
fn narrow(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '！' => '!',
            '？' => '?',
            '（' => '(',
            '）' => ')',
            '％' => '%',
            '．' => '.',
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
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
    if let Some(shared) = shared_targets(clause) {
        return shared;
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

/// Verbs after 均 that share one number among the names before it.
const SHARED_VERBS: [&str; 7] = ["增长", "下降", "提高", "达到", "达", "保持", "控制在"];

/// Names before 均 or 分别, split at 、 and 和.
fn names(part: &str) -> Vec<&str> {
    part.split(['、', '和']).map(str::trim).collect()
}

/// A clause with a shared number: `A、B均增长10%以上` (one number for each
/// name) or `A、B分别增长13.8%和12%以上` (one number per name, in order).
/// `Some(empty)` when the clause shares numbers but cannot be read.
fn shared_targets(clause: &str) -> Option<Vec<Target>> {
    let all = |parts: Vec<String>| -> Vec<Target> {
        let found: Option<Vec<Target>> = parts.iter().map(|p| part_target(p)).collect();
        found.unwrap_or_default()
    };
    if let Some((before, after)) = clause.split_once("分别") {
        let names = names(before);
        let verb_len = after.len()
            - after
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .len();
        let (verb, values) = after.split_at(verb_len);
        let values: Vec<&str> = values.split(['和', '、']).collect();
        if names.len() < 2 || names.len() != values.len() {
            return Some(Vec::new());
        }
        let last = values[values.len() - 1];
        let tail = ["以上", "以下", "以内", "左右"]
            .into_iter()
            .find(|t| last.ends_with(t))
            .unwrap_or("");
        let unit = UNITS
            .iter()
            .find(|u| last.trim_end_matches(tail).ends_with(**u))
            .copied()
            .unwrap_or("");
        let parts = names
            .iter()
            .zip(&values)
            .map(|(n, v)| {
                let mut v = v.to_string();
                if !UNITS.iter().any(|u| v.trim_end_matches(tail).ends_with(u)) {
                    v.push_str(unit);
                }
                if !v.ends_with(tail) {
                    v.push_str(tail);
                }
                format!("{n}{verb}{v}")
            })
            .collect();
        return Some(all(parts));
    }
    let at = clause.match_indices('均').map(|(i, _)| i).find(|&i| {
        let after = &clause[i + '均'.len_utf8()..];
        SHARED_VERBS.iter().any(|v| after.starts_with(v)) && !clause[..i].ends_with(['平', '人'])
    })?;
    let (before, after) = (&clause[..at], &clause[at + '均'.len_utf8()..]);
    let names = names(before);
    if names.len() < 2 {
        return Some(Vec::new());
    }
    Some(all(names.iter().map(|n| format!("{n}{after}")).collect()))
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
        ("以内", Cmp::AtMost),
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
        && digits_fit(name)
        && !name.chars().any(|c| "()（）[]【】《》<>-~～".contains(c))
        && name.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    plausible.then(|| Target {
        name: name.to_string(),
        value,
        unit: (*unit).to_string().into(),
        cmp,
    })
}

/// Digits in a name only as a threshold (30万元以上行政村占比) or beside
/// Latin letters (PM2.5, 5G).
fn digits_fit(name: &str) -> bool {
    if !name.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    if name.contains("以上") || name.contains("以下") {
        return true;
    }
    let chars: Vec<char> = name.chars().collect();
    chars.iter().enumerate().all(|(i, c)| {
        let latin = |j: usize| chars.get(j).is_some_and(|c| c.is_ascii_alphabetic());
        !c.is_ascii_digit() || (i > 0 && latin(i - 1)) || latin(i + 1) || {
            // 2.5 of PM2.5: a digit run that a letter starts.
            let start = chars[..i]
                .iter()
                .rposition(|c| !(c.is_ascii_digit() || *c == '.'));
            start.is_some_and(|s| chars[s].is_ascii_alphabetic())
        }
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
