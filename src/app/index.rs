//! Lookups derived once from a dataset: each leader's tasks, each unit's
//! duties (lead first, then cooperating, then as a working group whose
//! members cooperate), units sorted by load, and the project list rows.

use std::collections::HashMap;

use crate::lights::Positions;
use crate::model::{Dataset, Task, TaskKind};

type Fast<K> = crate::fast_map::FastMap<K, usize>;

/// From how many key tasks the lookups are built on two threads.
const PARALLEL_FROM: usize = 10_000;

/// `u32::MAX`: no task or sub-item at a position.
const NONE: u32 = u32::MAX;

/// A key task or a project by position: key tasks first, then projects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TaskRef(pub usize);

impl TaskRef {
    /// The task in `data`, if the position exists.
    pub fn get(self, data: &Dataset) -> Option<&Task> {
        lookups::one();
        data.task_at(self.0)
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

mod duties;
pub use duties::{Duties, Duty};

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
    pub duties: Duties,
    /// Per unit: how many duties of each role, as [`Index::load`] gives.
    pub loads: Vec<(usize, usize, usize)>,
    /// Unit indices, heaviest load first.
    pub units_by_load: Vec<usize>,
    /// Canonical name or alias → unit index.
    pub unit_by_name: HashMap<String, usize>,
    pub project_rows: Vec<ProjectRow>,
    /// Key task, project and sub-item IDs → where they are.
    pub ids: Ids,
}

impl Index {
    /// One pass over the tasks; nothing of the data is copied but the
    /// unit names (a registry of dozens), and no map is keyed by task IDs.
    pub fn new(data: &Dataset) -> Index {
        let unit_by_name = unit_names(data);
        // The IDs on this core, the duties on a second: both a pass over
        // every task, neither needing the other.
        let (mut index, duties) = if data.tasks.len() < PARALLEL_FROM {
            let duties = duties_of(data, &unit_at(&unit_by_name));
            (Index::first_with(data, unit_by_name), duties)
        } else {
            std::thread::scope(|scope| {
                let names = &unit_by_name;
                let duties = std::thread::Builder::new()
                    .spawn_scoped(scope, move || duties_of(data, &unit_at(names)));
                let index = Index::first_with(data, names.clone());
                let duties = match duties {
                    Ok(thread) => thread
                        .join()
                        .unwrap_or_else(|e| std::panic::resume_unwind(e)),
                    Err(_) => duties_of(data, &unit_at(names)),
                };
                (index, duties)
            })
        };
        index.put_duties(duties);
        index
    }

    /// What the leaders tab needs (the dashboard's first frame): all but
    /// the units' duties, their loads and order, which
    /// [`Index::add_duties`] adds. On one thread of its own: numbering the
    /// IDs splits its reading over two.
    pub fn first(data: &Dataset) -> Index {
        Index::first_with(data, unit_names(data))
    }

    /// Adds the units' duties, loads and order to an index made by
    /// [`Index::first`].
    pub fn add_duties(&mut self, data: &Dataset) {
        let duties = Index::units_duties(data, &self.unit_by_name);
        self.put_duties(duties);
    }

    /// The units' duties as [`Index::add_duties`] adds them, worked out
    /// apart from the index from its units' names (`unit_by_name`).
    pub(crate) fn units_duties(data: &Dataset, unit_by_name: &HashMap<String, usize>) -> Duties {
        duties_of(data, &unit_at(unit_by_name))
    }

    /// Adds duties worked out by [`Index::units_duties`], with their loads
    /// and order.
    pub(crate) fn put_duties(&mut self, duties: Duties) {
        let loads: Vec<(usize, usize, usize)> = duties.iter().map(count_roles).collect();
        let mut units_by_load: Vec<usize> = (0..duties.len()).collect();
        units_by_load.sort_by_key(|&u| {
            (
                std::cmp::Reverse(duties[u].len()),
                std::cmp::Reverse(loads[u].0),
                u,
            )
        });
        self.duties = duties;
        self.loads = loads;
        self.units_by_load = units_by_load;
    }

    fn first_with(data: &Dataset, unit_by_name: HashMap<String, usize>) -> Index {
        let ids = Ids::of(data);
        let (group_names, leader_tasks) = groups(data, &ids);
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

        Index {
            leader_tasks,
            group_names,
            group_projects,
            group_number_w,
            gauge_name_w: gauge_name_w.unwrap_or(0),
            duties: Duties::default(),
            loads: Vec::new(),
            units_by_load: Vec::new(),
            unit_by_name,
            project_rows,
            ids,
        }
    }

