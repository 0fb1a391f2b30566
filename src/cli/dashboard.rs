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
    let data = interim_load(global.data.as_deref())?;
    let lang = match global.lang {
        Lang::Zh => app::Lang::Zh,
        Lang::En => app::Lang::En,
    };
    let today = global
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut app = App::new(data, progress_for_dashboard(global), lang, today);
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

/// Reads a dataset directory. Interim: replaced by `store::load` (which
/// also validates and has the bundled dataset) once that lands.
fn interim_load(
    dir: Option<&std::path::Path>,
) -> Result<crate::model::Dataset, Box<dyn std::error::Error>> {
    use crate::model::{Dataset, Task, TaskKind};
    let dir = dir.ok_or("no bundled dataset yet: pass --data DIR")?;
    let opts =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let kind = |mut ts: Vec<Task>, k: TaskKind| {
        ts.iter_mut().for_each(|t| t.kind = k);
        ts
    };
    Ok(Dataset {
        plan: opts.from_str(&read("plan.ron")?)?,
        tasks: kind(opts.from_str(&read("tasks.ron")?)?, TaskKind::Key),
        projects: kind(opts.from_str(&read("projects.ron")?)?, TaskKind::Project),
        units: opts.from_str(&read("units.ron")?)?,
    })
}

/// The progress the dashboard shows. None is recorded yet: the progress
/// journal fills this in.
fn progress_for_dashboard(_global: &Global) -> Progress {
    Progress::default()
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
