//! `duban check` and `duban export`, run as the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/store")
        .join(name)
}

/// Runs the binary with its per-user data directory in a fresh temp dir, so
/// progress recorded on this machine never leaks into a test.
fn duban(args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("temp dir");
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(args)
        // These tests read the English messages; tests/cli_lang.rs the Chinese.
        .env("DUBAN_LANG", "en")
        .env("DUBAN_DATA_HOME", home.path())
        .output()
        .expect("run duban")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 stdout")
}

fn valid_arg() -> String {
    fixture("valid").display().to_string()
}

#[test]
fn check_prints_the_summary_of_a_valid_dataset() {
    let out = duban(&["check", "--data", &valid_arg()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout(&out),
        "2 leaders, 4 key tasks, 2 projects, 12 units\n"
    );
}

#[test]
fn check_fails_on_a_broken_dataset_with_the_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    for file in ["plan.ron", "tasks.ron", "projects.ron", "units.ron"] {
        std::fs::copy(fixture("valid").join(file), dir.path().join(file)).expect("copy");
    }
    std::fs::copy(
        fixture("unknown_unit").join("tasks.ron"),
        dir.path().join("tasks.ron"),
    )
    .expect("copy");
    let data = dir.path().display().to_string();
    let out = duban(&["check", "--data", &data]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let tasks = dir.path().join("tasks.ron");
    assert!(
        stderr.contains(&format!(
            "{}:25:18: unknown unit `市供电局`",
            tasks.display()
        )),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn check_fails_on_a_missing_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nowhere");
    let out = duban(&["check", "--data", &missing.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}: not found", missing.display())),
        "{stderr}"
    );
}

#[test]
fn export_json_parses_back_with_the_documented_fields() {
    let out = duban(&["export", "--format", "json", "--data", &valid_arg()]);
    assert!(out.status.success());
    let json: Value = serde_json::from_str(&stdout(&out)).expect("json");
    let tasks = json["tasks"].as_array().expect("tasks");
    assert_eq!(tasks.len(), 6);
    assert_eq!(tasks[0]["lead_units"][0], "市发改局");
    assert_eq!(tasks[0]["progress"], Value::Null);
    assert_eq!(json["plan"]["doc_number"], "东政办发[2023]3号");
    assert_eq!(json["leaders"][1]["id"], "L2");
    assert_eq!(json["units"][0]["lead"][0], "K1.1");
}

#[test]
fn export_json_is_the_library_export() {
    let out = duban(&["export", "--data", &valid_arg()]);
    let parsed: duban::export::Export = serde_json::from_str(&stdout(&out)).expect("json");
    let data = duban::store::load_dir(&fixture("valid")).expect("valid");
    assert_eq!(parsed, duban::export::Export::new(&data, &[]));
}

#[test]
fn export_csv_has_a_header_and_a_row_per_task_and_sub_item() {
    let out = duban(&["export", "--format", "csv", "--data", &valid_arg()]);
    assert!(out.status.success());
    let text = stdout(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(header, duban::export::CSV_HEADER);
    let ids: Vec<String> = reader
        .records()
        .map(|r| r.expect("row")[0].to_string())
        .collect();
    assert_eq!(
        ids,
        ["K1.1", "K1.2", "K2.1", "K2.2", "M1", "M1.1", "M1.2", "M2"]
    );
}

#[test]
fn export_fails_on_a_broken_dataset() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = duban(&["export", "--data", &dir.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("plan.ron: not found"));
}

#[test]
fn check_on_the_bundled_data_counts_the_document() {
    let out = duban(&["check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(
        text.starts_with("8 leaders, 136 key tasks, 10 projects, ") && text.ends_with(" units\n"),
        "{text}"
    );
}

#[test]
fn export_of_the_bundled_data_has_every_task() {
    let out = duban(&["export"]);
    assert!(out.status.success());
    let json: Value = serde_json::from_str(&stdout(&out)).expect("json");
    let tasks = json["tasks"].as_array().expect("tasks");
    assert_eq!(tasks.len(), 146);
    let keys = tasks.iter().filter(|t| t["kind"] == "key").count();
    assert_eq!(
        (keys, json["leaders"].as_array().map(Vec::len)),
        (136, Some(8))
    );
}

#[test]
fn export_csv_of_the_bundled_data_has_a_row_per_task_and_sub_item() {
    let out = duban(&["export", "--format", "csv"]);
    assert!(out.status.success());
    let kinds: Vec<String> = csv::Reader::from_reader(out.stdout.as_slice())
        .records()
        .map(|r| r.expect("row")[1].to_string())
        .collect();
    let data = duban::store::load(None).expect("bundled");
    let items: usize = data.all_tasks().map(|t| t.items.len()).sum();
    assert!(items > 0);
    assert_eq!(kinds.iter().filter(|k| *k == "item").count(), items);
    assert_eq!(kinds.len(), 146 + items);
}

#[test]
fn export_includes_the_latest_progress_recorded_beside_the_dataset() {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(fixture("valid")).expect("fixture") {
        let entry = entry.expect("fixture entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    let data = dir.path().display().to_string();
    let first = json_export_task(&data, "K1.1");
    assert_eq!(first["progress"], Value::Null);
    for (percent, note) in [("20", "开工"), ("60", "过半")] {
        let out = duban(&[
            "progress",
            "set",
            "K1.1",
            "--percent",
            percent,
            "--status",
            "on_track",
            "--note",
            note,
            "--date",
            "2023-05-01",
            "--today",
            "2023-06-30",
            "--data",
            &data,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let task = json_export_task(&data, "K1.1");
    assert_eq!(task["progress"]["percent"], 60);
    assert_eq!(task["progress"]["status"], "on_track");
    assert_eq!(task["progress"]["note"], "过半");
    assert_eq!(json_export_task(&data, "K1.2")["progress"], Value::Null);
}

fn json_export_task(data: &str, id: &str) -> Value {
    let out = duban(&["export", "--data", data]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_str(&stdout(&out)).expect("json");
    json["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .find(|t| t["id"] == id)
        .cloned()
        .expect("task in export")
}

#[test]
fn export_carries_targets_with_the_actuals_of_progress_set() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dongyang-2023");
    for name in duban::store::FILES {
        std::fs::copy(bundled.join(name), dir.path().join(name)).expect("copy");
    }
    let data = dir.path().display().to_string();
    let set = duban(&[
        "progress",
        "set",
        "K2.16",
        "--actual",
        "新增规上企业=60",
        "--today",
        "2023-06-30",
        "--data",
        &data,
    ]);
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );

    let task = json_export_task(&data, "K2.16");
    assert_eq!(task["progress"]["percent"], 20, "(60 + 0 + 0) / 3");
    assert_eq!(
        task["targets"][0],
        serde_json::json!({
            "name": "新增规上企业", "value": 100.0, "unit": "家", "cmp": "exact", "actual": 60.0
        })
    );
    assert_eq!(task["targets"][1]["actual"], Value::Null);

    let out = duban(&["export", "--format", "csv", "--data", &data]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let column = reader
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == "targets")
        .expect("a targets column");
    let row = reader
        .records()
        .map(|r| r.expect("row"))
        .find(|r| &r[0] == "K2.16")
        .expect("K2.16 row");
    assert_eq!(
        &row[column],
        "新增规上企业 100家 (实际 60)、新增亿元企业 20家、新增\"专精特新\"小巨人企业 5家"
    );
}
