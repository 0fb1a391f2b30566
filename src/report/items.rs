//! A project's sub-items in a circular: each one reported on or before the
//! as-of date gets a row under its project, with its own light. The
//! project's row stands on its sub-items by the roll-up rule (see
//! [`crate::lights::standing_entry`]).

use crate::lights::{Assessed, Light, Reason};
use crate::model::{Item, ProgressEntry};

use super::{Circular, Words};

/// A sub-item with its latest entry on the as-of date.
#[derive(Debug, Clone)]
pub struct ItemRow<'d> {
    pub item: &'d Item,
    pub entry: &'d ProgressEntry,
    pub light: Light,
    pub reason: Reason,
}

impl<'d> Circular<'d> {
    /// The sub-items of a project that have an entry, in item order.
    pub fn items(&self, a: &Assessed<'d>) -> Vec<ItemRow<'d>> {
        let o = &self.overview;
        a.task
            .items
            .iter()
            .filter_map(|item| {
                let entry = self.latest(&item.id)?;
                let (light, reason) = o.rule.assess(Some(entry), o.as_of, a.task.due);
                Some(ItemRow {
                    item,
                    entry,
                    light,
                    reason,
                })
            })
            .collect()
    }
}

/// An entry's three notes in one cell: 主要进展, then 存在问题 and 下步打算
/// with their names, those that are filled, joined by `；` (`; ` in
/// English).
pub fn notes_cell(entry: Option<&ProgressEntry>, w: &Words) -> String {
    let Some(e) = entry else {
        return String::new();
    };
    let (problems, next, sep) = if w.english {
        ("Problems: ", "Next steps: ", "; ")
    } else {
        ("存在问题：", "下步打算：", "；")
    };
    let mut parts: Vec<String> = Vec::new();
    if !e.note.is_empty() {
        parts.push(e.note.clone());
    }
    for (name, text) in [(problems, &e.problems), (next, &e.next_steps)] {
        if !text.is_empty() {
            parts.push(format!("{name}{text}"));
        }
    }
    parts.join(sep)
}
