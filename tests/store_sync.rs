//! Two machines and one store under stress: concurrent writers, the server
//! stopped in the middle, a client killed in the middle of a push. Nothing
//! is lost and nothing is stored twice.

mod external;
mod pg;
mod store_support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::Duration;

use duban::remote::{self, Client, Grantee, Outbox, PUSH_TIMEOUT, StoreUrl};
use store_support::*;

/// One liaison's session: `n` entries, each saved to the journal and then
/// pushed at once (as `progress set` does); offline pushes are left for
/// later. Returns how many pushes found the store out of reach.
fn write_and_push(
    m: &Machine,
    url: &StoreUrl,
    n: usize,
    salt: u32,
    after: impl Fn(usize),
) -> usize {
    let path = m.journal_path();
    let mut journal = m.journal();
    let tasks = task_ids();
    let mut offline = 0;
    let mut client: Option<Client> = None;
    for i in 0..n {
        journal
            .commit(entry(&tasks[i % tasks.len()], i, salt))
            .expect("saved locally");
        let _lock = remote::lock(&path).expect("lock");
        let mut outbox = Outbox::open(&path).expect("outbox");
        let pushed = match client.take() {
            Some(c) => Ok(c),
            None => Client::connect(url, PUSH_TIMEOUT),
        }
        .and_then(|mut c| remote::push_pending(&mut outbox, &mut c).map(|report| (report, c)));
        match pushed {
            Ok((report, c)) => {
                assert!(report.refused.is_empty(), "{report:?}");
                client = Some(c);
            }
            Err(e) if e.is_offline() => offline += 1,
            Err(e) => panic!("push {i}: {e}"),
        }
        after(i);
    }
    offline
}

#[test]
fn two_clients_writing_500_each_at_once_store_1000_and_see_them_all() {
    let Some(db) = pg::database() else { return };
    let (a_role, b_role) = (db.role("a"), db.role("b"));
    let owner = set_up(
        &db.url(),
        &[
            (a_role.as_str(), Grantee::Office),
            (b_role.as_str(), Grantee::Office),
        ],
    );
    drop(owner);
    let start = Arc::new(Barrier::new(2));
    let writers: Vec<_> = [(a_role.clone(), 1u32), (b_role.clone(), 2u32)]
        .into_iter()
        .map(|(role, salt)| {
            let url = StoreUrl::parse(&db.url_as(&role)).expect("url");
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                let m = Machine::new();
                start.wait();
                let offline = write_and_push(&m, &url, 500, salt, |_| {});
                assert_eq!(offline, 0);
                (m, url)
            })
        })
        .collect();
    let machines: Vec<(Machine, StoreUrl)> = writers
        .into_iter()
        .map(|w| w.join().expect("a writer"))
        .collect();
    assert_eq!(store_counts(&mut db.connect()), (1000, 1000));
    // Each machine syncs with the binary, as a liaison would.
    for (m, url) in &machines {
        let out = m.duban(&["--store", url.masked(), "store", "sync"]);
        assert!(out.status.success(), "{}", all(&out));
        assert!(
            stdout(&out).contains("pulled 500 from the store"),
            "{}",
            all(&out)
        );
        assert_eq!(journal_counts(&m.journal_path()), (1000, 1000));
        let status = m.duban(&["--store", url.masked(), "store", "status"]);
        assert!(stdout(&status).contains("pending: 0"), "{}", all(&status));
    }
    // Syncing again moves nothing.
    let (m, url) = &machines[0];
    let out = m.duban(&["--store", url.masked(), "store", "sync"]);
    assert!(
        stdout(&out).contains("0 new, 0 already there"),
        "{}",
        all(&out)
    );
    assert!(stdout(&out).contains("pulled 0"), "{}", all(&out));
    assert_eq!(store_counts(&mut db.connect()), (1000, 1000));
}

