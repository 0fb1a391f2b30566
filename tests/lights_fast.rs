//! The lights over a whole journal, as worked out for speed (one hash
//! look-up per entry, the journal split over threads), against a
//! straightforward reading of the rule: for each task, scan every entry.
//! Random journals over a small synthetic plan, with ties in report date
//! and time of entry, entries after the as-of date, sub-items and IDs the
//! plan does not have, and one ID longer than most.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use duban::lights::{
    Config, Lights, Overview, Positions, Rule, Standing, latest_as_of, latest_in_parts,
    standing_at, standing_at_in_parts, standing_entry,
};
use duban::model::{Dataset, ProgressEntry, Status, Task};
use proptest::prelude::*;

const STATUSES: [Status; 5] = [
    Status::NotStarted,
    Status::OnTrack,
    Status::Behind,
    Status::Blocked,
    Status::Done,
];

/// Every ID an entry may name: tasks, projects, sub-items, and one the
/// plan does not have.
fn ids(data: &Dataset) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for task in data.all_tasks() {
        ids.push(task.id.to_string());
        ids.extend(task.items.iter().map(|i| i.id.to_string()));
    }
    ids.push("K99.99".into());
    ids
}

/// One drawn entry: which ID, the day from January 1 (into the next year's
/// January and February, the year-end reviews), the minute of entry (few
/// values, so ties happen), percent and status.
type Drawn = (usize, u16, u8, u8, usize);

fn entry(ids: &[String], (id, day, minute, percent, status): Drawn) -> ProgressEntry {
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2023-01-01T08:00:00+08:00").expect("time");
    ProgressEntry {
        task: ids[id % ids.len()].clone(),
        at: start + TimeDelta::minutes(i64::from(minute)),
        date: NaiveDate::from_ymd_opt(2023, 1, 1).expect("date") + TimeDelta::days(i64::from(day)),
        percent: percent % 101,
        status: STATUSES[status % STATUSES.len()],
        note: String::new(),
        actuals: Vec::new(),
        reporter: None,
        problems: String::new(),
        next_steps: String::new(),
    }
}

/// The standing entry of `id` on `as_of`, by scanning every entry.
fn reference_latest<'e>(
    entries: &'e [ProgressEntry],
    id: &str,
    as_of: NaiveDate,
) -> Option<&'e ProgressEntry> {
    let mut best: Option<&ProgressEntry> = None;
    for e in entries.iter().filter(|e| e.task == id && e.date <= as_of) {
        if best.is_none_or(|b| (e.date, e.at) >= (b.date, b.at)) {
            best = Some(e);
        }
    }
    best
}

fn journal() -> impl Strategy<Value = Vec<Drawn>> {
    prop::collection::vec(
        (0usize..200, 0u16..425, 0u8..4, 0u8..=100, 0usize..5),
        0..400,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_fast_lights_match_a_scan_of_every_entry(
        drawn in journal(),
        as_of_day in 0u32..420,
        parts in 1usize..5,
    ) {
        let mut data = duban::synth::synth(40, 7);
        // One ID longer than the 15 bytes positions keep inline.
        data.tasks[3].id = "K1.1-补充任务（第二批）".into();
        let ids = ids(&data);
        let entries: Vec<ProgressEntry> = drawn.into_iter().map(|d| entry(&ids, d)).collect();
        let as_of = NaiveDate::from_ymd_opt(2023, 1, 1).expect("d") + TimeDelta::days(i64::from(as_of_day));
        let rule = Rule::new(2023, &Config::default());

        let latest = latest_as_of(&entries, as_of);
        prop_assert_eq!(&latest_in_parts(&entries, as_of, parts), &latest);
        for id in &ids {
            let fast = latest.get(id.as_str()).copied();
            let slow = reference_latest(&entries, id, as_of);
            prop_assert!(fast.map(std::ptr::from_ref) == slow.map(std::ptr::from_ref), "{}", id);
        }

        let overview = Overview::new(&data, &latest, as_of, &rule);
        let tasks: Vec<&Task> = data.all_tasks().collect();
        prop_assert_eq!(overview.tasks.len(), tasks.len());
        for (a, task) in overview.tasks.iter().zip(&tasks) {
            let entry = standing_entry(task, |id| reference_latest(&entries, id, as_of));
            let (light, reason) = rule.assess(entry.as_deref(), as_of, None);
            prop_assert_eq!(a.task.id.as_str(), task.id.as_str());
            prop_assert_eq!(a.entry(), entry.as_deref());
            prop_assert_eq!((a.light, a.reason), (light, reason), "{}", task.id);
        }

        let t = &rule.thresholds;
        let overall = Standing::of("", overview.tasks.iter(), as_of, t);
        prop_assert_eq!(&overview.overall, &overall);
        for (standing, leader) in overview.leaders.iter().zip(&data.plan.leaders) {
            let mine = overview.tasks.iter().filter(|a| a.task.leader.as_deref() == Some(&leader.id));
            prop_assert_eq!(standing, &Standing::of(&leader.id, mine, as_of, t));
        }
        let leading: Vec<&str> = (data.units.iter())
            .map(|u| u.name.as_str())
            .filter(|u| tasks.iter().any(|t| t.lead.iter().any(|l| l == u)))
            .collect();
        prop_assert_eq!(overview.units.len(), leading.len());
        for (standing, unit) in overview.units.iter().zip(&leading) {
            let mine = overview.tasks.iter().filter(|a| a.task.lead.iter().any(|l| l == unit));
            prop_assert_eq!(standing, &Standing::of(unit, mine, as_of, t));
        }

        // By position: the plan's IDs interned, the standing entries in a
        // vector, the standings counted in one pass.
        let positions = Positions::of(&data);
        let by_position = standing_at(&entries, &positions, as_of);
        prop_assert_eq!(&standing_at_in_parts(&entries, &positions, as_of, parts), &by_position);
        prop_assert_eq!(by_position.len(), ids.len() - 1);
        prop_assert_eq!(positions.at("K99.99"), None);
        for id in &ids[..ids.len() - 1] {
            let at = positions.at(id).expect("a plan ID has a position") as usize;
            let slow = reference_latest(&entries, id, as_of);
            prop_assert!(by_position[at].map(std::ptr::from_ref) == slow.map(std::ptr::from_ref), "{}", id);
        }
        let fast = Lights::of(&data, &positions, &by_position, as_of, &rule);
        prop_assert_eq!(fast.tasks.len(), overview.tasks.len());
        for (f, a) in fast.tasks.iter().zip(&overview.tasks) {
            prop_assert_eq!((f.light, f.reason), (a.light, a.reason), "{}", a.task.id);
            prop_assert_eq!(f.percent, a.percent());
            prop_assert_eq!(f.date, a.entry().map(|e| e.date));
        }
        prop_assert_eq!(&fast.overall, &overview.overall);
        prop_assert_eq!(&fast.leaders, &overview.leaders);
        prop_assert_eq!(&fast.units, &overview.units);
    }
}
