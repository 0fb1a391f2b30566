//! `duban synth --entries M`: a dataset and a progress journal of M
//! entries that every command reads like a real one.

use std::process::{Command, Output};

fn duban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(args)
        .env("DUBAN_LANG", "en")
        .env("DUBAN_DATA_HOME", "/nonexistent-duban-home")
        .output()
        .expect("run duban")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

#[test]
fn synth_writes_a_journal_that_progress_log_reads_and_set_appends_to() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_dir = dir.path().join("synth");
    let path = out_dir.to_str().expect("utf-8 path");
    let out = duban(&["synth", "--tasks", "60", "--entries", "1500", "--out", path]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("wrote 1500 progress entries"));
    let log = duban(&["progress", "log", "--json", "--data", path]);
    assert!(log.status.success(), "{}", text(&log.stderr));
    let entries: serde_json::Value = serde_json::from_slice(&log.stdout).expect("json");
    let entries = entries.as_array().expect("a list");
    assert_eq!(entries.len(), 1500);
    let first = entries[0]["date"].as_str().unwrap();
    let last = entries[1499]["date"].as_str().unwrap();
    assert!(first.starts_with("2023-01"), "{first}");
    assert!(last.starts_with("2023-12"), "{last}");
    let set = duban(&[
        "progress",
        "set",
        "K1.1",
        "--percent",
        "50",
        "--date",
        "2023-12-31",
        "--data",
        path,
        "--today",
        "2024-01-05",
    ]);
    assert!(set.status.success(), "{}", text(&set.stderr));
    let log = duban(&["progress", "log", "--json", "--data", path]);
    let entries: serde_json::Value = serde_json::from_slice(&log.stdout).expect("json");
    assert_eq!(entries.as_array().map(Vec::len), Some(1501));
}

#[test]
fn synth_never_overwrites_a_journal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().to_str().expect("utf-8 path");
    let journal = dir.path().join("progress.ron");
    std::fs::write(&journal, "// someone's real progress\n").unwrap();
    let out = duban(&["synth", "--tasks", "10", "--entries", "5", "--out", path]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("never overwrites"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&journal).unwrap(),
        "// someone's real progress\n"
    );
}

#[test]
fn the_same_seed_writes_the_same_journal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut journals = Vec::new();
    for name in ["a", "b"] {
        let out_dir = dir.path().join(name);
        let path = out_dir.to_str().expect("utf-8 path");
        let out = duban(&["synth", "--tasks", "30", "--entries", "200", "--out", path]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        journals.push(std::fs::read(out_dir.join("progress.ron")).unwrap());
    }
    assert_eq!(journals[0], journals[1]);
}
