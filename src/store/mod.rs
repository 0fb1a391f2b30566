//! Loading, validating and writing dataset directories.
//!
//! [`load`] gives the bundled dataset or the one in a directory; both go
//! through [`load_sources`], which parses the four RON files and then
//! cross-checks them. [`Index`] answers the lookups the dashboard, search
//! and export need (alias → unit, a unit's duties, a leader's tasks).

mod bundled;
mod cache;
mod cache_chunks;
mod cache_form;
mod error;
mod index;
mod leads;
mod load;
mod outline;
mod split;
mod validate;
mod write;

use std::path::Path;

use crate::model::Dataset;

pub use bundled::{BUNDLED_DIR, bundled_sources};
pub use cache::{CACHE_DIR_ENV, Cache, CacheUse, MIN_BYTES};
pub use error::{Diagnostic, LoadError};
pub use index::{Duties, Index};
pub use leads::{LEADS_FILE, LeadCuration, SettledLead};
pub use load::{decode, load_dir, load_dir_cached, load_sources, warn_in};
pub use write::{FILES, render_dataset, ron_pretty, write_dataset, write_files};

/// The dataset in `data`, or the bundled one when `data` is `None`.
pub fn load(data: Option<&Path>) -> Result<Dataset, LoadError> {
    match data {
        Some(dir) => load_dir(dir),
        None => load_sources(&bundled_sources()),
    }
}

/// The checks [`load_sources`] makes, on a dataset already in memory and
/// the text of its files as [`render_dataset`] gives them (in [`FILES`]
/// order; the name is what messages show): what `duban import` runs
/// before it writes, without parsing back what it has just rendered.
pub fn check_rendered(data: &Dataset, files: [(&str, &str); 4]) -> Result<(), LoadError> {
    let [plan, tasks, projects, units] = files;
    let problems = validate::validate(data, &validate::Sources::new(plan, tasks, projects, units));
    match problems.is_empty() {
        true => Ok(()),
        false => Err(LoadError::Invalid(problems)),
    }
}
