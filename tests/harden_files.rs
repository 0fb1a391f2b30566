//! Files duban writes are never written through a link planted beside
//! them; files it reads must be regular and under the size cap; a backup
//! that cannot be written does not stop a save.
#![cfg(unix)]

mod progress_support;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use duban::progress::Journal;
use progress_support::{entry, read};

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.ron");
    (dir, path)
}

/// A file outside the data directory that a link points at.
fn victim(dir: &Path) -> PathBuf {
    let path = dir.join("victim");
    fs::write(&path, "victim").unwrap();
    path
}

fn saved_once(path: &Path) {
    Journal::open(path)
        .unwrap()
        .commit(entry("K1.1", 1, 10, "first"))
        .unwrap();
}

#[test]
fn the_first_save_does_not_write_through_a_planted_tmp_link() {
    let outside = tempfile::tempdir().unwrap();
    let target = victim(outside.path());
    let (dir, path) = temp();
    symlink(&target, dir.path().join("progress.ron.tmp")).unwrap();
    saved_once(&path);
    assert_eq!(fs::read_to_string(&target).unwrap(), "victim");
    assert!(read(&path).starts_with(b"//"));
}

#[test]
fn the_backup_does_not_write_through_a_planted_tmp_link() {
    let outside = tempfile::tempdir().unwrap();
    let target = victim(outside.path());
    let (dir, path) = temp();
    saved_once(&path);
    symlink(&target, dir.path().join("progress.ron.bak.tmp")).unwrap();
    Journal::open(&path)
        .unwrap()
        .commit(entry("K1.1", 2, 20, "second"))
        .unwrap();
    assert_eq!(fs::read_to_string(&target).unwrap(), "victim");
}

#[test]
fn a_journal_that_is_a_link_is_refused_by_name() {
    let outside = tempfile::tempdir().unwrap();
    let target = victim(outside.path());
    let (_dir, path) = temp();
    symlink(&target, &path).unwrap();
    let err = Journal::open(&path).unwrap_err().to_string();
    assert!(
        err.contains("progress.ron") && err.contains("symbolic link"),
        "{err}"
    );
    let mut journal = Journal::read_only(&path);
    assert!(journal.commit(entry("K1.1", 1, 10, "x")).is_err());
    assert_eq!(fs::read_to_string(&target).unwrap(), "victim");
}

#[test]
fn a_lock_that_is_a_link_is_refused_and_its_target_not_created() {
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("nologin");
    let (dir, path) = temp();
    symlink(&target, dir.path().join("progress.ron.lock")).unwrap();
    let err = Journal::open(&path)
        .unwrap()
        .commit(entry("K1.1", 1, 10, "x"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("symbolic link"), "{err}");
    assert!(!target.exists(), "the lock's link target was created");
}

#[test]
fn a_backup_that_is_a_link_is_left_alone_with_a_warning() {
    let outside = tempfile::tempdir().unwrap();
    let target = victim(outside.path());
    let (dir, path) = temp();
    saved_once(&path);
    let bak = dir.path().join("progress.ron.bak");
    symlink(&target, &bak).unwrap();
    let report = Journal::open(&path)
        .unwrap()
        .commit(entry("K1.1", 2, 20, "second"))
        .unwrap();
    assert_eq!(fs::read_to_string(&target).unwrap(), "victim");
    assert!(fs::symlink_metadata(&bak).unwrap().file_type().is_symlink());
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.to_string().contains("symbolic link")),
        "{:?}",
        report.warnings
    );
}

#[test]
fn a_backup_that_cannot_be_written_does_not_block_the_save() {
    let (dir, path) = temp();
    saved_once(&path);
    // A directory where the backup goes: the backup fails, as on a full
    // disk, whoever runs the test (root ignores permissions).
    fs::create_dir(dir.path().join("progress.ron.bak")).unwrap();
    let report = Journal::open(&path)
        .unwrap()
        .commit(entry("K1.1", 2, 20, "second"))
        .unwrap();
    assert_eq!(report.written, 1);
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    let notes: Vec<String> = Journal::open(&path)
        .unwrap()
        .history("K1.1")
        .iter()
        .map(|e| e.note.clone())
        .collect();
    assert_eq!(notes, ["first", "second"]);
}

#[test]
fn import_does_not_write_through_a_planted_tmp_link() {
    let outside = tempfile::tempdir().unwrap();
    let target = victim(outside.path());
    let dir = tempfile::tempdir().unwrap();
    for name in [".plan.ron.tmp", ".tasks.ron.tmp", "plan.ron.tmp"] {
        symlink(&target, dir.path().join(name)).unwrap();
    }
    let data = duban::store::load(None).unwrap();
    duban::store::write_dataset(dir.path(), &data).unwrap();
    assert_eq!(fs::read_to_string(&target).unwrap(), "victim");
    assert_eq!(duban::store::load_dir(dir.path()).unwrap(), data);
}

