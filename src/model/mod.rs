//! Plain data: the plan, its leaders, tasks, projects, units and progress.
//!
//! Nothing here knows about the terminal or the disk. Both key tasks and
//! livelihood projects are [`Task`]s; `kind` tells them apart.

mod date;
mod ids;
mod name;
mod plan;
mod progress;
mod target;
mod task;
mod unit;

pub use date::{DateError, parse_date};
pub use ids::{IdError, TaskId};
pub use name::{Name, Names, Text};
pub use plan::{Leader, Plan, Rules};
pub use progress::{ProgressEntry, Reporter, Status};
pub use target::{Actual, Cmp, Target, format_value};
pub use task::{Item, Task, TaskKind};
pub use unit::{Unit, UnitKind};

/// A list in the model (a task's units, sections, items, targets): a
/// `Vec` behind one pointer, with no allocation when empty. Reads as a
/// slice (`iter()`, `[..]`, `is_empty()`); build one with `.into()` from a
/// `Vec` or by collecting.
pub type List<T> = thin_vec::ThinVec<T>;

/// A whole dataset: what `data/<name>/` holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub plan: Plan,
    /// Key tasks in document order.
    pub tasks: Vec<Task>,
    /// Livelihood projects in document order.
    pub projects: Vec<Task>,
    /// The unit registry.
    pub units: Vec<Unit>,
}

impl Dataset {
    /// Key tasks, then projects, in document order.
    pub fn all_tasks(&self) -> impl Iterator<Item = &Task> {
        self.tasks.iter().chain(self.projects.iter())
    }

    pub fn leader(&self, id: &str) -> Option<&Leader> {
        self.plan.leaders.iter().find(|l| l.id == id)
    }

    pub fn unit(&self, name: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.name == name)
    }

    /// The key task or project at position `i` in [`Dataset::all_tasks`]
    /// order.
    pub fn task_at(&self, i: usize) -> Option<&Task> {
        match i.checked_sub(self.tasks.len()) {
            None => self.tasks.get(i),
            Some(j) => self.projects.get(j),
        }
    }

    /// A key task or project by ID (not a sub-item).
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.all_tasks().find(|t| t.id == id)
    }

    /// Key tasks and projects led by the leader with this ID.
    pub fn tasks_of_leader<'a>(&'a self, leader: &'a str) -> impl Iterator<Item = &'a Task> + 'a {
        self.all_tasks()
            .filter(move |t| t.leader.as_deref() == Some(leader))
    }

    /// Makes every equal name one shared copy (units, leader IDs, section
    /// headings, deadline phrases, targets' units), and every list of names
    /// exactly as long as it needs: what a freshly parsed or imported
    /// dataset needs to hold each distinct name once.
    pub fn share_names(&mut self) {
        let mut names = Names::default();
        for leader in &mut self.plan.leaders {
            names.share(&mut leader.id);
        }
        for unit in &mut self.units {
            names.share(&mut unit.name);
        }
        for name in &mut self.plan.rules.default_co {
            names.share(name);
        }
        for task in self.tasks.iter_mut().chain(self.projects.iter_mut()) {
            task.share_names(&mut names);
        }
    }
}
