//! Who owes a report is one rule (the lights' overdue, from the day after a
//! due date): the circular's section 二, `duban remind` and `report
//! --format json`'s `units_not_reported` name the same units and tasks on
//! the same as-of date. Over the mid-year fixture (tests/fixtures/circular).

mod report_support;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use report_support::midyear;

/// Unit → the task IDs it owes, sorted.
type Owed = BTreeMap<String, Vec<String>>;

fn run(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .arg("--data")
        .arg(dir)
        .args(["--lang", "en"])
        .args(args)
        .output()
        .expect("run duban");
    assert!(
        out.status.success(),
        "duban {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

fn from_report_json(dir: &Path, as_of: &str) -> Owed {
    let text = run(dir, &["report", "--format", "json", "--as-of", as_of]);
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let units = v["units_not_reported"]
        .as_array()
        .expect("units_not_reported");
    (units.iter())
        .map(|u| {
            let ids = u["tasks"].as_array().expect("tasks").iter();
            let ids = ids.map(|t| t.as_str().expect("id").to_string()).collect();
            (u["unit"].as_str().expect("unit").to_string(), sorted(ids))
        })
        .collect()
}

fn from_remind(dir: &Path, as_of: &str) -> Owed {
    let text = run(dir, &["remind", "--format", "json", "--as-of", as_of]);
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let units = v["units"].as_array().expect("units");
    (units.iter())
        .map(|u| {
            let ids = u["tasks"].as_array().expect("tasks").iter();
            let ids = ids
                .map(|t| t["id"].as_str().expect("id").to_string())
                .collect();
            (u["unit"].as_str().expect("unit").to_string(), sorted(ids))
        })
        .collect()
}

/// The circular's section 二 (`- 市发改局: K2.2, K2.3 (2)`), and the count
/// of tasks its opening sentence gives (0 when every task reported or no
/// period is due yet).
fn from_circular(dir: &Path, as_of: &str) -> (Owed, usize) {
    let md = run(dir, &["report", "--as-of", as_of]);
    let section = md
        .split("Units that have not reported on time")
        .nth(1)
        .and_then(|s| s.split("\n#").next())
        .expect("the section on units owing reports");
    let mut owed = Owed::new();
    for line in section.lines().filter_map(|l| l.strip_prefix("- ")) {
        let (unit, rest) = line.split_once(": ").expect("unit: tasks");
        let (ids, n) = rest.rsplit_once(" (").expect("tasks (n)");
        let ids: Vec<String> = ids.split(", ").map(str::to_string).collect();
        assert_eq!(n, format!("{})", ids.len()), "{line}");
        owed.insert(unit.to_string(), sorted(ids));
    }
    let intro = section
        .trim_start()
        .lines()
        .next()
        .expect("opening sentence");
    let told =
        if intro.starts_with("Every task reported") || intro.starts_with("No reporting period") {
            0
        } else {
            let n = intro.split_whitespace().next().expect("a count");
            n.parse()
                .unwrap_or_else(|_| panic!("no count in {intro:?}"))
        };
    (owed, told)
}

#[test]
fn the_circular_remind_and_the_json_report_agree_on_who_owes() {
    let dir = midyear();
    for as_of in [
        "2023-03-30",
        "2023-03-31",
        "2023-06-30",
        "2023-07-01",
        "2023-10-08",
    ] {
        let json = from_report_json(dir.path(), as_of);
        let remind = from_remind(dir.path(), as_of);
        let (circular, told) = from_circular(dir.path(), as_of);
        assert_eq!(remind, json, "remind and report json on {as_of}");
        assert_eq!(circular, json, "the circular and report json on {as_of}");
        let mut tasks: Vec<&String> = json.values().flatten().collect();
        tasks.sort();
        tasks.dedup();
        assert_eq!(told, tasks.len(), "the circular's count on {as_of}");
    }
}

#[test]
fn a_report_is_owed_from_the_day_after_its_due_date() {
    let dir = midyear();
    // K2.27 (市委统战部) reported on 21 March only: the second quarter's
    // report, due 30 June, is owed from 1 July.
    let owes_k2_27 = |as_of: &str| {
        from_report_json(dir.path(), as_of)
            .values()
            .flatten()
            .any(|id| id == "K2.27")
    };
    assert!(!owes_k2_27("2023-06-30"));
    assert!(owes_k2_27("2023-07-01"));
    // Before the first due date has passed nobody owes anything.
    assert!(from_report_json(dir.path(), "2023-03-30").is_empty());
    assert!(!from_report_json(dir.path(), "2023-03-31").is_empty());
}
