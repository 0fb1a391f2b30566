//! `duban` with no subcommand: the terminal dashboard.
//!
//! The terminal is restored on every way out: quit, error, panic (ratatui's
//! hook plus ours for the mouse and cursor), and SIGINT/SIGTERM/SIGHUP. The
//! loop blocks on input: nothing is drawn and no CPU is used while idle.

use std::io::{self, stdout};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use super::dashboard_open::{Beside, load};
use super::{CliResult, Global, Lang};
use crate::app::{
    self, App, Changed, Effect, SaveKind, SaveOutcome, SaveStatus, action_for, update,
};
use crate::messages::{
    DASHBOARD_FILE_LEFT, DASHBOARD_RECOVERY_FAILED, DASHBOARD_RECOVERY_KEPT, Localize, Text,
};
use crate::msg;
use crate::progress::{Journal, ProgressError, SaveError};
use crate::search::Background;

/// How long the loop sleeps in `poll` when nothing happens; only a safety
/// net: a signal wakes it at once (see [`super::hangup`]).
const IDLE_POLL: Duration = Duration::from_secs(5);

/// How often the loop looks for a background search's answer while the
/// search popup waits for one.
const SEARCH_POLL: Duration = Duration::from_millis(4);

pub fn run(global: &Global, unit: Option<&str>) -> CliResult {
    let (data, beside) = load(global)?;
    let Beside {
        mut journal,
        broken,
        progress,
        config,
    } = beside;
    let lang = match global.lang {
        Lang::Zh => app::Lang::Zh,
        Lang::En => app::Lang::En,
    };
    let today = global
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut app = App::opened(data, progress, lang, today, &config);
    app.mouse = !global.no_mouse;
    app.saving = SaveStatus::new(shown_path(journal.path()), broken.as_ref().map(one_line));
    let user = crate::user::UserConfig::load()?;
    let asked = unit.is_some();
    let unit = match unit {
        Some(given) => Some(super::config::canonical_unit(&app.data, given)?),
        None => user.unit.clone(),
    };
    app.reporter = unit.as_ref().map(|unit| crate::model::Reporter {
        unit: unit.clone(),
        name: user.name.clone().unwrap_or_default(),
    });
    if let Some(u) = unit.and_then(|u| app.data.units.iter().position(|x| x.name == u)) {
        app::year::open_unit(&mut app, u);
    }
    offer_recovery(&mut app, &journal);
    // Asked once: not over a recovery offer, nor when `--unit` names one.
    if !asked && user.wants_asking() && app.mode == app::Mode::Browse {
        app.ask_reporter(user.name.as_deref());
    }

    let signal = Arc::new(AtomicI32::new(0));
    super::hangup::watch(Arc::clone(&signal))?;
    super::suspend::watch(Arc::clone(&signal))?;
    let live = super::live::Live::start(global, &journal, &mut app)?;
    let (guard, mut terminal) = TerminalGuard::new(app.mouse)?;
    let result = event_loop(
        &mut terminal,
        &mut app,
        &mut journal,
        &signal,
        live.as_ref(),
    );
    drop(guard);
    let unsaved = last_save(&mut journal, broken.as_ref(), global.lang);
    let sig = signal.load(Ordering::SeqCst);
    if sig != 0 {
        if let Some(message) = &unsaved {
            eprintln!(
                "duban: {}",
                crate::text::printable_lines(&message.render(lang))
            );
        }
        std::process::exit(128 + sig);
    }
    // Every entry is on disk or in the recovery file and the terminal is
    // restored: what is left goes with the process.
    app.leave();
    std::mem::forget(journal);
    // Nothing is left to do but exit: the memory is freed after the exit,
    // not before it (see `quit`).
    #[cfg(target_os = "linux")]
    super::quit::hand_over_memory();
    result?;
    unsaved.map_or(Ok(()), |e| Err(e.into()))
}

/// On the way out: one more try at what is not saved. If it fails, the
/// entries go to a recovery file (see `progress::recover`) and the user is
/// told (on the restored terminal) where, and how to replay them.
fn last_save(journal: &mut Journal, broken: Option<&ProgressError>, lang: Lang) -> Option<Text> {
    if journal.pending() == 0 {
        if let Some(e) = broken {
            let left = msg!(DASHBOARD_FILE_LEFT, error = e.localize(lang));
            eprintln!("duban: {}", left.render(lang));
        }
        return None;
    }
    let pending = journal.pending();
    let error = match journal.retry() {
        Ok(_) => return None,
        Err(e) => e,
    };
    let error = error.localize(lang);
    Some(match journal.write_recovery() {
        Ok(Some(file)) => msg!(
            DASHBOARD_RECOVERY_KEPT,
            n = pending,
            error = error,
            file = file.display()
        ),
        Ok(None) => Text::Plain(error),
        Err(e) => msg!(
            DASHBOARD_RECOVERY_FAILED,
            n = pending,
            error = error,
            cause = e.localize(lang)
        ),
    })
}

