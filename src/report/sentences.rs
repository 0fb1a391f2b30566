//! The circular's sentences, in Chinese or English: what Markdown and
//! HTML both print, so the two never say different things.

use chrono::NaiveDate;

use super::punct::{self, en_date, zh_date, zh_month_day};
use super::{Circular, Group, Words, one_decimal};
use crate::lights::{Light, Tally};

/// The sections, in the order a circular gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Overall,
    Owed,
    Urgent,
    Yellow,
    Ranking,
    Leaders,
    Full,
}

impl Section {
    /// `一、总体情况` / `1. Overall`.
    pub fn heading(self, w: &Words) -> String {
        let n = self as usize;
        let (zh, en) = match self {
            Section::Overall => ("总体情况", "Overall"),
            Section::Owed => ("未按时报送单位", "Units that have not reported on time"),
            Section::Urgent => ("红灯和逾期事项", "Red and overdue items"),
            Section::Yellow => ("黄灯事项", "Yellow items"),
            Section::Ranking => ("各牵头单位排名", "Lead units ranked"),
            Section::Leaders => ("分管领导事项情况", "By leader"),
            Section::Full => ("全部事项明细", "Every item"),
        };
        if self == Section::Full {
            return if w.english {
                format!("Attachment: {en}")
            } else {
                format!("附件：{zh}")
            };
        }
        if w.english {
            format!("{}. {en}", n + 1)
        } else {
            const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
            format!("{}、{zh}", NUMERALS[n])
        }
    }
}

/// Text as the circular prints it: Chinese punctuation in Chinese text.
pub fn tidy(w: &Words, text: &str) -> String {
    if w.english {
        text.to_string()
    } else {
        punct::zh(text)
    }
}

pub fn date(w: &Words, d: NaiveDate) -> String {
    if w.english { en_date(d) } else { zh_date(d) }
}

/// `6月30日` / `30 June 2023`: a date inside the running text.
pub fn short_date(w: &Words, d: NaiveDate) -> String {
    if w.english {
        en_date(d)
    } else {
        zh_month_day(d)
    }
}

/// `1 task`, `3 tasks`.
fn tasks_en(n: usize) -> String {
    if n == 1 {
        "1 task".into()
    } else {
        format!("{n} tasks")
    }
}

/// The line under the masthead: issuer and date, apart.
pub fn issuer_line(c: &Circular, w: &Words) -> String {
    let dated = date(w, c.overview.as_of);
    if w.english {
        format!("{}, {dated}", c.issuer())
    } else {
        format!("{}　{dated}", c.issuer())
    }
}

/// The masthead's big title.
pub fn masthead(w: &Words) -> &'static str {
    if w.english {
        "Key Tasks Supervision Circular"
    } else {
        "重点工作督办通报"
    }
}

/// `第3期` / `No. 3`, when the circular has a number.
pub fn issue_number(c: &Circular, w: &Words) -> Option<String> {
    let n = c.options.settings.number;
    (n > 0).then(|| {
        if w.english {
            format!("No. {n}")
        } else {
            format!("第{n}期")
        }
    })
}

/// `关于2023年重点工作和民生实事推进情况的通报`.
pub fn title(c: &Circular, w: &Words) -> String {
    let year = c.overview.plan_year;
    if w.english {
        format!("Progress of the {year} key tasks and livelihood projects")
    } else {
        format!("关于{year}年重点工作和民生实事推进情况的通报")
    }
}

/// The opening sentence, citing the plan by its document number.
pub fn opening(c: &Circular, w: &Words) -> String {
    let plan = &c.data.plan;
    let as_of = date(w, c.overview.as_of);
    let expected = one_decimal(c.expected());
    if w.english {
        format!(
            "Under {} ({}), this circular reports the progress of the plan's tasks as of {as_of}, when {expected}% of the plan year has elapsed.",
            plan.title,
            punct::doc_number(&plan.doc_number)
                .replace('〔', "[")
                .replace('〕', "]")
        )
    } else {
        tidy(
            w,
            &format!(
                "根据《{}》（{}）要求，现将截至{as_of}的推进情况通报如下（时序进度{expected}%）。",
                plan.title,
                punct::doc_number(&plan.doc_number)
            ),
        )
    }
}

