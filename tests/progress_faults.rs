//! Fault injection: a process killed mid-save, a full disk, a file-size
//! limit, a read-only mount. Each test runs its own test binary again as a
//! child (`DUBAN_FAULT_CHILD` names the part to play), inside a mount
//! namespace (`unshare -rm`) where it needs one; when user namespaces are
//! refused, the limit comes from `ulimit -f` instead.
#![cfg(unix)] // sh, ulimit and mount namespaces: unix only

mod progress_support;

use std::io::{BufRead, BufReader, ErrorKind};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use duban::progress::{Journal, SaveError};
use progress_support::{entry, notes, read};

const ROLE: &str = "DUBAN_FAULT_CHILD";
const PATH: &str = "DUBAN_FAULT_PATH";

/// The journal path when this process is the child playing `role`.
fn child(role: &str) -> Option<PathBuf> {
    let playing = std::env::var(ROLE).ok()?;
    (playing == role).then(|| PathBuf::from(std::env::var_os(PATH).expect("DUBAN_FAULT_PATH")))
}

/// This test binary, running only `test` as the child `role`.
fn rerun(test: &str, role: &str, path: &Path) -> Command {
    let exe = std::env::current_exe().expect("test binary");
    let mut cmd = Command::new(exe);
    cmd.args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(ROLE, role)
        .env(PATH, path);
    cmd
}

/// The same, wrapped: `sh -c SCRIPT` runs before exec'ing the test binary.
fn rerun_in(prefix: &[&str], script: &str, test: &str, role: &str, path: &Path) -> Command {
    let inner = rerun(test, role, path);
    let mut cmd = Command::new(prefix[0]);
    cmd.args(&prefix[1..])
        .args(["sh", "-c", &format!("{script} && exec \"$0\" \"$@\"")])
        .arg(inner.get_program())
        .args(inner.get_args())
        .env(ROLE, role)
        .env(PATH, path);
    cmd
}