/// Entries a past session could not save wait in a recovery file: ask
/// whether to save them now.
fn offer_recovery(app: &mut App, journal: &Journal) {
    let Some(file) = crate::progress::find_recovery(journal.path()) else {
        return;
    };
    match crate::progress::read_recovery(&file) {
        Ok(records) if !records.is_empty() => app.offer_replay(file, records.len()),
        Ok(_) => {}
        Err(e) => {
            app.saving.state = app::SaveState::Failed {
                error: one_line(&e),
                pending: 0,
            }
        }
    }
}

/// A path as the header shows it: the home directory as `~`.
fn shown_path(path: &Path) -> String {
    match dirs::home_dir().and_then(|home| path.strip_prefix(home).ok().map(Path::to_path_buf)) {
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}

/// The first line of an error (a parse error's excerpt follows on the next
/// lines), with the home directory as `~`.
fn one_line(e: &impl ToString) -> String {
    let text = e.to_string();
    let first = text.lines().next().unwrap_or_default();
    match dirs::home_dir() {
        Some(home) if !home.as_os_str().is_empty() => {
            first.replace(&format!("{}/", home.display()), "~/")
        }
        _ => first.to_string(),
    }
}

/// Performs an effect on the journal and reports how it went.
#[doc(hidden)]
pub fn perform(journal: &mut Journal, effect: Effect) -> Option<SaveOutcome> {
    let (kind, result) = match effect {
        Effect::None | Effect::Quit | Effect::Search(_) | Effect::SaveUser(_) => return None,
        Effect::Commit(mut entry) => {
            entry.at = crate::progress::now();
            let id = entry.task.clone();
            (SaveKind::Commit(id), journal.commit(entry).map(Some))
        }
        Effect::Undo => match journal.undo_last_of_session() {
            Some(undone) => (SaveKind::Undo(undone.entry), undone.saved.map(Some)),
            None => (SaveKind::NothingToUndo, Ok(None)),
        },
        Effect::Redo => match journal.redo_last_undo(crate::progress::now()) {
            Some(redone) => (SaveKind::Redo(redone.entry), redone.saved.map(Some)),
            None => (SaveKind::NothingToRedo, Ok(None)),
        },
        Effect::Retry => (SaveKind::Retry, journal.retry().map(Some)),
        Effect::Replay(file) => (SaveKind::Retry, journal.replay(&file).map(|(_, r)| Some(r))),
    };
    Some(outcome(journal, kind, result))
}

/// How an operation went, and what it changed: the one entry added or
/// undone when it merged nothing in (so a save costs the same at any size
/// of the journal or of the ID's history), else every entry.
pub(super) fn outcome(
    journal: &Journal,
    kind: SaveKind,
    result: Result<Option<crate::progress::SaveReport>, SaveError>,
) -> SaveOutcome {
    let one = match (&kind, &result) {
        (SaveKind::Commit(id), Ok(Some(r))) if r.merged == 0 => Some(id.clone()),
        (SaveKind::Undo(e) | SaveKind::Redo(e), Ok(Some(r))) if r.merged == 0 => {
            Some(e.task.clone())
        }
        _ => None,
    };
    let all = || Changed::All(journal.shared().cloned().collect());
    let changed = match (&kind, one) {
        (SaveKind::NothingToUndo | SaveKind::NothingToRedo, _) => Changed::Nothing,
        (SaveKind::Undo(e), Some(_)) => Changed::Removed(e.clone()),
        // The entry just appended: the app adds it to the ID's history.
        (_, Some(id)) => match journal.last_of_session() {
            Some(entry) if entry.task == id => Changed::Added(entry.clone()),
            _ => all(),
        },
        (_, None) => all(),
    };
    let warnings = match &result {
        Ok(Some(report)) => report.warnings.clone().into(),
        _ => Box::default(),
    };
    SaveOutcome {
        kind,
        error: result.err().as_ref().map(|e| save_error(e).into()),
        pending: journal.pending(),
        changed,
        warnings,
    }
}

/// A failed save in one line: what failed and why; the path is in the
/// header already.
fn save_error(e: &SaveError) -> String {
    match e {
        SaveError::Io { step, source, .. } => format!("cannot {step} the file: {source}"),
        SaveError::Broken { error, .. } => one_line(error),
        SaveError::Invalid(_) => one_line(e),
    }
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
            // A search that panics is answered with no hits and the
            // dashboard goes on (see `search::Worker`); the start's rest
            // that panics is worked out again on the UI thread, where a
            // panic is the dashboard's: leave the screen.
            let thread = std::thread::current();
            if [
                crate::search::THREAD_NAME,
                super::live_worker::THREAD_NAME,
                super::dashboard_rest::THREAD_NAME,
            ]
            .contains(&thread.name().unwrap_or_default())
            {
                return;
            }
            let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste, Show);
            restore(info);
        }));
        let guard = TerminalGuard;
        if mouse {
            execute!(stdout(), EnableMouseCapture)?;
        }
        enable_paste();
        Ok((guard, terminal))
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Asks the terminal to hand a paste over as one text (bracketed paste),
/// so a line break in it types a line break instead of pressing Enter.
/// A terminal that cannot is no reason to stop: pastes then arrive as keys.
pub(super) fn enable_paste() {
    let _ = execute!(stdout(), EnableBracketedPaste);
}

