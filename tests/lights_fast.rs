//! Every product path that works out lights — the library's positional
//! path, the dashboard's standings, the circular `duban report` writes
//! (and its brief), `duban remind` and `duban export` — against a
//! straightforward reading of the rule: for each task, scan every entry.
//! Random journals over a small synthetic plan (key tasks, projects with
//! sub-items) and over a plan grouped by section, with ties in report
//! date and time of entry, entries after the as-of date, IDs the plan does
//! not have, and one ID longer than most; as-of dates before the first
//! due date, mid-year, after the plan year and one drawn at random.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use duban::app::{App, Lang, Progress};
use duban::lights::{
    Assessed, Config, Light, Lights, Overview, Positions, Rule, Standing, owing, standing_at,
    standing_entry, standing_in_parts, standing_on,
};
use duban::model::{Dataset, ProgressEntry, Status, Task};
use duban::report::remind::Reminders;
use duban::report::{Circular, Filter, Options};
use proptest::prelude::*;

mod common;
use common::sectioned;

const STATUSES: [Status; 5] = [
    Status::NotStarted,
    Status::OnTrack,
    Status::Behind,
    Status::Blocked,
    Status::Done,
];

/// A plan of key tasks and projects with sub-items, grouped by leader.
fn by_leader() -> Dataset {
    let mut data = duban::synth::synth(40, 7);
    // One ID longer than the 15 bytes positions keep inline.
    data.tasks[3].id = "K1.1-补充任务（第二批）".into();
    with_deadlines(data)
}

/// Some tasks and projects given deadlines of their own (`5月底前`,
/// `9月底前`), which replace the year end in their lights.
fn with_deadlines(mut data: Dataset) -> Dataset {
    let days = [(5, 31), (9, 30)];
    let year = data.plan.year;
    for (n, task) in (data.tasks.iter_mut().chain(data.projects.iter_mut())).enumerate() {
        if n % 3 == 0 {
            let (m, d) = days[(n / 3) % days.len()];
            task.due = NaiveDate::from_ymd_opt(year, m, d);
        }
    }
    data
}

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

/// An entry in plan year `year`.
fn entry(ids: &[String], year: i32, (id, day, minute, percent, status): Drawn) -> ProgressEntry {
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339(&format!("{year}-01-01T08:00:00+08:00")).expect("time");
    ProgressEntry {
        task: ids[id % ids.len()].clone(),
        at: start + TimeDelta::minutes(i64::from(minute)),
        date: date(year, 1, 1) + TimeDelta::days(i64::from(day)),
        percent: percent % 101,
        status: STATUSES[status % STATUSES.len()],
        note: String::new(),
        actuals: Vec::new(),
        reporter: None,
        problems: String::new(),
        next_steps: String::new(),
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
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

/// Every task's light on `as_of` by the reference scan.
fn reference<'d>(
    data: &'d Dataset,
    entries: &'d [ProgressEntry],
    as_of: NaiveDate,
    rule: &Rule,
) -> Vec<Assessed<'d>> {
    (data.all_tasks().enumerate())
        .map(|(at, task)| {
            let entry = standing_entry(task, |id| reference_latest(entries, id, as_of));
            let (light, reason) = rule.assess(entry.as_deref(), as_of, task.due);
            Assessed {
                task,
                at: u32::try_from(at).expect("position"),
                entry,
                light,
                reason,
            }
        })
        .collect()
}

/// The reference standings: the plan, each leader, each unit leading a
/// task (in registry order).
fn reference_standings(
    data: &Dataset,
    want: &[Assessed],
    as_of: NaiveDate,
    rule: &Rule,
) -> (Standing, Vec<Standing>, Vec<Standing>) {
    let t = &rule.thresholds;
    let overall = Standing::of("", want.iter(), as_of, t);
    let leaders = (data.plan.leaders.iter())
        .map(|l| {
            let mine = want
                .iter()
                .filter(|a| a.task.leader.as_deref() == Some(&l.id));
            Standing::of(&l.id, mine, as_of, t)
        })
        .collect();
    let leads = |a: &Assessed, unit: &str| a.task.lead.iter().any(|l| l == unit);
    let units = (data.units.iter())
        .map(|u| u.name.as_str())
        .filter(|u| want.iter().any(|a| leads(a, u)))
        .map(|u| Standing::of(u, want.iter().filter(|a| leads(a, u)), as_of, t))
        .collect();
    (overall, leaders, units)
}

fn journal() -> impl Strategy<Value = Vec<Drawn>> {
    prop::collection::vec(
        (0usize..200, 0u16..425, 0u8..4, 0u8..=100, 0usize..5),
        0..300,
    )
}