/// A copy of the bundled dataset in a temporary directory.
fn dataset() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = duban::store::load(None).unwrap();
    duban::store::write_dataset(dir.path(), &data).unwrap();
    dir
}

/// Loads `dir` on a thread: a loader that hangs fails the test after 20 s
/// instead of hanging it.
fn load_error(dir: &Path) -> String {
    let (send, receive) = mpsc::channel();
    let dir = dir.to_path_buf();
    std::thread::spawn(move || {
        let _ = send.send(duban::store::load_dir(&dir).map(drop));
    });
    match receive.recv_timeout(Duration::from_secs(20)) {
        Ok(result) => result.expect_err("the dataset loaded").to_string(),
        Err(_) => panic!("loading the dataset hung"),
    }
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success());
}

#[test]
fn a_fifo_for_a_dataset_file_is_an_error_not_a_hang() {
    let dir = dataset();
    let tasks = dir.path().join("tasks.ron");
    fs::remove_file(&tasks).unwrap();
    mkfifo(&tasks);
    let err = load_error(dir.path());
    assert!(err.contains("tasks.ron") && err.contains("FIFO"), "{err}");
}

#[test]
fn a_device_for_a_dataset_file_is_an_error_not_endless_reading() {
    let dir = dataset();
    let tasks = dir.path().join("tasks.ron");
    fs::remove_file(&tasks).unwrap();
    symlink("/dev/zero", &tasks).unwrap();
    let err = load_error(dir.path());
    assert!(
        err.contains("tasks.ron") && err.contains("a device"),
        "{err}"
    );
}

#[test]
fn a_directory_for_a_dataset_file_is_named() {
    let dir = dataset();
    let tasks = dir.path().join("units.ron");
    fs::remove_file(&tasks).unwrap();
    fs::create_dir(&tasks).unwrap();
    let err = load_error(dir.path());
    assert!(
        err.contains("units.ron") && err.contains("a directory"),
        "{err}"
    );
}

/// A dataset with its file `name` grown (or made) to `len` bytes; sparse:
/// no disk is used for the hole.
fn grown(name: &str, len: u64) -> tempfile::TempDir {
    let dir = dataset();
    let file = fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(dir.path().join(name))
        .unwrap();
    file.set_len(len).unwrap();
    dir
}

#[test]
fn a_dataset_file_over_the_cap_is_refused_unread() {
    let dir = grown("projects.ron", duban::files::MAX_DATA_BYTES + 1);
    let err = load_error(dir.path());
    assert!(
        err.contains("projects.ron") && err.contains("2 GiB"),
        "{err}"
    );
}

#[test]
fn a_dataset_file_past_the_small_files_cap_is_read() {
    // 64 MiB and more (a dataset of a million tasks takes 300 MB): read,
    // and here refused for what it holds (a sparse file's zero bytes).
    let dir = grown("projects.ron", duban::files::MAX_FILE_BYTES + 1);
    let err = load_error(dir.path());
    assert!(
        err.contains("projects.ron") && !err.contains("larger than"),
        "{err}"
    );
}

#[test]
fn a_curation_file_over_the_small_files_cap_is_refused_unread() {
    let dir = grown(duban::store::LEADS_FILE, duban::files::MAX_FILE_BYTES + 1);
    let err = load_error(dir.path());
    assert!(err.contains("leads.ron") && err.contains("64 MiB"), "{err}");
}

#[test]
fn a_fifo_for_the_journal_is_an_error_not_a_hang() {
    let (_dir, path) = temp();
    mkfifo(&path);
    let (send, receive) = mpsc::channel();
    let opened = path.clone();
    std::thread::spawn(move || {
        let _ = send.send(Journal::open(&opened).map(drop).map_err(|e| e.to_string()));
    });
    let err = receive
        .recv_timeout(Duration::from_secs(20))
        .expect("opening the journal hung")
        .expect_err("a FIFO opened as a journal");
    assert!(
        err.contains("progress.ron") && err.contains("FIFO"),
        "{err}"
    );
}

#[test]
fn report_out_does_not_write_through_a_planted_part_link() {
    let outside = tempfile::tempdir().unwrap();
    let target = victim(outside.path());
    let dir = tempfile::tempdir().unwrap();
    symlink(&target, dir.path().join(".circular.md.part")).unwrap();
    let out = dir.path().join("circular.md");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(["--today", "2023-06-30", "report", "--format", "md", "--out"])
        .arg(&out)
        .env("DUBAN_DATA_HOME", dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(fs::read_to_string(&target).unwrap(), "victim");
    assert!(fs::read_to_string(&out).unwrap().contains("K1.1"));
}
