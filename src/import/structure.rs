//! Sections, leader headings and key tasks.
//!
//! Splitting is driven by the number expected next: after task 7 the
//! importer looks for `8.` (or the next leader heading), wherever the PDF
//! conversion put it — at a line start, glued to a unit name ("市税务局8."),
//! or after a list on the same line. Other numbers ("3.0 版", "8.50个") are
//! then just text.

use std::ops::Range;

use super::ImportError;
use super::clean::clean_text;
use super::doc::Doc;
use super::numbers::{chinese, find_number, is_chinese_digit, leading_number, parse_chinese};

/// Where the parts of the document are, as byte ranges of `Doc::text`.
pub(crate) struct Regions {
    /// Lines before the key tasks (0-based line indices).
    pub front: Range<usize>,
    /// The cleaned key-task section heading, when there is one.
    pub key_heading: Option<String>,
    pub keys: Range<usize>,
    pub projects: Option<Range<usize>>,
}

/// A leader heading: `三、李敢峰常委副市长牵头的重点工作`.
pub(crate) struct LeaderHeading {
    pub numeral: u32,
    pub name: String,
    pub title: String,
}

/// One key task's pieces, as byte ranges of `Doc::text`.
pub(crate) struct KeySpan {
    /// 1-based leader number.
    pub leader: u32,
    pub number: u32,
    /// Where the task number stands.
    pub at: usize,
    pub text: Range<usize>,
    pub units: Range<usize>,
}

const TITLE_RANKS: [&str; 4] = ["常务副", "常委副", "副", ""];
const TITLE_LEVELS: [&str; 3] = ["市长", "县长", "区长"];
const HEADING_TAILS: [&str; 4] = [
    "牵头的重点工作",
    "牵头重点工作",
    "主抓的重点工作",
    "主抓重点工作",
];
use crate::messages::NO_LEADER_HEADING;

pub(crate) const EXPECTED_HEADING: &str = "a leader heading like `一、XXX市长牵头的重点工作`";

/// Splits "郭锦明常务副市长" into name and title.
fn name_and_title(s: &str) -> Option<(String, String)> {
    let titles = TITLE_RANKS
        .iter()
        .flat_map(|r| TITLE_LEVELS.iter().map(move |l| format!("{r}{l}")));
    let title = titles
        .filter(|t| s.ends_with(t.as_str()))
        .max_by_key(String::len)?;
    let name = &s[..s.len() - title.len()];
    let ok = (1..=6).contains(&name.chars().count()) && name.chars().all(|c| !c.is_ascii());
    ok.then(|| (name.to_string(), title))
}

/// A leader heading that runs to the end of `line`; returns where its
/// numeral starts. Finds headings glued to the end of a unit line.
pub(crate) fn find_leader_heading(line: &str) -> Option<(usize, LeaderHeading)> {
    line.match_indices('、').find_map(|(i, _)| {
        let numeral_start = line[..i]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_chinese_digit(*c))
            .last()?
            .0;
        let numeral = parse_chinese(&line[numeral_start..i])?;
        let rest = clean_text(&line[i + '、'.len_utf8()..]);
        let who = HEADING_TAILS.iter().find_map(|t| rest.strip_suffix(t))?;
        let (name, title) = name_and_title(who)?;
        Some((
            numeral_start,
            LeaderHeading {
                numeral,
                name,
                title,
            },
        ))
    })
}

fn is_section_heading(cleaned: &str, tail: &str) -> bool {
    cleaned.ends_with(tail)
        && !cleaned.starts_with("附件")
        && !cleaned.contains([':', '：', '《'])
        && cleaned.chars().count() <= 40
}

