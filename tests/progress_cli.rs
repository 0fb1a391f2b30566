//! `duban progress set|log` and `duban where`, through the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_duban");

/// The binary with its per-user data directory in `home` and "today" fixed
/// inside the bundled plan year.
fn duban(home: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    // These tests read the English messages; tests/cli_lang.rs the Chinese.
    cmd.env("DUBAN_DATA_HOME", home)
        .env("DUBAN_LANG", "en")
        .args(["--today", "2023-06-01"]);
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("run duban")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn bundled_progress(home: &Path) -> PathBuf {
    home.join("dongyang-2023").join("progress.ron")
}

#[test]
fn where_names_the_file_beside_a_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(Command::new(BIN).args(["where", "--data"]).arg(dir.path()));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim_end(),
        dir.path().join("progress.ron").display().to_string()
    );
}

#[test]
fn where_names_the_per_user_file_of_the_bundled_dataset() {
    let home = tempfile::tempdir().unwrap();
    let out = run(duban(home.path()).arg("where"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim_end(),
        bundled_progress(home.path()).display().to_string()
    );
}

#[test]
fn set_saves_an_entry_that_log_shows() {
    let home = tempfile::tempdir().unwrap();
    let out = run(duban(home.path()).args([
        "--lang",
        "zh",
        "progress",
        "set",
        "K1.1",
        "--percent",
        "40",
        "--note",
        "完成土地征收",
        "--date",
        "2023-05-20",
    ]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("已保存 K1.1 40 % 推进中 2023-05-20"),
        "{}",
        stdout(&out)
    );
    let text = std::fs::read_to_string(bundled_progress(home.path())).unwrap();
    assert!(text.contains("note: \"完成土地征收\""), "{text}");
    let log = run(duban(home.path()).args(["--lang", "zh", "progress", "log", "K1.1"]));
    assert!(log.status.success(), "{}", stderr(&log));
    assert_eq!(
        stdout(&log),
        "2023-05-20  K1.1   40 %  推进中  完成土地征收\n"
    );
}

#[test]
fn log_json_has_the_documented_fields() {
    let home = tempfile::tempdir().unwrap();
    for (percent, status) in [("20", "behind"), ("100", "done")] {
        let out = run(duban(home.path()).args([
            "progress",
            "set",
            "M1",
            "--percent",
            percent,
            "--status",
            status,
        ]));
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let out = run(duban(home.path()).args(["progress", "log", "--json"]));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let entries = json.as_array().expect("an array");
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1]["task"], "M1");
    assert_eq!(entries[1]["percent"], 100);
    assert_eq!(entries[1]["status"], "done");
    assert_eq!(entries[1]["date"], "2023-06-01");
    assert_eq!(entries[0]["status"], "behind");
    assert!(
        entries[0]["at"]
            .as_str()
            .is_some_and(|at| at.starts_with("20"))
    );
}

/// Runs `progress set ARGS` (split at spaces), checks it failed and saved
/// nothing, and returns its stderr.
fn refused(args: &str) -> String {
    let home = tempfile::tempdir().unwrap();
    let out = run(duban(home.path())
        .args(["progress", "set"])
        .args(args.split_whitespace()));
    assert!(!out.status.success(), "{args} was accepted");
    assert!(
        !bundled_progress(home.path()).exists(),
        "{args} wrote a file"
    );
    stderr(&out)
}

#[test]
fn set_rejects_an_unknown_task_id() {
    let err = refused("K9.99 --percent 10");
    assert!(err.contains("`K9.99`"), "{err}");
}

#[test]
fn set_rejects_done_below_100_and_a_future_date() {
    let err = refused("K1.1 --percent 90 --status 已完成 --date 2023-07-01");
    assert!(err.contains("needs 100 %"), "{err}");
    assert!(err.contains("in the future (today is 2023-06-01)"), "{err}");
}

#[test]
fn set_rejects_an_unknown_status() {
    let err = refused("K1.1 --percent 5 --status late");
    assert!(err.contains("unknown status `late`"), "{err}");
}

#[test]
fn set_rejects_an_unknown_target_name() {
    let err = refused("K2.16 --actual 新增企业=60");
    assert!(
        err.contains("K2.16 has no target named `新增企业`"),
        "{err}"
    );
    assert!(err.contains("新增规上企业、新增亿元企业"), "{err}");
}

#[test]
fn set_rejects_an_actual_on_a_task_without_targets() {
    let err = refused("K1.2 --actual 新增规上企业=60");
    assert!(err.contains("K1.2 has no targets"), "{err}");
}

#[test]
fn set_rejects_an_actual_that_is_not_name_equals_number() {
    let err = refused("K2.16 --actual 新增规上企业=六十");
    assert!(
        err.contains("`六十` is not a number; expected NAME=VALUE"),
        "{err}"
    );
}

#[test]
fn set_rejects_two_actuals_for_one_target() {
    let err = refused("K2.16 --actual 新增规上企业=1 --actual 新增规上企业=2");
    assert!(
        err.contains("two actual values for `新增规上企业`"),
        "{err}"
    );
}

#[test]
fn set_without_percent_or_actuals_is_refused() {
    let err = refused("K2.16");
    assert!(err.contains("--percent"), "{err}");
}

/// `progress set K2.16` with the three actuals of its targets (新增规上企业
/// 100家, 新增亿元企业 20家, 新增"专精特新"小巨人企业 5家) and `extra` args,
/// in Chinese.
fn set_k2_16(home: &Path, extra: &[&str]) -> Output {
    run(duban(home)
        .args([
            "--lang",
            "zh",
            "progress",
            "set",
            "K2.16",
            "--actual",
            "新增规上企业=60",
            "--actual",
            "新增亿元企业=6",
            "--actual",
            "新增\"专精特新\"小巨人企业=5",
        ])
        .args(extra))
}

#[test]
fn set_derives_percent_from_actuals() {
    let home = tempfile::tempdir().unwrap();
    let out = set_k2_16(home.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("已保存 K2.16 63 %（由实际值得出） 推进中"),
        "(60 + 30 + 100) / 3: {}",
        stdout(&out)
    );
    let journal = duban::progress::Journal::open(&bundled_progress(home.path())).unwrap();
    let latest = journal.latest("K2.16").expect("saved");
    let actuals: Vec<(&str, f64)> = latest
        .actuals
        .iter()
        .map(|a| (a.target.as_str(), a.value))
        .collect();
    assert_eq!(
        actuals,
        [
            ("新增规上企业", 60.0),
            ("新增亿元企业", 6.0),
            ("新增\"专精特新\"小巨人企业", 5.0)
        ]
    );
    let log = run(duban(home.path()).args(["progress", "log", "K2.16"]));
    assert!(
        stdout(&log).ends_with("[新增规上企业=60, 新增亿元企业=6, 新增\"专精特新\"小巨人企业=5]\n"),
        "{}",
        stdout(&log)
    );
}

#[test]
fn set_percent_overrides_the_actuals() {
    let home = tempfile::tempdir().unwrap();
    let out = set_k2_16(home.path(), &["--percent", "80"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("已保存 K2.16 80 % 推进中"),
        "{}",
        stdout(&out)
    );
    let journal = duban::progress::Journal::open(&bundled_progress(home.path())).unwrap();
    let latest = journal.latest("K2.16").expect("saved");
    assert_eq!((latest.percent, latest.actuals.len()), (80, 3));
}

#[test]
fn set_on_a_broken_file_says_where_and_leaves_it() {
    let home = tempfile::tempdir().unwrap();
    let path = bundled_progress(home.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "Entry(task: \"K1.1\", percent: 40\n").unwrap();
    let out = run(duban(home.path()).args(["progress", "set", "K1.1", "--percent", "50"]));
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(&format!("{}:1:", path.display())),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "Entry(task: \"K1.1\", percent: 40\n"
    );
}

#[test]
fn two_processes_setting_100_entries_each_keep_all_200() {
    let home = tempfile::tempdir().unwrap();
    let writers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|name| {
            let home = home.path().to_path_buf();
            std::thread::spawn(move || {
                for i in 0..100 {
                    let note = format!("{name}{i}");
                    let out = run(duban(&home).args([
                        "progress",
                        "set",
                        "K1.1",
                        "--percent",
                        "30",
                        "--note",
                        &note,
                    ]));
                    assert!(out.status.success(), "{note}: {}", stderr(&out));
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let journal = duban::progress::Journal::open(&bundled_progress(home.path())).unwrap();
    let mut notes: Vec<String> = journal
        .history("K1.1")
        .into_iter()
        .map(|e| e.note.clone())
        .collect();
    notes.sort();
    let mut expected: Vec<String> = ["a", "b"]
        .iter()
        .flat_map(|n| (0..100).map(move |i| format!("{n}{i}")))
        .collect();
    expected.sort();
    assert_eq!(notes, expected);
}

#[test]
fn progress_beside_a_data_dir_goes_into_that_dir() {
    let dir = tempfile::tempdir().unwrap();
    let data = duban::store::load(None).unwrap();
    duban::store::write_dataset(dir.path(), &data).unwrap();
    let out = run(Command::new(BIN)
        .args([
            "--today",
            "2023-06-01",
            "progress",
            "set",
            "K1.1",
            "--percent",
            "60",
            "--data",
        ])
        .arg(dir.path()));
    assert!(out.status.success(), "{}", stderr(&out));
    let current = duban::progress::current_for(Some(dir.path())).unwrap();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].percent, 60);
}
