//! The shared store (`--store`) as the dashboard sees it: whether the
//! server is reachable, what waits to be pushed, what it refused, and the
//! entries other clients wrote. The event loop's store worker reports with
//! `Action::StoreStatus` and `Action::Pulled`, which land here; the loop
//! has already written pulled records to the journal.

use super::App;
use crate::model::ProgressEntry;

/// Whether the store's server can be reached.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Link {
    /// Not connected yet since the dashboard opened.
    #[default]
    Connecting,
    Online,
    /// The last try to reach the server failed; the worker tries again.
    Offline,
    /// The server answered with an error waiting will not mend (no such
    /// database, a wrong password, a schema of another version): the
    /// first line of what it said, in the app's language.
    Failed(Box<str>),
}

/// The header's store status.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoreStatus {
    pub link: Link,
    /// Entries in the outbox not yet on the server.
    pub pending: usize,
    /// Entries the server refused (the unit may not write those tasks);
    /// they stay in the outbox, marked.
    pub refused: usize,
}

/// What pulling from the store changed in the journal's entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pulled {
    /// The histories of these IDs (entries not undone, after the pull).
    Ids(Vec<(String, Vec<ProgressEntry>)>),
    /// So much that everything is worked out again: every entry not undone.
    All(Vec<std::sync::Arc<ProgressEntry>>),
}

/// A new status from the worker.
pub(super) fn status(app: &mut App, status: StoreStatus) {
    app.store = Some(status);
}

/// Entries another client wrote: the lights and standings follow, one ID
/// at a time when few changed (as a save does), else all at once.
pub(super) fn pulled(app: &mut App, pulled: Pulled) {
    match pulled {
        Pulled::Ids(histories) => {
            for (id, history) in histories {
                app.apply_history(&id, history);
            }
        }
        Pulled::All(entries) => {
            app.progress.refill(entries);
            app.restand();
        }
    }
}