/// The dates every case is checked on: before the first due date,
/// mid-year, after the plan year `year`, and `drawn` days into it.
fn dates(year: i32, drawn: u32) -> [NaiveDate; 4] {
    [
        date(year, 1, 20),
        date(year, 6, 15),
        date(year + 1, 1, 20),
        date(year, 1, 1) + TimeDelta::days(i64::from(drawn)),
    ]
}

/// Holds every product path to the reference on `as_of`.
fn check(
    data: &Dataset,
    entries: &[ProgressEntry],
    as_of: NaiveDate,
    parts: usize,
) -> Result<(), TestCaseError> {
    let year = data.plan.year;
    let rule = Rule::new(year, &Config::default());
    let want = reference(data, entries, as_of, &rule);
    let (overall, leaders, units) = reference_standings(data, &want, as_of, &rule);
    let ids = ids(data);

    // The standing entries by position, on one date and on two at once,
    // over any number of parts of the journal.
    let positions = Positions::of(data);
    let earlier = date(year, 3, 30);
    let standing = standing_at(entries, &positions, as_of);
    let both = standing_on(entries, &positions, &[as_of, earlier]);
    prop_assert_eq!(
        &both,
        &standing_in_parts(entries, &positions, &[as_of, earlier], parts)
    );
    prop_assert_eq!(&both[0], &standing);
    prop_assert_eq!(standing.len(), ids.len() - 1);
    prop_assert_eq!(positions.at("K99.99"), None);
    for id in &ids[..ids.len() - 1] {
        let at = positions.at(id).expect("a plan ID has a position") as usize;
        for (d, on) in [(as_of, &standing[at]), (earlier, &both[1][at])] {
            let slow = reference_latest(entries, id, d);
            prop_assert!(
                on.map(std::ptr::from_ref) == slow.map(std::ptr::from_ref),
                "{} on {}",
                id,
                d
            );
        }
    }

    // The library: every task's light and the standings.
    let lights = Lights::of(data, &positions, &standing, as_of, &rule);
    prop_assert_eq!(lights.tasks.len(), want.len());
    for (f, a) in lights.tasks.iter().zip(&want) {
        prop_assert_eq!((f.light, f.reason), (a.light, a.reason), "{}", a.task.id);
        prop_assert_eq!(f.percent, a.percent());
        prop_assert_eq!(f.date, a.entry().map(|e| e.date));
    }
    prop_assert_eq!(&lights.overall, &overall);
    prop_assert_eq!(&lights.leaders, &leaders);
    prop_assert_eq!(&lights.units, &units);

    // The circular (`duban report`, every format) and its brief.
    let circular = Circular::with_rule(
        data,
        entries,
        as_of,
        &rule,
        Filter::default(),
        Options::default(),
    )
    .expect("a circular");
    let got = &circular.overview;
    prop_assert_eq!(got.tasks.len(), want.len());
    for (g, a) in got.tasks.iter().zip(&want) {
        prop_assert_eq!(g.task.id.as_str(), a.task.id.as_str());
        prop_assert_eq!(g.entry(), a.entry());
        prop_assert_eq!((g.light, g.reason), (a.light, a.reason), "{}", a.task.id);
    }
    prop_assert_eq!(&got.overall, &overall);
    prop_assert_eq!(&got.leaders, &leaders);
    prop_assert_eq!(&got.units, &units);
    for task in data.all_tasks() {
        for item in &task.items {
            let slow = reference_latest(entries, &item.id, as_of);
            prop_assert_eq!(circular.latest(&item.id), slow, "{}", item.id);
        }
    }
    if let Some(since) = circular.brief.since {
        let before = reference(data, entries, since, &rule);
        let tally = Standing::of("", before.iter(), since, &rule.thresholds).tally;
        prop_assert_eq!(circular.brief.before, Some(tally));
    }
    let overview = Overview::of(data, entries, as_of, &rule);
    prop_assert_eq!(&overview.overall, &overall);

    // `duban remind`: the units owing reports.
    let reminders = Reminders::new(data, entries, as_of, &rule, None);
    let owed = owing(data, want.iter().map(|a| (a.task, a.light, a.reason)), None);
    let got: Vec<(&str, Vec<&str>)> = (reminders.units.iter())
        .map(|u| {
            (
                u.unit.as_str(),
                u.tasks.iter().map(|t| t.id.as_str()).collect(),
            )
        })
        .collect();
    let owed_ids: Vec<(&str, Vec<&str>)> = (owed.iter())
        .map(|o| {
            (
                o.unit.as_str(),
                o.tasks.iter().map(|t| t.id.as_str()).collect(),
            )
        })
        .collect();
    prop_assert_eq!(got, owed_ids);

    // The dashboard: every light and the first tab's group standings
    // (leaders, or top-level sections).
    let app = App::new(
        data.clone(),
        Progress::from_entries(entries.to_vec()),
        Lang::Zh,
        as_of,
    );
    let s = app.standings();
    let pairs: Vec<(Light, duban::lights::Reason)> =
        want.iter().map(|a| (a.light, a.reason)).collect();
    prop_assert_eq!(&s.lights, &pairs);
    prop_assert_eq!(&s.overall, &overall);
    prop_assert_eq!(&s.units, &units);
    prop_assert_eq!(&s.owing, &owed);
    if data.plan.by_section {
        let groups = app.index.group_names.iter().zip(&app.index.leader_tasks);
        let sections: Vec<Standing> = groups
            .map(|(name, refs)| {
                let mine = refs.iter().map(|r| &want[r.0]);
                Standing::of(name, mine, as_of, &rule.thresholds)
            })
            .collect();
        prop_assert!(!sections.is_empty());
        prop_assert_eq!(&s.leaders, &sections);
    } else {
        prop_assert_eq!(&s.leaders, &leaders);
    }

    // `duban export`: each task's latest entry, whatever its date.
    let export = duban::export::Export::new(data, entries);
    let tasks: Vec<&Task> = data.all_tasks().collect();
    for (e, task) in export.tasks.iter().zip(&tasks) {
        let latest = standing_entry(task, |id| reference_latest(entries, id, NaiveDate::MAX));
        prop_assert_eq!(
            e.progress.as_ref().map(|p| (p.percent, p.date, p.status)),
            latest.map(|l| (l.percent, l.date, l.status)),
            "{}",
            task.id
        );
    }
    Ok(())
}

