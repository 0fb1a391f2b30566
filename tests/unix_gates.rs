//! .ci/check-unix-gates: unix-only code outside a cfg(unix) gate fails CI
//! even where the Windows target cannot be installed.
#![cfg(unix)] // the check is a bash script

mod external;

use std::path::Path;
use std::process::Command;

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/check-unix-gates");

/// Runs the check on `root`: (passed, what it printed); `None` without bash
/// or awk.
fn check(root: &Path) -> Option<(bool, String)> {
    let bash = external::program(&["bash"])?;
    external::program(&["awk"])?;
    let out = Command::new(bash)
        .arg(SCRIPT)
        .arg(root)
        .output()
        .expect("run the check");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Some((out.status.success(), text))
}

/// A tree with one file, `src/lib.rs`, holding `code`.
fn tree(code: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir(dir.path().join("src")).expect("mkdir");
    std::fs::write(dir.path().join("src/lib.rs"), code).expect("write");
    dir
}

#[test]
fn the_repository_passes() {
    let Some((passed, text)) = check(Path::new(env!("CARGO_MANIFEST_DIR"))) else {
        return;
    };
    assert!(passed, "{text}");
}

#[test]
fn an_ungated_libc_call_fails_and_is_named() {
    let dir = tree("//! A library.\n\npub fn pid() -> i32 {\n    unsafe { libc::getpid() }\n}\n");
    let Some((passed, text)) = check(dir.path()) else {
        return;
    };
    assert!(!passed, "{text}");
    assert!(
        text.contains("src/lib.rs:4: unix-only code outside cfg(unix):"),
        "{text}"
    );
}

#[test]
fn an_ungated_signal_hook_import_after_a_gated_item_fails() {
    let code = "#[cfg(unix)]\nfn a() {\n    let _ = libc::getpid();\n}\n\n\
                use signal_hook::consts::SIGINT;\n";
    let dir = tree(code);
    let Some((passed, text)) = check(dir.path()) else {
        return;
    };
    assert!(!passed, "{text}");
    assert!(text.contains("src/lib.rs:6:"), "{text}");
    assert!(!text.contains("src/lib.rs:3:"), "{text}");
}

#[test]
fn gated_items_blocks_files_and_comments_pass() {
    let code = "#[cfg(unix)]\nuse std::os::unix::fs::MetadataExt;\n\n\
                #[cfg(unix)]\n#[inline]\nfn ino(m: &std::fs::Metadata) -> u64 {\n    m.ino()\n}\n\n\
                fn sync() {\n    #[cfg(unix)]\n    let _ = unsafe { libc::sync() };\n}\n\n\
                // libc::poll would be wrong here\nfn plain() {}\n";
    let dir = tree(code);
    std::fs::create_dir(dir.path().join("tests")).expect("mkdir");
    std::fs::write(
        dir.path().join("tests/signals.rs"),
        "//! Signals.\n#![cfg(unix)]\n\nuse signal_hook::consts::SIGTERM;\n",
    )
    .expect("write");
    let Some((passed, text)) = check(dir.path()) else {
        return;
    };
    assert!(passed, "{text}");
}
