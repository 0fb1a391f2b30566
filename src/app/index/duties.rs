//! Every unit's duties in one flat list: a duty is 4 bytes (the task's
//! position and the role in its top two bits), a unit's duties one
//! stretch of the list. At 100,000 tasks a list per unit of 16-byte
//! duties took 8 MB for the session.

use super::{Role, TaskRef};

/// The roles in a duty's top two bits.
const ROLE_SHIFT: u32 = 30;
const TASK_MASK: u32 = (1 << ROLE_SHIFT) - 1;

/// One duty of a unit: a task and how the unit takes part in it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Duty(u32);

impl Duty {
    /// The duty on `task` (a position under 2^30) in `role`.
    pub fn new(task: TaskRef, role: Role) -> Duty {
        let task = u32::try_from(task.0).map_or(TASK_MASK, |t| t.min(TASK_MASK));
        let role = match role {
            Role::Lead => 0,
            Role::Co => 1,
            Role::Members => 2,
        };
        Duty(task | role << ROLE_SHIFT)
    }

    /// The task.
    pub fn task(self) -> TaskRef {
        TaskRef((self.0 & TASK_MASK) as usize)
    }

    /// How the unit takes part.
    pub fn role(self) -> Role {
        match self.0 >> ROLE_SHIFT {
            0 => Role::Lead,
            1 => Role::Co,
            _ => Role::Members,
        }
    }
}

impl std::fmt::Debug for Duty {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (f.debug_struct("Duty"))
            .field("task", &self.task())
            .field("role", &self.role())
            .finish()
    }
}

/// Per unit (registry order): its duties.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Duties {
    all: Vec<Duty>,
    /// Per unit: where its duties end in `all` (they start where the
    /// previous unit's end).
    ends: Vec<u32>,
}

impl Duties {
    /// From `(unit, duty)` pairs, each unit's in the order given (part
    /// after part), for `units` units (pairs naming a unit beyond are left
    /// out).
    pub fn from_pairs(units: usize, parts: &[&[(u32, Duty)]]) -> Duties {
        let pairs = || parts.iter().flat_map(|p| p.iter());
        let mut ends = vec![0u32; units];
        for &(u, _) in pairs() {
            if let Some(n) = ends.get_mut(u as usize) {
                *n += 1;
            }
        }
        let mut next = Vec::with_capacity(units);
        let mut sum = 0u32;
        for n in &mut ends {
            next.push(sum);
            sum += *n;
            *n = sum;
        }
        let mut all = vec![Duty(0); sum as usize];
        for &(u, d) in pairs() {
            if let Some(at) = next.get_mut(u as usize) {
                all[*at as usize] = d;
                *at += 1;
            }
        }
        Duties { all, ends }
    }

    /// A unit's duties.
    pub fn get(&self, unit: usize) -> Option<&[Duty]> {
        let (start, end) = self.span(unit)?;
        Some(&self.all[start..end])
    }

    /// A unit's duties, to reorder.
    pub fn get_mut(&mut self, unit: usize) -> Option<&mut [Duty]> {
        let (start, end) = self.span(unit)?;
        Some(&mut self.all[start..end])
    }

    fn span(&self, unit: usize) -> Option<(usize, usize)> {
        let end = *self.ends.get(unit)? as usize;
        let start = unit.checked_sub(1).map_or(0, |u| self.ends[u] as usize);
        Some((start, end))
    }

    /// How many units.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Every unit's duties, in registry order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[Duty]> + '_ {
        (0..self.len()).map(|u| self.get(u).unwrap_or_default())
    }

    /// The bytes the lists take on the heap (a guard for tests).
    pub fn heap_bytes(&self) -> usize {
        self.all.capacity() * size_of::<Duty>() + self.ends.capacity() * size_of::<u32>()
    }
}

impl std::ops::Index<usize> for Duties {
    type Output = [Duty];

    fn index(&self, unit: usize) -> &[Duty] {
        self.get(unit).unwrap_or_default()
    }
}