/// Releases the mouse, shows the cursor, leaves the alternate screen and
/// raw mode. Safe to call more than once.
pub(super) fn restore_terminal() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste, Show);
    ratatui::restore();
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    journal: &mut Journal,
    signal: &AtomicI32,
    live: Option<&super::live::Live>,
) -> io::Result<()> {
    let size = terminal.size()?;
    update(app, app::Action::Resize(size.width, size.height));
    terminal.draw(|f| crate::ui::draw(f, app))?;
    // The first frame is up: the search index and what the other tabs
    // need are worked out from now on, on threads of their own (see
    // `app::start`).
    app.start_search();
    let mut rest = super::dashboard_rest::Rest::default();
    rest.start(app);
    let mut searches = Background::new(app.searcher.shared_index(), app.background_search);
    // Without a thread the popup searches in `update`, narrowing as it goes.
    app.background_search = searches.has_thread();
    // The first frame is up: start what frees the memory after the exit,
    // so `q` need not wait for a new process (see `quit`).
    #[cfg(target_os = "linux")]
    super::quit::start_helper();
    while signal.load(Ordering::SeqCst) == 0 {
        let mut wait = if rest.working() {
            super::dashboard_rest::POLL
        } else if app.search_pending() {
            SEARCH_POLL
        } else if live.is_some() {
            super::live::POLL
        } else {
            IDLE_POLL
        };
        let mut dirty = false;
        // Apply everything already queued (a burst of resizes, a paste)
        // before drawing once.
        while event::poll(wait)? {
            wait = Duration::ZERO;
            let ev = event::read()?;
            if super::suspend::wanted(Some(&ev)) {
                super::suspend::suspend(terminal, app.mouse)?;
                dirty = true;
                continue;
            }
            if let Some(action) = action_for(app, &ev) {
                // Keys that read what the other tabs need wait for it.
                if app.needs_rest(&action) {
                    rest.take(app, true);
                }
                match update(app, action) {
                    Effect::Quit => {
                        // Not waiting for a search still running: its
                        // answer is not wanted any more.
                        std::mem::forget(searches);
                        return Ok(());
                    }
                    Effect::Search(request) => {
                        if let Some(reply) = searches.start(request) {
                            update(app, app::Action::Found(reply));
                        }
                    }
                    Effect::SaveUser(config) => {
                        if let Err(e) = config.save() {
                            update(app, app::Action::UserNotSaved(one_line(&e)));
                        }
                    }
                    effect => {
                        if let Some(outcome) = perform(journal, effect) {
                            update(app, app::Action::Saved(outcome));
                            if let Some(live) = live {
                                live.saved();
                            }
                        }
                    }
                }
                dirty = true;
            }
            // Also between events: a stream of them (mouse moves) must not
            // hold answers back.
            dirty |= take_answers(&mut searches, app);
            if signal.load(Ordering::SeqCst) != 0 {
                break;
            }
        }
        dirty |= take_answers(&mut searches, app);
        // Of the tabs shown before it, only the overview shows the rest.
        dirty |= rest.take(app, false) && app.nav.tab == app::Tab::Overview;
        dirty |= live.is_some_and(|l| l.take(app, journal));
        if dirty && signal.load(Ordering::SeqCst) == 0 {
            terminal.draw(|f| crate::ui::draw(f, app))?;
        }
        // Again if the answer came for standings changed since.
        rest.start(app);
    }
    Ok(())
}

/// Applies the search thread's answers; whether there were any. Answers to
/// queries typed over since are dropped by `update`.
fn take_answers(searches: &mut Background, app: &mut App) -> bool {
    let mut any = false;
    while let Some(reply) = searches.ready() {
        update(app, app::Action::Found(reply));
        any = true;
    }
    any
}