#[cfg(unix)]
#[test]
fn the_server_stopped_mid_stream_and_restarted_loses_and_doubles_nothing() {
    let Some(cluster) = pg::private() else { return };
    let db = cluster.database();
    let role = db.role("w");
    set_up(&db.url(), &[(role.as_str(), Grantee::Office)]);
    let url = StoreUrl::parse(&db.url_as(&role)).expect("url");
    let m = Machine::new();
    let written = AtomicUsize::new(0);
    let offline = std::thread::scope(|s| {
        let writer = s.spawn(|| {
            write_and_push(&m, &url, 300, 3, |i| {
                written.store(i + 1, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(2));
            })
        });
        while written.load(Ordering::SeqCst) < 80 {
            std::thread::sleep(Duration::from_millis(5));
        }
        cluster.stop();
        let stopped_at = written.load(Ordering::SeqCst);
        while written.load(Ordering::SeqCst) < stopped_at + 40 {
            std::thread::sleep(Duration::from_millis(5));
        }
        cluster.restart();
        writer.join().expect("the writer")
    });
    assert!(offline >= 30, "pushes found the server stopped: {offline}");
    let out = m.duban(&["--store", url.masked(), "store", "sync"]);
    assert!(out.status.success(), "{}", all(&out));
    assert_eq!(store_counts(&mut db.connect()), (300, 300));
    assert_eq!(journal_counts(&m.journal_path()), (300, 300));
    let status = m.duban(&["--store", url.masked(), "store", "status"]);
    assert!(stdout(&status).contains("pending: 0"), "{}", all(&status));
}

#[cfg(unix)]
#[test]
fn a_client_killed_mid_push_loses_and_doubles_nothing() {
    let Some(db) = pg::database() else { return };
    let url = set_up(&db.url(), &[]);
    let m = Machine::new();
    let tasks = task_ids();
    let total = 6000;
    let entries = (0..total)
        .map(|n| entry(&tasks[n % tasks.len()], n, 4))
        .collect();
    m.journal().commit_all(entries).expect("saved locally");
    let mut child = std::process::Command::new(BIN)
        .env("DUBAN_LANG", "en")
        .arg("--data")
        .arg(&m.data)
        .args(["--store", url.masked(), "store", "push"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start a push");
    let mut c = db.connect();
    let stored = loop {
        let (n, _) = store_counts(&mut c);
        if n > 0 || child.try_wait().expect("wait").is_some() {
            break n;
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    // SAFETY: kill has no memory-safety preconditions; the pid is our child's.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGKILL) };
    let status = child.wait().expect("wait");
    assert!(
        stored < total as i64 && status.code().is_none(),
        "the push was killed part way ({stored} of {total} stored, {status})"
    );
    let out = m.duban(&["--store", url.masked(), "store", "sync"]);
    assert!(out.status.success(), "{}", all(&out));
    assert_eq!(store_counts(&mut c), (total as i64, total as i64));
    assert_eq!(journal_counts(&m.journal_path()), (total, total));
}

#[test]
fn an_undo_on_one_machine_reaches_the_other() {
    let Some(db) = pg::database() else { return };
    let url = set_up(&db.url(), &[]);
    let (a, b) = (Machine::new(), Machine::new());
    let task = task_ids()[3].clone();
    let mut journal = a.journal();
    journal.commit(entry(&task, 1, 5)).expect("saved");
    journal.commit(entry(&task, 2, 5)).expect("saved");
    let sync = |m: &Machine| {
        let out = m.duban(&["--store", url.masked(), "store", "sync"]);
        assert!(out.status.success(), "{}", all(&out));
    };
    sync(&a);
    sync(&b);
    assert_eq!(b.journal().latest(&task).map(|e| e.percent), Some(2));
    journal
        .undo_last_of_session()
        .expect("undone")
        .saved
        .expect("saved");
    sync(&a);
    sync(&b);
    let seen = b.journal();
    assert_eq!(
        seen.latest(&task).map(|e| e.percent),
        Some(1),
        "the undo travelled"
    );
    assert_eq!(seen.history(&task).len(), 1);
    assert_eq!(
        store_counts(&mut db.connect()),
        (3, 3),
        "two entries and a retraction"
    );
}