/// `分管领导：郭锦明；责任单位：市发改局` when the circular is filtered.
pub fn scope(c: &Circular, w: &Words) -> Option<String> {
    let mut parts = Vec::new();
    let (colon, sep) = if w.english {
        (": ", "; ")
    } else {
        ("：", "；")
    };
    if let Some(l) = &c.filter.leader {
        parts.push(format!("{}{colon}{l}", w.filter_leader));
    }
    if let Some(u) = &c.filter.unit {
        parts.push(format!("{}{colon}{u}", w.filter_unit));
    }
    (!parts.is_empty()).then(|| parts.join(sep))
}

/// `红灯5项（较3月31日增加2项）` for every light.
fn tally_with_change(w: &Words, now: &Tally, before: Option<(&Tally, NaiveDate)>) -> String {
    let parts: Vec<String> = Light::ALL
        .iter()
        .map(|&l| {
            let n = now.count(l);
            let change = before.map(|(b, d)| {
                let diff = n as i64 - b.count(l) as i64;
                let when = short_date(w, d);
                match (w.english, diff.signum()) {
                    (true, 0) => format!(" (unchanged since {when})"),
                    (true, _) => format!(" ({diff:+} since {when})"),
                    (false, 0) => format!("（与{when}持平）"),
                    (false, 1) => format!("（较{when}增加{diff}项）"),
                    (false, _) => format!("（较{when}减少{}项）", -diff),
                }
            });
            let change = change.unwrap_or_default();
            if w.english {
                format!("{} {n}{change}", w.light(l))
            } else {
                format!("{}{n}项{change}", w.light(l))
            }
        })
        .collect();
    parts.join(if w.english { ", " } else { "，" })
}

/// 总体情况: totals, counts by light with the change since the previous
/// circular, and the newly red.
pub fn overall(c: &Circular, w: &Words) -> Vec<String> {
    let o = &c.overview.overall;
    let b = &c.brief;
    let before = b.before.as_ref().zip(b.since);
    let lights = tally_with_change(w, &o.tally, before);
    let mean = one_decimal(o.mean_percent);
    let mut out = vec![if w.english {
        format!(
            "{}; mean progress {mean}%. By light: {lights}.",
            tasks_en(o.total())
        )
    } else {
        format!(
            "纳入通报的重点工作和民生实事共{}项，平均进度{mean}%。其中{lights}。",
            o.total()
        )
    }];
    if !b.newly_red.is_empty() {
        let ids = ids(c, w, &b.newly_red);
        out.push(if w.english {
            format!("Newly red: {ids}.")
        } else {
            format!("新增红灯事项：{ids}。")
        });
    }
    out.push(tidy(
        w,
        &format!(
            "{}{}{}",
            w.thresholds,
            if w.english { ": " } else { "：" },
            w.rule(&c.overview.thresholds)
        ),
    ));
    out
}

/// `K1.3、K4.2` / `K1.3, K4.2`.
pub fn ids(c: &Circular, w: &Words, tasks: &[usize]) -> String {
    let ids: Vec<&str> = (tasks.iter())
        .filter_map(|&i| c.task(i))
        .map(|a| a.task.id.as_str())
        .collect();
    ids.join(if w.english { ", " } else { "、" })
}

/// The sentence before the list of units owing reports.
pub fn owed_intro(c: &Circular, w: &Words) -> String {
    let b = &c.brief;
    let Some(p) = b.period else {
        return if w.english {
            "No reporting period is due yet.".into()
        } else {
            "尚无到期的报送期。".into()
        };
    };
    let (start, due) = (short_date(w, p.start), short_date(w, p.due));
    match (w.english, b.owed) {
        (true, 0) => format!("Every task reported for {start} to {due}."),
        (false, 0) => format!("{start}至{due}各事项均已按时报送。"),
        (true, n) => format!(
            "{} without a report for {start} to {due}; their lead units ({}) and what each owes:",
            tasks_en(n),
            b.owed_by_unit.len()
        ),
        (false, n) => format!(
            "{start}至{due}应报未报事项{n}项，涉及牵头单位{}个，各单位欠报事项如下：",
            b.owed_by_unit.len()
        ),
    }
}

