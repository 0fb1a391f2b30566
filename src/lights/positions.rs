//! A plan's IDs at dense positions: every key task, project and sub-item
//! ID gets a number, once per plan, so a pass over a whole journal looks
//! each entry's ID up once and keeps what it finds in a `Vec` indexed by
//! position rather than in a map keyed by strings. Beside them, where each
//! task counts: its leader and its lead units, as indices.
//!
//! IDs of up to 15 bytes (every ID a plan numbers, `K12.345`, `M3.2`) are
//! kept in the map as one 128-bit key, so a look-up compares the key in
//! the table and never reads the plan's own string (a cache miss per
//! entry over a million entries); longer IDs go to a second map.

use crate::model::Dataset;

type Fast<K> = crate::fast_map::FastMap<K, u32>;

/// The positions of a plan's IDs. A task's own ID and its sub-items' IDs
/// each have one; an ID named twice in the plan has one position.
#[derive(Debug, Clone, Default)]
pub struct Positions {
    short: Fast<u128>,
    long: Fast<Box<str>>,
    /// Per task (in `all_tasks` order): the position of its ID.
    own: Vec<u32>,
    /// The positions of every task's sub-items, task after task.
    items: Vec<u32>,
    /// Per task: where its sub-items end in `items` (they start where the
    /// previous task's end).
    items_end: Vec<u32>,
    /// Per task: its leader's index in the plan's leaders (`u32::MAX`:
    /// none, or one the plan does not list).
    leader: Vec<u32>,
    /// Every task's lead units (indices in the registry, each once),
    /// task after task, ending where `units_end` says.
    units: Vec<u32>,
    units_end: Vec<u32>,
}

/// An ID of up to 15 bytes as one number: its bytes, then its length.
fn short(id: &str) -> Option<u128> {
    let bytes = id.as_bytes();
    let mut key = [0u8; 16];
    if bytes.len() >= key.len() {
        return None;
    }
    key[..bytes.len()].copy_from_slice(bytes);
    key[15] = bytes.len() as u8; // under 16
    Some(u128::from_le_bytes(key))
}

fn pos(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Plans at least this many tasks long are read on two threads.
const SPLIT_AT: usize = 1 << 14;

/// An ID as the map keeps it.
enum Key {
    Short(u128),
    Long(Box<str>),
}

impl Key {
    fn of(id: &str) -> Key {
        short(id).map_or_else(|| Key::Long(id.into()), Key::Short)
    }
}

/// What reading a stretch of the plan's tasks gives, before the IDs are
/// numbered: per task its ID's and its sub-items' keys, its leader and its
/// lead units (the part of the work that reads every task's strings, so
/// it is split over threads).
#[derive(Default)]
struct Read {
    keys: Vec<Key>,
    /// Per task: where its keys (its own, then its sub-items') end.
    keys_end: Vec<u32>,
    leader: Vec<u32>,
    units: Vec<u32>,
    units_end: Vec<u32>,
}

/// Reads `tasks` (see [`Read`]).
fn read(tasks: &[&crate::model::Task], leader_at: &Fast<&str>, unit_at: &Fast<&str>) -> Read {
    let mut r = Read {
        keys: Vec::with_capacity(tasks.len()),
        keys_end: Vec::with_capacity(tasks.len()),
        leader: Vec::with_capacity(tasks.len()),
        units_end: Vec::with_capacity(tasks.len()),
        ..Read::default()
    };
    for task in tasks {
        r.keys.push(Key::of(&task.id));
        r.keys.extend(task.items.iter().map(|i| Key::of(&i.id)));
        r.keys_end.push(pos(r.keys.len()));
        let leader = task.leader.as_deref().and_then(|l| leader_at.get(l));
        r.leader.push(leader.copied().unwrap_or(u32::MAX));
        let start = r.units.len();
        for name in &task.lead {
            if let Some(&u) = unit_at.get(&**name)
                && !r.units[start..].contains(&u)
            {
                r.units.push(u);
            }
        }
        r.units_end.push(pos(r.units.len()));
    }
    r
}

impl Positions {
    /// The positions of every ID of `data`, and where each task counts.
    /// The tasks are read on two threads from [`SPLIT_AT`] tasks; the IDs
    /// are then numbered in plan order on this one.
    pub fn of(data: &Dataset) -> Positions {
        let tasks: Vec<&crate::model::Task> = data.all_tasks().collect();
        let n = tasks.len();
        let leader_at: Fast<&str> = (data.plan.leaders.iter().enumerate())
            .map(|(i, l)| (&*l.id, pos(i)))
            .collect();
        let unit_at: Fast<&str> = (data.units.iter().enumerate())
            .map(|(i, u)| (&*u.name, pos(i)))
            .collect();
        let (leader_at, unit_at) = (&leader_at, &unit_at);
        let reads: Vec<Read> = if n >= SPLIT_AT {
            let (first, second) = tasks.split_at(n / 2);
            std::thread::scope(|scope| {
                let later = scope.spawn(move || read(second, leader_at, unit_at));
                let earlier = read(first, leader_at, unit_at);
                let later = later
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e));
                vec![earlier, later]
            })
        } else {
            vec![read(&tasks, leader_at, unit_at)]
        };
        let mut p = Positions {
            short: Fast::with_capacity_and_hasher(n, Default::default()),
            own: Vec::with_capacity(n),
            items_end: Vec::with_capacity(n),
            leader: Vec::with_capacity(n),
            units_end: Vec::with_capacity(n),
            ..Positions::default()
        };
        for r in reads {
            let mut keys = r.keys.into_iter();
            let mut start = 0;
            for end in r.keys_end {
                let own = keys.next().map_or(u32::MAX, |k| p.intern_key(k));
                for _ in start + 1..end {
                    if let Some(k) = keys.next() {
                        let at = p.intern_key(k);
                        p.items.push(at);
                    }
                }
                start = end;
                p.own.push(own);
                p.items_end.push(pos(p.items.len()));
            }
            p.leader.extend(r.leader);
            let base = pos(p.units.len());
            p.units.extend(r.units);
            p.units_end
                .extend(r.units_end.into_iter().map(|e| base + e));
        }
        p
    }

    /// The position of `key`, a new one when the plan named it first here.
    fn intern_key(&mut self, key: Key) -> u32 {
        let next = pos(self.len());
        match key {
            Key::Short(key) => *self.short.entry(key).or_insert(next),
            Key::Long(id) => *self.long.entry(id).or_insert(next),
        }
    }

    /// How many distinct IDs the plan has.
    pub fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The position of an ID, if the plan has it.
    #[inline]
    pub fn at(&self, id: &str) -> Option<u32> {
        match short(id) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(id).copied(),
        }
    }

    /// How many tasks (key tasks and projects).
    pub fn tasks(&self) -> usize {
        self.own.len()
    }

    /// The position of task `task`'s ID (`task` in `all_tasks` order).
    pub fn own(&self, task: usize) -> u32 {
        self.own[task]
    }

    /// The positions of task `task`'s sub-items, in the task's order.
    pub fn items(&self, task: usize) -> &[u32] {
        span(&self.items, &self.items_end, task)
    }

    /// Task `task`'s leader, as an index in the plan's leaders.
    pub fn leader(&self, task: usize) -> Option<usize> {
        let l = self.leader[task];
        (l != u32::MAX).then_some(l as usize)
    }

    /// Task `task`'s lead units, as indices in the registry, each once.
    pub fn lead_units(&self, task: usize) -> &[u32] {
        span(&self.units, &self.units_end, task)
    }
}