    /// How many duties of each role a unit has: (lead, co, members).
    pub fn load(&self, unit: usize) -> (usize, usize, usize) {
        self.loads.get(unit).copied().unwrap_or_default()
    }
}

/// Canonical name or alias → unit index.
fn unit_names(data: &Dataset) -> HashMap<String, usize> {
    let mut unit_by_name = HashMap::new();
    for (i, unit) in data.units.iter().enumerate() {
        unit_by_name.insert(unit.name.to_string(), i);
        for alias in &unit.aliases {
            unit_by_name.entry(alias.clone()).or_insert(i);
        }
    }
    unit_by_name
}

/// The same names, borrowed and with a faster hash, for a pass.
fn unit_at(unit_by_name: &HashMap<String, usize>) -> Fast<&str> {
    (unit_by_name.iter())
        .map(|(name, &u)| (name.as_str(), u))
        .collect()
}

/// Per unit (registry order): its duties, lead first, then co, then
/// members, each in task order; a unit named twice in a task keeps its
/// first role there.
fn duties_of(data: &Dataset, unit_at: &Fast<&str>) -> Duties {
    let mut by_role: [Vec<(u32, Duty)>; 3] = Default::default();
    let mut named: Vec<usize> = Vec::new();
    for (i, task) in data.all_tasks().enumerate() {
        named.clear();
        let roles = [
            (Role::Lead, &task.lead),
            (Role::Co, &task.co),
            (Role::Members, &task.co_members_of),
        ];
        for (slot, (role, names)) in roles.into_iter().enumerate() {
            for name in names {
                if let Some(&u) = unit_at.get(name.as_str())
                    && !named.contains(&u)
                {
                    named.push(u);
                    let unit = u32::try_from(u).unwrap_or(u32::MAX);
                    by_role[slot].push((unit, Duty::new(TaskRef(i), role)));
                }
            }
        }
    }
    let [lead, co, members] = &by_role;
    Duties::from_pairs(data.units.len(), &[lead, co, members])
}

/// How many of `duties` have each role: (lead, co, members).
pub fn count_roles(duties: &[Duty]) -> (usize, usize, usize) {
    let count = |role| duties.iter().filter(|d| d.role() == role).count();
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
fn groups(data: &Dataset, ids: &Ids) -> (Vec<String>, Vec<Vec<TaskRef>>) {
    if !data.plan.by_section {
        let names = (data.plan.leaders.iter())
            .map(|l| format!("{} {}", l.name, l.title).trim_end().to_string())
            .collect();
        let mut tasks = vec![Vec::new(); data.plan.leaders.len()];
        for i in 0..data.tasks.len() + data.projects.len() {
            if let Some(group) = ids.positions.leader(i).and_then(|l| tasks.get_mut(l)) {
                group.push(TaskRef(i));
            }
        }
        tasks.iter_mut().for_each(Vec::shrink_to_fit);
        return (names, tasks);
    }
    let mut names: Vec<String> = Vec::new();
    let mut at_name: Fast<&str> = Fast::default();
    let mut tasks: Vec<Vec<TaskRef>> = Vec::new();
    for (i, t) in data.all_tasks().enumerate() {
        let name = t.section.first().map_or("", |n| n.as_str());
        let at = *at_name.entry(name).or_insert_with(|| {
            names.push(name.to_string());
            tasks.push(Vec::new());
            names.len() - 1
        });
        tasks[at].push(TaskRef(i));
    }
    tasks.iter_mut().for_each(Vec::shrink_to_fit);
    (names, tasks)
}

/// Key task, project and sub-item IDs to where they are, kept as
/// positions: the plan's IDs numbered once ([`Positions`], which the
/// lights use too) and, per number, the task or sub-item bearing it. No ID
/// is copied. An ID borne twice finds the last bearer.
#[derive(Debug, Clone, Default)]
pub struct Ids {
    positions: Positions,
    /// Per position: the task whose own ID it is (`NONE`: none).
    task: Vec<u32>,
    /// Per position: the sub-item bearing it, as task and index.
    item: Vec<(u32, u32)>,
}

impl Ids {
    pub fn of(data: &Dataset) -> Ids {
        let positions = Positions::of(data);
        let mut task = vec![NONE; positions.len()];
        let mut item = vec![(NONE, NONE); positions.len()];
        for t in 0..positions.tasks() {
            let here = u32::try_from(t).unwrap_or(NONE);
            task[positions.own(t) as usize] = here;
            for (i, &at) in positions.items(t).iter().enumerate() {
                item[at as usize] = (here, u32::try_from(i).unwrap_or(NONE));
            }
        }
        Ids {
            positions,
            task,
            item,
        }
    }

    /// The key task or project with ID `id`.
    pub fn task(&self, id: &str) -> Option<TaskRef> {
        let at = self.positions.at(id)?;
        let t = *self.task.get(at as usize)?;
        (t != NONE).then_some(TaskRef(t as usize))
    }

    /// The sub-item with ID `id`: its project and its index in the
    /// project's items.
    pub fn item(&self, id: &str) -> Option<(TaskRef, usize)> {
        let at = self.positions.at(id)?;
        let (t, i) = *self.item.get(at as usize)?;
        (t != NONE).then_some((TaskRef(t as usize), i as usize))
    }

    /// The plan's IDs numbered, and where each task counts (its leader,
    /// its lead units).
    pub fn positions(&self) -> &Positions {
        &self.positions
    }
}

#[cfg(test)]
mod tests;
