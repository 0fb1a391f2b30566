//! The reporting year in the built dashboard (tmux): a past plan opens on
//! its last day and saves there; `--unit` opens on a unit's duties with
//! the reports it owes on top.

mod tmux;

use std::path::{Path, PathBuf};

use tmux::Tmux;

fn journal(home: &Path) -> PathBuf {
    home.join(duban::progress::BUNDLED_DATASET)
        .join(duban::progress::FILE_NAME)
}

#[test]
fn a_past_plan_opens_on_its_last_day_and_e_saves_there() {
    let home = tempfile::tempdir().expect("a temp dir");
    let Some(t) = Tmux::launch_on("past", home.path(), 120, 40, "2026-11-30", "") else {
        return;
    };
    let screen = t.wait_for("计划年度已结束，按 2023-12-31 显示");
    assert!(!screen.contains("2026-11-30"), "{screen}");
    // K1.1: past its three targets' actual values to the percent.
    t.keys(&["l", "e"]);
    let screen = t.wait_for("填报进展 K1.1");
    assert!(screen.contains("2023-12-31"), "{screen}");
    t.keys(&["Tab", "Tab", "Tab"]);
    t.type_text("60");
    t.keys(&["Enter"]);
    let screen = t.wait_for("K1.1 已保存");
    assert!(screen.contains("2023-12-31 推进中 60%"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("EXITED:0");
    let text = std::fs::read_to_string(journal(home.path())).expect("the journal");
    assert!(
        text.lines()
            .any(|l| l.contains("\"K1.1\"") && l.contains("date: \"2023-12-31\"")),
        "{text}"
    );
}

#[test]
fn unit_opens_on_its_duties_with_owed_reports_on_top() {
    let home = tempfile::tempdir().expect("a temp dir");
    let Some(t) = Tmux::launch_on(
        "unit",
        home.path(),
        120,
        40,
        "2023-07-10",
        "--unit 市发改局",
    ) else {
        return;
    };
    let screen = t.wait_for("职责 市发改局");
    // Nothing is reported yet: every task it leads is overdue and listed
    // before the tasks it only cooperates on.
    assert!(screen.contains("逾期未报"), "{screen}");
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("牵头 ") || l.contains("配合 "))
        .collect();
    assert!(rows.len() > 3, "{screen}");
    let first_co = rows
        .iter()
        .position(|l| l.contains("│配合 "))
        .unwrap_or(rows.len());
    assert!(
        rows[..first_co].iter().all(|l| l.contains("逾期")),
        "{screen}"
    );
}

#[test]
fn the_configured_unit_is_where_the_dashboard_opens() {
    let home = tempfile::tempdir().expect("a temp dir");
    let set = std::process::Command::new(tmux::BIN)
        .args(["config", "set", "unit", "市经信局"])
        .env("DUBAN_CONFIG_HOME", home.path().join("config"))
        .output()
        .expect("duban config set");
    assert!(set.status.success(), "{set:?}");
    let Some(t) = Tmux::launch_on("configured", home.path(), 120, 40, "2023-07-10", "") else {
        return;
    };
    t.wait_for("职责 市经信局");
}
