//! `duban store …` and the push after `progress set`, through the built
//! binary against a real PostgreSQL (tests/pg): set-up, grants and
//! refusals, the offline notice, errors, and passwords never shown.

mod external;
mod pg;
mod store_support;

use duban::remote::Grantee;
use store_support::*;

#[test]
fn init_twice_is_fine_and_push_data_twice_adds_nothing() {
    let Some(db) = pg::database() else { return };
    let m = Machine::new();
    let url = db.url();
    let first = m.duban(&["store", "init", &url]);
    assert!(first.status.success(), "{}", all(&first));
    assert!(
        stdout(&first).contains("set up, schema version 1"),
        "{}",
        all(&first)
    );
    let again = m.duban(&["store", "init", &url]);
    assert!(again.status.success(), "{}", all(&again));
    assert!(
        stdout(&again).contains("already at version 1"),
        "{}",
        all(&again)
    );

    // An existing journal of 40 entries, written without a store.
    let mut journal = m.journal();
    let tasks = task_ids();
    let entries = (0..40)
        .map(|n| entry(&tasks[n % tasks.len()], n, 1))
        .collect();
    journal.commit_all(entries).expect("save");

    let push = m.duban(&["--store", &url, "store", "push"]);
    assert!(push.status.success(), "{}", all(&push));
    assert!(
        stdout(&push).contains("40 records, 40 new"),
        "{}",
        all(&push)
    );
    let twice = m.duban(&["--store", &url, "store", "push"]);
    assert!(
        stdout(&twice).contains("0 records, 0 new"),
        "{}",
        all(&twice)
    );
    // Even without the outbox, the store recognises every record.
    std::fs::remove_file(duban::remote::outbox_path(&m.journal_path())).expect("rm outbox");
    let again = m.duban(&["--store", &url, "store", "push"]);
    assert!(
        stdout(&again).contains("40 records, 0 new, 40 already there"),
        "{}",
        all(&again)
    );
    assert_eq!(store_counts(&mut db.connect()), (40, 40));
}

