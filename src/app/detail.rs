//! The detail pane's content, laid out at a width: the full text wrapped
//! between characters, lead and cooperating units as links, the default
//! cooperation rule, progress and its history. Pure: `ui` styles it, and
//! `update` uses it to move between links and to clamp scrolling.

pub mod targets;

use crate::messages::{DETAIL_EARLIER_ENTRIES, DETAIL_LATEST_ONLY};
use crate::model::{Name, Status, Task};
use crate::text::{self, truncate, width};

use super::{App, Lang, Subject};

/// How a piece of text is meant to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Title,
    Heading,
    Body,
    Muted,
    /// A unit name that Enter follows.
    Link,
    Status(Status),
    Light(crate::lights::Light),
    /// An actual value that meets its target.
    Met,
    /// An actual value that falls short of its target.
    Unmet,
}

/// A run of text on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub tone: Tone,
    /// The link's index in [`Doc::links`].
    pub link: Option<usize>,
}

/// Lines of segments, with the unit each link points to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub lines: Vec<Vec<Seg>>,
    /// Unit index per link.
    pub links: Vec<usize>,
    /// The line each link is on.
    pub link_lines: Vec<usize>,
}

impl Doc {
    /// The link at a column of a line, if any.
    pub fn link_at(&self, line: usize, col: usize) -> Option<usize> {
        let mut x = 0;
        for seg in self.lines.get(line)? {
            let w = width(&seg.text);
            if col >= x && col < x + w {
                return seg.link;
            }
            x += w;
        }
        None
    }
}

struct Builder {
    doc: Doc,
    width: usize,
}

impl Builder {
    fn seg(text: impl Into<String>, tone: Tone) -> Seg {
        Seg {
            text: text.into(),
            tone,
            link: None,
        }
    }

    fn line(&mut self, segs: Vec<Seg>) {
        self.doc.lines.push(segs);
    }

    fn blank(&mut self) {
        self.line(Vec::new());
    }

    /// Wrapped text, each line indented by `indent` columns.
    fn para(&mut self, s: &str, tone: Tone, indent: usize) {
        let pad = " ".repeat(indent);
        for l in text::wrap(s, self.width.saturating_sub(indent)) {
            self.line(vec![Self::seg(format!("{pad}{l}"), tone)]);
        }
    }

    /// Units flowed across lines, separated by 、, each a link when it is
    /// in the registry. `suffix` follows each name (e.g. " 各成员单位").
    fn units(&mut self, app: &App, names: &[Name], suffix: &str) {
        let mut line: Vec<Seg> = vec![Self::seg("  ", Tone::Body)];
        let mut used = 2;
        for (i, name) in names.iter().enumerate() {
            let label = format!("{name}{suffix}");
            let sep = if i + 1 < names.len() { "、" } else { "" };
            let need = width(&label) + width(sep);
            if used + need > self.width && used > 2 {
                self.line(std::mem::replace(
                    &mut line,
                    vec![Self::seg("  ", Tone::Body)],
                ));
                used = 2;
            }
            let label = truncate(&label, self.width.saturating_sub(used + width(sep))).into_owned();
            used += width(&label) + width(sep);
            let link = app.index.unit_by_name.get(name.as_str()).map(|&u| {
                self.doc.links.push(u);
                self.doc.link_lines.push(self.doc.lines.len());
                self.doc.links.len() - 1
            });
            let tone = if link.is_some() {
                Tone::Link
            } else {
                Tone::Body
            };
            line.push(Seg {
                text: label,
                tone,
                link,
            });
            if !sep.is_empty() {
                line.push(Self::seg(sep, Tone::Body));
            }
        }
        if names.is_empty() {
            line.push(Self::seg(app.labels.nothing, Tone::Muted));
        }
        self.line(line);
    }

    fn heading(&mut self, s: &str) {
        self.line(vec![Self::seg(
            truncate(s, self.width).into_owned(),
            Tone::Heading,
        )]);
    }
}

/// How many of a task's entries the detail lays out, the latest first: a
/// year of weekly reports. Earlier ones are counted in a muted line that
/// says how to see them (`H`, or `duban progress log ID`); so a save onto a
/// task with thousands of entries lays out no more than onto one with few.
pub const LATEST_ENTRIES: usize = 50;

