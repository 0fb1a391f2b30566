//! Lights over the report fixture, and the per-leader and per-unit
//! standings built from them.

mod report_support;

use chrono::NaiveDate;
use duban::lights::{
    Light, Overview, Positions, Rule, Standing, Thresholds, UnitOrder, standing_at,
};
use duban::model::ProgressEntry;
use report_support::{as_of, dataset, entries};

fn light_of(overview: &Overview, id: &str) -> Light {
    overview
        .tasks
        .iter()
        .find(|a| a.task.id == id)
        .map(|a| a.light)
        .unwrap_or_else(|| panic!("no task {id}"))
}

/// The percent of `id`'s own standing entry on `as_of`.
fn percent_of(entries: &[ProgressEntry], as_of: NaiveDate, id: &str) -> Option<u8> {
    let positions = Positions::of(&dataset());
    let standing = standing_at(entries, &positions, as_of);
    standing[positions.at(id)? as usize].map(|e| e.percent)
}

#[test]
fn entries_after_the_as_of_date_do_not_count() {
    let entries = entries();
    assert_eq!(percent_of(&entries, as_of(), "M2"), Some(10));
    let later = "2023-07-05".parse().expect("date");
    assert_eq!(percent_of(&entries, later, "M2"), Some(60));
}

#[test]
fn undone_entries_do_not_count() {
    let entries = entries();
    assert_eq!(percent_of(&entries, as_of(), "K3.3"), Some(60));
}

#[test]
fn each_task_gets_its_light() {
    let (data, entries) = (dataset(), entries());
    let o = Overview::of(
        &data,
        &entries,
        as_of(),
        &Rule::with_thresholds(data.plan.year, Thresholds::default()),
    );
    let lights: Vec<(&str, Light)> = o
        .tasks
        .iter()
        .map(|a| (a.task.id.as_str(), a.light))
        .collect();
    assert_eq!(
        lights,
        [
            ("K1.1", Light::Green),
            ("K1.2", Light::Overdue),
            ("K2.1", Light::Red),
            ("K2.2", Light::Done),
            ("K2.3", Light::Red),
            ("K3.1", Light::Yellow),
            ("K3.2", Light::Yellow),
            ("K3.3", Light::Green),
            ("M1", Light::Green),
            ("M2", Light::Red),
        ]
    );
    assert_eq!(light_of(&o, "M2"), Light::Red);
}

#[test]
fn leaders_stand_by_the_tasks_they_head() {
    let (data, entries) = (dataset(), entries());
    let o = Overview::of(
        &data,
        &entries,
        as_of(),
        &Rule::with_thresholds(data.plan.year, Thresholds::default()),
    );
    let l2 = o.leaders.iter().find(|s| s.key == "L2").expect("L2");
    assert_eq!((l2.tally.red, l2.tally.done, l2.total()), (2, 1, 3));
    assert_eq!(l2.red_ids(&data).collect::<Vec<_>>(), ["K2.1", "K2.3"]);
    assert_eq!(l2.mean_percent, 50.0);
    assert_eq!(o.overall.total(), 10);
    assert_eq!(o.red().count(), 3);
}

#[test]
fn units_sort_by_lead_duties_red_items_and_staleness() {
    let (data, entries) = (dataset(), entries());
    let o = Overview::of(
        &data,
        &entries,
        as_of(),
        &Rule::with_thresholds(data.plan.year, Thresholds::default()),
    );
    let keys = |order| -> Vec<String> {
        o.units_by(order)
            .iter()
            .take(3)
            .map(|s| s.key.clone())
            .collect()
    };
    assert_eq!(
        keys(UnitOrder::LeadDuties),
        ["市发改局", "市财政局", "市住建局"]
    );
    assert_eq!(
        keys(UnitOrder::RedItems),
        ["市经信局", "市金融办", "市文广旅体局"]
    );
    assert_eq!(
        keys(UnitOrder::Staleness),
        ["市府办", "市住建局", "市文广旅体局"]
    );
    let housing = o.units.iter().find(|s| s.key == "市住建局").expect("unit");
    assert_eq!(housing.stale, 1);
    assert_eq!(
        housing.last_update,
        Some("2023-06-29".parse().expect("date"))
    );
}

#[test]
fn stricter_thresholds_turn_more_lights_red() {
    let (data, entries) = (dataset(), entries());
    let strict = Thresholds {
        red_behind: 10,
        yellow_behind: 5,
        stale_days: 30,
    };
    let o = Overview::of(
        &data,
        &entries,
        as_of(),
        &Rule::with_thresholds(data.plan.year, strict),
    );
    assert_eq!(light_of(&o, "K3.2"), Light::Red);
    assert_eq!(o.red().count(), 4);
}

#[test]
fn standings_are_those_of_the_tasks_each_heads_or_leads() {
    // The definition, checked against the one-pass grouping, on the
    // bundled data with a unit listed twice in one task's lead.
    let mut data = duban::store::load(None).expect("the bundled data");
    let first = data.tasks[0].lead[0].clone();
    data.tasks[3].lead.push(first);
    let entries = entries();
    let t = Thresholds::default();
    let o = Overview::of(
        &data,
        &entries,
        as_of(),
        &Rule::with_thresholds(data.plan.year, t),
    );
    for (leader, standing) in data.plan.leaders.iter().zip(&o.leaders) {
        let mine = o
            .tasks
            .iter()
            .filter(|a| a.task.leader.as_deref() == Some(leader.id.as_str()));
        assert_eq!(*standing, Standing::of(&leader.id, mine, as_of(), &t));
    }
    let expected: Vec<Standing> = data
        .units
        .iter()
        .map(|u| {
            let mine = o.tasks.iter().filter(|a| a.task.lead.contains(&u.name));
            Standing::of(&u.name, mine, as_of(), &t)
        })
        .filter(|s| s.total() > 0)
        .collect();
    assert!(expected.len() > 50, "{}", expected.len());
    assert_eq!(o.units, expected);
}
