//! The shared progress store on PostgreSQL: one database that every copy
//! of duban pushes its journal records to and pulls the others' from.
//!
//! The local journal stays the record of truth on each machine: a write is
//! committed there first (durable as without a store), then pushed. The
//! [`Outbox`] beside the journal (`progress.ron.outbox`) remembers what
//! the store has, where the last pull stopped, and what it refused.
//! A record's ID is the XXH3-128 hash of its canonical journal line, so
//! pushing twice, or two clients pushing the same record, stores it once;
//! the store is a set of records like the journal, and merges by union.
//!
//! - [`StoreUrl`]: a `postgres://` URL whose `Display` masks the password.
//! - [`Client`]: connect (with a timeout), `init`, `push`, `pull`.
//! - [`Outbox`]: what is pending, refused, and the pull cursor.
//! - [`sync`] / [`push_pending`]: the outbox and the journal against a client.
//! - [`NOTIFY_CHANNEL`]: what `LISTEN` hears new records on.

mod admin;
mod client;
mod error;
mod outbox;
mod refusal;
mod schema;
mod sync;
mod url;

pub use admin::{Grantee, duties_of};
pub use client::{Client, PUSH_TIMEOUT, Pulled, PushReport};
pub use error::StoreError;
pub use outbox::{OUTBOX_SUFFIX, Outbox, OutboxLock, lock, outbox_path};
pub use refusal::{Refusal, RefusalKind};
pub use schema::{NOTIFY_CHANNEL, VERSION};
pub use sync::{PULL_BATCH, PUSH_BATCH, SyncReport, push_pending, sync};
pub use url::StoreUrl;

use serde::{Deserialize, Serialize};

use crate::progress::Record;

/// Where a pull starts: the highest `seq` pulled so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Cursor(pub i64);

/// A record's journal line without its terminator and newline: what the
/// store keeps verbatim.
pub fn record_text(record: &Record) -> String {
    let mut line = crate::progress::record_line(record);
    line.pop();
    line
}

/// A record's ID: the XXH3-128 hash of its canonical journal line, as 32
/// hex digits. The same record gives the same ID on every machine.
pub fn record_id(record: &Record) -> String {
    let line = crate::progress::record_line(record);
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(line.as_bytes()))
}

#[cfg(test)]
mod tests;
