//! `duban progress set --progress-made/--problems/--next-steps` (and the
//! older `--note`), `progress log` and `export` showing the three notes and
//! sub-item progress, through the built binary.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_duban");

fn duban(home: &Path, args: &[&str]) -> Output {
    let out = Command::new(BIN)
        .env("DUBAN_DATA_HOME", home)
        .args(["--today", "2023-06-01"])
        .args(args)
        .output()
        .expect("run duban");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `progress log --json`, parsed.
fn log_json(home: &Path) -> serde_json::Value {
    let json = stdout(&duban(home, &["progress", "log", "--json"]));
    serde_json::from_str(&json).expect("json")
}

#[test]
fn set_takes_the_three_notes_and_log_shows_them_on_one_line() {
    let home = tempfile::tempdir().expect("temp dir");
    duban(
        home.path(),
        &[
            "progress",
            "set",
            "K1.1",
            "--percent",
            "40",
            "--progress-made",
            "完成征地\n开工",
            "--problems",
            "资金未到位",
            "--next-steps",
            "督促拨付",
            "--date",
            "2023-05-20",
        ],
    );
    let log = stdout(&duban(home.path(), &["progress", "log", "K1.1"]));
    assert_eq!(
        log,
        "2023-05-20  K1.1   40 %  推进中  完成征地 / 开工  存在问题:资金未到位  下步打算:督促拨付\n"
    );
    let entries = log_json(home.path());
    assert_eq!(entries[0]["note"], "完成征地\n开工");
    assert_eq!(entries[0]["problems"], "资金未到位");
    assert_eq!(entries[0]["next_steps"], "督促拨付");
}

#[test]
fn note_is_still_accepted_as_progress_made() {
    let home = tempfile::tempdir().expect("temp dir");
    duban(
        home.path(),
        &[
            "progress",
            "set",
            "K1.1",
            "--percent",
            "10",
            "--note",
            "旧写法",
        ],
    );
    let entries = log_json(home.path());
    assert_eq!(entries[0]["note"], "旧写法");
    assert!(
        entries[0].get("problems").is_none(),
        "empty notes are left out"
    );
}

#[test]
fn export_shows_sub_item_progress_and_the_projects_roll_up() {
    let home = tempfile::tempdir().expect("temp dir");
    duban(
        home.path(),
        &[
            "progress",
            "set",
            "M2.1",
            "--percent",
            "60",
            "--problems",
            "雨季",
        ],
    );
    let json = stdout(&duban(home.path(), &["export"]));
    let export: serde_json::Value = serde_json::from_str(&json).expect("json");
    let m2 = export["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .find(|t| t["id"] == "M2")
        .expect("M2");
    let items = m2["items"].as_array().expect("items").len();
    assert!(items >= 2, "M2 has sub-items");
    assert_eq!(m2["progress"]["from_items"], true);
    assert_eq!(m2["progress"]["percent"], 60 / items);
    assert_eq!(m2["item_progress"][0]["id"], "M2.1");
    assert_eq!(m2["item_progress"][0]["progress"]["problems"], "雨季");
    let csv = stdout(&duban(
        home.path(),
        &["--lang", "en", "export", "--format", "csv"],
    ));
    let row = csv
        .lines()
        .find(|l| l.starts_with("M2.1,item,"))
        .expect("a row for M2.1");
    assert!(row.contains(",60,on_track,2023-06-01,,,雨季,"), "{row}");
}
