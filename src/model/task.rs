use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{List, Name, Names, Target, Text};

/// Whether a task is a work-report key task or a livelihood project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    #[default]
    Key,
    Project,
}

/// A key task (重点工作) or a livelihood project (民生实事).
///
/// Unit fields hold canonical unit names from the registry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// `K2.16` for key task 16 under leader 2; `M3` for project 3.
    pub id: Text,
    /// Not stored in the files: set from the file the task came from.
    #[serde(skip)]
    pub kind: TaskKind,
    /// Leader ID (`L2`). Every key task has one; a project has one when the
    /// document names its leading city leader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<Name>,
    /// Further leader IDs when the document names several for one task
    /// (`责任领导：A、B`); `leader` is the first.
    #[serde(default, skip_serializing_if = "List::is_empty")]
    pub other_leaders: List<Name>,
    /// The document's headings above the task, outermost first; empty in a
    /// document grouped under leader headings.
    #[serde(default, skip_serializing_if = "List::is_empty")]
    pub section: List<Name>,
    /// The number as printed in the document.
    pub number: u32,
    /// Projects only: the title before the first 。.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The full text, cleaned of conversion artefacts.
    pub text: Text,
    /// Projects only: numbered sub-items where the document numbers them.
    #[serde(default, skip_serializing_if = "List::is_empty")]
    pub items: List<Item>,
    /// Units that lead the task or summarise it.
    pub lead: List<Name>,
    /// Cooperating units, unordered.
    pub co: List<Name>,
    /// Working groups whose member units all cooperate
    /// (the source's "指挥部各成员单位", "市安委会各成员单位").
    #[serde(default, skip_serializing_if = "List::is_empty")]
    pub co_members_of: List<Name>,
    /// The numbers the task commits to (extracted by the importer, curated
    /// by hand where extraction cannot be sure).
    #[serde(default, skip_serializing_if = "List::is_empty")]
    pub targets: List<Target>,
    /// The deadline the document states, as a date where the phrase names
    /// one (`5月底前` → 05-31 of the plan year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The deadline phrase as written (`5月底前`, `长期坚持`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_text: Option<Name>,
}

/// A numbered sub-item of a livelihood project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// `M3.2` for the second sub-item of project 3.
    pub id: Text,
    pub text: Text,
}

impl Task {
    /// The task's names replaced by the shared copies in `names`, its lists
    /// of names without spare room.
    pub fn share_names(&mut self, names: &mut Names) {
        for name in self.leader.iter_mut().chain(&mut self.due_text) {
            names.share(name);
        }
        for list in [
            &mut self.other_leaders,
            &mut self.section,
            &mut self.lead,
            &mut self.co,
            &mut self.co_members_of,
        ] {
            list.iter_mut().for_each(|n| names.share(n));
            list.shrink_to_fit();
        }
        for target in &mut self.targets {
            names.share(&mut target.unit);
        }
        self.targets.shrink_to_fit();
        self.items.shrink_to_fit();
    }

    /// The line a list shows: the title for a project, the text for a task.
    pub fn headline(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.text)
    }

    /// Every leader ID of the task, the first one first.
    pub fn leaders(&self) -> impl Iterator<Item = &Name> {
        self.leader.iter().chain(&self.other_leaders)
    }

    /// Whether this unit leads (`Some(true)`), cooperates (`Some(false)`)
    /// or has no duty here (`None`).
    pub fn role_of(&self, unit: &str) -> Option<bool> {
        if self.lead.iter().any(|u| u == unit) {
            Some(true)
        } else if self.co.iter().any(|u| u == unit) {
            Some(false)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dataset holds one `Task` per key task (100,000 and more): each
    /// byte here is 100 KB there. Lists are one pointer and no allocation
    /// when empty, names and texts one pointer each.
    #[test]
    fn a_task_stays_small() {
        assert_eq!(size_of::<Name>(), 8);
        assert_eq!(size_of::<Option<Name>>(), 8);
        assert_eq!(size_of::<List<Name>>(), 8);
        let size = size_of::<Task>();
        assert!(size <= 112, "a Task is {size} bytes");
    }

    #[test]
    fn shared_names_leave_no_spare_room_in_a_list() {
        let text = r#"(id: "K1.1", number: 1, text: "甲", lead: ["市发改局", "市财政局", "市统计局"], co: ["市发改局"], targets: [(name: "新增", value: 1.0, unit: "家", cmp: exact)])"#;
        let mut task: Task = ron::from_str(text).unwrap();
        task.share_names(&mut Names::default());
        assert_eq!(task.lead.capacity(), 3);
        assert_eq!(task.co.capacity(), 1);
        assert_eq!(task.targets.capacity(), 1);
        assert_eq!(task.section.capacity(), 0);
    }
}
