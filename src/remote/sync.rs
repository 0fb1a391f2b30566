//! Push what the store lacks, pull what the journal lacks.

use serde::{Deserialize, Serialize};

use super::client::{Client, PushReport};
use super::error::StoreError;
use super::outbox::Outbox;
use super::record_id;
use crate::progress::Journal;

/// Records per push transaction.
pub const PUSH_BATCH: usize = 500;
/// Records per pull query.
pub const PULL_BATCH: i64 = 2000;

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncReport {
    pub pushed: PushReport,
    /// Records pulled that the journal did not have (now appended to it).
    pub pulled: usize,
    /// Rows of the store this duban could not read (skipped).
    pub unreadable: usize,
    /// Records still pending afterwards (0 unless refused or failed).
    pub pending: usize,
}

/// Pushes the outbox's pending records, batch by batch, saving the outbox
/// after each (a crash in between pushes a batch again, which the store
/// ignores). The outbox is marked for the client's store first.
pub fn push_pending(outbox: &mut Outbox, client: &mut Client) -> Result<PushReport, StoreError> {
    outbox.use_store(client.url().masked());
    let pending = outbox.pending()?;
    let mut report = PushReport::default();
    if pending.is_empty() {
        return Ok(report);
    }
    for batch in pending.chunks(PUSH_BATCH) {
        let done = client.push(batch)?;
        let refused: std::collections::HashSet<&str> =
            done.refused.iter().map(|r| r.id.as_str()).collect();
        let ids: Vec<String> = batch
            .iter()
            .map(record_id)
            .filter(|id| !refused.contains(id.as_str()))
            .collect();
        outbox.known(&ids);
        outbox.refuse(done.refused.clone());
        outbox.save()?;
        report.accepted += done.accepted;
        report.already += done.already;
        report.refused.extend(done.refused);
    }
    outbox.advance()?;
    outbox.save()?;
    Ok(report)
}

/// Pushes the pending records, then pulls every record after the outbox's
/// cursor into `journal` (the ones it lacks are appended and saved; they
/// are never pushed back as new), then marks the time.
pub fn sync(
    journal: &mut Journal,
    outbox: &mut Outbox,
    client: &mut Client,
) -> Result<SyncReport, StoreError> {
    let pushed = push_pending(outbox, client)?;
    let mut report = SyncReport {
        pushed,
        ..SyncReport::default()
    };
    loop {
        let batch = client.pull(outbox.cursor(), PULL_BATCH)?;
        if batch.cursor == outbox.cursor() {
            break;
        }
        let ids: Vec<String> = batch.records.iter().map(record_id).collect();
        let (added, _) = journal
            .merge_in(batch.records)
            .map_err(|e| StoreError::Save(Box::new(e)))?;
        report.pulled += added;
        report.unreadable += batch.unreadable;
        outbox.known(&ids);
        outbox.set_cursor(batch.cursor);
        outbox.save()?;
    }
    outbox.synced_at(crate::progress::now());
    outbox.advance()?;
    report.pending = outbox.pending_count()?;
    outbox.save()?;
    Ok(report)
}
