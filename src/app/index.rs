//! Lookups derived once from a dataset: each leader's tasks, each unit's
//! duties (lead first, then cooperating, then as a working group whose
//! members cooperate), units sorted by load, and the project list rows.

use std::collections::HashMap;

use crate::model::{Dataset, Task, TaskKind};

/// A key task or a project by position: key tasks first, then projects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TaskRef(pub usize);

impl TaskRef {
    /// The task in `data`, if the position exists.
    pub fn get(self, data: &Dataset) -> Option<&Task> {
        lookups::one();
        let n = data.tasks.len();
        if self.0 < n {
            data.tasks.get(self.0)
        } else {
            data.projects.get(self.0 - n)
        }
    }
}

/// Debug builds count, per thread, the tasks and progress histories looked
/// up ([`TaskRef::get`], [`super::Progress`]), so a test can hold a frame's
/// work to the rows it shows at any size (`tests/ui_flat.rs`). Release
/// builds count nothing.
pub mod lookups {
    #[cfg(debug_assertions)]
    thread_local! {
        static COUNT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    }

    /// Counts one lookup.
    #[inline]
    pub(crate) fn one() {
        #[cfg(debug_assertions)]
        COUNT.with(|n| n.set(n.get() + 1));
    }

    /// The lookups made on this thread so far; `None` in a release build.
    pub fn count() -> Option<u64> {
        #[cfg(debug_assertions)]
        return Some(COUNT.with(std::cell::Cell::get));
        #[cfg(not(debug_assertions))]
        None
    }
}

/// How a unit takes part in a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Leads or summarises the task.
    Lead,
    /// Cooperates.
    Co,
    /// A working group whose member units all cooperate ("X 各成员单位").
    Members,
}

/// One duty of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duty {
    pub task: TaskRef,
    pub role: Role,
}

/// One row of the projects list: a project, or one of its sub-items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProjectRow {
    pub task: TaskRef,
    /// Index into the project's `items`.
    pub item: Option<usize>,
}

/// Derived lookups; build once with [`Index::new`].
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Per group of the first tab: its tasks. A group is a leader (plan
    /// order; their key tasks, then projects they lead), or in a plan
    /// numbered by section a top-level section (document order).
    pub leader_tasks: Vec<Vec<TaskRef>>,
    /// The name of each group of `leader_tasks`.
    pub group_names: Vec<String>,
    /// How many of each group's tasks are projects.
    pub group_projects: Vec<usize>,
    /// The widest number among each group's tasks, in columns (see
    /// [`number_width`]).
    pub group_number_w: Vec<usize>,
    /// The widest name of an overview gauge (a leader's, or a section's in
    /// a plan numbered by section), in columns.
    pub gauge_name_w: usize,
    /// Per unit (registry order): duties, lead first, then co, then members.
    pub duties: Vec<Vec<Duty>>,
    /// Per unit: how many duties of each role, as [`Index::load`] gives.
    pub loads: Vec<(usize, usize, usize)>,
    /// Unit indices, heaviest load first.
    pub units_by_load: Vec<usize>,
    /// Canonical name or alias → unit index.
    pub unit_by_name: HashMap<String, usize>,
    pub project_rows: Vec<ProjectRow>,
    /// Key task or project ID → position.
    pub task_by_id: HashMap<String, TaskRef>,
    /// Sub-item ID → its project and its index in the project's items.
    pub item_by_id: HashMap<String, (TaskRef, usize)>,
}

impl Index {
    pub fn new(data: &Dataset) -> Index {
        let mut unit_by_name = HashMap::new();
        for (i, unit) in data.units.iter().enumerate() {
            unit_by_name.insert(unit.name.to_string(), i);
            for alias in &unit.aliases {
                unit_by_name.entry(alias.clone()).or_insert(i);
            }
        }
        let refs: Vec<(TaskRef, &Task)> = data
            .all_tasks()
            .enumerate()
            .map(|(i, t)| (TaskRef(i), t))
            .collect();

        let (group_names, leader_tasks) = groups(data, &refs);

        // Per role, per unit, in task order; a unit named twice in a task
        // keeps its first role there.
        let mut by_role: [Vec<Vec<Duty>>; 3] = Default::default();
        for list in &mut by_role {
            *list = vec![Vec::new(); data.units.len()];
        }
        let mut named: Vec<usize> = Vec::new();
        for (r, task) in &refs {
            named.clear();
            let roles = [
                (Role::Lead, &task.lead),
                (Role::Co, &task.co),
                (Role::Members, &task.co_members_of),
            ];
            for (slot, (role, names)) in roles.into_iter().enumerate() {
                for name in names {
                    if let Some(&u) = unit_by_name.get(name.as_str())
                        && !named.contains(&u)
                    {
                        named.push(u);
                        by_role[slot][u].push(Duty { task: *r, role });
                    }
                }
            }
        }
        let [lead, co, members] = by_role;
        let duties: Vec<Vec<Duty>> = (lead.into_iter().zip(co).zip(members))
            .map(|((mut all, co), members)| {
                all.extend(co);
                all.extend(members);
                all
            })
            .collect();

        let loads: Vec<(usize, usize, usize)> = duties.iter().map(|d| count_roles(d)).collect();
        let mut units_by_load: Vec<usize> = (0..data.units.len()).collect();
        units_by_load.sort_by_key(|&u| {
            (
                std::cmp::Reverse(duties[u].len()),
                std::cmp::Reverse(loads[u].0),
                u,
            )
        });
        let task = |r: &TaskRef| r.get(data);
        let group_projects = (leader_tasks.iter())
            .map(|ts| {
                (ts.iter().filter_map(task))
                    .filter(|t| t.kind == TaskKind::Project)
                    .count()
            })
            .collect();
        let group_number_w = (leader_tasks.iter())
            .map(|ts| {
                ts.iter()
                    .filter_map(task)
                    .map(number_width)
                    .fold(0, usize::max)
            })
            .collect();

        let gauge_name_w = if data.plan.by_section {
            group_names.iter().map(|n| crate::text::width(n)).max()
        } else {
            (data.plan.leaders.iter())
                .map(|l| crate::text::width(&l.name))
                .max()
        };

        let project_rows = data
            .projects
            .iter()
            .enumerate()
            .flat_map(|(p, project)| {
                let task = TaskRef(data.tasks.len() + p);
                std::iter::once(ProjectRow { task, item: None }).chain(
                    (0..project.items.len()).map(move |i| ProjectRow {
                        task,
                        item: Some(i),
                    }),
                )
            })
            .collect();

        let task_by_id = refs.iter().map(|(r, t)| (t.id.to_string(), *r)).collect();
        let item_by_id = (refs.iter())
            .flat_map(|(r, t)| {
                (t.items.iter().enumerate()).map(|(i, item)| (item.id.to_string(), (*r, i)))
            })
            .collect();

        Index {
            leader_tasks,
            group_names,
            group_projects,
            group_number_w,
            gauge_name_w: gauge_name_w.unwrap_or(0),
            duties,
            loads,
            units_by_load,
            unit_by_name,
            project_rows,
            task_by_id,
            item_by_id,
        }
    }

