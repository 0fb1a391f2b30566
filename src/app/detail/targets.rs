//! The detail's "指标 / Targets" block: each target of a task with the
//! actual value the latest entry reports and the share it reaches, met or
//! not met. Plain text only (no ambiguous-width symbols).

use crate::model::{Cmp, Target, Task, format_value};
use crate::text::{truncate, width};

use super::{App, Builder, Lang, Tone};

/// The comparison in words, none for a bare number.
pub fn cmp_word(cmp: Cmp, lang: Lang) -> Option<&'static str> {
    let zh = lang == Lang::Zh;
    Some(match cmp {
        Cmp::AtLeast if zh => "以上",
        Cmp::AtLeast => "at least",
        Cmp::AtMost if zh => "以下",
        Cmp::AtMost => "at most",
        Cmp::About if zh => "左右",
        Cmp::About => "about",
        Cmp::Aim if zh => "力争",
        Cmp::Aim => "aim",
        Cmp::Exact => return None,
    })
}

/// `100家`, `7.5% (以上)`: the target's value, unit and comparison.
pub fn target_text(t: &Target, lang: Lang) -> String {
    let value = format!("{}{}", format_value(t.value), t.unit);
    match cmp_word(t.cmp, lang) {
        Some(w) => format!("{value} ({w})"),
        None => value,
    }
}

struct Words {
    heading: &'static str,
    actual: &'static str,
    met: &'static str,
    unmet: &'static str,
    none: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Zh => Words {
            heading: "指标",
            actual: "实际",
            met: "达标",
            unmet: "未达标",
            none: "未填报",
        },
        Lang::En => Words {
            heading: "Targets",
            actual: "actual",
            met: "met",
            unmet: "not met",
            none: "not reported",
        },
    }
}

/// The block for `task` (progress recorded under `id`), when it has targets.
pub(super) fn block(b: &mut Builder, app: &App, task: &Task, id: &str) {
    if task.targets.is_empty() {
        return;
    }
    let lang = app.labels.lang;
    let w = words(lang);
    b.heading(w.heading);
    let latest = app.progress.latest(id);
    let name_w = task
        .targets
        .iter()
        .map(|t| width(&t.name))
        .max()
        .unwrap_or(0);
    for t in &task.targets {
        let actual = latest.and_then(|e| e.actuals.iter().find(|a| a.target == t.name));
        let mut rest = vec![
            Builder::seg(target_text(t, lang), Tone::Body),
            Builder::seg(format!("  {} ", w.actual), Tone::Muted),
        ];
        match actual {
            Some(a) => {
                let tone = if t.is_met(a.value) {
                    Tone::Met
                } else {
                    Tone::Unmet
                };
                let share = match t.percent_of(a.value) {
                    Some(p) => format!("  {p}%"),
                    None => String::new(),
                };
                let verdict = if tone == Tone::Met { w.met } else { w.unmet };
                rest.push(Builder::seg(format_value(a.value), tone));
                rest.push(Builder::seg(format!("{share}  {verdict}"), tone));
            }
            None => rest.push(Builder::seg(w.none, Tone::Muted)),
        }
        // Names padded to one column when they fit, else as they are,
        // else on a line of their own.
        let rest_w: usize = rest.iter().map(|s| width(&s.text)).sum();
        let name = if 2 + name_w + 2 + rest_w <= b.width {
            crate::text::fit(&t.name, name_w)
        } else {
            t.name.clone()
        };
        if 2 + width(&name) + 2 + rest_w <= b.width {
            let mut line = vec![Builder::seg(format!("  {name}  "), Tone::Body)];
            line.extend(rest);
            b.line(line);
        } else {
            // Too narrow for one line: the name, then the rest under it.
            let name = truncate(&t.name, b.width.saturating_sub(2));
            b.line(vec![Builder::seg(format!("  {name}"), Tone::Body)]);
            let mut line = vec![Builder::seg("    ", Tone::Body)];
            let mut used = 4;
            for mut seg in rest {
                let cut = truncate(&seg.text, b.width.saturating_sub(used)).into_owned();
                used += width(&cut);
                seg.text = cut;
                line.push(seg);
            }
            b.line(line);
        }
    }
}
