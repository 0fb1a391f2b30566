//! Entries that cannot be saved are never lost on the way out: `q` asks,
//! quitting or SIGTERM writes them to a recovery file, and the next start
//! offers to save them (or `duban progress recover` does).

mod tmux;

use std::path::{Path, PathBuf};
use std::process::Command;

use tmux::Tmux;

fn journal(home: &Path) -> PathBuf {
    home.join(duban::progress::BUNDLED_DATASET)
        .join(duban::progress::FILE_NAME)
}

const GOOD: &str = "Entry(task: \"K1.2\", at: \"2023-05-04T09:30:00+08:00\", date: \"2023-05-04\", \
                    percent: 100, status: done, note: \"\")\n";

/// A journal whose second line is broken: the dashboard opens it
/// read-only, so every entry made stays unsaved.
fn broken_journal(home: &Path) -> String {
    let path = journal(home);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let bad = GOOD.replace("K1.2", "K1.3").replace("100", "150");
    let broken = format!("{GOOD}{bad}");
    std::fs::write(&path, &broken).unwrap();
    broken
}

/// K1.1, `e`, 40 % and a note, Enter: the save fails.
fn record_unsaved(t: &Tmux, note: &str) {
    t.keys(&["l", "e"]);
    t.wait_for("填报进展 K1.1");
    t.keys(&["Tab", "Tab", "Tab"]);
    t.type_text("40");
    t.keys(&["Tab", "Tab"]);
    t.type_text(note);
    t.wait_for(note);
    t.keys(&["Enter"]);
    t.wait_for("保存失败 (1 条未保存, Ctrl-S 重试)");
}

/// `duban ARGS progress recover` with progress under `home`; what it said.
fn progress_recover(home: &Path, args: &[&str]) -> String {
    let out = Command::new(tmux::BIN)
        .env("DUBAN_DATA_HOME", home)
        .args(args)
        .args(["progress", "recover"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn recovery(home: &Path) -> PathBuf {
    duban::progress::recovery_paths(&journal(home))[0].clone()
}

#[test]
fn quit_asks_then_keeps_the_entry_and_the_next_start_saves_it() {
    let home = tempfile::tempdir().unwrap();
    let broken = broken_journal(home.path());
    let Some(t) = Tmux::start_in("recover-quit", home.path(), 200, 40, "") else {
        return;
    };
    t.wait_for("进展文件有误,只读");
    record_unsaved(&t, "待补存");

    t.keys(&["q"]);
    t.wait_for("还有 1 条记录没有保存");
    t.keys(&["n"]);
    t.wait_until(
        |s| !s.contains("还有 1 条记录没有保存"),
        "the question closed",
    );
    t.keys(&["q"]);
    t.wait_for("还有 1 条记录没有保存");
    t.keys(&["y"]);
    let screen = t.wait_for("EXITED:1");
    assert!(screen.contains("progress.ron.recover"), "{screen}");
    assert_eq!(
        std::fs::read_to_string(journal(home.path())).unwrap(),
        broken
    );
    let kept = std::fs::read_to_string(recovery(home.path())).unwrap();
    assert!(kept.contains("note: \"待补存\""), "{kept}");
    drop(t);

    std::fs::write(journal(home.path()), GOOD).unwrap();
    let Some(t) = Tmux::start_in("recover-replay", home.path(), 200, 40, "") else {
        return;
    };
    t.wait_for("上次有 1 条记录未能保存");
    t.keys(&["y"]);
    t.wait_for("已保存");
    let saved = std::fs::read_to_string(journal(home.path())).unwrap();
    assert!(
        saved.starts_with(GOOD) && saved.contains("note: \"待补存\""),
        "{saved}"
    );
    assert!(!recovery(home.path()).exists());
}

#[test]
fn sigterm_keeps_unsaved_entries_for_progress_recover() {
    let home = tempfile::tempdir().unwrap();
    broken_journal(home.path());
    let Some(t) = Tmux::start_in("recover-term", home.path(), 200, 40, "") else {
        return;
    };
    t.wait_for("进展文件有误,只读");
    record_unsaved(&t, "信号前");
    let pid = t.duban_pid().expect("the pid of duban");
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    t.wait_for("EXITED:143");
    let kept = std::fs::read_to_string(recovery(home.path())).unwrap();
    assert!(kept.contains("note: \"信号前\""), "{kept}");

    std::fs::write(journal(home.path()), GOOD).unwrap();
    let said = progress_recover(home.path(), &[]);
    assert!(said.contains("恢复 1 条记录"), "{said}");
    let saved = std::fs::read_to_string(journal(home.path())).unwrap();
    assert!(saved.contains("note: \"信号前\""), "{saved}");
    assert!(!recovery(home.path()).exists());
}

#[test]
fn without_room_beside_the_journal_the_recovery_goes_to_the_per_user_dir() {
    let home = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    duban::store::write_dataset(data.path(), &duban::store::load(None).unwrap()).unwrap();
    let path = data.path().join(duban::progress::FILE_NAME);
    let bad = GOOD.replace("K1.2", "K1.3").replace("100", "150");
    std::fs::write(&path, format!("{GOOD}{bad}")).unwrap();
    // Something already there that is not a file: the recovery goes elsewhere.
    let [beside, _] = duban::progress::recovery_paths(&path);
    std::fs::create_dir(&beside).unwrap();

    let args = format!("--data '{}'", data.path().display());
    let Some(t) = Tmux::start_in("recover-home", home.path(), 200, 40, &args) else {
        return;
    };
    t.wait_for("进展文件有误,只读");
    record_unsaved(&t, "另存");
    t.keys(&["q"]);
    t.wait_for("还有 1 条记录没有保存");
    t.keys(&["y"]);
    let screen = t.wait_for("EXITED:1");
    assert!(screen.contains("recover"), "{screen}");
    let kept: Vec<String> = std::fs::read_dir(home.path().join("recover"))
        .expect("the per-user recovery directory")
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].contains("note: \"另存\""), "{}", kept[0]);

    std::fs::write(&path, GOOD).unwrap();
    progress_recover(home.path(), &["--data", data.path().to_str().unwrap()]);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("note: \"另存\"")
    );
}
