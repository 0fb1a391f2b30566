//! The shared store on a local PostgreSQL (a private cluster, see
//! `tests/pg`), each figure against a baseline measured in the same run:
//! - `store_push`: one entry pushed by a unit's role (row-level security
//!   checks its duty), against a bare `SELECT 1` round trip on the same
//!   connection and a commit to a local journal;
//! - a timed loop of the same pushes and round trips, printing the median
//!   and 99th percentile (criterion gives medians only);
//! - 20 clients × 100 entries pushed at once, each client on its own
//!   connection pushing entry by entry, against one client pushing the same
//!   2,000 entries alone (wall times, printed).
//!
//! `cargo bench --bench store -- --sample-size 10 --measurement-time 5`

#[path = "../tests/external/mod.rs"]
mod external;
#[path = "../tests/pg/mod.rs"]
mod pg;

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use criterion::{Criterion, criterion_group, criterion_main};
use duban::model::{ProgressEntry, Status};
use duban::progress::{Journal, Record};
use duban::remote::{Client, Grantee, StoreUrl};

const TIMEOUT: Duration = Duration::from_secs(10);

/// The store: a database with the tables, the bundled plan's duties and a
/// role for the unit that leads K1.1. `None` without PostgreSQL.
struct Store {
    _db: pg::Db,
    /// The unit's role's URL.
    url: StoreUrl,
}

fn store() -> Option<Store> {
    let db = pg::database()?;
    let admin = StoreUrl::parse(&db.url()).expect("the admin URL");
    let mut client = Client::connect_unchecked(&admin, TIMEOUT).expect("connect");
    client.init().expect("init the store");
    let data = duban::store::load(None).expect("the bundled dataset");
    client.upload_duties(&data).expect("upload the duties");
    let unit = (data.all_tasks().find(|t| t.id == "K1.1"))
        .and_then(|t| t.lead.first().cloned())
        .expect("K1.1's lead unit");
    let role = db.role("unit");
    client
        .grant(&role, &Grantee::Unit(unit.to_string()))
        .expect("grant the role");
    let url = StoreUrl::parse(&db.url_as(&role)).expect("the role's URL");
    Some(Store { _db: db, url })
}

/// A distinct entry on K1.1 from client `client`, number `i`.
fn entry(client: usize, i: u32) -> Record {
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2023-06-01T09:00:00+08:00").expect("time");
    Record::Entry(ProgressEntry {
        task: "K1.1".to_string(),
        at: start + TimeDelta::milliseconds(i64::from(i)),
        date: NaiveDate::from_ymd_opt(2023, 6, 1).expect("date"),
        percent: (i % 100) as u8,
        status: Status::OnTrack,
        note: format!("客户端{client}第{i}次汇报"),
        actuals: Vec::new(),
        reporter: None,
        problems: String::new(),
        next_steps: String::new(),
    })
}

fn connect(url: &StoreUrl) -> Client {
    Client::connect(url, TIMEOUT).expect("connect as the unit's role")
}

fn round_trip(client: &mut Client) {
    client
        .connection()
        .simple_query("SELECT 1")
        .expect("SELECT 1");
}

fn push_one(c: &mut Criterion) {
    let Some(store) = store() else {
        return;
    };
    let mut client = connect(&store.url);
    let mut group = c.benchmark_group("store_push");
    let mut n = 0;
    group.bench_function("one_entry", |b| {
        b.iter(|| {
            n += 1;
            let report = client.push(&[entry(0, n)]).expect("push");
            assert_eq!(report.accepted, 1);
        })
    });
    group.bench_function("baseline_select_1", |b| b.iter(|| round_trip(&mut client)));
    let dir = tempfile::tempdir().expect("temp dir");
    let mut journal = Journal::open(&dir.path().join("progress.ron")).expect("a journal");
    let mut m = 0;
    group.bench_function("baseline_journal_commit", |b| {
        b.iter(|| {
            m += 1;
            let Record::Entry(e) = entry(0, m) else {
                unreachable!("an entry")
            };
            journal.commit(e).expect("commit");
        })
    });
    group.finish();

    // Percentiles: criterion reports means and medians of batches.
    let mut push = Vec::new();
    let mut select = Vec::new();
    for _ in 0..500 {
        n += 1;
        let record = entry(0, n);
        let t = Instant::now();
        client.push(&[record]).expect("push");
        push.push(t.elapsed());
        let t = Instant::now();
        round_trip(&mut client);
        select.push(t.elapsed());
    }
    println!("store_push/one_entry (500 pushes): {}", spread(&mut push));
    println!(
        "store_push/baseline_select_1 (500): {}",
        spread(&mut select)
    );
}

/// `median X ms, p99 Y ms` of some durations.
fn spread(times: &mut [Duration]) -> String {
    times.sort_unstable();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    format!(
        "median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(at(0.5)),
        ms(at(0.99)),
        ms(at(1.0))
    )
}

/// `clients` connections each pushing `each` entries one by one, all
/// starting together: the wall time from the start to the last push.
fn many(url: &StoreUrl, clients: usize, each: u32, run: u32) -> Duration {
    let barrier = Arc::new(Barrier::new(clients + 1));
    let threads: Vec<_> = (0..clients)
        .map(|k| {
            let (url, barrier) = (url.clone(), Arc::clone(&barrier));
            std::thread::spawn(move || {
                let mut client = connect(&url);
                barrier.wait();
                for i in 0..each {
                    let n = run * 1_000_000 + 1_000 + i;
                    client.push(&[entry(k + 1, n)]).expect("push");
                }
            })
        })
        .collect();
    barrier.wait();
    let start = Instant::now();
    for t in threads {
        t.join().expect("a client thread");
    }
    start.elapsed()
}

fn clients_at_once(_: &mut Criterion) {
    let Some(store) = store() else {
        return;
    };
    let (mut together, mut alone) = (Vec::new(), Vec::new());
    for run in 0..3 {
        together.push(many(&store.url, 20, 100, run * 2));
        alone.push(many(&store.url, 1, 2_000, run * 2 + 1));
    }
    together.sort_unstable();
    alone.sort_unstable();
    let (t, a) = (together[1], alone[1]);
    println!(
        "store_clients: 20 clients x 100 entries at once: median of 3 runs {:.2} s \
         ({:.0} entries/s); one client pushing the 2,000 alone: {:.2} s; ratio {:.2}",
        t.as_secs_f64(),
        2_000.0 / t.as_secs_f64(),
        a.as_secs_f64(),
        t.as_secs_f64() / a.as_secs_f64()
    );
}

criterion_group!(benches, push_one, clients_at_once);
criterion_main!(benches);