/// Finds the front matter, the key-task section (from a heading ending in
/// 重点工作责任分解, or from the first leader heading), the livelihood
/// project section (a heading ending in 民生实事责任分解) and the footer
/// (抄送:).
pub(crate) fn regions(doc: &Doc) -> Result<Regions, ImportError> {
    let cleaned: Vec<String> = (0..doc.line_count())
        .map(|i| clean_text(doc.line(i)))
        .collect();
    let key_line = cleaned
        .iter()
        .position(|l| is_section_heading(l, "重点工作责任分解"));
    let first_leader = || {
        (0..doc.line_count())
            .find(|&i| find_leader_heading(doc.line(i)).is_some_and(|(at, _)| at == 0))
    };
    let (front_end, keys_line) = match key_line {
        Some(k) => (k, k + 1),
        None => {
            let f = first_leader().ok_or_else(|| {
                doc.error_text(
                    0,
                    NO_LEADER_HEADING.into(),
                    crate::messages::EXPECTED_LEADER_HEADING.into(),
                )
            })?;
            (f, f)
        }
    };
    if key_line.is_none() {
        check_front_has_no_tasks(doc, 0..front_end)?;
    }
    let after = |from: usize, pred: &dyn Fn(&str) -> bool| {
        (from..doc.line_count()).find(|&i| pred(&cleaned[i]))
    };
    let projects_line = after(keys_line, &|l| is_section_heading(l, "民生实事责任分解"));
    let footer_line = after(keys_line, &|l| l.starts_with("抄送"));
    let start_of = |line: usize| {
        if line < doc.line_count() {
            doc.line_range(line).start
        } else {
            doc.text.len()
        }
    };
    let footer = footer_line.map_or(doc.text.len(), start_of);
    let keys_start = start_of(keys_line);
    let keys_end = projects_line.map_or(footer, start_of).max(keys_start);
    let projects = projects_line.map(|p| {
        let start = start_of(p + 1);
        start..footer.max(start)
    });
    Ok(Regions {
        front: 0..front_end,
        key_heading: key_line.map(|k| cleaned[k].clone()),
        keys: keys_start..keys_end,
        projects,
    })
}

/// Without a section heading, the front matter is what precedes the first
/// leader heading; a task or a unit list there belongs to no leader.
fn check_front_has_no_tasks(doc: &Doc, lines: Range<usize>) -> Result<(), ImportError> {
    for i in lines {
        let line = doc.line(i);
        if leading_number(line).is_some() || find_marker(line).is_some() {
            return Err(doc.error(
                doc.line_range(i).start,
                "a task or unit list before the first leader heading".into(),
                EXPECTED_HEADING,
            ));
        }
    }
    Ok(())
}

/// The `责任单位:` marker in `s`: where it starts and where its list begins.
pub(crate) fn find_marker(s: &str) -> Option<(usize, usize)> {
    find_label(s, "责任单位")
}

/// A label followed by an ASCII or full-width colon.
pub(crate) fn find_label(s: &str, label: &str) -> Option<(usize, usize)> {
    s.match_indices(label).find_map(|(i, _)| {
        let rest = &s[i + label.len()..];
        let gap = rest.len() - rest.trim_start().len();
        let colon = rest[gap..]
            .chars()
            .next()
            .filter(|c| matches!(c, ':' | '：'))?;
        Some((i, i + label.len() + gap + colon.len_utf8()))
    })
}

/// The first leader heading in `range`: its offset and content.
fn next_heading(doc: &Doc, range: Range<usize>) -> Option<(usize, LeaderHeading)> {
    let first = doc.line_of(range.start);
    (first..doc.line_count())
        .take_while(|&i| doc.line_range(i).start < range.end)
        .find_map(|i| {
            let r = doc.line_range(i);
            let from = r.start.max(range.start);
            let to = r.end.min(range.end);
            find_leader_heading(&doc.text[from..to]).map(|(at, h)| (from + at, h))
        })
}

/// The first line in `range` that starts with a task number other than
/// `expected`.
fn stray_number(doc: &Doc, range: Range<usize>, expected: u32) -> Option<(usize, u32)> {
    let first = doc.line_of(range.start) + 1;
    (first..doc.line_count())
        .map(|i| doc.line_range(i).start)
        .take_while(|&s| s < range.end)
        .find_map(|s| {
            leading_number(&doc.text[s..range.end])
                .filter(|(n, _)| *n != expected)
                .map(|(n, _)| (s, n))
        })
}

