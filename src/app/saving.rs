//! Where progress is saved and how the last save went, as the header shows
//! it. The event loop owns the journal: it performs an [`Effect`] on it and
//! reports back with `Action::Saved(SaveOutcome)`, which lands here.
//!
//! [`Effect`]: super::Effect

use super::App;
use crate::model::ProgressEntry;

/// What the loop was asked to do with the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveKind {
    /// An entry for this ID was committed.
    Commit(String),
    /// This entry of the session was undone.
    Undo(ProgressEntry),
    /// Ctrl-S: saving what earlier saves could not.
    Retry,
    /// `u` with nothing of this session left to undo.
    NothingToUndo,
    /// This undone entry was brought back (as a new entry).
    Redo(ProgressEntry),
    /// Ctrl-R with nothing undone to bring back.
    NothingToRedo,
}

/// The outcome of one operation on the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveOutcome {
    pub kind: SaveKind,
    /// Why the save failed (one line), if it did.
    pub error: Option<Box<str>>,
    /// Records kept in memory because they are not on disk yet.
    pub pending: usize,
    /// What the operation changed in the journal's entries.
    pub changed: Changed,
    /// What went wrong beside a save that went through (a backup that
    /// could not be made, a torn tail moved to a side file).
    pub warnings: Box<[crate::messages::Text]>,
}

/// What a journal operation changed, for the progress shown to follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// Nothing (nothing to undo or redo).
    Nothing,
    /// One entry was added to the history of the ID that `kind` names (a
    /// commit or redo, nothing merged in): that entry, as the journal
    /// holds it. The rest of the ID's history is unchanged.
    Added(std::sync::Arc<ProgressEntry>),
    /// One entry left the history of its ID (an undo, nothing merged in).
    Removed(ProgressEntry),
    /// Possibly anything (another writer's records were merged in, or the
    /// save failed part way): every entry that is not undone.
    All(Vec<std::sync::Arc<ProgressEntry>>),
}

/// How the last save went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing saved yet this run.
    #[default]
    Idle,
    /// The file could not be read: where it is broken. Nothing is written
    /// to it until it parses again.
    ReadOnly(String),
    Done(SaveKind),
    /// Saved, but something beside the save went wrong: the first warning,
    /// in the app's language.
    Warned {
        kind: SaveKind,
        warning: String,
    },
    Failed {
        error: String,
        pending: usize,
    },
}

/// The header's save status: the journal's file and the last save.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveStatus {
    /// The journal's path as shown (empty: the header shows no status).
    pub path: String,
    pub state: SaveState,
}

impl SaveStatus {
    /// The status of a journal at `path` (as shown) that opened cleanly,
    /// or with the error that made it read-only.
    pub fn new(path: String, broken: Option<String>) -> SaveStatus {
        SaveStatus {
            path,
            state: broken.map_or(SaveState::Idle, SaveState::ReadOnly),
        }
    }
}

/// Applies the loop's report: the progress shown follows the journal, and
/// the header says how the save went.
pub(super) fn saved(app: &mut App, outcome: SaveOutcome) {
    match outcome.changed {
        Changed::Nothing => {}
        Changed::Added(entry) => app.apply_added(entry),
        Changed::Removed(entry) => app.apply_removed(&entry),
        Changed::All(entries) => {
            app.progress.refill(entries);
            app.restand();
        }
    }
    let troubled = matches!(
        app.saving.state,
        SaveState::ReadOnly(_) | SaveState::Failed { .. }
    );
    let nothing = matches!(
        outcome.kind,
        SaveKind::NothingToUndo | SaveKind::NothingToRedo
    );
    if nothing && troubled {
        return; // keep saying what is wrong
    }
    app.saving.state = match outcome.error {
        Some(error) => SaveState::Failed {
            error: error.into(),
            pending: outcome.pending,
        },
        None => match outcome.warnings.first() {
            Some(w) => SaveState::Warned {
                kind: outcome.kind,
                warning: crate::text::printable(&w.render(app.labels.lang)).into_owned(),
            },
            None => SaveState::Done(outcome.kind),
        },
    };
}
