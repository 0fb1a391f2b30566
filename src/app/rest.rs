//! The rest of start-up (see `start.rs`) worked out apart from the app:
//! the dashboard hands a [`RestJob`] to a thread of its own once the first
//! frame is drawn and gives the answer back as [`Action::Rested`], so keys
//! that need none of it are answered meanwhile; [`App::finish_start`]
//! runs the same job in place.
//!
//! [`Action::Rested`]: super::Action::Rested

use std::collections::HashMap;
use std::sync::Arc;

use super::index::{Duties, Index};
use super::standings::{Ground, Kept};
use super::{App, Lang};
use crate::lights::{Light, Reason, Standing};
use crate::model::Dataset;

/// What the units' duties and the overview's part of the standings are
/// worked out from: the shared dataset, its units' names and a copy of
/// the standings as the first frame has them.
pub struct RestJob {
    data: Arc<Dataset>,
    unit_by_name: HashMap<String, usize>,
    states: Vec<u8>,
    lights: Vec<(Light, Reason)>,
    units: Vec<Standing>,
    red: Vec<u32>,
    lang: Lang,
    /// [`App::version`] when the copy was taken.
    version: u64,
}

impl RestJob {
    /// The job for `app`, if the rest is left to do; `states` is every
    /// task's completion, as the first standings gave them.
    pub(super) fn of(app: &App, states: &[u8]) -> RestJob {
        let s = app.standings();
        RestJob {
            data: Arc::clone(&app.data),
            unit_by_name: app.index.unit_by_name.clone(),
            states: states.to_vec(),
            lights: s.lights.clone(),
            units: s.units.clone(),
            red: s.overall.red.clone(),
            lang: app.labels.lang,
            version: app.version,
        }
    }

    /// Works the rest out: the units' duties, then what the overview keeps
    /// from them and the lights.
    pub fn run(self) -> Rested {
        let duties = Index::units_duties(&self.data, &self.unit_by_name);
        let ground = Ground {
            data: &self.data,
            unit_by_name: &self.unit_by_name,
            duties: &duties,
            lang: self.lang,
        };
        let kept = Kept::of(&ground, &self.states, &self.lights, &self.units, &self.red);
        Rested {
            data: self.data,
            version: self.version,
            duties,
            kept,
        }
    }
}

/// A [`RestJob`]'s answer, for [`App::rested`].
#[derive(Clone)]
pub struct Rested {
    data: Arc<Dataset>,
    version: u64,
    duties: Duties,
    kept: Kept,
}

impl std::fmt::Debug for Rested {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rested")
            .field("version", &self.version)
            .field("units", &self.duties.len())
            .finish_non_exhaustive()
    }
}

impl PartialEq for Rested {
    fn eq(&self, other: &Rested) -> bool {
        Arc::ptr_eq(&self.data, &other.data)
            && self.version == other.version
            && self.duties == other.duties
            && self.kept == other.kept
    }
}

impl Eq for Rested {}

impl App {
    /// Takes a [`RestJob`]'s answer: the app is whole from here on if the
    /// answer is for the standings it has now. An answer that comes after
    /// the app was made whole another way (a save, a new as-of date, each
    /// of which works the rest out at once) or for other standings is
    /// dropped, so it never overwrites what they changed; whether it was
    /// taken.
    pub(super) fn rested(&mut self, rested: Rested) -> bool {
        let fresh = Arc::ptr_eq(&rested.data, &self.data) && rested.version == self.version;
        if !fresh || self.start_finished() {
            return false;
        }
        self.rest = super::start::Rest::Done;
        self.index.put_duties(rested.duties);
        self.nav.units.shown = self.index.units_by_load.clone();
        rested.kept.put(&mut self.standings);
        self.restood();
        true
    }
}