/// The key-task section: leaders in order and each task's pieces.
pub(crate) fn key_tasks(
    doc: &Doc,
    region: Range<usize>,
) -> Result<(Vec<LeaderHeading>, Vec<KeySpan>), ImportError> {
    let end = region.end;
    let mut leaders = Vec::new();
    let mut spans = Vec::new();
    let mut cursor = doc
        .skip_blank(region.start, end)
        .ok_or_else(|| doc.error(region.start, "no key tasks".into(), EXPECTED_HEADING))?;
    loop {
        let expected = leaders.len() as u32 + 1;
        let line_end = doc.line_range(doc.line_of(cursor)).end;
        let heading = match find_leader_heading(&doc.text[cursor..line_end]) {
            Some((0, h)) if h.numeral == expected => h,
            Some((0, h)) => {
                return Err(doc.error(
                    cursor,
                    format!("leader heading {}、 out of order", chinese(h.numeral)),
                    &format!("the heading of leader {}、", chinese(expected)),
                ));
            }
            _ => {
                let problem = if leaders.is_empty() {
                    "text before the first leader heading"
                } else {
                    "cannot place this text"
                };
                return Err(doc.error(cursor, problem.into(), EXPECTED_HEADING));
            }
        };
        leaders.push(heading);
        let (next, mut leader_spans) = leader_tasks(doc, expected, line_end..end)?;
        spans.append(&mut leader_spans);
        match next {
            Some(at) => cursor = at,
            None => return Ok((leaders, spans)),
        }
    }
}

/// The tasks of leader `leader` from `range.start`; returns where the next
/// leader heading starts, if any.
fn leader_tasks(
    doc: &Doc,
    leader: u32,
    range: Range<usize>,
) -> Result<(Option<usize>, Vec<KeySpan>), ImportError> {
    let end = range.end;
    let mut spans = Vec::new();
    let mut at = match doc.skip_blank(range.start, end) {
        Some(at) if leading_number(&doc.text[at..end]).is_some_and(|(n, _)| n == 1) => at,
        Some(at) => {
            return Err(doc.error(
                at,
                "cannot place this text".into(),
                "task 1 (`1.`) under the leader heading",
            ));
        }
        None => {
            return Err(doc.error(
                range.start,
                "a leader without tasks".into(),
                "task 1 (`1.`) under the leader heading",
            ));
        }
    };
    for number in 1.. {
        let (_, len) = leading_number(&doc.text[at..end]).unwrap_or((number, 0));
        let text_start = at + len;
        let marker =
            find_marker(&doc.text[text_start..end]).map(|(s, e)| (text_start + s, text_start + e));
        let limit = marker.map_or(end, |(s, _)| s);
        let next_task = doc.text[text_start..limit]
            .match_indices('\n')
            .map(|(i, _)| text_start + i + 1)
            .find(|&s| {
                leading_number(doc.text[s..limit].trim_start())
                    .is_some_and(|(n, _)| n == number + 1)
            });
        let heading = next_heading(doc, text_start..limit).map(|(s, _)| s);
        let (Some((marker_start, units_start)), None, None) = (marker, next_task, heading) else {
            return Err(doc.error(
                at,
                format!(
                    "task {number} of leader {}、 has no unit list",
                    chinese(leader)
                ),
                &format!("a `责任单位:` line after the text of task {number}"),
            ));
        };
        let next_task =
            find_number(&doc.text[units_start..end], number + 1).map(|i| units_start + i);
        let heading = next_heading(doc, units_start..end).map(|(s, _)| s);
        let stop = [next_task, heading]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(end);
        if let Some((s, n)) = stray_number(doc, units_start..stop, number + 1) {
            return Err(doc.error(
                s,
                format!("task {n} where task {} should come", number + 1),
                &format!(
                    "task {} (`{}.`) or the next leader heading",
                    number + 1,
                    number + 1
                ),
            ));
        }
        spans.push(KeySpan {
            leader,
            number,
            at,
            text: text_start..marker_start,
            units: units_start..stop,
        });
        if Some(stop) == heading {
            return Ok((heading, spans));
        }
        if stop == end {
            break;
        }
        at = stop;
    }
    Ok((None, spans))
}
