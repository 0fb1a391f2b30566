//! The dashboard on a shared store, in a real terminal (tmux) against a
//! real PostgreSQL: two client directories stand for two machines.
//! Client B's `progress set --store` shows on client A's dashboard within
//! two seconds of B's exit; with the server stopped, A's header says it
//! is offline and counts the entry A saves meanwhile; with the server back,
//! the count goes to zero and the entry is in the store once.
#![cfg(unix)] // tmux and the private cluster: unix only

mod pg;
mod tmux;

// `pg` finds its programs through `crate::external`, which tmux brings.
pub use tmux::external;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use tmux::{BIN, Tmux};

/// How long another client's entry may take to show.
const LIVE: Duration = Duration::from_secs(2);

/// `duban store init URL`: the tables and the plan's duties.
fn init(url: &str) {
    let out = Command::new(BIN)
        .args(["store", "init", url])
        .output()
        .expect("run duban store init");
    assert!(
        out.status.success(),
        "store init: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Client B (its data under `home`) records 40 % on K1.1 with a note.
fn record_elsewhere(home: &Path, url: &str, note: &str) {
    let out = Command::new(BIN)
        .env("DUBAN_DATA_HOME", home)
        .env("DUBAN_CONFIG_HOME", home.join("config"))
        .args(["--today", "2023-06-30", "--store", url])
        .args(["progress", "set", "K1.1", "--percent", "40", "--note", note])
        .output()
        .expect("run duban progress set");
    assert!(
        out.status.success(),
        "progress set: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The dashboard of client A on the store, K1.1's detail in view.
fn dashboard(name: &str, home: &Path, url: &str) -> Option<Tmux> {
    let t = Tmux::start_in(name, home, 120, 40, &format!("--store '{url}'"))?;
    t.wait_for("共享库在线");
    t.keys(&["l"]);
    t.wait_for("状态: 未开始");
    Some(t)
}

/// How many records the store holds for `task`.
fn stored(db: &pg::Db, task: &str) -> i64 {
    let mut c = db.connect();
    let row = c
        .query_one(
            "SELECT count(*) FROM duban_records WHERE task = $1",
            &[&task],
        )
        .expect("count the store's records");
    row.get(0)
}

#[test]
fn another_clients_entry_shows_within_two_seconds() {
    let Some(db) = pg::database() else {
        return;
    };
    init(&db.url());
    let (a, b) = (tempdir(), tempdir());
    let Some(t) = dashboard("live", a.path(), &db.url()) else {
        return;
    };
    let quiet = t.capture();

    record_elsewhere(b.path(), &db.url(), "乙地填报");
    let exited = Instant::now();
    let screen = t.wait_within(
        LIVE,
        |s| s.contains("状态: 推进中  40%") && s.contains("乙地填报"),
        "B's entry on A's screen",
    );
    assert!(exited.elapsed() <= LIVE, "{:?}", exited.elapsed());
    assert_ne!(quiet, screen);

    // A keeps what it pulled in its own journal.
    let journal = std::fs::read_to_string(journal(a.path())).expect("A's journal");
    assert!(journal.contains("乙地填报"), "{journal}");
    assert_eq!(stored(&db, "K1.1"), 1);
}

#[test]
fn offline_saves_wait_and_go_once_the_server_is_back() {
    let Some(cluster) = pg::private() else {
        return;
    };
    let db = cluster.database();
    init(&db.url());
    let a = tempdir();
    let Some(t) = dashboard("offline", a.path(), &db.url()) else {
        return;
    };

    cluster.stop();
    t.wait_for("离线，0 条待同步");
    t.keys(&["e"]);
    t.wait_for("填报进展 K1.1");
    t.keys(&["Tab", "Tab", "Tab"]);
    t.type_text("40");
    t.keys(&["Enter"]);
    let screen = t.wait_for("离线，1 条待同步");
    assert!(screen.contains("K1.1 已保存"), "{screen}");

    cluster.restart();
    // The thread tries again after at most ten seconds.
    t.wait_within(
        Duration::from_secs(15),
        |s| s.contains("共享库在线"),
        "the header back online",
    );
    assert_eq!(stored(&db, "K1.1"), 1);

    // A sync by hand finds nothing more to push.
    let out = Command::new(BIN)
        .env("DUBAN_DATA_HOME", a.path())
        .env("DUBAN_CONFIG_HOME", a.path().join("config"))
        .args(["--store", &db.url(), "store", "sync"])
        .output()
        .expect("run duban store sync");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stored(&db, "K1.1"), 1);
    t.keys(&["q"]);
    t.wait_for("EXITED:0");
}

#[test]
fn an_entry_the_server_refuses_is_counted_in_the_header_and_kept() {
    let Some(db) = pg::database() else {
        return;
    };
    init(&db.url());
    // A unit with no duty on K1.1, and a role writing for it.
    let data = duban::store::load(None).expect("the bundled dataset");
    let k11 = data.all_tasks().find(|t| t.id == "K1.1").expect("K1.1");
    let on_duty = |u: &duban::model::Name| {
        k11.lead.contains(u) || k11.co.contains(u) || k11.co_members_of.contains(u)
    };
    let unit = (data.units.iter().map(|u| &u.name))
        .find(|u| !on_duty(u) && !u.contains('、'))
        .expect("a unit without a duty on K1.1");
    let role = db.role("other");
    let out = Command::new(BIN)
        .args([
            "--store",
            &db.url(),
            "store",
            "grant",
            "--role",
            &role,
            "--unit",
            unit,
        ])
        .output()
        .expect("run duban store grant");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let a = tempdir();
    let Some(t) = dashboard("refused", a.path(), &db.url_as(&role)) else {
        return;
    };
    t.keys(&["e"]);
    t.wait_for("填报进展 K1.1");
    t.keys(&["Tab", "Tab", "Tab"]);
    t.type_text("40");
    t.keys(&["Enter"]);
    let screen = t.wait_for("1 条被拒，见 `duban store status`");
    assert!(screen.contains("共享库在线"), "{screen}");
    assert!(screen.contains("K1.1 已保存"), "{screen}");
    assert_eq!(stored(&db, "K1.1"), 0);

    // Kept in the outbox, marked refused, for `store status` to list.
    let outbox = std::fs::read_to_string(duban::remote::outbox_path(&journal(a.path())))
        .expect("the outbox");
    assert!(outbox.contains("K1.1"), "{outbox}");
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temp dir")
}

fn journal(home: &Path) -> std::path::PathBuf {
    home.join(duban::progress::BUNDLED_DATASET)
        .join(duban::progress::FILE_NAME)
}
