//! Ending the dashboard where there are no unix signals (Windows).
//!
//! crossterm reads the console itself: in raw mode Ctrl-C arrives as a key
//! event, which the dashboard maps to quitting, and a resize arrives as an
//! event too. Closing the console window ends the process; entries are
//! saved as they are committed, so what was saved stays saved. There is no
//! terminal hang-up to watch for, so nothing is started.

use std::io;
use std::sync::Arc;
use std::sync::atomic::AtomicI32;

/// Nothing to watch: the flag stays 0 and the loop ends on its own events.
pub fn watch(_flag: Arc<AtomicI32>) -> io::Result<()> {
    Ok(())
}