/// Task `task`'s part of a list kept task after task.
fn span<'a>(all: &'a [u32], ends: &[u32], task: usize) -> &'a [u32] {
    let start = task.checked_sub(1).map_or(0, |t| ends[t]);
    &all[start as usize..ends[task] as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plan long enough to be read on two threads, with an ID named
    /// twice across the halves and one too long to keep inline: every ID
    /// numbered in the order the plan first names it, and each task's
    /// leader and lead units as a plain reading finds them.
    #[test]
    fn a_plan_read_on_two_threads_is_numbered_in_plan_order() {
        let mut data = crate::synth::synth(SPLIT_AT + 10, 3);
        let last = data.tasks.len() - 1;
        data.tasks[last].id = data.tasks[1].id.clone();
        data.tasks[SPLIT_AT / 2 + 3].id = "K1.1-补充任务（第二批）".into();
        let p = Positions::of(&data);
        let mut seen: std::collections::HashMap<String, u32> = Default::default();
        let mut number = |id: &str| {
            let next = pos(seen.len());
            *seen.entry(id.to_string()).or_insert(next)
        };
        for (i, task) in data.all_tasks().enumerate() {
            assert_eq!(p.own(i), number(&task.id), "{}", task.id);
            let items: Vec<u32> = task.items.iter().map(|it| number(&it.id)).collect();
            assert_eq!(p.items(i), &items[..], "{}", task.id);
            let leader =
                (data.plan.leaders.iter()).position(|l| task.leader.as_deref() == Some(&*l.id));
            assert_eq!(p.leader(i), leader);
            let mut units: Vec<u32> = Vec::new();
            for name in &task.lead {
                if let Some(u) = data.units.iter().position(|u| &u.name == name)
                    && !units.contains(&pos(u))
                {
                    units.push(pos(u));
                }
            }
            assert_eq!(p.lead_units(i), &units[..], "{}", task.id);
        }
        assert_eq!(p.len(), seen.len());
        assert_eq!(p.tasks(), data.all_tasks().count());
        for (id, &at) in &seen {
            assert_eq!(p.at(id), Some(at), "{id}");
        }
    }
}