/// The detail of a task, project or sub-item, laid out `width` columns
/// wide, with the subject's latest entries or (`whole_history`) all of them.
pub fn build(app: &App, subject: Subject, width: usize, whole_history: bool) -> Doc {
    let mut b = Builder {
        doc: Doc::default(),
        width,
    };
    if width == 0 {
        return b.doc;
    }
    let (r, item) = match subject {
        Subject::Task(r) => (r, None),
        Subject::Item(r, i) => (r, Some(i)),
    };
    let Some(task) = app.task(r) else {
        return b.doc;
    };
    let l = app.labels;

    let (id, (status, percent)) = match item.and_then(|i| task.items.get(i)) {
        Some(it) => (it.id.as_str(), app.progress.item_state(&it.id)),
        None => (task.id.as_str(), app.progress.state(task)),
    };
    let leaders: Vec<String> = (task.leaders())
        .filter_map(|id| app.data.leader(id))
        .map(|ld| format!("{} {}", ld.name, ld.title).trim_end().to_string())
        .collect();
    let leader = if leaders.is_empty() {
        l.no_leader.to_string()
    } else {
        leaders.join("、")
    };
    b.para(&format!("{id}  {}: {leader}", l.leader), Tone::Title, 0);
    b.line(vec![
        Builder::seg(format!("{}: ", l.status), Tone::Muted),
        Builder::seg(l.status(status), Tone::Status(status)),
        Builder::seg(format!("  {percent}%"), Tone::Body),
    ]);
    if item.is_none() {
        light_line(&mut b, app, task);
    }
    if let Some(phrase) = &task.due_text {
        let date = task.due.map(|d| format!(" ({d})")).unwrap_or_default();
        b.para(&format!("{}: {phrase}{date}", l.due), Tone::Body, 0);
    }
    if !task.section.is_empty() {
        let path = task.section.join(" / ");
        b.para(&format!("{}: {path}", l.section), Tone::Muted, 0);
    }
    b.blank();
    body(&mut b, task, item);
    b.blank();

    b.heading(l.lead_units);
    b.units(app, &task.lead, "");
    b.heading(l.co_units);
    b.units(app, &task.co, "");
    if !task.co_members_of.is_empty() {
        let suffix = match l.lang {
            Lang::Zh => format!(" {}", l.members_of),
            Lang::En => format!(" ({})", l.members_of),
        };
        b.units(app, &task.co_members_of, &suffix);
    }
    let rule = app.data.plan.rules.default_co.join("、");
    if !rule.is_empty() {
        b.para(&format!("{rule} ({})", l.default_co), Tone::Muted, 2);
    }
    b.blank();

    if item.is_none() && !task.targets.is_empty() {
        targets::block(&mut b, app, task, id);
        b.blank();
    }

    b.heading(l.progress);
    let history = app.progress.history(id);
    if history.is_empty() {
        b.para(l.no_progress, Tone::Muted, 2);
    }
    let earlier = if whole_history {
        0
    } else {
        history.len().saturating_sub(LATEST_ENTRIES)
    };
    for (n, e) in history[earlier..].iter().rev().enumerate() {
        if n == 1 {
            b.heading(l.history);
        }
        b.line(vec![
            Builder::seg(format!("  {} ", e.date), Tone::Body),
            Builder::seg(l.status(e.status), Tone::Status(e.status)),
            Builder::seg(format!(" {}%", e.percent), Tone::Body),
        ]);
        notes(&mut b, app, e);
    }
    let more = if earlier > 0 {
        crate::msg!(DETAIL_EARLIER_ENTRIES, n = earlier, id = id)
    } else if history.len() > LATEST_ENTRIES {
        crate::msg!(DETAIL_LATEST_ONLY, n = LATEST_ENTRIES)
    } else {
        return b.doc;
    };
    b.para(&more.render(l.lang), Tone::Muted, 2);
    b.doc
}

/// An entry's three notes: 主要进展 as it is, the other two under their
/// names, those that are filled.
fn notes(b: &mut Builder, app: &App, e: &crate::model::ProgressEntry) {
    if !e.note.is_empty() {
        b.para(&e.note, Tone::Body, 4);
    }
    let words = app.labels.editor();
    for (name, text) in [
        (words.problems, &e.problems),
        (words.next_steps, &e.next_steps),
    ] {
        if !text.is_empty() {
            b.para(&format!("{name}: {text}"), Tone::Body, 4);
        }
    }
}

/// The task's light on the as-of date, and why.
fn light_line(b: &mut Builder, app: &App, task: &Task) {
    use super::overview::{light_label, reason_text, words};
    let lang = app.labels.lang;
    let (light, reason) = app.light(task);
    b.line(vec![
        Builder::seg(format!("{}: ", words(lang).light), Tone::Muted),
        Builder::seg(light_label(lang, light), Tone::Light(light)),
        Builder::seg(format!("  {}", reason_text(lang, reason)), Tone::Body),
    ]);
}

/// The task's own text; for a project its title, text and sub-items; for a
/// sub-item its text under the project's title.
fn body(b: &mut Builder, task: &Task, item: Option<usize>) {
    if let Some(title) = &task.title
        && !task.text.starts_with(title.as_str())
    {
        b.para(title, Tone::Heading, 0);
    }
    match item.and_then(|i| task.items.get(i)) {
        Some(it) => b.para(&it.text, Tone::Body, 0),
        None => {
            // A project's text usually is its numbered items run together:
            // then the items, one paragraph each, say it better.
            let inside =
                !task.items.is_empty() && task.items.iter().all(|it| task.text.contains(&*it.text));
            if !inside {
                b.para(&task.text, Tone::Body, 0);
            }
            for it in &task.items {
                b.para(&format!("{} {}", it.id, it.text), Tone::Body, 0);
            }
        }
    }
}
