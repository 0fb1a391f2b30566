//! Ctrl-Z and SIGQUIT in the dashboard.
//!
//! In raw mode the terminal sends Ctrl-Z as a key, not as SIGTSTP; `kill
//! -TSTP` still sends the signal. Either way the dashboard leaves the
//! alternate screen, shows the cursor, releases the mouse and leaves raw
//! mode, then stops as the shell expects; `fg` (SIGCONT) resumes it, and it
//! sets the terminal up again and redraws every cell. SIGQUIT restores the
//! terminal and ends the dashboard like SIGTERM. Unix only: elsewhere there
//! is no job control and these are no-ops.

use std::io;
use std::sync::Arc;
use std::sync::atomic::AtomicI32;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::Event;

#[cfg(unix)]
mod unix {
    use std::io::{self, stdout};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

    use ratatui::DefaultTerminal;
    use ratatui::crossterm::event::{
        EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
    };
    use ratatui::crossterm::execute;
    use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    use signal_hook::consts::{SIGQUIT, SIGTSTP, SIGWINCH};
    use signal_hook::iterator::Signals;

    /// Set by the signal thread when a SIGTSTP arrived.
    static STOP_ASKED: AtomicBool = AtomicBool::new(false);

    pub fn watch(flag: Arc<AtomicI32>) -> io::Result<()> {
        let mut signals = Signals::new([SIGTSTP, SIGQUIT])?;
        std::thread::spawn(move || {
            for sig in signals.forever() {
                if sig == SIGQUIT {
                    flag.store(sig, Ordering::SeqCst);
                } else {
                    STOP_ASKED.store(true, Ordering::SeqCst);
                }
                // crossterm turns SIGWINCH into a Resize event, which wakes
                // the loop.
                let _ = signal_hook::low_level::raise(SIGWINCH);
            }
        });
        Ok(())
    }

    pub fn wanted(ev: Option<&Event>) -> bool {
        let key = ev.is_some_and(|ev| {
            matches!(ev, Event::Key(k)
                if k.kind != KeyEventKind::Release
                    && k.modifiers.contains(KeyModifiers::CONTROL)
                    && matches!(k.code, KeyCode::Char('z' | 'Z')))
        });
        STOP_ASKED.swap(false, Ordering::SeqCst) || key
    }

    pub fn suspend(terminal: &mut DefaultTerminal, mouse: bool) -> io::Result<()> {
        super::super::dashboard::restore_terminal();
        // Stops the process here (as SIGTSTP's default would); `fg`
        // continues it.
        signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
        enable_raw_mode()?;
        execute!(stdout(), EnterAlternateScreen)?;
        if mouse {
            execute!(stdout(), EnableMouseCapture)?;
        }
        super::super::dashboard::enable_paste();
        // Forget what was on the screen: the next draw writes every cell.
        terminal.clear()
    }
}

/// Starts watching for SIGTSTP and SIGQUIT; SIGQUIT puts its number in
/// `flag`, as [`super::hangup`] does for SIGTERM.
pub fn watch(flag: Arc<AtomicI32>) -> io::Result<()> {
    #[cfg(unix)]
    return unix::watch(flag);
    #[cfg(not(unix))]
    {
        let _ = flag;
        Ok(())
    }
}

/// Whether the dashboard should suspend now: `ev` is Ctrl-Z, or a SIGTSTP
/// arrived since the last call.
pub fn wanted(ev: Option<&Event>) -> bool {
    #[cfg(unix)]
    return unix::wanted(ev);
    #[cfg(not(unix))]
    {
        let _ = ev;
        false
    }
}

/// Restores the terminal, stops until `fg`, then sets the terminal up
/// again; the caller redraws.
pub fn suspend(terminal: &mut DefaultTerminal, mouse: bool) -> io::Result<()> {
    #[cfg(unix)]
    return unix::suspend(terminal, mouse);
    #[cfg(not(unix))]
    {
        let _ = (terminal, mouse);
        Ok(())
    }
}
