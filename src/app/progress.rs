//! The progress the dashboard shows: the latest entry per task ID and the
//! history of each. Built from journal entries; empty when none recorded.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::lights::Positions;
use crate::model::{ProgressEntry, Status, Task};

/// Progress of at least this many IDs is read on two threads.
const SPLIT_AT: usize = 1 << 14;

/// Read once per ID in a full restand.
type ById<V> = crate::fast_map::FastMap<String, V>;

/// Progress by task, project or sub-item ID. The entries are the
/// journal's own, shared ([`crate::progress::Journal::shared`]): a journal
/// of 1,000,000 entries is held once, not once more here.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    history: ById<Vec<Arc<ProgressEntry>>>,
    /// Which state of progress this is: new for every change, so what is
    /// kept from it (the detail pane's text) knows when to follow. Empty
    /// progress is 0.
    stamp: u64,
}

/// A stamp no progress has had.
fn new_stamp() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Progress {
    /// Groups entries by ID; within an ID, in report order (report date,
    /// then time of entry; ties keep the given order), so the last one is
    /// the standing entry. Entries given as `Arc`s are shared, not copied.
    pub fn from_entries<E: Into<Arc<ProgressEntry>>>(
        entries: impl IntoIterator<Item = E>,
    ) -> Progress {
        let mut progress = Progress::default();
        progress.refill(entries);
        progress
    }

    /// Becomes the progress of `entries`, as [`Progress::from_entries`]
    /// makes it, in the room it has: each ID's key and list are kept and
    /// filled again rather than freed and made anew. A store pull or a
    /// merge gives every entry again; at 1,000,000 IDs, progress made anew
    /// freed two million small blocks on the UI thread, which glibc's
    /// allocator gathers on the next large allocation: the next frame's.
    pub fn refill<E: Into<Arc<ProgressEntry>>>(&mut self, entries: impl IntoIterator<Item = E>) {
        for list in self.history.values_mut() {
            list.clear();
        }
        for e in entries {
            let e: Arc<ProgressEntry> = e.into();
            // The ID is copied once per ID, not once per entry.
            match self.history.get_mut(e.task.as_str()) {
                Some(list) => list.push(e),
                None => {
                    self.history.insert(e.task.clone(), vec![e]);
                }
            }
        }
        self.history.retain(|_, list| !list.is_empty());
        for list in self.history.values_mut() {
            list.sort_by_key(|e| e.report_order());
            // Kept for the session: no spare room.
            list.shrink_to_fit();
        }
        self.stamp = new_stamp();
    }

    /// Which state of progress this is (see [`Progress::set_history`]).
    pub fn stamp(&self) -> u64 {
        self.stamp
    }

    /// Replaces the history of one ID (given in any order).
    pub fn set_history<E: Into<Arc<ProgressEntry>>>(&mut self, id: &str, entries: Vec<E>) {
        let mut entries: Vec<Arc<ProgressEntry>> = entries.into_iter().map(Into::into).collect();
        entries.sort_by_key(|e| e.report_order());
        self.stamp = new_stamp();
        if entries.is_empty() {
            self.history.remove(id);
        } else {
            self.history.insert(id.to_string(), entries);
        }
    }

    /// Adds one entry to the history of its ID, in report order (after
    /// the entries it ties with, as [`Progress::from_entries`] places the
    /// last one given). A save's entry is most often the ID's latest, so
    /// this costs a search of the ID's history, not a sort of it.
    pub fn add(&mut self, entry: impl Into<Arc<ProgressEntry>>) {
        let entry: Arc<ProgressEntry> = entry.into();
        self.stamp = new_stamp();
        match self.history.get_mut(entry.task.as_str()) {
            Some(list) => {
                let key = entry.report_order();
                let at = list.partition_point(|e| e.report_order() <= key);
                list.insert(at, entry);
            }
            None => {
                self.history.insert(entry.task.clone(), vec![entry]);
            }
        }
    }

    /// Takes an undone entry out of its ID's history: the one with its
    /// report date and time of entry (`at` is an entry's identity).
    /// Whether it was there.
    pub fn remove(&mut self, entry: &ProgressEntry) -> bool {
        let Some(list) = self.history.get_mut(entry.task.as_str()) else {
            return false;
        };
        let key = entry.report_order();
        let at = list.partition_point(|e| e.report_order() < key);
        if list.get(at).is_none_or(|e| e.report_order() != key) {
            return false;
        }
        list.remove(at);
        if list.is_empty() {
            self.history.remove(entry.task.as_str());
        }
        self.stamp = new_stamp();
        true
    }

    /// The standing entry for an ID.
    pub fn latest(&self, id: &str) -> Option<&ProgressEntry> {
        super::index::lookups::one();
        self.history.get(id).and_then(|h| h.last()).map(|e| &**e)
    }

    /// Every entry for an ID, in report order.
    pub fn history(&self, id: &str) -> &[Arc<ProgressEntry>] {
        super::index::lookups::one();
        self.history.get(id).map_or(&[], Vec::as_slice)
    }

    /// Per position of `positions`, the standing entry on each of `dates`
    /// (the last in report order dated then or before; `NaiveDate::MAX`:
    /// the latest): one look-up per ID recorded, as
    /// [`crate::lights::standing_on`] finds them in a journal.
    pub fn standing_on(
        &self,
        positions: &Positions,
        dates: &[NaiveDate],
    ) -> Vec<Vec<Option<&ProgressEntry>>> {
        // Each ID's look-up and its entries are read on two threads from
        // `SPLIT_AT` IDs (each a cache miss or more at 100,000 tasks),
        // then placed by position here.
        let ids: Vec<(&String, &Vec<Arc<ProgressEntry>>)> = self.history.iter().collect();
        let parts = if ids.len() >= SPLIT_AT { 2 } else { 1 };
        let k = dates.len();
        let found = crate::lights::over_parts(&ids, parts, |_, part| {
            let mut at: Vec<u32> = Vec::with_capacity(part.len());
            let mut on: Vec<Option<&ProgressEntry>> = Vec::with_capacity(part.len() * k);
            for (id, history) in part {
                if let Some(p) = positions.at(id) {
                    at.push(p);
                    on.extend(
                        dates
                            .iter()
                            .map(|&d| history.iter().rev().find(|e| e.date <= d).map(|e| &**e)),
                    );
                }
            }
            (at, on)
        });
        let mut standing = vec![vec![None; positions.len()]; k];
        for (at, on) in found {
            for (&p, on) in at.iter().zip(on.chunks(k.max(1))) {
                for (by_date, &e) in standing.iter_mut().zip(on) {
                    by_date[p as usize] = e;
                }
            }
        }
        standing
    }

    /// Where a task or project stands: its own latest entry, or for a
    /// project its sub-items' roll-up when they were reported later (see
    /// [`crate::lights::standing_entry`]).
    pub fn state(&self, task: &Task) -> (Status, u8) {
        crate::lights::standing_entry(task, |id| self.latest(id))
            .map_or((Status::NotStarted, 0), |e| (e.status, e.percent))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Each ID's history is kept for the session at its length, sorted.
    #[test]
    fn histories_have_no_spare_room() {
        let data = crate::synth::synth(40, 2);
        let text = crate::synth_journal::synth_journal(&data, 900, 2);
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("progress.ron");
        std::fs::write(&path, text).expect("write");
        let journal = crate::progress::Journal::open(&path).expect("parses");
        let progress = Progress::from_entries(journal.shared().cloned());
        let mut entries = 0;
        for list in progress.history.values() {
            assert_eq!(list.capacity(), list.len());
            assert!(list.is_sorted_by_key(|e| e.report_order()));
            entries += list.len();
        }
        assert_eq!(entries, 900);
        assert!(progress.history.len() > 1);
    }

    fn entry(day: u32, second: i64) -> ProgressEntry {
        let at = chrono::DateTime::parse_from_rfc3339("2023-01-01T09:00:00+08:00").expect("time");
        ProgressEntry {
            task: "K1.1".to_string(),
            at: at + chrono::TimeDelta::seconds(second),
            date: NaiveDate::from_yo_opt(2023, day).expect("day"),
            percent: 10,
            status: Status::OnTrack,
            note: String::new(),
            actuals: Vec::new(),
            reporter: None,
            problems: String::new(),
            next_steps: String::new(),
        }
    }

    /// An added entry takes its place in report order, wherever that is;
    /// a removed one leaves, and an ID with none left is gone.
    #[test]
    fn entries_are_added_and_removed_in_report_order() {
        let mut progress = Progress::from_entries([entry(10, 1), entry(20, 2), entry(30, 3)]);
        let stamp = progress.stamp();
        // Reported for day 15, made before every other entry.
        progress.add(entry(15, -5));
        progress.add(entry(40, 0));
        let order = |p: &Progress| -> Vec<(u32, i64)> {
            let start = entry(1, 0).at;
            (p.history("K1.1").iter())
                .map(|e| {
                    (
                        chrono::Datelike::ordinal(&e.date),
                        (e.at - start).num_seconds(),
                    )
                })
                .collect()
        };
        assert_eq!(
            order(&progress),
            [(10, 1), (15, -5), (20, 2), (30, 3), (40, 0)]
        );
        assert_ne!(progress.stamp(), stamp);
        assert!(progress.remove(&entry(15, -5)));
        assert!(!progress.remove(&entry(15, -5)));
        assert_eq!(order(&progress), [(10, 1), (20, 2), (30, 3), (40, 0)]);
        for e in [entry(10, 1), entry(20, 2), entry(30, 3), entry(40, 0)] {
            assert!(progress.remove(&e));
        }
        assert!(progress.latest("K1.1").is_none());
        assert!(!progress.history.contains_key("K1.1"));
    }

    /// Histories by ID, for comparing two progresses.
    fn histories(p: &Progress) -> Vec<(String, Vec<ProgressEntry>)> {
        let mut all: Vec<_> = (p.history.iter())
            .map(|(id, list)| (id.clone(), list.iter().map(|e| (**e).clone()).collect()))
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    }

    #[test]
    fn a_refilled_progress_is_the_progress_of_its_entries() {
        let data = crate::synth::synth(40, 2);
        let entries = |n: usize, seed: u64| {
            let text = crate::synth_journal::synth_journal(&data, n, seed);
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("progress.ron");
            std::fs::write(&path, text).expect("write");
            let journal = crate::progress::Journal::open(&path).expect("parses");
            journal.shared().cloned().collect::<Vec<_>>()
        };
        let (before, after) = (entries(900, 2), entries(300, 3));
        let mut refilled = Progress::from_entries(before.clone());
        let stamp = refilled.stamp();
        refilled.refill(after.clone());
        let made = Progress::from_entries(after);
        assert_eq!(histories(&refilled), histories(&made));
        assert_ne!(
            histories(&refilled),
            histories(&Progress::from_entries(before))
        );
        assert_ne!(refilled.stamp(), stamp, "what is kept from it follows");
        for list in refilled.history.values() {
            assert_eq!(list.capacity(), list.len());
        }
    }
}
