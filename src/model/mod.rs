//! Plain data: the plan, its leaders, tasks, projects, units and progress.
//!
//! Nothing here knows about the terminal or the disk. Both key tasks and
//! livelihood projects are [`Task`]s; `kind` tells them apart.

mod date;
mod ids;
mod plan;
mod progress;
mod target;
mod task;
mod unit;

pub use date::{DateError, parse_date};
pub use ids::{IdError, TaskId};
pub use plan::{Leader, Plan, Rules};
pub use progress::{ProgressEntry, Reporter, Status};
pub use target::{Actual, Cmp, Target, format_value};
pub use task::{Item, Task, TaskKind};
pub use unit::{Unit, UnitKind};

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

    /// A key task or project by ID (not a sub-item).
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.all_tasks().find(|t| t.id == id)
    }

    /// Key tasks and projects led by the leader with this ID.
    pub fn tasks_of_leader<'a>(&'a self, leader: &'a str) -> impl Iterator<Item = &'a Task> + 'a {
        self.all_tasks()
            .filter(move |t| t.leader.as_deref() == Some(leader))
    }
}
