//! Each ID's standing entry on a date: of its entries dated then or
//! before, the latest report date, of equal dates the latest time of
//! entry, and of entries equal in both the last in the journal.
//!
//! The plan's IDs are numbered once (see [`super::Positions`]); one pass
//! over the journal looks each entry's ID up once and keeps the best entry
//! so far per position, for one or more dates at once (a circular needs
//! the as-of date and the previous circular's). A journal of [`SPLIT_AT`]
//! entries or more is split in two halves worked out on two threads and
//! merged, the later half winning ties as it would in one pass.

use chrono::NaiveDate;

use super::Positions;
use crate::model::ProgressEntry;

/// Journals at least this long are worked out on two threads.
pub const SPLIT_AT: usize = 1 << 16;

/// Per position of `positions`, the standing entry among those dated
/// `as_of` or before: one look-up of each entry's ID, the best so far kept
/// in a `Vec` with its report order beside it (so no earlier entry is read
/// again). Entries naming IDs the plan does not have are passed over.
/// `NaiveDate::MAX` gives every ID's latest entry.
pub fn standing_at<'e>(
    entries: &'e [ProgressEntry],
    positions: &Positions,
    as_of: NaiveDate,
) -> Vec<Option<&'e ProgressEntry>> {
    let mut all = standing_on(entries, positions, &[as_of]);
    all.pop().unwrap_or_default()
}

/// [`standing_at`] for each of `dates` (in their order), in one pass over
/// the journal.
pub fn standing_on<'e>(
    entries: &'e [ProgressEntry],
    positions: &Positions,
    dates: &[NaiveDate],
) -> Vec<Vec<Option<&'e ProgressEntry>>> {
    let parts = if entries.len() >= SPLIT_AT { 2 } else { 1 };
    standing_in_parts(entries, positions, dates, parts)
}

/// [`standing_on`] over `parts` consecutive slices of the journal, each on
/// its own thread; the result does not depend on `parts`.
#[doc(hidden)]
pub fn standing_in_parts<'e>(
    entries: &'e [ProgressEntry],
    positions: &Positions,
    dates: &[NaiveDate],
    parts: usize,
) -> Vec<Vec<Option<&'e ProgressEntry>>> {
    let mut bests = over_parts(entries, parts, |start, part| {
        best_of(part, start, positions, dates)
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
    let k = dates.len().max(1);
    (0..dates.len())
        .map(|d| {
            (standing.iter().skip(d).step_by(k))
                .map(|b| b.and_then(|b| entries.get(b.index)))
                .collect()
        })
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

/// The best entry per position and date among `part`, which starts at
/// `start` in the journal: position `p`'s best on `dates[d]` at
/// `p * dates.len() + d`.
fn best_of(
    part: &[ProgressEntry],
    start: usize,
    positions: &Positions,
    dates: &[NaiveDate],
) -> Vec<Option<Best>> {
    let k = dates.len();
    let mut best: Vec<Option<Best>> = vec![None; positions.len() * k];
    let Some(&last) = dates.iter().max() else {
        return best;
    };
    for (i, e) in part.iter().enumerate() {
        if e.date > last {
            continue;
        }
        let Some(at) = positions.at(&e.task) else {
            continue;
        };
        let order = (e.date, e.at.naive_utc());
        let slots = &mut best[at as usize * k..][..k];
        for (slot, &date) in slots.iter_mut().zip(dates) {
            if e.date <= date && slot.is_none_or(|b| order >= b.order) {
                *slot = Some(Best {
                    order,
                    index: start + i,
                });
            }
        }
    }
    best
}

/// `work` over `parts` consecutive slices of `entries` (a journal's, or
/// any list worked on in parts; given with where each starts), the first
/// on this thread and each other on a thread of its own; the results in
/// order. One part when there are too few entries to split.
pub(crate) fn over_parts<'e, E: Sync, T: Send>(
    entries: &'e [E],
    parts: usize,
    work: impl Fn(usize, &'e [E]) -> T + Sync,
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