#[test]
fn a_unit_may_write_its_tasks_only_and_a_refusal_is_kept() {
    let Some(db) = pg::database() else { return };
    let task = task_ids()[0].clone();
    let (other, lead) = units_for(&task);
    let (unit_role, office_role) = (db.role("unit"), db.role("office"));
    let m = Machine::new();
    let owner = db.url();
    m.duban(&["store", "init", &owner]);
    for args in [
        vec![
            "--store", &owner, "store", "grant", "--role", &unit_role, "--unit", &other,
        ],
        vec![
            "--store",
            &owner,
            "store",
            "grant",
            "--role",
            &office_role,
            "--office",
        ],
    ] {
        let out = m.duban(&args);
        assert!(out.status.success(), "{}", all(&out));
    }
    let unit_url = db.url_as(&unit_role);
    let out = m.duban(&[
        "--store",
        &unit_url,
        "progress",
        "set",
        &task,
        "--percent",
        "30",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", all(&out));
    assert!(
        stdout(&out).contains("saved"),
        "kept locally: {}",
        all(&out)
    );
    let why = format!("refused by the store: role {unit_role}'s unit neither leads nor cooperates");
    assert!(stderr(&out).contains(&why), "{}", all(&out));
    assert_eq!(store_counts(&mut db.connect()).0, 0);
    assert_eq!(
        m.journal().entries().count(),
        1,
        "the entry stays in the journal"
    );

    let status = m.duban(&["--store", &unit_url, "store", "status"]);
    assert!(status.status.success(), "{}", all(&status));
    let text = stdout(&status);
    assert!(text.contains("pending: 0"), "{text}");
    assert!(text.contains("refused: 1"), "{text}");
    assert!(text.contains(&why), "{text}");

    // The office's role writes the same task from another machine.
    let office = Machine::new();
    let office_url = db.url_as(&office_role);
    let out = office.duban(&[
        "--store",
        &office_url,
        "progress",
        "set",
        &task,
        "--percent",
        "35",
    ]);
    assert!(out.status.success(), "{}", all(&out));
    // And the unit that leads it may too, once granted.
    let lead_role = db.role("lead");
    m.duban(&[
        "--store", &owner, "store", "grant", "--role", &lead_role, "--unit", &lead,
    ]);
    let lead_machine = Machine::new();
    let out = lead_machine.duban(&[
        "--store",
        &db.url_as(&lead_role),
        "progress",
        "set",
        &task,
        "--percent",
        "40",
    ]);
    assert!(out.status.success(), "{}", all(&out));
    let mut c = db.connect();
    let roles: Vec<String> = c
        .query(
            "SELECT reporter_role::text FROM duban_records ORDER BY seq",
            &[],
        )
        .expect("query")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(roles, [office_role, lead_role], "the server names the role");
}

#[test]
fn an_unknown_unit_cannot_be_granted() {
    let Some(db) = pg::database() else { return };
    let m = Machine::new();
    let owner = db.url();
    m.duban(&["store", "init", &owner]);
    let out = m.duban(&[
        "--store",
        &owner,
        "store",
        "grant",
        "--role",
        "r",
        "--unit",
        "没有这个局",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no unit is called `没有这个局`"),
        "{}",
        all(&out)
    );
}

#[test]
fn offline_the_write_is_saved_and_goes_later() {
    let Some(db) = pg::database() else { return };
    let url = set_up(&db.url(), &[]);
    let m = Machine::new();
    let task = task_ids()[1].clone();
    // Port 1 on the loopback: nothing listens there.
    let nowhere = "postgres://postgres@127.0.0.1:1/duban";
    for (lang, percent, notice) in [
        ("en", "10", "offline, 1 waiting to sync"),
        ("zh", "20", "离线，2 条待同步"),
    ] {
        let out = m.duban_in(
            lang,
            &[
                "--store",
                nowhere,
                "progress",
                "set",
                &task,
                "--percent",
                percent,
            ],
        );
        assert!(out.status.success(), "{}", all(&out));
        assert!(stderr(&out).contains(notice), "{}", all(&out));
    }
    let status = m.duban(&["--store", url.masked(), "store", "status"]);
    assert!(stdout(&status).contains("pending: 2"), "{}", all(&status));
    assert!(
        stdout(&status).contains("last sync: never"),
        "{}",
        all(&status)
    );
    let sync = m.duban(&["--store", url.masked(), "store", "sync"]);
    assert!(sync.status.success(), "{}", all(&sync));
    assert!(stdout(&sync).contains("2 new"), "{}", all(&sync));
    let status = m.duban(&["--store", url.masked(), "store", "status"]);
    assert!(stdout(&status).contains("pending: 0"), "{}", all(&status));
    assert!(!stdout(&status).contains("never"), "{}", all(&status));
    assert_eq!(store_counts(&mut db.connect()), (2, 2));
}

#[test]
fn the_store_comes_from_the_flag_the_environment_or_the_config() {
    let Some(db) = pg::database() else { return };
    let url = set_up(&db.url(), &[]);
    let m = Machine::new();
    let task = task_ids()[2].clone();
    std::fs::write(
        m.data.join("duban.ron"),
        format!("(store: \"{}\")\n", url.masked()),
    )
    .expect("write duban.ron");
    let out = m.duban(&["progress", "set", &task, "--percent", "5"]);
    assert!(out.status.success(), "{}", all(&out));
    assert_eq!(store_counts(&mut db.connect()).0, 1, "duban.ron's store");
    // The environment comes before the file, the flag before both.
    let out = std::process::Command::new(BIN)
        .env("DUBAN_LANG", "en")
        .env("DUBAN_STORE", "postgres://postgres@127.0.0.1:1/x")
        .args(["--today", TODAY, "--data"])
        .arg(&m.data)
        .args(["progress", "set", &task, "--percent", "6"])
        .output()
        .expect("run");
    assert!(stderr(&out).contains("offline, 1 waiting"), "{}", all(&out));
    let out = std::process::Command::new(BIN)
        .env("DUBAN_LANG", "en")
        .env("DUBAN_STORE", "postgres://postgres@127.0.0.1:1/x")
        .args(["--today", TODAY, "--store", url.masked(), "--data"])
        .arg(&m.data)
        .args(["store", "sync"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", all(&out));
    assert_eq!(store_counts(&mut db.connect()).0, 2);
}

#[test]
fn errors_are_clear_and_fail() {
    let Some(db) = pg::database() else { return };
    let m = Machine::new();
    let fresh = db.url();
    let out = m.duban(&["--store", &fresh, "store", "sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not set up; run duban store init"),
        "{}",
        all(&out)
    );
    let zh = m.duban_in("zh", &["--store", &fresh, "store", "sync"]);
    assert!(stderr(&zh).contains("共享库尚未建表"), "{}", all(&zh));

    set_up(&fresh, &[]);
    db.connect()
        .batch_execute("INSERT INTO duban_schema (version) VALUES (99)")
        .expect("pretend a newer duban");
    let out = m.duban(&["--store", &fresh, "store", "sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("version 99, newer than this duban knows (1)"),
        "{}",
        all(&out)
    );
    let out = m.duban(&["--store", &fresh, "store", "init"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "init does not downgrade: {}",
        all(&out)
    );

    let out = m.duban(&["--store", "mysql://a@b/c", "store", "status"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("expected a URL starting postgres://"),
        "{}",
        all(&out)
    );
    let out = m.duban(&["store", "status"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no store is set"), "{}", all(&out));
    let out = m.duban(&[
        "--store",
        "postgres://postgres@127.0.0.1:1/x",
        "store",
        "sync",
    ]);
    assert_eq!(out.status.code(), Some(1), "sync by hand fails offline");
    assert!(
        stderr(&out).contains("cannot reach the store"),
        "{}",
        all(&out)
    );
}

#[test]
fn a_password_in_the_url_is_never_shown() {
    let Some(db) = pg::database() else { return };
    let secret = "Zx9-sekret-Q7";
    let m = Machine::new();
    let role = db.role_with_password("pw", "right-one");
    set_up(&db.url(), &[(role.as_str(), Grantee::Office)]);
    let wrong = db.url_with_password(&role, secret);
    let unreachable = format!("postgres://ann:{secret}@127.0.0.1:1/x?password={secret}");
    let bad_scheme = format!("mysql://ann:{secret}@db/x");
    let task = task_ids()[0].clone();
    let runs: Vec<(Vec<&str>, Option<&str>)> = vec![
        (
            vec!["--store", &wrong, "store", "sync"],
            Some("refused the login"),
        ),
        (vec!["--store", &wrong, "store", "status"], None),
        (
            vec![
                "--store",
                &wrong,
                "progress",
                "set",
                &task,
                "--percent",
                "1",
            ],
            Some("refused the login"),
        ),
        (
            vec!["--store", &unreachable, "store", "sync"],
            Some("cannot reach"),
        ),
        (
            vec![
                "--store",
                &unreachable,
                "progress",
                "set",
                &task,
                "--percent",
                "2",
            ],
            Some("offline"),
        ),
        (
            vec!["--store", &bad_scheme, "store", "status"],
            Some("unsupported store"),
        ),
        (vec!["store", "init", &unreachable], Some("cannot reach")),
    ];
    for lang in ["en", "zh"] {
        for (args, expect) in &runs {
            let out = m.duban_in(lang, args);
            let text = all(&out);
            assert!(
                !text.contains(secret),
                "{args:?} showed the password: {text}"
            );
            let offline = text.contains("offline") || text.contains("离线");
            assert!(
                offline || text.contains("***"),
                "{args:?} shows the URL masked: {text}"
            );
            if let (Some(expect), "en") = (expect, lang) {
                assert!(text.contains(expect), "{args:?}: {text}");
            }
        }
        let outbox = std::fs::read_to_string(duban::remote::outbox_path(&m.journal_path()))
            .unwrap_or_default();
        assert!(!outbox.contains(secret), "the outbox keeps no password");
    }
}
