//! The dashboard's side of the shared store: starts the store thread
//! ([`super::live_worker`]) when a store is configured, tells it of each
//! save, and turns what it reports into actions. Records pulled from the
//! store are saved to the journal here, on the UI thread that owns it,
//! before the lights follow.

use std::time::Duration;

use super::live_worker::{Report, Worker};
use super::{Failure, Global};
use crate::app::{self, App, Pulled, SaveKind, StoreStatus, update};
use crate::progress::{Journal, Record};

/// How long the event loop waits for input while a store is configured,
/// before it looks for the store thread's reports: the most a pulled entry
/// waits to be shown (a quarter of a second, four cheap wake-ups a second).
pub const POLL: Duration = Duration::from_millis(250);

/// Above this many IDs in one pull, the standings are worked out again
/// whole rather than one ID at a time.
const MANY_IDS: usize = 64;

/// The store thread, when the dashboard has a store.
pub struct Live {
    worker: Worker,
}

impl Live {
    /// Starts the store thread if a store is configured (`--store`,
    /// `DUBAN_STORE`, `store:` in `duban.ron`); the header shows it
    /// connecting.
    pub fn start(
        global: &Global,
        journal: &Journal,
        app: &mut App,
    ) -> Result<Option<Live>, Failure> {
        let Some(url) = super::store_hook::store_url(global)? else {
            return Ok(None);
        };
        let lang = app.labels.lang;
        let worker = Worker::spawn(url, journal.path().to_path_buf(), lang)
            .map_err(|e| Failure::from(crate::messages::Text::Plain(e.to_string())))?;
        app.store = Some(StoreStatus::default());
        Ok(Some(Live { worker }))
    }

    /// The journal was saved (or a save was tried): push.
    pub fn saved(&self) {
        self.worker.saved();
    }

    /// Applies what the store thread reported since the last look; whether
    /// anything on screen changed.
    pub fn take(&self, app: &mut App, journal: &mut Journal) -> bool {
        let mut changed = false;
        while let Some(report) = self.worker.try_recv() {
            changed |= match report {
                Report::Status(status) => {
                    let news = app.store.as_ref() != Some(&status);
                    update(app, app::Action::StoreStatus(status));
                    news
                }
                Report::Records { records, cursor } => {
                    let (kept, shown) = keep(app, journal, records);
                    if kept {
                        self.worker.kept(cursor);
                    }
                    shown
                }
            };
        }
        changed
    }
}

/// Saves pulled records to the journal and shows them: whether they were
/// saved, and whether anything changed on screen.
fn keep(app: &mut App, journal: &mut Journal, records: Vec<Record>) -> (bool, bool) {
    let mut ids: Vec<String> = records.iter().map(|r| record_task(r).to_string()).collect();
    ids.sort_unstable();
    ids.dedup();
    match journal.merge_in(records) {
        Ok((0, report)) if report.merged == 0 => (true, false),
        Ok((_, report)) => {
            let pulled = if report.merged == 0 && ids.len() <= MANY_IDS {
                let history = |id: &String| journal.history(id).into_iter().cloned().collect();
                Pulled::Ids(ids.iter().map(|id| (id.clone(), history(id))).collect())
            } else {
                Pulled::All(journal.shared().cloned().collect())
            };
            update(app, app::Action::Pulled(pulled));
            (true, true)
        }
        Err(e) => {
            // Kept in memory, and shown as a failed save with its count.
            let outcome = super::dashboard::outcome(journal, SaveKind::Retry, Err(e));
            update(app, app::Action::Saved(outcome));
            (false, true)
        }
    }
}

/// The ID a record is about.
fn record_task(record: &Record) -> &str {
    match record {
        Record::Entry(e) => &e.task,
        Record::Retract(r) => &r.task,
    }
}
