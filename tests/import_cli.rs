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
    assert!(
        stdout.starts_with("8 leaders, 136 key tasks, 10 projects, "),
        "{stdout}"
    );
    assert!(
        stdout
            .trim_end()
            .ends_with(&format!(" targets → {}", out.path().display())),
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
