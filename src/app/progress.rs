//! The progress the dashboard shows: the latest entry per task ID and the
//! history of each. Built from journal entries; empty when none recorded.

use std::collections::HashMap;

use crate::model::{ProgressEntry, Status, Task};

/// Progress by task, project or sub-item ID.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    history: HashMap<String, Vec<ProgressEntry>>,
}

impl Progress {
    /// Groups entries by ID; within an ID, in report order (report date,
    /// then time of entry; ties keep the given order), so the last one is
    /// the standing entry.
    pub fn from_entries(entries: impl IntoIterator<Item = ProgressEntry>) -> Progress {
        let mut history: HashMap<String, Vec<ProgressEntry>> = HashMap::new();
        for e in entries {
            history.entry(e.task.clone()).or_default().push(e);
        }
        for list in history.values_mut() {
            list.sort_by_key(ProgressEntry::report_order);
        }
        Progress { history }
    }

    /// The standing entry for an ID.
    pub fn latest(&self, id: &str) -> Option<&ProgressEntry> {
        self.history.get(id).and_then(|h| h.last())
    }

    /// Every entry for an ID, in report order.
    pub fn history(&self, id: &str) -> &[ProgressEntry] {
        self.history.get(id).map_or(&[], Vec::as_slice)
    }

    /// Where a task or project stands: its own latest entry; for a project
    /// without one, the mean of its sub-items (not-started ones count 0).
    pub fn state(&self, task: &Task) -> (Status, u8) {
        if let Some(e) = self.latest(&task.id) {
            return (e.status, e.percent);
        }
        let items: Vec<&ProgressEntry> = task
            .items
            .iter()
            .filter_map(|i| self.latest(&i.id))
            .collect();
        if items.is_empty() {
            return (Status::NotStarted, 0);
        }
        let sum: usize = items.iter().map(|e| usize::from(e.percent)).sum();
        let mean = sum / task.items.len().max(1);
        let status =
            if items.len() == task.items.len() && items.iter().all(|e| e.status == Status::Done) {
                Status::Done
            } else {
                Status::OnTrack
            };
        (status, u8::try_from(mean).unwrap_or(100))
    }

    /// Where a sub-item stands.
    pub fn item_state(&self, id: &str) -> (Status, u8) {
        self.latest(id)
            .map_or((Status::NotStarted, 0), |e| (e.status, e.percent))
    }

    /// The mean completion of some tasks, in percent.
    pub fn completion<'a>(&self, tasks: impl IntoIterator<Item = &'a Task>) -> u8 {
        let (mut sum, mut n) = (0usize, 0usize);
        for t in tasks {
            sum += usize::from(self.state(t).1);
            n += 1;
        }
        sum.checked_div(n)
            .map_or(0, |m| u8::try_from(m).unwrap_or(100))
    }
}
