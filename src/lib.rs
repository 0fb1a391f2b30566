//! duban (督办): follow a city government's annual key-task responsibility
//! breakdown — browse it, search it, and record progress on it.
//!
//! - [`model`]: plain data (plan, leaders, tasks, projects, units, progress)
//! - [`store`]: load and validate a dataset directory or the bundled dataset
//! - [`import`]: a responsibility-breakdown document → a dataset
//! - [`export`]: the public JSON/CSV shape of a dataset
//! - [`progress`]: the progress journal on disk (atomic, merged, locked)
//! - [`sheet`]: spreadsheets in (calamine) and out (rust_xlsxwriter)
//! - [`search`]: one fuzzy + pinyin index over everything
//! - [`line_edit`]: a one-line text editor that is correct with Chinese
//! - [`text`]: display-width helpers for Chinese text
//! - [`app`]: dashboard state, actions and `update` (no I/O, no drawing)
//! - [`ui`]: drawing the dashboard from `&App`
//! - [`messages`]: every command-line message, in Chinese and English
//! - [`user`]: the per-user config (who reports from this machine)
//! - [`cli`]: the command line

pub mod app;
pub mod cli;
pub mod collect;
pub mod csv_out;
pub mod export;
pub mod fast_map;
pub mod files;
pub mod import;
pub mod lights;
pub mod line_edit;
pub mod messages;
pub mod model;
pub mod progress;
pub mod remote;
pub mod report;
pub mod script;
pub mod search;
pub mod sheet;
pub mod store;
pub mod synth;
pub mod synth_journal;
pub mod targets;
pub mod text;
pub mod ui;
pub mod user;
