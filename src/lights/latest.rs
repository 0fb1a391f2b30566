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
    let maps = over_parts(entries, parts, |_, part| dated(part, as_of));
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

/// Per position of `positions` (see [`super::Positions`]), the standing
/// entry among those dated `as_of` or before: one look-up of each entry's
/// ID, the best so far kept in a `Vec` with its report order beside it (so
/// no earlier entry is read again). Entries naming IDs the plan does not
/// have are passed over. Split over two threads from [`SPLIT_AT`] entries;
/// the same result as [`latest_as_of`] for the plan's IDs.
pub fn standing_at<'e>(
    entries: &'e [ProgressEntry],
    positions: &super::Positions,
    as_of: NaiveDate,
) -> Vec<Option<&'e ProgressEntry>> {
    let parts = if entries.len() >= SPLIT_AT { 2 } else { 1 };
    standing_at_in_parts(entries, positions, as_of, parts)
}

/// [`standing_at`] over `parts` consecutive slices of the journal, each on
/// its own thread; the result does not depend on `parts`.
#[doc(hidden)]
pub fn standing_at_in_parts<'e>(
    entries: &'e [ProgressEntry],
    positions: &super::Positions,
    as_of: NaiveDate,
    parts: usize,
) -> Vec<Option<&'e ProgressEntry>> {
    let mut bests = over_parts(entries, parts, |start, part| {
        best_of(part, start, positions, as_of)
    });
    let mut standing = bests.remove(0);
    for later in bests {
        for (best, new) in standing.iter_mut().zip(later) {
            if let Some(new) = new
                && best.is_none_or(|b| new.order >= b.order)
            {
                *best = Some(new);
            }
        }
    }
    (standing.into_iter())
        .map(|b| b.and_then(|b| entries.get(b.index)))
        .collect()
}

/// A standing entry found so far: its report order (date, then the UTC
/// time of entry, as [`ProgressEntry::report_order`] compares) and where it
/// is in the journal.
#[derive(Debug, Clone, Copy)]
struct Best {
    order: (NaiveDate, chrono::NaiveDateTime),
    index: usize,
}

/// The best entry per position among `part`, which starts at `start` in
/// the journal.
fn best_of(
    part: &[ProgressEntry],
    start: usize,
    positions: &super::Positions,
    as_of: NaiveDate,
) -> Vec<Option<Best>> {
    let mut best: Vec<Option<Best>> = vec![None; positions.len()];
    for (i, e) in part.iter().enumerate() {
        if e.date > as_of {
            continue;
        }
        let Some(at) = positions.at(&e.task) else {
            continue;
        };
        let order = (e.date, e.at.naive_utc());
        let slot = &mut best[at as usize];
        if slot.is_none_or(|b| order >= b.order) {
            *slot = Some(Best {
                order,
                index: start + i,
            });
        }
    }
    best
}

/// `work` over `parts` consecutive slices of the journal (given with where
/// each starts), the first on this thread and each other on a thread of
/// its own; the results in journal order. One part when there are too few
/// entries to split.
fn over_parts<'e, T: Send>(
    entries: &'e [ProgressEntry],
    parts: usize,
    work: impl Fn(usize, &'e [ProgressEntry]) -> T + Sync,
) -> Vec<T> {
    let size = entries.len().div_ceil(parts.max(1)).max(1);
    if entries.len() <= size {
        return vec![work(0, entries)];
    }
    let work = &work;
    std::thread::scope(|scope| {
        let workers: Vec<_> = (entries.chunks(size).enumerate().skip(1))
            .map(|(i, part)| scope.spawn(move || work(i * size, part)))
            .collect();
        let first = work(0, &entries[..size]);
        std::iter::once(first)
            .chain(
                workers
                    .into_iter()
                    .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))),
            )
            .collect()
    })
}
