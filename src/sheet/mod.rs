//! Spreadsheets in and out, shared by every command that reads or writes
//! one (`duban import` of a plan table, `export`/`report --format xlsx`,
//! unit report sheets).
//!
//! - [`read`]: xlsx, xls, ods (calamine) or csv → a [`Grid`] of cell texts,
//!   with the sheet's merged-cell ranges;
//! - [`cell`]: A1 references ([`CellRef`]) and the `file!sheet!cell`
//!   [`Location`] every error names;
//! - [`error`]: what can go wrong opening a sheet ([`SheetError`], said in
//!   the user's language through the message table);
//! - [`width`]: column widths from the display width of Chinese text;
//! - [`format`]: the xlsx formats every sheet shares (header, wrapped
//!   text, dates, light fills) and [`format::save`], which writes a
//!   workbook through a temporary file and a rename.

pub mod cell;
pub mod error;
pub mod format;
pub mod grid;
pub mod read;
pub mod width;

pub use cell::{CellRef, Location};
pub use error::SheetError;
pub use grid::{Cell, CellKind, Grid, Merge};
pub use read::{read_sheet, sheet_names};
