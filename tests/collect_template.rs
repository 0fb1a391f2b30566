//! `duban template`: the report sheet as another program (openpyxl) reads
//! it: locked and unlocked cells, sheet protection, the status drop-down,
//! whole numbers 0–100 for progress, the default report date, the
//! cooperating duties read-only, the hidden details for `duban collect`.

#[path = "external/mod.rs"]
mod external;
#[path = "collect_support/mod.rs"]
mod support;

use serde_json::Value;
use support::Scratch;

/// 市发改局's sheet for 2023-06-10 (second quarter, due 2023-06-30), and
/// what openpyxl sees in it.
fn written(unit: &str) -> Option<(Scratch, Value)> {
    let python = support::python()?;
    let s = Scratch::new();
    let out = s.ok(&[
        "template",
        "--unit",
        unit,
        "--as-of",
        "2023-06-10",
        "--out",
        "r.xlsx",
    ]);
    assert!(
        out.contains("市发改局") && out.contains("2023-06-30"),
        "{out}"
    );
    let seen = support::inspect(&python, &s.path("r.xlsx"));
    Some((s, seen))
}

#[test]
fn one_row_per_task_led_with_the_columns_in_order() {
    let Some((_s, seen)) = written("市发改局") else {
        return;
    };
    assert_eq!(
        seen["sheets"],
        serde_json::json!(["填报", "配合任务", "duban"])
    );
    let rows = seen["info"]["填报"]["rows"].as_array().unwrap();
    let heading: Vec<&str> = rows[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        heading,
        [
            "编号",
            "工作任务",
            "上次进度",
            "进度(%)",
            "状态",
            "主要进展",
            "存在问题",
            "下步打算",
            "填报日期",
            "填报人"
        ]
    );
    // The bundled dataset: 市发改局 leads 15 tasks, K1.1 first.
    assert_eq!(rows.len(), 1 + 15);
    assert_eq!(rows[1][0], "K1.1");
    assert!(rows[1][1].as_str().unwrap().starts_with("全面完成2023年"));
    for row in &rows[1..] {
        assert_eq!(row[8], "date:2023-06-30", "the period's due date: {row:?}");
        assert!(
            row[3].is_null() && row[4].is_null(),
            "input left empty: {row:?}"
        );
    }
}

#[test]
fn the_first_three_columns_are_locked_under_protection() {
    let Some((_s, seen)) = written("市发改局") else {
        return;
    };
    let sheet = &seen["info"]["填报"];
    assert_eq!(sheet["protected"], true);
    assert_eq!(
        sheet["locked_row2"],
        serde_json::json!([
            true, true, true, false, false, false, false, false, false, false
        ])
    );
}

#[test]
fn status_is_a_drop_down_and_progress_whole_numbers_0_to_100() {
    let Some((_s, seen)) = written("市发改局") else {
        return;
    };
    let validations = seen["info"]["填报"]["validations"].as_array().unwrap();
    let find = |kind: &str| {
        validations
            .iter()
            .find(|v| v["type"] == kind)
            .unwrap_or_else(|| panic!("no {kind} validation in {validations:?}"))
    };
    let whole = find("whole");
    assert_eq!(
        (whole["formula1"].as_str(), whole["formula2"].as_str()),
        (Some("0"), Some("100"))
    );
    assert_eq!(whole["sqref"], "D2:D16");
    let list = find("list");
    assert_eq!(list["formula1"], "\"未开始,推进中,滞后,受阻,已完成\"");
    assert_eq!(list["sqref"], "E2:E16");
    // 2023-01-01 to the close date 2024-02-29, as spreadsheet day numbers.
    let date = find("date");
    assert_eq!(
        (date["formula1"].as_str(), date["formula2"].as_str()),
        (Some("44927"), Some("45351"))
    );
}

#[test]
fn cooperating_duties_are_read_only_and_the_details_hidden() {
    let Some((_s, seen)) = written("市发改局") else {
        return;
    };
    let co = &seen["info"]["配合任务"];
    assert_eq!(co["protected"], true);
    assert_eq!(
        co["rows"][0],
        serde_json::json!(["编号", "工作任务", "牵头单位", "上次进度"])
    );
    assert_eq!(co["rows"].as_array().unwrap().len(), 1 + 26);
    assert!(
        co["locked_row2"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v == true)
    );
    let meta = &seen["info"]["duban"];
    assert_eq!(meta["state"], "hidden");
    let text = meta["rows"].to_string();
    for part in ["市发改局", "2023", "2023-06-10", "2023-06-30"] {
        assert!(text.contains(part), "{part} in {text}");
    }
}

#[test]
fn a_unit_may_be_named_by_alias() {
    let s = Scratch::new();
    let out = s.ok(&[
        "template",
        "--unit",
        "市场监管局(木雕红木局)",
        "--out",
        "a.xlsx",
    ]);
    assert!(out.starts_with("市市场监管局："), "{out}");
    assert!(s.path("a.xlsx").is_file());
}

#[test]
fn all_writes_one_file_per_unit_with_duties() {
    let s = Scratch::new();
    let out = s.ok(&["template", "--all", "--out", "sheets"]);
    let files: Vec<_> = std::fs::read_dir(s.path("sheets"))
        .unwrap()
        .flatten()
        .collect();
    assert!(out.contains(&format!("{} ", files.len())), "{out}");
    assert!(files.len() > 100, "{}", files.len());
    assert!(s.path("sheets/市发改局.xlsx").is_file());
}

#[test]
fn a_unit_unknown_or_missing_is_an_error() {
    let s = Scratch::new();
    let out = s.run(&["template", "--unit", "无此单位", "--out", "x.xlsx"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("无此单位"));
    let out = s.run(&["template", "--out", "x.xlsx"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--all"));
    assert!(!s.path("x.xlsx").exists());
}