    /// How many duties of each role a unit has: (lead, co, members).
    pub fn load(&self, unit: usize) -> (usize, usize, usize) {
        self.loads.get(unit).copied().unwrap_or_default()
    }
}

/// How many of `duties` have each role: (lead, co, members).
pub fn count_roles(duties: &[Duty]) -> (usize, usize, usize) {
    let count = |role| duties.iter().filter(|d| d.role == role).count();
    (count(Role::Lead), count(Role::Co), count(Role::Members))
}

/// The columns a task's number takes in a task list: `16` for a key
/// task, `M3` for a project.
pub fn number_width(task: &Task) -> usize {
    match task.kind {
        TaskKind::Project => task.id.len(),
        TaskKind::Key => task.number.checked_ilog10().unwrap_or(0) as usize + 1,
    }
}

/// The first tab's groups: leaders, or top-level sections when the plan
/// numbers tasks by section (a document without leader grouping). Tasks
/// without a section form one group named "".
fn groups(data: &Dataset, refs: &[(TaskRef, &Task)]) -> (Vec<String>, Vec<Vec<TaskRef>>) {
    if !data.plan.by_section {
        let names = (data.plan.leaders.iter())
            .map(|l| format!("{} {}", l.name, l.title).trim_end().to_string())
            .collect();
        let tasks = (data.plan.leaders.iter())
            .map(|l| {
                refs.iter()
                    .filter(|(_, t)| t.leader.as_deref() == Some(l.id.as_str()))
                    .map(|(r, _)| *r)
                    .collect()
            })
            .collect();
        return (names, tasks);
    }
    let mut names: Vec<String> = Vec::new();
    let mut tasks: Vec<Vec<TaskRef>> = Vec::new();
    for (r, t) in refs {
        let name = t.section.first().cloned().unwrap_or_default();
        let at = match names.iter().position(|n| *n == name) {
            Some(at) => at,
            None => {
                names.push(name.to_string());
                tasks.push(Vec::new());
                names.len() - 1
            }
        };
        tasks[at].push(*r);
    }
    (names, tasks)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The duties by their definition: for each role in turn, each task in
    /// order, each unit named, unless the unit has a duty on that task.
    fn duties_by_definition(data: &Dataset, index: &Index) -> Vec<Vec<Duty>> {
        let mut duties: Vec<Vec<Duty>> = vec![Vec::new(); data.units.len()];
        for role in [Role::Lead, Role::Co, Role::Members] {
            for (i, task) in data.all_tasks().enumerate() {
                let names = match role {
                    Role::Lead => &task.lead,
                    Role::Co => &task.co,
                    Role::Members => &task.co_members_of,
                };
                for name in names {
                    if let Some(&u) = index.unit_by_name.get(name.as_str())
                        && !duties[u].iter().any(|d| d.task == TaskRef(i))
                    {
                        duties[u].push(Duty {
                            task: TaskRef(i),
                            role,
                        });
                    }
                }
            }
        }
        duties
    }

    #[test]
    fn duties_follow_their_definition() {
        let mut data = crate::store::load(None).expect("the bundled data");
        // A unit named as lead and as cooperating on one task, and twice
        // among the cooperating units of another.
        let lead = data.tasks[0].lead[0].clone();
        data.tasks[0].co.push(lead.clone());
        data.tasks[1].co.push(lead.clone());
        data.tasks[1].co.push(lead.clone());
        let index = Index::new(&data);
        assert_eq!(index.duties, duties_by_definition(&data, &index));
        let u = index.unit_by_name[lead.as_str()];
        let on_first: Vec<Role> = (index.duties[u].iter())
            .filter(|d| d.task == TaskRef(0))
            .map(|d| d.role)
            .collect();
        assert_eq!(on_first, [Role::Lead]);
        let on_second = (index.duties[u].iter()).filter(|d| d.task == TaskRef(1));
        assert_eq!(on_second.count(), 1);
    }
}
