//! The helper that finds tmux, Chromium and other programs for the tests
//! that need them: found when present, a loud skip when missing, and a
//! failure instead of a skip under `DUBAN_TEST_REQUIRE_ALL=1`.

mod external;

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Output};

/// Set in the child run of `a_missing_program_...` below.
const CHILD: &str = "DUBAN_EXTERNAL_CHILD";

/// A PATH holding only `dir`.
fn only(dir: &Path) -> OsString {
    std::env::join_paths([dir]).expect("a PATH")
}

fn write_program(dir: &Path, name: &str, executable: bool) {
    let file = dir.join(name);
    std::fs::write(&file, "#!/bin/sh\n").expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if executable { 0o755 } else { 0o644 };
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }
    #[cfg(not(unix))]
    let _ = executable;
}

#[test]
fn finds_an_executable_in_any_directory_of_the_path() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_program(b.path(), "tmux", true);
    let path = std::env::join_paths([a.path(), b.path()]).unwrap();
    assert_eq!(
        external::find_in(&path, "tmux"),
        Some(b.path().join("tmux"))
    );
    assert_eq!(external::find_in(&path, "chromium"), None);
    assert_eq!(external::find_in(&only(a.path()), "tmux"), None);
}

#[cfg(unix)]
#[test]
fn a_file_that_is_not_executable_is_not_the_program() {
    let dir = tempfile::tempdir().unwrap();
    write_program(dir.path(), "chromium", false);
    assert_eq!(external::find_in(&only(dir.path()), "chromium"), None);
}

/// This test binary again, running only the child part of the test below,
/// with a PATH that holds no program at all.
fn child(require_all: Option<&str>) -> Output {
    let empty = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(std::env::current_exe().expect("test binary"));
    cmd.args([
        "--exact",
        "a_missing_program_is_a_loud_skip_or_with_require_all_a_failure",
        "--test-threads=1",
    ])
    .env(CHILD, "1")
    .env("PATH", only(empty.path()))
    .env_remove(external::REQUIRE_ALL);
    if let Some(value) = require_all {
        cmd.env(external::REQUIRE_ALL, value);
    }
    cmd.output().expect("run the test binary")
}

#[test]
fn a_missing_program_is_a_loud_skip_or_with_require_all_a_failure() {
    if std::env::var_os(CHILD).is_some() {
        // The child: no tmux on this PATH.
        assert_eq!(external::program(&["tmux"]), None);
        return;
    }
    let text = |out: &Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };

    let skipped = child(None);
    let stderr = String::from_utf8_lossy(&skipped.stderr);
    assert!(skipped.status.success(), "{}", text(&skipped));
    assert!(
        stderr.contains("SKIPPED: a_missing_program_is_a_loud_skip_or_with_require_all_a_failure: tmux not found on PATH"),
        "{stderr}"
    );
    assert!(stderr.contains("DUBAN_TEST_REQUIRE_ALL=1"), "{stderr}");

    // Any value but 1 leaves skipping on.
    assert!(child(Some("0")).status.success());

    let failed = child(Some("1"));
    assert!(!failed.status.success(), "{}", text(&failed));
    assert!(
        text(&failed)
            .contains("tmux not found on PATH; DUBAN_TEST_REQUIRE_ALL=1 says every test must run"),
        "{}",
        text(&failed)
    );
    assert!(!text(&failed).contains("SKIPPED"), "{}", text(&failed));
}

#[cfg(unix)]
#[test]
fn python_with_passes_over_a_python3_that_lacks_the_module() {
    if let Some(good) = std::env::var_os(CHILD) {
        // The child: the PATH below, where the first python3 fails.
        let found = external::python_with(&["openpyxl"]);
        assert_eq!(found, Some(Path::new(&good).join("python3")));
        return;
    }
    let (bad, good) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    std::fs::write(bad.path().join("python3"), "#!/bin/sh\nexit 1\n").unwrap();
    std::fs::write(good.path().join("python3"), "#!/bin/sh\nexit 0\n").unwrap();
    for dir in [&bad, &good] {
        use std::os::unix::fs::PermissionsExt;
        let file = dir.path().join("python3");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = std::env::join_paths([bad.path(), good.path()]).unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "python_with_passes_over_a_python3_that_lacks_the_module",
            "--test-threads=1",
        ])
        .env(CHILD, good.path())
        .env("PATH", &path)
        .env(external::REQUIRE_ALL, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "{stdout}"
    );
}
