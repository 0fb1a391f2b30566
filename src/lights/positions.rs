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

use std::collections::HashMap;

use crate::model::Dataset;

type Fast<K> = HashMap<K, u32, foldhash::fast::FixedState>;

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

impl Positions {
    /// The positions of every ID of `data`, and where each task counts.
    pub fn of(data: &Dataset) -> Positions {
        let n = data.tasks.len() + data.projects.len();
        let mut p = Positions {
            short: Fast::with_capacity_and_hasher(n, Default::default()),
            own: Vec::with_capacity(n),
            items_end: Vec::with_capacity(n),
            leader: Vec::with_capacity(n),
            units_end: Vec::with_capacity(n),
            ..Positions::default()
        };
        let leader_at: Fast<&str> = (data.plan.leaders.iter().enumerate())
            .map(|(i, l)| (l.id.as_str(), pos(i)))
            .collect();
        let unit_at: Fast<&str> = (data.units.iter().enumerate())
            .map(|(i, u)| (u.name.as_str(), pos(i)))
            .collect();
        for task in data.all_tasks() {
            let own = p.intern(&task.id);
            p.own.push(own);
            for item in &task.items {
                let at = p.intern(&item.id);
                p.items.push(at);
            }
            p.items_end.push(pos(p.items.len()));
            let leader = task.leader.as_deref().and_then(|l| leader_at.get(l));
            p.leader.push(leader.copied().unwrap_or(u32::MAX));
            let start = p.units.len();
            for name in &task.lead {
                if let Some(&u) = unit_at.get(name.as_str())
                    && !p.units[start..].contains(&u)
                {
                    p.units.push(u);
                }
            }
            p.units_end.push(pos(p.units.len()));
        }
        p
    }

    /// The position of `id`, a new one when the plan named it first here.
    fn intern(&mut self, id: &str) -> u32 {
        let next = pos(self.len());
        match short(id) {
            Some(key) => *self.short.entry(key).or_insert(next),
            None => *self.long.entry(id.into()).or_insert(next),
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