/// `市发改局：K1.3、K4.2（2项）`.
pub fn owed_line(c: &Circular, w: &Words, unit: &str, tasks: &[usize]) -> String {
    let n = tasks.len();
    let unit = tidy(w, unit);
    if w.english {
        format!("{unit}: {} ({n})", ids(c, w, tasks))
    } else {
        format!("{unit}：{}（{n}项）", ids(c, w, tasks))
    }
}

/// What is said instead of an empty table.
pub fn none(section: Section, w: &Words) -> &'static str {
    match (section, w.english) {
        (Section::Urgent, false) => "无红灯和逾期事项。",
        (Section::Urgent, true) => "No red or overdue items.",
        (Section::Yellow, false) => "无黄灯事项。",
        (Section::Yellow, true) => "No yellow items.",
        (_, false) => "无。",
        (_, true) => "None.",
    }
}

/// The sentence before the ranking.
pub fn ranking_intro(c: &Circular, w: &Words) -> String {
    let silent = c.brief.silent_units;
    match (w.english, silent) {
        (true, 0) => "Ranked by the mean progress of the tasks each unit leads; fewer red and overdue items rank higher on ties.".into(),
        (true, n) => format!("Ranked by the mean progress of the tasks each unit leads; fewer red and overdue items rank higher on ties. Lead units that have reported nothing ({n}) are listed in section 2."),
        (false, 0) => "按牵头事项平均进度排序，进度相同的，红灯、逾期事项少者居前。".into(),
        (false, n) => format!("按牵头事项平均进度排序，进度相同的，红灯、逾期事项少者居前。另有{n}个牵头单位尚无任何报送，见第二部分。"),
    }
}

/// `黄胜可（市长）：分管12项（红灯1、黄灯2、未报6、绿灯3、完成0），平均进度18.9%。`
pub fn leader_line(w: &Words, group: &Group) -> String {
    let s = &group.standing;
    let sep = if w.english { ", " } else { "、" };
    let lights: Vec<String> = (Light::ALL.iter())
        .map(|&l| {
            format!(
                "{}{}{}",
                w.light(l),
                if w.english { " " } else { "" },
                s.tally.count(l)
            )
        })
        .collect();
    let lights = lights.join(sep);
    let mean = one_decimal(s.mean_percent);
    let n = s.total();
    let (who, heads) = match group.leader {
        Some(l) if w.english => (format!("{} ({})", l.name, l.title), ""),
        Some(l) => (format!("{}（{}）", l.name, l.title), "分管"),
        None => (tidy(w, w.no_leader), "共"),
    };
    if w.english {
        format!("{who}: {} ({lights}); mean progress {mean}%.", tasks_en(n))
    } else {
        format!("{who}：{heads}{n}项（{lights}），平均进度{mean}%。")
    }
}

/// The items counted but not listed: green and done ones not already
/// listed as overdue.
pub fn quiet(c: &Circular, w: &Words) -> String {
    let count = |light: Light| {
        (c.overview.tasks.iter().enumerate())
            .filter(|(i, a)| a.light == light && !c.brief.urgent.contains(i))
            .count()
    };
    let (green, done) = (count(Light::Green), count(Light::Done));
    if w.english {
        format!(
            "The other {green} green and {done} done items are on course and not listed one by one."
        )
    } else {
        format!("其余绿灯事项{green}项、已完成事项{done}项按序推进，不再逐项列出。")
    }
}

/// `抄送：市委办公室，市人大常委会办公室。`, when there is a copy list.
pub fn copy_to(c: &Circular, w: &Words) -> Option<String> {
    let list = &c.options.settings.copy_to;
    (!list.is_empty()).then(|| {
        if w.english {
            format!("Copy to: {}.", list.join(", "))
        } else {
            format!("抄送：{}。", list.join("，"))
        }
    })
}

/// `郭锦明（常务副市长）`, or the no-leader heading.
pub fn group_title(group: &Group, w: &Words) -> String {
    match group.leader {
        Some(l) if w.english => format!("{} ({}, {})", l.name, l.title, l.id),
        Some(l) => format!("{}（{}）", l.name, l.title),
        None => tidy(w, w.no_leader),
    }
}
