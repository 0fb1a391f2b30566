//! `duban` with no subcommand: the terminal dashboard.
//!
//! The terminal is restored on every way out: quit, error, panic (ratatui's
//! hook plus ours for the mouse and cursor), and SIGINT/SIGTERM/SIGHUP. The
//! loop blocks on input: nothing is drawn and no CPU is used while idle.

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use super::{CliResult, Global, Lang};
use crate::app::{self, App, Effect, Progress, action_for, update};

/// How long the loop sleeps in `poll` when nothing happens; only a safety
/// net: a signal wakes it at once (see [`super::hangup`]).
const IDLE_POLL: Duration = Duration::from_secs(5);

pub fn run(global: &Global) -> CliResult {
    let data = crate::store::load(global.data.as_deref())?;
    let lang = match global.lang {
        Lang::Zh => app::Lang::Zh,
        Lang::En => app::Lang::En,
    };
    let today = global
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let progress = progress_for_dashboard(global)?;
    let mut app = App::new(data, progress, lang, today);
    app.mouse = !global.no_mouse;

    let signal = Arc::new(AtomicI32::new(0));
    super::hangup::watch(Arc::clone(&signal))?;
    let (guard, mut terminal) = TerminalGuard::new(app.mouse)?;
    let result = event_loop(&mut terminal, &mut app, &signal);
    drop(guard);
    let sig = signal.load(Ordering::SeqCst);
    if sig != 0 {
        std::process::exit(128 + sig);
    }
    result.map_err(Into::into)
}

/// The progress the dashboard shows: every entry of the dataset's journal
/// that was not undone (a missing journal is no progress yet).
fn progress_for_dashboard(global: &Global) -> Result<Progress, crate::progress::ProgressError> {
    let path = crate::progress::progress_path(global.data.as_deref())?;
    let journal = crate::progress::Journal::open(&path)?;
    Ok(Progress::from_entries(journal.entries().cloned()))
}

/// Restores the terminal when dropped, whatever way the dashboard ends.
struct TerminalGuard;

impl TerminalGuard {
    fn new(mouse: bool) -> io::Result<(TerminalGuard, DefaultTerminal)> {
        let terminal = match ratatui::try_init() {
            Ok(t) => t,
            Err(e) => {
                ratatui::restore();
                return Err(e);
            }
        };
        // ratatui's hook restores raw mode and the screen; this one, run
        // first, also releases the mouse and shows the cursor.
        let restore = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture, Show);
            restore(info);
        }));
        let guard = TerminalGuard;
        if mouse {
            execute!(stdout(), EnableMouseCapture)?;
        }
        Ok((guard, terminal))
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Releases the mouse, shows the cursor, leaves the alternate screen and
/// raw mode. Safe to call more than once.
pub(super) fn restore_terminal() {
    let _ = execute!(stdout(), DisableMouseCapture, Show);
    ratatui::restore();
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, signal: &AtomicI32) -> io::Result<()> {
    let size = terminal.size()?;
    update(app, app::Action::Resize(size.width, size.height));
    terminal.draw(|f| crate::ui::draw(f, app))?;
    while signal.load(Ordering::SeqCst) == 0 {
        if !event::poll(IDLE_POLL)? {
            continue;
        }
        // Apply everything already queued (a burst of resizes, a paste)
        // before drawing once.
        let mut dirty = false;
        loop {
            let ev = event::read()?;
            if let Some(action) = action_for(app, &ev) {
                if update(app, action) == Effect::Quit {
                    return Ok(());
                }
                dirty = true;
            }
            if signal.load(Ordering::SeqCst) != 0 || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        if dirty && signal.load(Ordering::SeqCst) == 0 {
            terminal.draw(|f| crate::ui::draw(f, app))?;
        }
    }
    Ok(())
}
