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
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
use signal_hook::iterator::Signals;

use super::{CliResult, Global, Lang};
use crate::app::{self, App, Effect, Progress, action_for, update};

/// How long the loop sleeps in `poll` when nothing happens; only a safety
/// net: a signal wakes it at once (see [`watch_signals`]).
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
    watch_signals(Arc::clone(&signal))?;
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

/// Sets `flag` to the signal number on SIGINT, SIGTERM or SIGHUP, then
/// wakes the event loop: crossterm turns SIGWINCH into a Resize event,
/// after which the loop sees the flag.
fn watch_signals(flag: Arc<AtomicI32>) -> io::Result<()> {
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            flag.store(sig, Ordering::SeqCst);
            let _ = signal_hook::low_level::raise(SIGWINCH);
        }
    });
    Ok(())
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
        let _ = execute!(stdout(), DisableMouseCapture, Show);
        ratatui::restore();
    }
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
