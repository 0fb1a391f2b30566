//! A real PostgreSQL for the store's tests and benches (`#[path]`-included).
//!
//! `DUBAN_TEST_PG` (set by `.ci/run`: a superuser's URL on a throwaway
//! cluster) is used when set; otherwise the first test of a binary starts
//! a private cluster the same way (`initdb` in a temporary directory, run
//! as the `postgres` user when the tests run as root, a unix socket in that
//! directory and a free local port). Without PostgreSQL installed the test
//! is skipped loudly (failed under `DUBAN_TEST_REQUIRE_ALL=1`), through
//! `tests/external`.
//!
//! Each test gets its own database ([`database`]); role names are prefixed
//! with it. A test that stops and restarts the server takes a cluster of
//! its own ([`private`]). A private cluster is stopped and removed when it
//! is dropped, and by a watchdog process when the test binary exits
//! without dropping it (statics are never dropped).
#![allow(dead_code)] // each test binary uses a different part

#[cfg(unix)]
mod cluster;

#[cfg(unix)]
pub use cluster::Cluster;

use std::sync::atomic::{AtomicUsize, Ordering};

/// The environment variable naming a running server to test against.
pub const TEST_PG: &str = "DUBAN_TEST_PG";

/// Roles the test clusters ask a password of (members of this group).
pub const PASSWORD_GROUP: &str = "duban_pw";

/// A database of its own for one test, on the shared server.
pub struct Db {
    /// `postgres://user@host:port` without a path.
    base: String,
    pub name: String,
}

impl Db {
    /// A superuser's URL of this database.
    pub fn url(&self) -> String {
        format!("{}/{}", self.base, self.name)
    }

    /// The URL of `role` (without a password) on this database.
    pub fn url_as(&self, role: &str) -> String {
        let (scheme, rest) = self.base.split_once("://").expect("a URL");
        let host = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
        format!("{scheme}://{role}@{host}/{}", self.name)
    }

    /// The URL of `role` with `password` on this database.
    pub fn url_with_password(&self, role: &str, password: &str) -> String {
        self.url_as(&format!("{role}:{password}"))
    }

    /// A name for a role of this test (roles are shared by the cluster).
    pub fn role(&self, name: &str) -> String {
        format!("{}_{name}", self.name)
    }

    /// A superuser connection to this database.
    pub fn connect(&self) -> postgres::Client {
        postgres::Client::connect(&self.url(), postgres::NoTls)
            .expect("connect to the test database")
    }

    /// Creates a login role that must give `password` over TCP.
    pub fn role_with_password(&self, name: &str, password: &str) -> String {
        let role = self.role(name);
        let mut c = self.connect();
        c.batch_execute(&format!(
            "CREATE ROLE \"{role}\" LOGIN PASSWORD '{password}' IN ROLE {PASSWORD_GROUP}"
        ))
        .expect("create a role");
        role
    }
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// Creates a database named for this process and test on the server whose
/// superuser URL base (without a path) is `base`.
pub fn create_database(base: &str) -> Db {
    let name = format!(
        "t{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos() % 100_000)
    );
    let mut admin = postgres::Client::connect(&format!("{base}/postgres"), postgres::NoTls)
        .expect("connect to the test server");
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create a test database");
    // The group whose members must give a password (see the cluster's
    // pg_hba.conf); made once per cluster.
    let _ = admin.batch_execute(&format!("CREATE ROLE {PASSWORD_GROUP} NOLOGIN"));
    Db {
        base: base.to_string(),
        name,
    }
}

/// A fresh database on the shared server, or `None` (after a loud skip)
/// when no PostgreSQL can be had.
pub fn database() -> Option<Db> {
    if let Ok(url) = std::env::var(TEST_PG)
        && !url.trim().is_empty()
    {
        return Some(create_database(&base_of(&url)));
    }
    shared_base().map(|base| create_database(&base))
}

/// `postgres://user@host:port` of a URL (its path and options dropped).
pub fn base_of(url: &str) -> String {
    let (scheme, rest) = url
        .split_once("://")
        .expect("DUBAN_TEST_PG is a postgres:// URL");
    let authority = rest.split(['/', '?']).next().unwrap_or(rest);
    format!("{scheme}://{authority}")
}

#[cfg(unix)]
fn shared_base() -> Option<String> {
    use std::sync::OnceLock;
    static SHARED: OnceLock<Option<Cluster>> = OnceLock::new();
    SHARED
        .get_or_init(Cluster::start)
        .as_ref()
        .map(Cluster::base)
}

#[cfg(not(unix))]
fn shared_base() -> Option<String> {
    super_missing();
    None
}

#[cfg(not(unix))]
fn super_missing() {
    crate::external::missing("a private PostgreSQL cluster (unix only; set DUBAN_TEST_PG)");
}

/// A cluster of the test's own (to stop and restart), or `None` after a
/// loud skip.
#[cfg(unix)]
pub fn private() -> Option<Cluster> {
    Cluster::start()
}
