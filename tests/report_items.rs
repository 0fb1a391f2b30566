//! Sub-items in the circular's full listing (`--full`) and its CSV: a row
//! under their project with their own light and notes, and the project
//! rolled up from them when they were reported after its own entry.

mod report_support;

use duban::lights::{Light, Thresholds};
use duban::model::{ProgressEntry, Status};
use duban::report::{Circular, Filter, Options, Words, write_csv, write_markdown};
use report_support::{as_of, dataset, entries};

fn item_entry(task: &str, at: &str, percent: u8) -> ProgressEntry {
    ProgressEntry {
        task: task.into(),
        at: at.parse().expect("at"),
        date: at[..10].parse().expect("date"),
        percent,
        status: Status::OnTrack,
        note: "完成改造80公里".into(),
        actuals: Vec::new(),
        problems: "雨季影响施工".into(),
        next_steps: "错峰施工".into(),
        reporter: None,
    }
}

/// The fixture's journal plus an entry on M1.1 made after M1's own.
fn with_item() -> Vec<ProgressEntry> {
    let mut all = entries();
    all.push(item_entry("M1.1", "2023-06-30T10:00:00+08:00", 80));
    all
}

/// `f` on the circular of the fixture with [`with_item`].
fn with_circular<T>(f: impl FnOnce(&Circular) -> T) -> T {
    let (data, entries) = (dataset(), with_item());
    let full = Options {
        full: true,
        ..Options::default()
    };
    let c = Circular::with_options(
        &data,
        &entries,
        as_of(),
        &Thresholds::default(),
        Filter::default(),
        full,
    )
    .expect("circular");
    f(&c)
}

#[test]
fn a_sub_item_reported_after_its_project_rolls_it_up() {
    with_circular(|c| {
        let m1 = c
            .overview
            .tasks
            .iter()
            .find(|a| a.task.id == "M1")
            .expect("M1");
        // (80 + 0) / 2: M1.2 has no entry.
        assert_eq!(m1.percent(), 40);
        let items = c.items(m1);
        assert_eq!(items.len(), 1);
        assert_eq!(
            (items[0].item.id.as_str(), items[0].light),
            ("M1.1", Light::Green)
        );
    });
}

#[test]
fn the_markdown_circular_has_a_row_per_reported_sub_item_with_its_notes() {
    let text = with_circular(|c| {
        let mut out = Vec::new();
        write_markdown(c, &Words::ZH, &mut out).expect("md");
        String::from_utf8(out).expect("utf-8")
    });
    let m1 = text
        .lines()
        .position(|l| l.starts_with("| M1 |"))
        .expect("M1 row");
    let next = text.lines().nth(m1 + 1).unwrap_or_default();
    assert!(
        next.starts_with("| M1.1 | 绿灯 | 80% | 推进中 | 2023-06-30 | 完成四好农村路提升改造100公里。 | 完成改造80公里；存在问题：雨季影响施工；下步打算：错峰施工 |"),
        "{next}"
    );
    assert!(
        !text.contains("| M1.2 |"),
        "unreported sub-items are left out"
    );
}

#[test]
fn the_csv_circular_has_the_sub_item_row_too() {
    let text = with_circular(|c| {
        let mut out = Vec::new();
        write_csv(c, &Words::EN, &mut out).expect("csv");
        String::from_utf8(out).expect("utf-8")
    });
    let row = text
        .lines()
        .find(|l| l.contains(",M1.1,"))
        .expect("M1.1 row");
    assert!(row.contains("Problems: 雨季影响施工"), "{row}");
}
