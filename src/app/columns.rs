//! The columns of the dashboard's lists: what each one heads and how wide
//! it is. Drawing cuts its cells to these widths under these headers; the
//! layout keeps a task list wide enough for them (`layout::min_widths`).

use super::Tab;
use super::labels::{Labels, Lang};

/// A column of a task list, before the task's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// `16` for a key task, `M3` for a project (a leader's tasks).
    Number,
    /// The unit's part in the task: lead, co-operating, member.
    Role,
    /// The task's ID (`K1.1`, `M3.2`).
    Id,
    /// The task's leader.
    Leader,
    Light,
    Status,
    Percent,
}

/// A column: its header and its width in terminal columns (the widest of
/// the header and the values; a number column can grow with the data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Col {
    pub column: Column,
    pub head: &'static str,
    pub width: usize,
}

/// The headers of every list, in one language.
#[derive(Debug)]
pub struct Heads {
    pub number: &'static str,
    pub role: &'static str,
    pub id: &'static str,
    pub leader: &'static str,
    pub light: &'static str,
    pub status: &'static str,
    pub percent: &'static str,
    /// The text column of a leader's tasks and a unit's duties.
    pub task: &'static str,
    /// The text column of the projects list.
    pub project: &'static str,
    /// The leader list: names, then key tasks + projects and completion.
    pub leader_name: &'static str,
    /// The overview's gauges in a plan numbered by section.
    pub section_name: &'static str,
    pub leader_counts: &'static str,
    /// The unit list: names, then lead and co-operating duties.
    pub unit_name: &'static str,
    pub unit_counts: &'static str,
    /// The overview's red items: why each is red.
    pub reason: &'static str,
    /// The overview's gauges: the lights' shares.
    pub lights: &'static str,
}

pub static ZH: Heads = Heads {
    number: "序号",
    role: "角色",
    id: "编号",
    leader: "领导",
    light: "灯",
    status: "状态",
    percent: "进度",
    task: "任务",
    project: "实事/子项",
    leader_name: "领导",
    section_name: "部分",
    leader_counts: "重点+实事 进度",
    unit_name: "单位",
    unit_counts: "牵=牵头 配=配合",
    reason: "原因",
    lights: "各灯色事项数",
};

pub static EN: Heads = Heads {
    number: "No.",
    role: "role",
    id: "ID",
    leader: "leader",
    light: "light",
    status: "status",
    percent: "done",
    task: "task",
    project: "project/item",
    leader_name: "leader",
    section_name: "section",
    leader_counts: "key+proj done",
    unit_name: "unit",
    unit_counts: "L=lead C=co-op",
    reason: "reason",
    lights: "tasks by light",
};

pub fn heads(lang: Lang) -> &'static Heads {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The columns a tab's task list shows before the text: a leader's tasks,
/// a unit's duties, the projects (none for the overview).
pub fn task_list(tab: Tab, labels: &Labels) -> Vec<Col> {
    use Column::*;
    let columns: &[Column] = match tab {
        Tab::Leaders => &[Number, Light, Status, Percent],
        Tab::Units => &[Role, Id, Leader, Light, Status, Percent],
        Tab::Projects => &[Id, Light, Status, Percent],
        Tab::Overview => &[],
    };
    columns.iter().map(|&c| col(c, labels)).collect()
}

fn col(column: Column, labels: &Labels) -> Col {
    let lang = labels.lang;
    let h = heads(lang);
    let (head, values) = match column {
        Column::Number => (h.number, 3),
        Column::Role => {
            let roles = [labels.role_lead, labels.role_co, labels.role_member];
            (h.role, roles.iter().map(|r| w(r)).max().unwrap_or(0))
        }
        Column::Id => (h.id, 6),
        Column::Leader => (h.leader, 6),
        Column::Light => (h.light, super::overview::light_width(lang)),
        Column::Status => (h.status, labels.status_width()),
        Column::Percent => (h.percent, 4),
    };
    Col {
        column,
        head,
        width: values.max(w(head)),
    }
}

fn w(s: &str) -> usize {
    crate::text::width(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn headers_have_no_ambiguous_width_glyphs() {
        for h in [&ZH, &EN] {
            let all = format!("{h:?}");
            assert_eq!(all.width(), all.width_cjk(), "{all}");
        }
    }
}
