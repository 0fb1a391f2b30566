//! Programs some tests start besides duban (tmux, Chromium, python3 with
//! openpyxl, poppler's pdfinfo, …), looked up on the PATH.
//!
//! A fresh machine may lack them. Then the test says so loudly on stderr
//! and returns early, so that `cargo test` with only Rust installed still
//! passes; with `DUBAN_TEST_REQUIRE_ALL=1` (set by `.ci/run`) a missing
//! program fails the test instead, so CI never skips.
#![allow(dead_code)] // each test binary uses a different part

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Set to 1 to make a missing program a failure rather than a skip.
pub const REQUIRE_ALL: &str = "DUBAN_TEST_REQUIRE_ALL";

/// Chromium under the names distributions give it (the ones the PDF
/// circular looks for).
pub const CHROMIUM: &[&str] = &duban::report::BROWSERS;

/// The first of `names` found on the PATH, or `None` after [`missing`]
/// has reported it (a failure when every test must run).
pub fn program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = names.iter().find_map(|name| find_in(&path, name));
    if found.is_none() {
        missing(&format!("{} not found on PATH", names.join(" / ")));
    }
    found
}

/// The first `python3` on the PATH that can import every one of
/// `modules` (a user's own Python often lacks the system's packages).
pub fn python_with(modules: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let imports = format!("import {}", modules.join(", "));
    let found = find_all_in(&path, "python3").find(|python| {
        Command::new(python)
            .args(["-c", &imports])
            .output()
            .is_ok_and(|out| out.status.success())
    });
    if found.is_none() {
        missing(&format!("no python3 on PATH can `{imports}`"));
    }
    found
}

/// Reports a missing prerequisite of the running test: a notice on the
/// real stderr (not the captured one, so it shows even when the test
/// passes), or a panic when [`REQUIRE_ALL`] is 1.
pub fn missing(what: &str) {
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    assert!(
        !required(),
        "{test}: {what}; {REQUIRE_ALL}=1 says every test must run"
    );
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: {test}: {what}; install it, or set {REQUIRE_ALL}=1 to make this a failure"
    );
}

/// Whether a missing program fails the test.
pub fn required() -> bool {
    std::env::var_os(REQUIRE_ALL).is_some_and(|v| v == "1")
}

/// `name` in one of the directories of `path` (a PATH value), if it is an
/// executable file there.
pub fn find_in(path: &OsStr, name: &str) -> Option<PathBuf> {
    find_all_in(path, name).next()
}

/// Every executable `name` in the directories of `path`, in order.
pub fn find_all_in<'a>(path: &'a OsStr, name: &'a str) -> impl Iterator<Item = PathBuf> + 'a {
    std::env::split_paths(path)
        .flat_map(move |dir| candidates(&dir, name))
        .filter(|file| is_executable(file))
}

fn candidates(dir: &Path, name: &str) -> Vec<PathBuf> {
    let plain = dir.join(name);
    if cfg!(windows) {
        vec![plain.with_extension("exe"), plain]
    } else {
        vec![plain]
    }
}

#[cfg(unix)]
fn is_executable(file: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(file).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(file: &Path) -> bool {
    file.is_file()
}
