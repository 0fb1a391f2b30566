//! Ending the dashboard where there are no unix signals (Windows).
//!
//! crossterm reads the console itself: in raw mode Ctrl-C arrives as a key
//! event, which the dashboard maps to quitting, and a resized or closed
//! console window reaches the event loop through crossterm as well. There
//! is no hang-up to watch for and no signal to catch, so nothing is started.

use std::io;
use std::sync::Arc;
use std::sync::atomic::AtomicI32;

/// Nothing to watch: the flag stays 0 and the loop ends on its own events.
pub fn watch(_flag: Arc<AtomicI32>) -> io::Result<()> {
    Ok(())
}
