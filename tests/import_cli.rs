//! `duban import` on the command line: summary line and exit codes.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `duban import SOURCE --out OUT` from the crate root.
fn import(source: &str, out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // These tests read the English messages; tests/cli_lang.rs the Chinese.
        .env("DUBAN_LANG", "en")
        .args(["import", source, "--out"])
        .arg(out)
        .output()
        .expect("runs")
}

#[test]
fn prints_a_summary_and_writes_four_files() {
    let out = tempfile::tempdir().expect("temp dir");
    let run = import("assets/source/dongyang-2023-key-tasks.md", out.path());
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    let summary = stdout.lines().next().unwrap_or_default();
    assert!(
        summary.starts_with("8 leaders, 136 key tasks, 10 projects, "),
        "{stdout}"
    );
    assert!(
        summary.ends_with(&format!(" targets → {}", out.path().display())),
        "{stdout}"
    );
    for name in duban::store::FILES {
        assert!(
            Path::new(&out.path().join(name)).is_file(),
            "{name} written"
        );
    }
}

#[test]
fn exits_1_with_the_place_of_an_error() {
    let out = tempfile::tempdir().expect("temp dir");
    let run = import("tests/fixtures/import/err_skipped_number.md", out.path());
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("err_skipped_number.md:13:1:"), "{stderr}");
    assert!(
        !out.path().join("tasks.ron").exists(),
        "nothing written on error"
    );
}

#[test]
fn names_every_task_whose_lead_rests_on_the_rule() {
    let out = tempfile::tempdir().expect("temp dir");
    let run = import("assets/source/dongyang-2023-key-tasks.md", out.path());
    let stdout = String::from_utf8_lossy(&run.stdout);
    let listed: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        listed,
        ["K2.24", "K3.17", "K6.9", "K6.16", "K7.2", "K7.4"],
        "{stdout}"
    );
    assert!(stdout.contains("K7.2 (line "), "{stdout}");
}

#[test]
fn lead_rule_flag_changes_the_reading_and_silences_the_list() {
    let out = tempfile::tempdir().expect("temp dir");
    let run = Command::new(env!("CARGO_BIN_EXE_duban"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "import",
            "assets/source/dongyang-2023-key-tasks.md",
            "--lead-rule",
            "first",
            "--out",
        ])
        .arg(out.path())
        .output()
        .expect("runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&run.stdout).lines().count(), 1);
    let data = duban::store::load_dir(out.path()).expect("valid dataset");
    assert_eq!(data.task("K7.2").expect("K7.2").lead, ["市残联"]);
}

#[test]
fn a_document_that_fails_leaves_the_dataset_as_it_was() {
    let out = tempfile::tempdir().expect("temp dir");
    let first = import("tests/fixtures/import/shapes/3_inline.md", out.path());
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before: Vec<Vec<u8>> = duban::store::FILES
        .iter()
        .map(|f| std::fs::read(out.path().join(f)).expect("written"))
        .collect();
    let doc = out.path().join("bad.md");
    std::fs::write(
        &doc,
        "2024年任务\n一、发展\n1. 甲任务（县发改局牵头）\n2. 乙任务没有单位\n",
    )
    .expect("doc");
    let run = import(doc.to_str().expect("utf-8 path"), out.path());
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("bad.md:4:1:"), "{stderr}");
    for (f, old) in duban::store::FILES.iter().zip(&before) {
        assert_eq!(
            &std::fs::read(out.path().join(f)).expect("kept"),
            old,
            "{f} changed"
        );
    }
    let parent = out.path().parent().expect("parent");
    let name = out.path().file_name().expect("name").to_string_lossy();
    let staging = format!(".{name}.staging");
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .expect("dir")
        .chain(std::fs::read_dir(parent).expect("parent"))
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(&staging))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
