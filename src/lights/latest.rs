//! Each task's standing entry: of its entries, the latest report date, of
//! equal dates the latest time of entry, and of entries equal in both the
//! last in the journal.
//!
//! One pass over the journal with one hash look-up per entry, by a fast
//! non-cryptographic hash (the keys are the journal's own task IDs); a
//! journal of [`SPLIT_AT`] entries or more is split in two halves worked out
//! on two threads and merged, the later half winning ties as it would in
//! one pass.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::NaiveDate;

use crate::model::ProgressEntry;

/// The working map: task ID → standing entry, hashed by foldhash.
type Fast<'a> = HashMap<&'a str, &'a ProgressEntry, foldhash::fast::FixedState>;

/// Journals at least this long are worked out on two threads.
pub const SPLIT_AT: usize = 1 << 16;

/// Per task, its standing entry. Lights, exports, reports and the
/// dashboard all use this.
pub fn standing_entries<'a>(
    entries: impl IntoIterator<Item = &'a ProgressEntry>,
) -> HashMap<&'a str, &'a ProgressEntry> {
    let mut standing = Fast::default();
    for entry in entries {
        offer(&mut standing, entry);
    }
    standing.into_iter().collect()
}

/// Per task, its standing entry among those dated `as_of` or before.
pub fn latest_as_of(entries: &[ProgressEntry], as_of: NaiveDate) -> HashMap<&str, &ProgressEntry> {
    let parts = if entries.len() >= SPLIT_AT { 2 } else { 1 };
    latest_in_parts(entries, as_of, parts)
}

/// [`latest_as_of`] worked out over `parts` consecutive slices of the
/// journal, each on its own thread, then merged in journal order. The
/// result does not depend on `parts` (a property test checks).
#[doc(hidden)]
pub fn latest_in_parts(
    entries: &[ProgressEntry],
    as_of: NaiveDate,
    parts: usize,
) -> HashMap<&str, &ProgressEntry> {
    let dated = |part| dated(part, as_of);
    let size = entries.len().div_ceil(parts.max(1)).max(1);
    if parts <= 1 || entries.len() <= size {
        return dated(entries).into_iter().collect();
    }
    let maps: Vec<Fast> = std::thread::scope(|scope| {
        let workers: Vec<_> = (entries.chunks(size).skip(1))
            .map(|part| scope.spawn(move || dated(part)))
            .collect();
        let first = dated(&entries[..size]);
        std::iter::once(first)
            .chain(
                workers
                    .into_iter()
                    .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))),
            )
            .collect()
    });
    let mut maps = maps.into_iter();
    let mut standing = maps.next().unwrap_or_default();
    for later in maps {
        for entry in later.into_values() {
            offer(&mut standing, entry);
        }
    }
    standing.into_iter().collect()
}

/// The standing entries of one part of the journal.
fn dated(part: &[ProgressEntry], as_of: NaiveDate) -> Fast<'_> {
    let mut standing = Fast::default();
    for entry in part.iter().filter(|e| e.date <= as_of) {
        offer(&mut standing, entry);
    }
    standing
}

/// Makes `entry` its task's standing entry unless one seen before (earlier
/// in the journal) outranks it.
fn offer<'a>(standing: &mut Fast<'a>, entry: &'a ProgressEntry) {
    match standing.entry(entry.task.as_str()) {
        Entry::Occupied(mut seen) => {
            if entry.report_order() >= seen.get().report_order() {
                seen.insert(entry);
            }
        }
        Entry::Vacant(slot) => {
            slot.insert(entry);
        }
    }
}
