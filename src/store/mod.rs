//! Loading, validating and writing dataset directories.

mod write;

pub use write::{FILES, render_dataset, ron_pretty, write_dataset};
