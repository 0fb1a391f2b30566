//! Stable IDs: `L2` leader 2, `K2.16` key task 16 under leader 2,
//! `M3` livelihood project 3, `M3.2` its second sub-item.

use std::fmt;
use std::str::FromStr;

/// A parsed task, project or sub-item ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaskId {
    Key { leader: u32, number: u32 },
    Project { number: u32 },
    Item { project: u32, number: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a task ID (expected K<leader>.<n>, M<n> or M<n>.<item>, e.g. K2.16, M3, M3.2)"
)]
pub struct IdError(pub String);

impl TaskId {
    /// The leader ID (`L2`) for a number.
    pub fn leader_id(leader: u32) -> String {
        format!("L{leader}")
    }

    /// The project this ID belongs to, for a project or a sub-item.
    pub fn project(self) -> Option<u32> {
        match self {
            TaskId::Project { number } => Some(number),
            TaskId::Item { project, .. } => Some(project),
            TaskId::Key { .. } => None,
        }
    }
}

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TaskId::Key { leader, number } => write!(f, "K{leader}.{number}"),
            TaskId::Project { number } => write!(f, "M{number}"),
            TaskId::Item { project, number } => write!(f, "M{project}.{number}"),
        }
    }
}

fn positive(s: &str) -> Option<u32> {
    if s.is_empty() || s.starts_with('0') || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|n| *n > 0)
}

impl FromStr for TaskId {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || IdError(s.to_string());
        let (head, rest) = s.split_at(s.chars().next().map_or(0, char::len_utf8));
        let (a, b) = match rest.split_once('.') {
            Some((a, b)) => (
                positive(a).ok_or_else(bad)?,
                Some(positive(b).ok_or_else(bad)?),
            ),
            None => (positive(rest).ok_or_else(bad)?, None),
        };
        match (head, b) {
            ("K", Some(number)) => Ok(TaskId::Key { leader: a, number }),
            ("M", None) => Ok(TaskId::Project { number: a }),
            ("M", Some(number)) => Ok(TaskId::Item { project: a, number }),
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_form() {
        for s in ["K2.16", "M3", "M3.2", "K1.1"] {
            assert_eq!(s.parse::<TaskId>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn rejects_malformed_ids() {
        for s in [
            "", "K2", "K.1", "M0", "K01.2", "X1", "M3.", "K2.16.1", "L2", "M-1",
        ] {
            assert!(s.parse::<TaskId>().is_err(), "{s} should not parse");
        }
    }
}
