//! A search index shared between searchers, possibly still being built.
//!
//! Building the index of a large dataset takes longer than everything else
//! the dashboard does before its first frame (185 ms at 100,000 tasks), and
//! the first frame does not search. [`Shared::build_in_background`] builds
//! it on a thread of its own, reading the dataset the app holds (shared,
//! not copied); a searcher that needs it first waits for it.

use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use super::Index;
use crate::model::Dataset;

/// An index, ready or on its way; cheap to clone.
#[derive(Debug, Clone)]
pub struct Shared(Inner);

#[derive(Debug, Clone)]
enum Inner {
    Ready(Arc<Index>),
    Building(Arc<OnceLock<Index>>),
}

impl Shared {
    /// Starts building the index of `data` on another thread, which
    /// reads the dataset through its own handle on it (nothing is
    /// copied); builds it here if no thread can be started.
    pub fn build_in_background(data: Arc<Dataset>) -> Shared {
        let cell = Arc::new(OnceLock::new());
        let filled = Arc::clone(&cell);
        let read = Arc::clone(&data);
        let started = std::thread::Builder::new()
            .name("duban-index".into())
            .spawn(move || {
                // A panic leaves an empty index rather than a searcher
                // waiting for ever.
                let index = std::panic::catch_unwind(|| Index::build(&read)).unwrap_or_default();
                let _ = filled.set(index);
            });
        match started {
            Ok(_) => Shared(Inner::Building(cell)),
            Err(_) => Shared::from(Arc::new(Index::build(&data))),
        }
    }

    /// The index, waiting for it if it is being built.
    pub fn get(&self) -> &Index {
        match &self.0 {
            Inner::Ready(index) => index,
            Inner::Building(cell) => cell.wait(),
        }
    }
}

impl From<Arc<Index>> for Shared {
    fn from(index: Arc<Index>) -> Shared {
        Shared(Inner::Ready(index))
    }
}

impl Deref for Shared {
    type Target = Index;

    fn deref(&self) -> &Index {
        self.get()
    }
}

/// How many entries the index of `data` holds (tasks, projects, sub-items,
/// units, leaders), without building it.
pub fn entry_count(data: &Dataset) -> usize {
    let items: usize = data.all_tasks().map(|t| t.items.len()).sum();
    data.tasks.len() + data.projects.len() + items + data.units.len() + data.plan.leaders.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Searcher;

    #[test]
    fn a_background_index_answers_as_one_built_in_place() {
        let data = crate::synth::synth(300, 2);
        let ready = Arc::new(Index::build(&data));
        let background = Shared::build_in_background(Arc::new(data.clone()));
        assert_eq!(background.len(), ready.len());
        assert_eq!(entry_count(&data), ready.len());
        for query in ["新增", "gsqy", "市发改局", "K2.1"] {
            let a = Searcher::new(Arc::clone(&ready)).search(query, None, 20);
            let b = Searcher::new(background.clone()).search(query, None, 20);
            assert_eq!(a, b, "{query}");
        }
    }
}
