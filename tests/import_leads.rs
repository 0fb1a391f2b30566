//! Settled lead readings: `DIR/leads.ron` names the lead units of a task
//! whose list marks none. Import applies it and no longer lists the task;
//! every load applies it too; a task or unit it cannot place is an error at
//! its place in the file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use duban::import::{ImportError, import_file};
use duban::messages::{Lang, Localize};
use duban::store::{LEADS_FILE, load_dir};

/// K1.1 lists `市残联、市红十字会` with no lead marked.
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/no_comma.md")
}

fn write_leads(dir: &Path, text: &str) {
    std::fs::write(dir.join(LEADS_FILE), text).expect("write leads.ron");
}

fn import_error(dir: &Path) -> ImportError {
    match import_file(&fixture(), dir) {
        Ok(s) => panic!("imports despite a bad leads.ron: {s}"),
        Err(e) => e,
    }
}

/// The English error of importing with `leads` as leads.ron; nothing may
/// have been written.
fn error_with(leads: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    write_leads(dir.path(), leads);
    let e = import_error(dir.path()).localize(Lang::En);
    assert!(!dir.path().join("tasks.ron").exists(), "nothing written");
    e
}

#[test]
fn a_settled_task_leads_as_written_and_is_no_longer_listed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = import_file(&fixture(), dir.path()).expect("imports");
    let listed: Vec<&str> = plain.assumed.iter().map(|a| a.task.as_str()).collect();
    assert_eq!(listed, ["K1.1"], "the plain list rests on the rule");

    write_leads(
        dir.path(),
        "[\n    (task: \"K1.1\", lead: [\"市红十字会\"]),\n]\n",
    );
    let settled = import_file(&fixture(), dir.path()).expect("imports");
    assert!(settled.assumed.is_empty(), "{:?}", settled.assumed);
    let data = load_dir(dir.path()).expect("loads");
    let task = data.task("K1.1").expect("K1.1");
    assert_eq!(task.lead, ["市红十字会"]);
    assert_eq!(task.co, ["市残联"]);
    let tasks = std::fs::read_to_string(dir.path().join("tasks.ron")).expect("tasks.ron");
    assert!(
        tasks.contains("lead: [\"市红十字会\"]"),
        "import writes the settled reading:\n{tasks}"
    );
}

#[test]
fn a_load_applies_an_edit_made_after_the_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    import_file(&fixture(), dir.path()).expect("imports");
    let before = load_dir(dir.path()).expect("loads");
    assert_eq!(before.task("K1.1").expect("K1.1").lead.len(), 2);

    write_leads(dir.path(), "[(task: \"K1.1\", lead: [\"市残联\"])]");
    let after = load_dir(dir.path()).expect("loads");
    let task = after.task("K1.1").expect("K1.1");
    assert_eq!(
        (&task.lead[..], &task.co[..]),
        (&["市残联".into()][..], &["市红十字会".into()][..])
    );
}

#[test]
fn an_unknown_task_is_an_error_at_its_place_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_leads(
        dir.path(),
        "[\n    (task: \"K1.1\", lead: [\"市残联\"]),\n    (task: \"K9.9\", lead: [\"市残联\"]),\n]\n",
    );
    let e = import_error(dir.path()).localize(Lang::En);
    assert!(
        e.contains("leads.ron:3:12: task `K9.9` is not in the dataset"),
        "{e}"
    );
    assert!(!dir.path().join("tasks.ron").exists(), "nothing written");
    let zh = import_error(dir.path()).localize(Lang::Zh);
    assert!(zh.contains("leads.ron:3:12: 数据中没有工作“K9.9”"), "{zh}");
}

#[test]
fn a_unit_not_in_the_tasks_list_is_an_error_at_the_unit() {
    let e = error_with("[\n    (task: \"K1.1\", lead: [\"市残联\", \"市金融办\"]),\n]\n");
    let want = "leads.ron:2:34: `市金融办` is not one of task `K1.1`'s units; \
                expected one of: 市残联、市红十字会";
    assert!(e.contains(want), "{e}");
}

#[test]
fn a_task_listed_twice_or_with_no_lead_is_an_error() {
    let e = error_with(
        "[\n    (task: \"K1.1\", lead: [\"市残联\"]),\n    (task: \"K1.1\", lead: [\"市残联\"]),\n    (task: \"K1.2\", lead: []),\n]\n",
    );
    assert!(
        e.contains("leads.ron:3:12: task `K1.1` is listed twice"),
        "{e}"
    );
    assert!(
        e.contains("leads.ron:4:12: task `K1.2` lists no lead unit"),
        "{e}"
    );
}

#[test]
fn a_file_that_does_not_parse_is_an_error_at_its_place() {
    let e = error_with("[\n    (task: \"K1.1\", leads: [\"市残联\"]),\n]\n");
    assert!(e.contains("leads.ron:2:"), "{e}");
}

fn duban(args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("temp dir");
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(args)
        .env("DUBAN_LANG", "en")
        .env("DUBAN_DATA_HOME", home.path())
        .output()
        .expect("run duban")
}

#[test]
fn check_reports_a_curation_that_no_longer_fits() {
    let dir = tempfile::tempdir().expect("temp dir");
    import_file(&fixture(), dir.path()).expect("imports");
    write_leads(dir.path(), "[(task: \"K1.2\", lead: [\"市残联\"])]");
    let path = dir.path().display().to_string();
    let out = duban(&["check", "--data", &path]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("leads.ron:1:24: `市残联` is not one of task `K1.2`'s units"),
        "{stderr}"
    );
}

/// The load cache holds the dataset as its four files give it: a
/// leads.ron written after the cache was made still counts on a hit.
#[test]
fn an_edit_counts_when_the_dataset_comes_from_the_cache() {
    use duban::store::{Cache, CacheUse, load_dir_cached};
    let dir = tempfile::tempdir().expect("temp dir");
    let home = tempfile::tempdir().expect("cache dir");
    let cache = Cache::at(home.path());
    import_file(&fixture(), dir.path()).expect("imports");
    let (before, used) = load_dir_cached(dir.path(), &cache).expect("loads");
    assert!(matches!(used, CacheUse::Written), "{used:?}");
    assert_ne!(before.task("K1.1").expect("K1.1").lead, ["市红十字会"]);

    write_leads(
        dir.path(),
        "[\n    (task: \"K1.1\", lead: [\"市红十字会\"]),\n]\n",
    );
    let (after, used) = load_dir_cached(dir.path(), &cache).expect("loads");
    assert!(matches!(used, CacheUse::Hit), "{used:?}");
    let task = after.task("K1.1").expect("K1.1");
    assert_eq!(task.lead, ["市红十字会"]);
    assert_eq!(task.co, ["市残联"]);
}
