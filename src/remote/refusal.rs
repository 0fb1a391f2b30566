//! A record the store refused, kept in the outbox with why.

use serde::{Deserialize, Serialize};

use crate::progress::Record;

/// Why the store refused a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RefusalKind {
    /// The role's unit has no duty on the task (row-level security).
    NotOnDuty,
    /// The role was never granted a unit or the office (`store grant`).
    NotGranted,
}

/// A refused record: enough to show it, and to send it again once the
/// grant is put right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub id: String,
    pub task: String,
    /// The record's `at`, as the journal writes it.
    pub at: String,
    /// The database role that tried.
    pub role: String,
    pub kind: RefusalKind,
    /// What the server said (its own language and words).
    pub server: String,
}

impl Refusal {
    pub fn new(
        id: &str,
        record: &Record,
        role: &str,
        kind: RefusalKind,
        server: String,
    ) -> Refusal {
        let (task, at) = match record {
            Record::Entry(e) => (&e.task, e.at),
            Record::Retract(r) => (&r.task, r.at),
        };
        Refusal {
            id: id.to_string(),
            task: task.clone(),
            at: at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false),
            role: role.to_string(),
            kind,
            server,
        }
    }
}