fn namespaces_work() -> bool {
    Command::new("unshare")
        .args(["-rm", "true"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs a child and returns its stdout; fails the test if the child failed.
fn run_child(mut cmd: Command) -> String {
    let out = cmd.output().expect("start the child");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "child failed: {}\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn note(i: usize) -> String {
    format!("第{i}次 {}", "进展".repeat(i % 7))
}

#[test]
fn a_process_killed_mid_save_loses_no_committed_entry() {
    const TEST: &str = "a_process_killed_mid_save_loses_no_committed_entry";
    if let Some(path) = child("writer") {
        let mut journal = Journal::open(&path).expect("the file parses at every start");
        let run = std::process::id();
        for i in 0..1_000_000 {
            let text = format!("{run}-{}", note(i));
            journal.commit(entry("K1.1", 0, 50, &text)).expect("commit");
            println!("committed {text}");
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.ron");
    let mut committed = Vec::new();
    let mut seed: u64 = 0x2023;
    for _ in 0..30 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut proc = rerun(TEST, "writer", &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill once the writer has reported a random number of commits:
        // wherever it is then (writing, flushing, backing up) is the fault.
        // Counting commits rather than sleeping keeps the test meaningful
        // however loaded the machine is.
        let wanted = 1 + (seed >> 33) as usize % 12;
        let mut lines = BufReader::new(proc.stdout.take().unwrap()).lines();
        let mut this_run = Vec::new();
        while this_run.len() < wanted {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(text) = line.strip_prefix("committed ") {
                        this_run.push(text.to_string());
                    }
                }
                _ => break,
            }
        }
        proc.kill().unwrap();
        proc.wait().unwrap();
        // Commits reported between our last read and the kill count too.
        this_run.extend(
            lines
                .map_while(Result::ok)
                .filter_map(|l| l.strip_prefix("committed ").map(str::to_string)),
        );
        assert!(this_run.len() >= wanted, "the writer stopped early");
        committed.extend(this_run);
        let journal = Journal::open(&path).expect("the file parses after every kill");
        let on_disk: std::collections::HashSet<String> =
            notes(&journal, "K1.1").into_iter().collect();
        let lost: Vec<&String> = committed.iter().filter(|n| !on_disk.contains(*n)).collect();
        assert!(lost.is_empty(), "committed but lost: {lost:?}");
    }
    assert!(
        committed.len() >= 30,
        "the writers committed {}",
        committed.len()
    );
}

/// Commits growing entries until a save fails; checks the failure left the
/// file as it was and kept the entry. Returns how many were saved.
fn fill_until_refused(path: &Path, expect: &[ErrorKind]) -> (Journal, usize) {
    let mut journal = Journal::open(path).unwrap();
    for i in 0..10_000 {
        let before = std::fs::read(path).unwrap_or_default();
        let big = format!("{}{}", i, "满".repeat(300));
        match journal.commit(entry("K1.1", i as u32, 10, &big)) {
            Ok(_) => continue,
            Err(SaveError::Io { source, .. }) => {
                assert!(expect.contains(&source.kind()), "unexpected {source:?}");
                assert_eq!(
                    std::fs::read(path).unwrap_or_default(),
                    before,
                    "file changed"
                );
                assert_eq!(journal.pending(), 1);
                assert_eq!(journal.latest("K1.1").map(|e| e.note.clone()), Some(big));
                let reopened = Journal::open(path).expect("still parses");
                assert_eq!(reopened.history("K1.1").len(), i);
                return (journal, i);
            }
            Err(other) => panic!("unexpected {other}"),
        }
    }
    panic!("the limit was never reached");
}

/// In a child under `ulimit -f`: writes until the limit refuses, then
/// checks that a retry fails and leaves the file as it was.
fn check_size_limit(path: &Path) {
    let (mut journal, saved) = fill_until_refused(path, &[ErrorKind::FileTooLarge]);
    let before = read(path);
    assert!(journal.retry().is_err());
    assert_eq!(read(path), before);
    println!("checked size limit after {saved}");
}

#[test]
fn a_full_disk_keeps_the_file_and_the_entry() {
    const TEST: &str = "a_full_disk_keeps_the_file_and_the_entry";
    if let Some(path) = child("full-disk") {
        let filler = path.with_file_name("filler");
        std::fs::write(&filler, vec![0u8; 16 * 1024]).unwrap();
        let (mut journal, saved) = fill_until_refused(&path, &[ErrorKind::StorageFull]);
        std::fs::remove_file(&filler).unwrap();
        journal.retry().expect("saves once there is room");
        assert_eq!(
            Journal::open(&path).unwrap().history("K1.1").len(),
            saved + 1
        );
        println!("checked full disk after {saved}");
        return;
    }
    if let Some(path) = child("size-limit") {
        return check_size_limit(&path);
    }
    let dir = tempfile::tempdir().unwrap();
    let mount = dir.path().join("tiny");
    std::fs::create_dir(&mount).unwrap();
    let path = mount.join("progress.ron");
    let out = if namespaces_work() {
        let script = format!("mount -t tmpfs -o size=64k tmpfs '{}'", mount.display());
        run_child(rerun_in(
            &["unshare", "-rm"],
            &script,
            TEST,
            "full-disk",
            &path,
        ))
    } else {
        let script = "trap '' XFSZ; ulimit -f 64";
        run_child(rerun_in(&["env"], script, TEST, "size-limit", &path))
    };
    assert!(out.contains("checked "), "{out}");
}

#[test]
fn a_file_size_limit_keeps_the_file_and_the_entry() {
    const TEST: &str = "a_file_size_limit_keeps_the_file_and_the_entry";
    if let Some(path) = child("size-limit") {
        return check_size_limit(&path);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.ron");
    let script = "trap '' XFSZ; ulimit -f 64";
    let out = run_child(rerun_in(&["env"], script, TEST, "size-limit", &path));
    assert!(out.contains("checked size limit"), "{out}");
}

#[test]
fn a_read_only_mount_is_reported_and_left_intact() {
    const TEST: &str = "a_read_only_mount_is_reported_and_left_intact";
    if let Some(path) = child("read-only") {
        let before = read(&path);
        let mut journal = Journal::open(&path).unwrap();
        let error = journal.commit(entry("K1.1", 9, 90, "只读")).unwrap_err();
        assert!(
            matches!(&error, SaveError::Io { source, .. } if source.kind() == ErrorKind::ReadOnlyFilesystem),
            "{error}"
        );
        assert_eq!(read(&path), before);
        assert_eq!(notes(&journal, "K1.1"), ["before", "只读"]);
        assert_eq!(journal.pending(), 1);
        println!("checked read-only");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.ron");
    Journal::open(&path)
        .unwrap()
        .commit(entry("K1.1", 1, 10, "before"))
        .unwrap();
    if namespaces_work() {
        let d = dir.path().display();
        let script = format!("mount --bind '{d}' '{d}' && mount -o remount,bind,ro '{d}'");
        let out = run_child(rerun_in(
            &["unshare", "-rm"],
            &script,
            TEST,
            "read-only",
            &path,
        ));
        assert!(out.contains("checked read-only"), "{out}");
    } else {
        // No namespaces: a directory that is a file stops root too.
        let blocked = dir.path().join("progress.ron").join("progress.ron");
        let mut journal = Journal::read_only(&blocked);
        assert!(journal.commit(entry("K1.1", 2, 20, "x")).is_err());
        assert_eq!(journal.pending(), 1);
    }
    assert_eq!(notes(&Journal::open(&path).unwrap(), "K1.1"), ["before"]);
}