/// The journal `drawn` over `data`, checked on every date of [`dates`].
fn check_all(
    data: &Dataset,
    drawn: Vec<Drawn>,
    as_of_day: u32,
    parts: usize,
) -> Result<(), TestCaseError> {
    let ids = ids(data);
    let year = data.plan.year;
    let entries: Vec<ProgressEntry> = drawn.into_iter().map(|d| entry(&ids, year, d)).collect();
    for as_of in dates(year, as_of_day) {
        check(data, &entries, as_of, parts)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_product_path_matches_a_scan_of_every_entry_in_a_plan_by_leader(
        drawn in journal(),
        as_of_day in 0u32..420,
        parts in 1usize..5,
    ) {
        check_all(&by_leader(), drawn, as_of_day, parts)?;
    }

    #[test]
    fn every_product_path_matches_a_scan_of_every_entry_in_a_plan_by_section(
        drawn in journal(),
        as_of_day in 0u32..420,
        parts in 1usize..5,
    ) {
        check_all(&with_deadlines(sectioned()), drawn, as_of_day, parts)?;
    }
}

/// An entry for an ID the plan does not have stays in the dashboard's
/// progress (its history is the journal's) but lights nothing: every
/// light, the standings and the units owing reports are those of the
/// journal without it, on a plan large enough to be read on two threads.
#[test]
fn an_entry_for_an_id_not_in_the_plan_is_kept_but_not_lit() {
    let data = duban::synth::synth(1 << 14, 5);
    let ids = ids(&data);
    let year = data.plan.year;
    // An entry for every ID of the plan and more, so the progress is read
    // on two threads.
    let known: Vec<ProgressEntry> = (0..ids.len() + 2000)
        .map(|i| {
            let drawn = (i, (i % 300) as u16, 1, (i % 101) as u8, i);
            entry(&ids[..ids.len() - 1], year, drawn)
        })
        .collect();
    let stray = entry(&["K99.99".to_string()], year, (0, 100, 2, 50, 1));
    let mut all = known.clone();
    all.push(stray.clone());
    let as_of = date(year, 9, 15);
    let app = |entries: &[ProgressEntry]| {
        App::new(
            data.clone(),
            Progress::from_entries(entries.to_vec()),
            Lang::Zh,
            as_of,
        )
    };
    let (with, without) = (app(&all), app(&known));
    assert_eq!(
        with.progress().history("K99.99"),
        [std::sync::Arc::new(stray)]
    );
    let (a, b) = (with.standings(), without.standings());
    assert_eq!(a.lights.len(), data.all_tasks().count());
    assert_eq!(a.lights, b.lights);
    assert_eq!(
        (&a.overall, &a.leaders, &a.units),
        (&b.overall, &b.leaders, &b.units)
    );
    assert_eq!(a.owing, b.owing);
    // The library's lights, which the cases above hold to the reference.
    let rule = Rule::new(year, &Config::default());
    let positions = Positions::of(&data);
    let standing = standing_at(&known, &positions, as_of);
    let want = Lights::of(&data, &positions, &standing, as_of, &rule);
    let pairs: Vec<(Light, duban::lights::Reason)> =
        want.tasks.iter().map(|w| (w.light, w.reason)).collect();
    assert_eq!(a.lights, pairs);
    assert_eq!(a.overall, want.overall);
}
