//! A connection to the store: set up, push, pull.

use std::time::Duration;

use postgres::error::SqlState;
use postgres::{NoTls, Transaction};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::refusal::{Refusal, RefusalKind};
use super::schema::{self, INSERT_COLUMNS, VERSION};
use super::url::StoreUrl;
use super::{Cursor, record_id};
use crate::progress::Record;

/// The connect timeout of commands that save first and push after.
pub const PUSH_TIMEOUT: Duration = Duration::from_secs(2);

/// What a push did with each record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushReport {
    /// Records the store did not have.
    pub accepted: usize,
    /// Records it had already (pushed before, or by another client).
    pub already: usize,
    /// Records the store refused, with why.
    pub refused: Vec<Refusal>,
}

/// Records read from the store after a cursor.
#[derive(Debug, Clone, Default)]
pub struct Pulled {
    pub records: Vec<Record>,
    /// Where the next pull starts.
    pub cursor: Cursor,
    /// Rows whose line this duban cannot read (skipped).
    pub unreadable: usize,
}

/// A connection to a store whose schema is this duban's.
pub struct Client {
    url: StoreUrl,
    conn: postgres::Client,
    /// The role the server knows this connection as.
    role: String,
}

/// Idle time before the first keepalive probe on a store connection.
const KEEPALIVE_IDLE: Duration = Duration::from_secs(10);
/// Time between keepalive probes (three unanswered ones drop the link).
const KEEPALIVE_INTERVAL: Duration = Duration::from_secs(5);
/// How long data sent to the server may go unacknowledged (Linux).
const UNACKED_LIMIT: Duration = Duration::from_secs(30);

impl Client {
    /// Connects (giving up after `timeout`) and checks the schema version.
    pub fn connect(url: &StoreUrl, timeout: Duration) -> Result<Client, StoreError> {
        let mut client = Client::connect_unchecked(url, timeout)?;
        let found = client.version()?;
        let url_text = url.to_string();
        match found {
            0 => Err(StoreError::NotInitialised { url: url_text }),
            v if v < VERSION => Err(StoreError::SchemaTooOld {
                url: url_text,
                found: v,
                want: VERSION,
            }),
            v if v > VERSION => Err(StoreError::SchemaTooNew {
                url: url_text,
                found: v,
                want: VERSION,
            }),
            _ => Ok(client),
        }
    }

    /// Connects without looking at the schema (for `store init`).
    pub fn connect_unchecked(url: &StoreUrl, timeout: Duration) -> Result<Client, StoreError> {
        let mut config = url.config();
        config.connect_timeout(timeout);
        config.application_name("duban");
        // A link that drops without a word (a laptop closed, a cable out)
        // is noticed in about half a minute, not the system's two hours:
        // the dashboard then says it is offline and keeps entries to push.
        config.keepalives_idle(KEEPALIVE_IDLE);
        config.keepalives_interval(KEEPALIVE_INTERVAL);
        config.keepalives_retries(3);
        config.tcp_user_timeout(UNACKED_LIMIT);
        let fail = |e: postgres::Error| StoreError::from_pg(url, &e);
        let mut conn = config.connect(NoTls).map_err(fail)?;
        let role: String = conn
            .query_one("SELECT current_user::text", &[])
            .map_err(fail)?
            .get(0);
        Ok(Client {
            url: url.clone(),
            conn,
            role,
        })
    }

    pub fn url(&self) -> &StoreUrl {
        &self.url
    }

    /// The database role this connection writes as.
    pub fn role(&self) -> &str {
        &self.role
    }

    /// The underlying connection (for `LISTEN` and its notifications).
    pub fn connection(&mut self) -> &mut postgres::Client {
        &mut self.conn
    }

    pub(super) fn fail(&self, error: &postgres::Error) -> StoreError {
        StoreError::from_pg(&self.url, error)
    }

    /// The schema version applied (0 when none).
    fn version(&mut self) -> Result<i32, StoreError> {
        let row = self
            .conn
            .query_one(
                "SELECT CASE WHEN to_regclass('duban_schema') IS NULL THEN 0
                 ELSE (SELECT coalesce(max(version), 0) FROM duban_schema) END",
                &[],
            )
            .map_err(|e| self.fail(&e))?;
        Ok(row.get(0))
    }

    /// Applies the migrations the database lacks, each in one transaction
    /// (concurrent inits wait for each other). Returns the versions
    /// applied; none when the store is up to date.
    pub fn init(&mut self) -> Result<Vec<i32>, StoreError> {
        let mut applied = Vec::new();
        loop {
            let url = self.url.clone();
            let fail = |e: postgres::Error| StoreError::from_pg(&url, &e);
            let mut tx = self.conn.transaction().map_err(fail)?;
            tx.batch_execute("SELECT pg_advisory_xact_lock(7306925537361)")
                .map_err(fail)?;
            let found = schema::current(&mut tx).map_err(fail)?;
            if found > VERSION {
                return Err(StoreError::SchemaTooNew {
                    url: url.to_string(),
                    found,
                    want: VERSION,
                });
            }
            if found == VERSION {
                tx.commit().map_err(fail)?;
                return Ok(applied);
            }
            let next = found + 1;
            tx.batch_execute(&schema::migration(next as usize))
                .map_err(fail)?;
            tx.execute("INSERT INTO duban_schema (version) VALUES ($1)", &[&next])
                .map_err(fail)?;
            tx.commit().map_err(fail)?;
            applied.push(next);
        }
    }

