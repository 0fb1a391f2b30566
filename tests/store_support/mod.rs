//! What the store's tests share: a dataset, client directories standing
//! for machines, entries, the binary, and a look into the store.
#![allow(dead_code)] // each test binary uses a different part

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use duban::model::{Dataset, ProgressEntry, Status};
use duban::progress::{Journal, progress_path};
use duban::remote::{Client, Grantee, StoreUrl};

pub const BIN: &str = env!("CARGO_BIN_EXE_duban");

/// "Today" inside the synthetic plan's year.
pub const TODAY: &str = "2023-06-01";

/// The synthetic dataset every test uses (20 key tasks, 10 projects).
pub fn dataset() -> Dataset {
    duban::synth::synth(20, 7)
}

/// A machine: a directory holding a copy of the dataset (and, once
/// written, its journal and outbox).
pub struct Machine {
    _dir: tempfile::TempDir,
    pub data: PathBuf,
}

impl Machine {
    pub fn new() -> Machine {
        let dir = tempfile::tempdir().expect("a temp dir");
        let data = dir.path().join("data");
        duban::store::write_dataset(&data, &dataset()).expect("write the dataset");
        Machine { _dir: dir, data }
    }

    pub fn journal_path(&self) -> PathBuf {
        progress_path(Some(&self.data)).expect("the journal's path")
    }

    pub fn journal(&self) -> Journal {
        Journal::open(&self.journal_path()).expect("read the journal")
    }

    /// The binary on this machine's dataset, in English unless told.
    pub fn duban(&self, args: &[&str]) -> Output {
        self.duban_in("en", args)
    }

    pub fn duban_in(&self, lang: &str, args: &[&str]) -> Output {
        Command::new(BIN)
            .env("DUBAN_LANG", lang)
            .env_remove("DUBAN_STORE")
            .env("DUBAN_CONFIG_HOME", self.data.join("config-home"))
            .arg("--data")
            .arg(&self.data)
            .args(["--today", TODAY])
            .args(args)
            .output()
            .expect("run duban")
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts that a run failed (status 1) saying `text` on stderr.
pub fn assert_fails_with(out: &Output, text: &str) {
    assert_eq!(out.status.code(), Some(1), "{}", all(out));
    assert!(stderr(out).contains(text), "{}", all(out));
}

/// Both streams, for messages.
pub fn all(out: &Output) -> String {
    format!("{}{}", stdout(out), stderr(out))
}

fn at(n: usize, salt: u32) -> DateTime<FixedOffset> {
    let tz = FixedOffset::east_opt(8 * 3600).expect("offset");
    tz.with_ymd_and_hms(2023, 5, 1, 8, 0, 0).unwrap()
        + chrono::TimeDelta::seconds(n as i64)
        + chrono::TimeDelta::milliseconds(i64::from(salt))
}

/// Entry `n` of writer `salt` on `task` (distinct per (n, salt)).
pub fn entry(task: &str, n: usize, salt: u32) -> ProgressEntry {
    ProgressEntry {
        task: task.to_string(),
        at: at(n, salt),
        date: NaiveDate::from_ymd_opt(2023, 5, 1).unwrap(),
        percent: (n % 100) as u8,
        status: Status::OnTrack,
        note: format!("第 {n} 次报送（{salt}）"),
        actuals: Vec::new(),
        problems: String::new(),
        next_steps: String::new(),
        reporter: None,
    }
}

/// Task IDs of the dataset, for spreading entries.
pub fn task_ids() -> Vec<String> {
    dataset().tasks.iter().map(|t| t.id.to_string()).collect()
}

/// Sets the store up as its owner: tables, duties, and `grants`.
pub fn set_up(url: &str, grants: &[(&str, Grantee)]) -> StoreUrl {
    let url = StoreUrl::parse(url).expect("a store URL");
    let mut client =
        Client::connect_unchecked(&url, std::time::Duration::from_secs(10)).expect("connect");
    client.init().expect("init");
    client.upload_duties(&dataset()).expect("duties");
    for (role, who) in grants {
        client.grant(role, who).expect("grant");
    }
    url
}

/// Rows in the store, and distinct records (lines) among them.
pub fn store_counts(db: &mut postgres::Client) -> (i64, i64) {
    let row = db
        .query_one(
            "SELECT count(*), count(DISTINCT line) FROM duban_records",
            &[],
        )
        .expect("count");
    (row.get(0), row.get(1))
}

/// Entries in a journal file, and distinct (task, at) among them.
pub fn journal_counts(path: &Path) -> (usize, usize) {
    let bytes = std::fs::read(path).unwrap_or_default();
    let records = duban::progress::parse_records(path, &bytes).expect("parse the journal");
    let entries: Vec<_> = records
        .iter()
        .filter_map(|r| match r {
            duban::progress::Record::Entry(e) => Some((e.task.clone(), e.at)),
            duban::progress::Record::Retract(_) => None,
        })
        .collect();
    let distinct: std::collections::HashSet<_> = entries.iter().collect();
    (entries.len(), distinct.len())
}

/// A unit with no duty on `task`, and one that leads it.
pub fn units_for(task: &str) -> (String, String) {
    let data = dataset();
    let t = data.task(task).expect("the task");
    let lead = t.lead[0].clone();
    let other = data
        .units
        .iter()
        .map(|u| u.name.clone())
        .find(|u| !t.lead.contains(u) && !t.co.contains(u) && !t.co_members_of.contains(u))
        .expect("a unit without a duty");
    (other.to_string(), lead.to_string())
}
