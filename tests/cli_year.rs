//! The reporting year through the built binary: entries ordered by report
//! date, the close date, the past-plan default, who reported, `duban
//! config`, `duban remind` and `duban report --format json`.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_duban");

/// The binary with progress and the per-user config under `home`.
fn duban(home: &Path, today: &str) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env("DUBAN_DATA_HOME", home)
        .env("DUBAN_CONFIG_HOME", home.join("config"))
        .args(["--today", today]);
    cmd
}

fn ok(cmd: &mut Command) -> String {
    let out: Output = cmd.output().expect("run duban");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn fails(cmd: &mut Command) -> String {
    let out: Output = cmd.output().expect("run duban");
    assert!(!out.status.success(), "succeeded");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn export_percent(home: &Path, id: &str) -> u64 {
    let text = ok(duban(home, "2023-07-10").args(["export"]));
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    let task = json["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .find(|t| t["id"] == id)
        .expect("task");
    task["progress"]["percent"].as_u64().expect("percent")
}

#[test]
fn a_back_filled_entry_does_not_replace_a_later_report() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    ok(duban(h, "2023-07-10").args([
        "progress",
        "set",
        "K3.1",
        "--percent",
        "70",
        "--date",
        "2023-06-30",
    ]));
    ok(duban(h, "2023-07-10").args([
        "progress",
        "set",
        "K3.1",
        "--percent",
        "30",
        "--date",
        "2023-03-31",
        "--note",
        "补录一季度",
    ]));
    assert_eq!(export_percent(h, "K3.1"), 70);
    // History lists both, in report-date order.
    let log = ok(duban(h, "2023-07-10").args(["progress", "log", "K3.1"]));
    let lines: Vec<&str> = log.lines().collect();
    assert!(
        lines[0].starts_with("2023-03-31") && lines[1].starts_with("2023-06-30"),
        "{log}"
    );
    let report =
        ok(duban(h, "2023-07-10").args(["report", "--format", "json", "--as-of", "2023-07-10"]));
    let json: serde_json::Value = serde_json::from_str(&report).expect("json");
    let k31 = json["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "K3.1")
        .unwrap();
    assert_eq!(k31["percent"], 70);
    assert_eq!(k31["date"], "2023-06-30");
}

#[test]
fn a_year_end_review_in_january_is_accepted_until_the_close_date() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    ok(duban(h, "2024-01-10").args([
        "progress",
        "set",
        "K1.1",
        "--percent",
        "100",
        "--date",
        "2024-01-10",
    ]));
    let err = fails(duban(h, "2024-03-05").args([
        "--lang",
        "en",
        "progress",
        "set",
        "K1.1",
        "--percent",
        "100",
        "--date",
        "2024-03-01",
    ]));
    assert!(err.contains("2023-01-01 to 2024-02-29"), "{err}");
    assert!(err.contains("--date"), "{err}");
}

#[test]
fn a_close_date_in_the_config_moves_the_limit() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    ok(duban(home.path(), "2023-06-01")
        .args([
            "import",
            "assets/source/dongyang-2023-key-tasks.md",
            "--out",
        ])
        .arg(&data));
    std::fs::write(data.join("duban.ron"), "(close: \"2024-01-15\")\n").unwrap();
    let err = fails(
        duban(home.path(), "2024-02-01")
            .arg("--data")
            .arg(&data)
            .args([
                "progress",
                "set",
                "K1.1",
                "--percent",
                "90",
                "--date",
                "2024-01-20",
            ]),
    );
    assert!(err.contains("2024-01-15"), "{err}");
}

#[test]
fn past_the_close_date_progress_set_dates_the_plans_last_day() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let out = ok(duban(h, "2026-11-30").args(["progress", "set", "K2.16", "--percent", "60"]));
    assert!(out.contains("2023-12-31"), "{out}");
    let err = fails(duban(h, "2026-11-30").args([
        "progress",
        "set",
        "K2.16",
        "--percent",
        "60",
        "--date",
        "2026-11-30",
    ]));
    assert!(
        err.contains("--date") && err.contains("2024-02-29"),
        "{err}"
    );
}

#[test]
fn the_reporter_comes_from_the_options_or_the_config_and_log_shows_it() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let err = fails(duban(h, "2023-06-30").args(["config", "set", "unit", "市不存在局"]));
    assert!(err.contains("市不存在局"), "{err}");
    // An alias is stored as the canonical name.
    let out = ok(duban(h, "2023-06-30").args(["config", "set", "unit", "市场监管局(木雕红木局)"]));
    assert!(out.contains("市市场监管局"), "{out}");
    ok(duban(h, "2023-06-30").args(["config", "set", "name", "李四"]));
    assert_eq!(
        ok(duban(h, "2023-06-30").args(["config", "get", "unit"])).trim(),
        "市市场监管局"
    );
    let list = ok(duban(h, "2023-06-30").args(["config", "list"]));
    assert!(list.contains("name = 李四"), "{list}");

    ok(duban(h, "2023-06-30").args(["progress", "set", "K2.16", "--percent", "40"]));
    ok(duban(h, "2023-06-30").args([
        "progress",
        "set",
        "K1.1",
        "--percent",
        "50",
        "--unit",
        "市经信局",
        "--by",
        "张三",
    ]));
    let log = ok(duban(h, "2023-06-30").args(["progress", "log"]));
    assert!(log.contains("— 市市场监管局 李四"), "{log}");
    assert!(log.contains("— 市经信局 张三"), "{log}");
    let text = ok(duban(h, "2023-06-30").args(["export"]));
    let json: serde_json::Value = serde_json::from_str(&text).expect("json");
    let k11 = json["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "K1.1")
        .unwrap();
    assert_eq!(k11["progress"]["reporter"]["unit"], "市经信局");
    assert_eq!(k11["progress"]["reporter"]["name"], "张三");
}

