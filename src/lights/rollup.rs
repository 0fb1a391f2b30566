//! A project's standing from its sub-items (`M3.1`, `M3.2`, …).
//!
//! # The rule
//! A project with sub-items stands on its sub-items when at least one of
//! them has an entry and the project has no entry of its own made later
//! (by `at`, the moment of saving) than the latest of them:
//!
//! - percent: the mean of the sub-items' percents, rounded down; a
//!   sub-item without an entry counts 0;
//! - status: done when every sub-item is done; otherwise blocked when one
//!   is blocked, behind when one is behind, not started at 0 %, else on
//!   track;
//! - date and `at`: those of the sub-items' most recent entry, so the
//!   light's staleness follows the most recent report on any of them.
//!
//! Otherwise the project's own latest entry stands (or none). The light is
//! then worked out from that entry as for any task. The dashboard, the
//! export and the circular all go through [`standing_entry`].

use std::borrow::Cow;

use crate::model::{ProgressEntry, Status, Task};

/// The entry `task` stands on: its own latest entry, or the roll-up of its
/// sub-items when they were reported after it (see the module docs); a
/// roll-up is the `Owned` case.
/// `latest` gives the latest entry of an ID (task or sub-item).
pub fn standing_entry<'e>(
    task: &Task,
    latest: impl Fn(&str) -> Option<&'e ProgressEntry>,
) -> Option<Cow<'e, ProgressEntry>> {
    let own = latest(&task.id);
    standing_from(task, own, task.items.iter().map(|i| latest(&i.id)))
}

/// [`standing_entry`] from the task's own latest entry and its sub-items'
/// (in the task's order), however they were found.
pub fn standing_from<'e>(
    task: &Task,
    own: Option<&'e ProgressEntry>,
    items: impl Iterator<Item = Option<&'e ProgressEntry>>,
) -> Option<Cow<'e, ProgressEntry>> {
    match roll_up(task, own, items) {
        Some(rolled) => Some(Cow::Owned(rolled)),
        None => own.map(Cow::Borrowed),
    }
}

/// The entry a project's sub-items make, when it stands on them.
fn roll_up<'e>(
    task: &Task,
    own: Option<&ProgressEntry>,
    items: impl Iterator<Item = Option<&'e ProgressEntry>>,
) -> Option<ProgressEntry> {
    if task.items.is_empty() {
        return None;
    }
    let items: Vec<Option<&ProgressEntry>> = items.collect();
    let newest = items.iter().flatten().max_by_key(|e| e.at)?;
    if own.is_some_and(|own| own.at >= newest.at) {
        return None;
    }
    let sum: usize = items
        .iter()
        .map(|e| e.map_or(0, |e| usize::from(e.percent)))
        .sum();
    let percent = u8::try_from(sum / items.len()).unwrap_or(100);
    let has = |s: Status| items.iter().flatten().any(|e| e.status == s);
    let status = if items
        .iter()
        .all(|e| e.is_some_and(|e| e.status == Status::Done))
    {
        Status::Done
    } else if has(Status::Blocked) {
        Status::Blocked
    } else if has(Status::Behind) {
        Status::Behind
    } else if percent == 0 {
        Status::NotStarted
    } else {
        Status::OnTrack
    };
    // A mean of sub-items at 100 % that are not all marked done stays
    // below done: 99 % on track until the last one is closed.
    let percent = if status == Status::Done {
        100
    } else {
        percent.min(99)
    };
    Some(ProgressEntry {
        task: task.id.to_string(),
        at: newest.at,
        date: items.iter().flatten().map(|e| e.date).max()?,
        percent,
        status,
        note: String::new(),
        actuals: Vec::new(),
        problems: String::new(),
        next_steps: String::new(),
        reporter: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, List, TaskKind};
    use chrono::{DateTime, NaiveDate};

    fn project() -> Task {
        Task {
            id: "M3".into(),
            kind: TaskKind::Project,
            leader: None,
            number: 3,
            title: Some("项目".into()),
            text: "".into(),
            items: (1..=3)
                .map(|i| Item {
                    id: format!("M3.{i}").into(),
                    text: format!("子项{i}").into(),
                })
                .collect(),
            lead: List::new(),
            co: List::new(),
            co_members_of: List::new(),
            other_leaders: List::new(),
            section: List::new(),
            due: None,
            due_text: None,
            targets: List::new(),
        }
    }

    fn entry(task: &str, hour: u32, percent: u8, status: Status) -> ProgressEntry {
        ProgressEntry {
            task: task.into(),
            at: DateTime::parse_from_rfc3339(&format!("2023-06-01T{hour:02}:00:00+08:00"))
                .expect("at"),
            date: NaiveDate::from_ymd_opt(2023, 6, hour % 28 + 1).expect("date"),
            percent,
            status,
            note: String::new(),
            actuals: Vec::new(),
            problems: String::new(),
            next_steps: String::new(),
            reporter: None,
        }
    }

    /// The latest entry of `id` (report order; ties go to the later).
    fn latest<'e>(entries: &'e [ProgressEntry], id: &str) -> Option<&'e ProgressEntry> {
        (entries.iter().filter(|e| e.task == id)).max_by_key(|e| e.report_order())
    }

    fn standing(entries: &[ProgressEntry]) -> Option<ProgressEntry> {
        standing_entry(&project(), |id| latest(entries, id)).map(Cow::into_owned)
    }

    #[test]
    fn sub_items_roll_up_to_their_mean_with_unreported_ones_at_zero() {
        let rolled = standing(&[
            entry("M3.1", 9, 60, Status::OnTrack),
            entry("M3.2", 10, 30, Status::OnTrack),
        ])
        .expect("rolled");
        assert_eq!((rolled.percent, rolled.status), (30, Status::OnTrack));
        assert_eq!(rolled.task, "M3");
        assert_eq!(
            rolled.date,
            NaiveDate::from_ymd_opt(2023, 6, 11).expect("d")
        );
    }

    #[test]
    fn the_projects_own_entry_wins_when_it_is_newer() {
        let own = entry("M3", 11, 80, Status::OnTrack);
        let rolled = standing(&[entry("M3.1", 9, 10, Status::OnTrack), own.clone()]);
        assert_eq!(rolled, Some(own));
    }

    #[test]
    fn a_newer_sub_item_entry_outranks_the_projects_own() {
        let rolled = standing(&[
            entry("M3", 8, 80, Status::OnTrack),
            entry("M3.1", 9, 90, Status::Blocked),
        ])
        .expect("rolled");
        assert_eq!((rolled.percent, rolled.status), (30, Status::Blocked));
    }

    #[test]
    fn done_only_when_every_sub_item_is_done() {
        let all: Vec<ProgressEntry> = (1..=3)
            .map(|i| entry(&format!("M3.{i}"), i, 100, Status::Done))
            .collect();
        let rolled = standing(&all).expect("rolled");
        assert_eq!((rolled.percent, rolled.status), (100, Status::Done));
        let mut two = all.clone();
        two[2].status = Status::OnTrack;
        let rolled = standing(&two).expect("rolled");
        assert_eq!((rolled.percent, rolled.status), (99, Status::OnTrack));
    }

    #[test]
    fn no_sub_item_entry_leaves_the_project_as_it_is() {
        assert_eq!(standing(&[]), None);
        let mut plain = project();
        plain.items.clear();
        let e = entry("M3.1", 9, 60, Status::OnTrack);
        let one = std::slice::from_ref(&e);
        assert_eq!(standing_entry(&plain, |id| latest(one, id)), None);
    }
}
