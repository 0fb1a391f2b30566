//! What the dashboard reads before it opens: the dataset, and beside it,
//! on a thread of its own, the journal, the progress recorded in it and
//! the light rule's config.

use super::{Failure, Global};
use crate::app::Progress;
use crate::model::Dataset;
use crate::progress::{Journal, ProgressError};

/// What the dashboard reads beside the dataset: the journal, the progress
/// recorded in it, and the light rule's config.
pub(super) struct Beside {
    pub journal: Journal,
    pub broken: Option<ProgressError>,
    pub progress: Progress,
    pub config: crate::lights::Config,
}

/// Why what is read beside the dataset could not be (sent back from its
/// thread, which a [`Failure`] cannot be).
enum BesideError {
    Journal(ProgressError),
    Config(crate::lights::ConfigError),
}

impl From<BesideError> for Failure {
    fn from(e: BesideError) -> Failure {
        match e {
            BesideError::Journal(e) => e.into(),
            BesideError::Config(e) => e.into(),
        }
    }
}

fn read_beside(global: &Global) -> Result<Beside, BesideError> {
    let (journal, broken) = open_journal(global).map_err(BesideError::Journal)?;
    let progress = Progress::from_entries(journal.shared().cloned());
    let config =
        crate::lights::Config::find(global.data.as_deref(), None).map_err(BesideError::Config)?;
    Ok(Beside {
        journal,
        broken,
        progress,
        config,
    })
}

/// The dataset, and what is read beside it on another thread meanwhile
/// (parsing a journal of 100,000 entries takes about as long as loading
/// 100,000 tasks from the cache). Reading only, nothing is written, so a
/// dataset that does not load is reported first, as before.
pub(super) fn load(global: &Global) -> Result<(Dataset, Beside), Failure> {
    let (data, beside) = std::thread::scope(|scope| {
        let beside = std::thread::Builder::new()
            .name("duban-journal".into())
            .spawn_scoped(scope, || read_beside(global));
        let data = crate::store::load(global.data.as_deref());
        let beside = match beside {
            Ok(thread) => thread
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            Err(_) => read_beside(global),
        };
        (data, beside)
    });
    Ok((data?, beside?))
}

/// The dataset's journal. A file that cannot be read or parsed is left
/// alone: the journal opens read-only (entries are kept in memory and saved
/// once the file is fixed) and the error is returned to show.
fn open_journal(global: &Global) -> Result<(Journal, Option<ProgressError>), ProgressError> {
    let path = crate::progress::progress_path(global.data.as_deref())?;
    Ok(match Journal::open(&path) {
        Ok(journal) => (journal, None),
        Err(e) => (Journal::read_only(&path), Some(e)),
    })
}