    /// Sends records; the store keeps those it lacks (by ID). Refused
    /// records (row-level security, or a role without a grant) are
    /// reported, the rest go in. One transaction.
    pub fn push(&mut self, records: &[Record]) -> Result<PushReport, StoreError> {
        if records.is_empty() {
            return Ok(PushReport::default());
        }
        let url = self.url.clone();
        let fail = |e: postgres::Error| StoreError::from_pg(&url, &e);
        let rows = Rows::of(records);
        let mut tx = self.conn.transaction().map_err(fail)?;
        let mut sub = tx.transaction().map_err(fail)?;
        match rows.insert(&mut sub) {
            Ok(accepted) => {
                sub.commit().map_err(fail)?;
                tx.commit().map_err(fail)?;
                return Ok(PushReport {
                    accepted,
                    already: records.len() - accepted,
                    refused: Vec::new(),
                });
            }
            Err(e) if refusal(&e).is_some() => drop(sub),
            Err(e) => return Err(fail(e)),
        }
        // Someone's record was refused: one by one, to tell which.
        let user = self.role.clone();
        let mut report = PushReport::default();
        for (i, record) in records.iter().enumerate() {
            let mut sub = tx.transaction().map_err(fail)?;
            match Rows::of(std::slice::from_ref(record)).insert(&mut sub) {
                Ok(n) => {
                    sub.commit().map_err(fail)?;
                    report.accepted += n;
                    report.already += 1 - n;
                }
                Err(e) => match refusal(&e) {
                    Some(kind) => {
                        drop(sub);
                        let server = e.as_db_error().map(|d| d.message()).unwrap_or("");
                        let server = url.scrub(server);
                        report.refused.push(Refusal::new(
                            &rows.ids[i],
                            record,
                            &user,
                            kind,
                            server,
                        ));
                    }
                    None => return Err(fail(e)),
                },
            }
        }
        tx.commit().map_err(fail)?;
        Ok(report)
    }

    /// Up to `limit` records after `cursor`, in the order the store got
    /// them.
    pub fn pull(&mut self, cursor: Cursor, limit: i64) -> Result<Pulled, StoreError> {
        let rows = self
            .conn
            .query(
                "SELECT seq, line FROM duban_records WHERE seq > $1 ORDER BY seq LIMIT $2",
                &[&cursor.0, &limit],
            )
            .map_err(|e| self.fail(&e))?;
        let mut pulled = Pulled {
            cursor,
            ..Pulled::default()
        };
        for row in rows {
            let seq: i64 = row.get(0);
            let line: String = row.get(1);
            pulled.cursor = Cursor(seq);
            match crate::progress::parse_records(std::path::Path::new("store"), line.as_bytes()) {
                Ok(records) if records.len() == 1 => pulled.records.extend(records),
                _ => pulled.unreadable += 1,
            }
        }
        Ok(pulled)
    }
}

/// The kind of refusal an insert's error is, if it is one.
fn refusal(error: &postgres::Error) -> Option<RefusalKind> {
    let db = error.as_db_error()?;
    if *db.code() != SqlState::INSUFFICIENT_PRIVILEGE {
        return None;
    }
    Some(if db.message().contains("row-level security") {
        RefusalKind::NotOnDuty
    } else {
        RefusalKind::NotGranted
    })
}

/// Records as the insert's column arrays.
struct Rows {
    ids: Vec<String>,
    kinds: Vec<&'static str>,
    lines: Vec<String>,
    tasks: Vec<String>,
    ats: Vec<chrono::DateTime<chrono::FixedOffset>>,
    dates: Vec<Option<chrono::NaiveDate>>,
    units: Vec<Option<String>>,
    names: Vec<Option<String>>,
}

impl Rows {
    fn of(records: &[Record]) -> Rows {
        let mut rows = Rows {
            ids: Vec::new(),
            kinds: Vec::new(),
            lines: Vec::new(),
            tasks: Vec::new(),
            ats: Vec::new(),
            dates: Vec::new(),
            units: Vec::new(),
            names: Vec::new(),
        };
        for record in records {
            rows.ids.push(record_id(record));
            rows.lines.push(super::record_text(record));
            match record {
                Record::Entry(e) => {
                    rows.kinds.push("entry");
                    rows.tasks.push(e.task.clone());
                    rows.ats.push(e.at);
                    rows.dates.push(Some(e.date));
                    rows.units.push(e.reporter.as_ref().map(|r| r.unit.clone()));
                    rows.names.push(e.reporter.as_ref().map(|r| r.name.clone()));
                }
                Record::Retract(r) => {
                    rows.kinds.push("retract");
                    rows.tasks.push(r.task.clone());
                    rows.ats.push(r.at);
                    rows.dates.push(None);
                    rows.units.push(None);
                    rows.names.push(None);
                }
            }
        }
        rows
    }

    /// Inserts the rows the store lacks; returns how many.
    fn insert(&self, tx: &mut Transaction<'_>) -> Result<usize, postgres::Error> {
        let sql = format!(
            "INSERT INTO duban_records ({INSERT_COLUMNS})
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
                                  $5::timestamptz[], $6::date[], $7::text[], $8::text[])
             ON CONFLICT (id) DO NOTHING"
        );
        let n = tx.execute(
            &sql,
            &[
                &self.ids,
                &self.kinds,
                &self.lines,
                &self.tasks,
                &self.ats,
                &self.dates,
                &self.units,
                &self.names,
            ],
        )?;
        Ok(n as usize)
    }
}
