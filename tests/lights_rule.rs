//! The light rule at its boundary dates and thresholds, with the default
//! quarterly reporting cycle (due 03-30, 06-30, 09-30, 12-30).

use chrono::NaiveDate;
use duban::lights::{
    Config, Cycle, Every, Light, Reason, Rule, Thresholds, elapsed_days, expected_percent,
};
use duban::model::{ProgressEntry, Status};

fn assess(
    e: Option<&ProgressEntry>,
    as_of: NaiveDate,
    year: i32,
    t: &Thresholds,
) -> (Light, Reason) {
    Rule::with_thresholds(year, *t).assess(e, as_of, None)
}

fn light(e: Option<&ProgressEntry>, as_of: NaiveDate, year: i32, t: &Thresholds) -> Light {
    assess(e, as_of, year, t).0
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn entry(percent: u8, status: Status, date: NaiveDate) -> ProgressEntry {
    ProgressEntry {
        task: "K2.16".into(),
        at: "2023-01-01T09:00:00+08:00".parse().expect("timestamp"),
        date,
        percent,
        status,
        note: String::new(),
        actuals: Vec::new(),
        reporter: None,
        problems: String::new(),
        next_steps: String::new(),
    }
}

/// The light on `as_of` of an on-track entry made that day.
fn fresh(percent: u8, as_of: NaiveDate) -> Light {
    let e = entry(percent, Status::OnTrack, as_of);
    light(Some(&e), as_of, 2023, &Thresholds::default())
}

#[test]
fn january_first_is_one_day_elapsed() {
    assert_eq!(elapsed_days(day(2023, 1, 1), 2023), (1, 365));
}

#[test]
fn december_thirty_first_is_the_whole_year() {
    assert_eq!(elapsed_days(day(2023, 12, 31), 2023), (365, 365));
    assert_eq!(expected_percent(day(2023, 12, 31), 2023), 100.0);
}

#[test]
fn a_leap_year_has_366_days() {
    assert_eq!(elapsed_days(day(2024, 12, 31), 2024), (366, 366));
    assert_eq!(elapsed_days(day(2024, 3, 1), 2024), (61, 366));
    assert_eq!(elapsed_days(day(2023, 3, 1), 2023), (60, 365));
}

#[test]
fn before_the_plan_year_nothing_is_expected() {
    assert_eq!(expected_percent(day(2022, 12, 31), 2023), 0.0);
    assert_eq!(fresh(0, day(2022, 12, 31)), Light::Green);
}

#[test]
fn on_the_deadline_a_task_short_of_done_is_judged_by_points_not_overdue() {
    let e = entry(80, Status::OnTrack, day(2023, 12, 31));
    let (l, why) = assess(Some(&e), day(2023, 12, 31), 2023, &Thresholds::default());
    assert_eq!((l, why), (Light::Yellow, Reason::Behind(20)));
}

#[test]
fn january_first_next_year_not_done_is_red_overdue() {
    let e = entry(99, Status::OnTrack, day(2023, 12, 31));
    let (l, why) = assess(Some(&e), day(2024, 1, 1), 2023, &Thresholds::default());
    assert_eq!((l, why), (Light::Red, Reason::Overdue));
}

#[test]
fn done_stays_done_after_the_deadline() {
    let e = entry(100, Status::Done, day(2023, 11, 1));
    assert_eq!(
        light(Some(&e), day(2024, 3, 1), 2023, &Thresholds::default()),
        Light::Done
    );
}

#[test]
fn no_progress_before_the_first_due_date_is_not_due() {
    let t = Thresholds::default();
    assert_eq!(light(None, day(2023, 3, 30), 2023, &t), Light::NotDue);
    assert_eq!(
        assess(None, day(2023, 3, 31), 2023, &t),
        (
            Light::Overdue,
            Reason::Unreported {
                missed: 1,
                due: day(2023, 3, 30),
                severe: false
            }
        )
    );
}

#[test]
fn a_report_missing_for_a_passed_due_date_is_overdue_then_severe() {
    let t = Thresholds::default();
    // Reported in the first quarter, nothing since.
    let e = entry(30, Status::OnTrack, day(2023, 3, 20));
    assert_ne!(light(Some(&e), day(2023, 6, 30), 2023, &t), Light::Overdue);
    let (l, why) = assess(Some(&e), day(2023, 7, 1), 2023, &t);
    assert_eq!(l, Light::Overdue);
    assert!(
        matches!(
            why,
            Reason::Unreported {
                missed: 1,
                severe: false,
                ..
            }
        ),
        "{why:?}"
    );
    let (_, why) = assess(Some(&e), day(2023, 10, 1), 2023, &t);
    assert!(
        matches!(
            why,
            Reason::Unreported {
                missed: 2,
                severe: true,
                ..
            }
        ),
        "{why:?}"
    );
    assert_eq!(
        duban::lights::counts_as(Light::Overdue, why),
        Light::Red,
        "two missed periods count red"
    );
}

#[test]
fn after_the_year_an_overdue_report_counts_red() {
    let e = entry(70, Status::OnTrack, day(2023, 9, 1));
    let (l, why) = assess(Some(&e), day(2024, 1, 5), 2023, &Thresholds::default());
    assert_eq!(l, Light::Overdue);
    assert!(
        matches!(
            why,
            Reason::Unreported {
                missed: 1,
                severe: true,
                ..
            }
        ),
        "{why:?}"
    );
}

#[test]
fn a_year_end_review_in_january_counts_for_the_last_period() {
    let e = entry(95, Status::OnTrack, day(2024, 1, 10));
    let (l, why) = assess(Some(&e), day(2024, 1, 10), 2023, &Thresholds::default());
    assert_eq!(
        (l, why),
        (Light::Red, Reason::Overdue),
        "past the deadline, not unreported"
    );
    assert_eq!(expected_percent(day(2024, 1, 10), 2023), 100.0);
}

#[test]
fn a_monthly_cycle_makes_a_report_due_each_month() {
    let config = Config {
        cycle: Cycle {
            every: Every::Month,
            due_day: 25,
        },
        ..Config::default()
    };
    let rule = Rule::new(2023, &config);
    assert_eq!(rule.assess(None, day(2023, 1, 25), None).0, Light::NotDue);
    assert_eq!(rule.assess(None, day(2023, 1, 26), None).0, Light::Overdue);
    let e = entry(20, Status::OnTrack, day(2023, 2, 3));
    let (_, why) = rule.assess(Some(&e), day(2023, 4, 1), None);
    assert!(
        matches!(why, Reason::Unreported { missed: 1, .. }),
        "{why:?}"
    );
}

#[test]
fn a_task_deadline_replaces_the_year_end() {
    let rule = Rule::with_thresholds(2023, Thresholds::default());
    // Due 2023-06-30 (day 181): on 2023-03-14 (day 73) 40.3 % is expected.
    let due = Some(day(2023, 6, 30));
    let e = entry(20, Status::OnTrack, day(2023, 3, 14));
    assert_eq!(
        rule.assess(Some(&e), day(2023, 3, 14), None).0,
        Light::Green
    );
    assert_eq!(
        rule.assess(Some(&e), day(2023, 3, 14), due),
        (Light::Yellow, Reason::Behind(20))
    );
    let e = entry(90, Status::OnTrack, day(2023, 6, 30));
    assert_eq!(
        rule.assess(Some(&e), day(2023, 7, 1), due),
        (Light::Red, Reason::Overdue)
    );
}

#[test]
fn blocked_is_red_even_when_ahead() {
    let e = entry(90, Status::Blocked, day(2023, 3, 1));
    let (l, why) = assess(Some(&e), day(2023, 3, 1), 2023, &Thresholds::default());
    assert_eq!((l, why), (Light::Red, Reason::Blocked));
}

#[test]
fn exactly_ten_points_behind_is_yellow_nine_is_green() {
    // 2023-03-14 is day 73 of 365: exactly 20 % expected.
    let as_of = day(2023, 3, 14);
    assert_eq!(expected_percent(as_of, 2023), 20.0);
    assert_eq!(fresh(10, as_of), Light::Yellow);
    assert_eq!(fresh(11, as_of), Light::Green);
}

#[test]
fn exactly_twenty_five_points_behind_is_red_twenty_four_is_yellow() {
    // 2023-05-26 is day 146 of 365: exactly 40 % expected.
    let as_of = day(2023, 5, 26);
    assert_eq!(expected_percent(as_of, 2023), 40.0);
    assert_eq!(fresh(15, as_of), Light::Red);
    assert_eq!(fresh(16, as_of), Light::Yellow);
}

#[test]
fn a_fraction_of_a_point_short_of_the_threshold_is_not_enough() {
    // 2023-03-13 is day 72: 19.73 % expected, so 10 % is 9.73 behind.
    assert_eq!(fresh(10, day(2023, 3, 13)), Light::Green);
}

#[test]
fn twenty_nine_days_without_update_is_green() {
    let e = entry(50, Status::OnTrack, day(2023, 5, 1));
    assert_eq!(
        light(Some(&e), day(2023, 5, 30), 2023, &Thresholds::default()),
        Light::Green
    );
}

#[test]
fn thirty_days_without_update_is_yellow() {
    let e = entry(50, Status::OnTrack, day(2023, 5, 1));
    let (l, why) = assess(Some(&e), day(2023, 5, 31), 2023, &Thresholds::default());
    assert_eq!((l, why), (Light::Yellow, Reason::Stale(30)));
}

#[test]
fn thirty_one_days_without_update_is_yellow() {
    let e = entry(50, Status::OnTrack, day(2023, 5, 1));
    let (l, why) = assess(Some(&e), day(2023, 6, 1), 2023, &Thresholds::default());
    assert_eq!((l, why), (Light::Yellow, Reason::Stale(31)));
}

#[test]
fn thresholds_change_the_rule() {
    let strict = Thresholds {
        red_behind: 10,
        yellow_behind: 5,
        stale_days: 0,
    };
    let as_of = day(2023, 3, 14);
    let e = entry(10, Status::OnTrack, day(2023, 1, 1));
    assert_eq!(light(Some(&e), as_of, 2023, &strict), Light::Red);
    let e = entry(15, Status::OnTrack, day(2023, 1, 1));
    // 5 behind is yellow; 72 days old would be stale, but 0 turns that off.
    assert_eq!(assess(Some(&e), as_of, 2023, &strict).1, Reason::Behind(5));
    let e = entry(16, Status::OnTrack, day(2023, 1, 1));
    assert_eq!(light(Some(&e), as_of, 2023, &strict), Light::Green);
}

#[test]
fn labels_are_words_not_symbols() {
    for l in Light::ALL {
        assert!(
            l.label_zh()
                .chars()
                .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{l:?}"
        );
        assert!(
            l.label_en()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == ' '),
            "{l:?}"
        );
        assert!(!l.colour().is_empty());
    }
}