#[test]
fn remind_lists_each_unit_owing_reports_with_the_due_date() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    // Before the first due date nobody owes anything.
    let none = ok(duban(h, "2023-03-30").arg("remind"));
    assert!(none.contains("没有逾期未报的单位"), "{none}");
    ok(duban(h, "2023-04-10").args([
        "progress",
        "set",
        "K1.1",
        "--percent",
        "20",
        "--date",
        "2023-03-20",
    ]));
    let text = ok(duban(h, "2023-04-10").args(["remind", "--unit", "市发改局"]));
    assert!(text.starts_with("市发改局：\n"), "{text}");
    assert!(text.contains("（2023-03-30）"), "{text}");
    assert!(!text.contains("K1.1 "), "K1.1 reported in time: {text}");
    assert!(text.contains("K2.8 "), "{text}");
    let md = ok(duban(h, "2023-04-10").args(["remind", "--format", "md"]));
    assert!(md.contains("## 市发改局"), "{md}");
    let json =
        ok(duban(h, "2023-04-10").args(["remind", "--format", "json", "--as-of", "2023-07-01"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let fgw = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == "市发改局")
        .unwrap();
    assert_eq!(fgw["due"], "2023-06-30");
    let k11 = fgw["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "K1.1")
        .unwrap();
    assert_eq!(k11["missed"], 1);
    let en = ok(duban(h, "2023-04-10").args(["--lang", "en", "remind", "--unit", "市发改局"]));
    assert!(
        en.contains("were due for a progress report on 2023-03-30"),
        "{en}"
    );
}

#[test]
fn report_json_has_the_period_lights_standings_and_units_not_reported() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    ok(duban(h, "2023-05-01").args([
        "progress",
        "set",
        "K1.1",
        "--percent",
        "30",
        "--unit",
        "市发改局",
        "--by",
        "王五",
    ]));
    let text =
        ok(duban(h, "2023-05-01").args(["report", "--format", "json", "--as-of", "2023-05-01"]));
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["as_of"], "2023-05-01");
    assert_eq!(v["plan_year"], 2023);
    assert_eq!(v["period"]["start"], "2023-04-01");
    assert_eq!(v["period"]["end"], "2023-06-30");
    assert_eq!(v["period"]["due"], "2023-06-30");
    let tasks = v["tasks"].as_array().unwrap();
    let k11 = tasks.iter().find(|t| t["id"] == "K1.1").unwrap();
    assert_eq!(k11["light"], "green");
    assert_eq!(k11["reporter"]["name"], "王五");
    assert_eq!(k11["lead_units"][0], "市发改局");
    let k12 = tasks.iter().find(|t| t["id"] == "K1.2").unwrap();
    assert_eq!(k12["light"], "overdue");
    let allowed = ["done", "green", "yellow", "red", "overdue", "not_due"];
    assert!(
        tasks
            .iter()
            .all(|t| allowed.contains(&t["light"].as_str().unwrap()))
    );
    assert_eq!(v["standings"]["overall"]["tasks"], tasks.len());
    assert_eq!(v["standings"]["overall"]["overdue"], tasks.len() - 1);
    let owing = v["units_not_reported"].as_array().unwrap();
    let fgw = owing.iter().find(|u| u["unit"] == "市发改局").unwrap();
    let ids: Vec<&str> = fgw["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(!ids.contains(&"K1.1") && ids.contains(&"K2.8"), "{ids:?}");
    // Before the first due date the same report has only not_due tasks.
    let early =
        ok(duban(h, "2023-05-01").args(["report", "--format", "json", "--as-of", "2023-03-01"]));
    let v: serde_json::Value = serde_json::from_str(&early).expect("json");
    assert!(
        v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["light"] == "not_due")
    );
    // The Markdown circular shows the same lights.
    let md = ok(duban(h, "2023-05-01").args(["report", "--as-of", "2023-05-01"]));
    assert!(md.contains("逾期未报"), "{md}");
}

#[test]
fn past_the_close_date_report_says_it_shows_the_plans_last_day() {
    let home = tempfile::tempdir().unwrap();
    let out = duban(home.path(), "2026-11-30")
        .args(["report", "--format", "json"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("计划年度已结束，按 2023-12-31 显示"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["as_of"], "2023-12-31");
}
