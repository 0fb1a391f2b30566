//! The header's save status: where progress is saved and whether the last
//! save succeeded (a failure in red, with how many entries wait in memory).

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;

use super::style;
use crate::app::{App, SaveKind, SaveState};
use crate::text::{ELLIPSIS, tail, truncate, width};

/// The status in at most `room` columns (with a trailing space), or
/// `None` when the app has no journal or no room.
pub fn status(app: &App, room: usize) -> Option<Span<'static>> {
    let w = app.labels.editor();
    let path = app.saving.path.as_str();
    if path.is_empty() || room < 8 {
        return None;
    }
    let (head, path, st) = match &app.saving.state {
        SaveState::Idle => (format!("{} ", w.saved_to), path, style::muted()),
        SaveState::Done(SaveKind::NothingToUndo) => {
            (w.nothing_to_undo.to_string(), "", style::muted())
        }
        SaveState::Done(SaveKind::NothingToRedo) => {
            (w.nothing_to_redo.to_string(), "", style::muted())
        }
        SaveState::Done(kind) => (done(app, kind), path, Style::new().fg(Color::Green)),
        SaveState::Warned { kind, warning } => (done(app, kind), warning.as_str(), warn()),
        SaveState::Failed { error, pending } => {
            let head = format!("{} ({pending} {}, {}): ", w.failed, w.unsaved, w.retry);
            (head, error.as_str(), alarm())
        }
        SaveState::ReadOnly(error) => (format!("{}: ", w.read_only), error.as_str(), alarm()),
    };
    let room = room - 1;
    let text = if width(&head) + width(path) <= room {
        format!("{head}{path}")
    } else if matches!(app.saving.state, SaveState::Idle | SaveState::Done(_)) {
        // A path keeps its end (the file name) when cut.
        let keep = room.saturating_sub(width(&head) + width(ELLIPSIS));
        format!("{head}{ELLIPSIS}{}", tail(path, keep))
    } else {
        // An error keeps its beginning (file:line:col).
        truncate(&format!("{head}{path}"), room).into_owned()
    };
    let text = truncate(&text, room).into_owned();
    Some(Span::styled(format!("{text} "), st))
}

/// What was done: `K1.1 已保存: `.
fn done(app: &App, kind: &SaveKind) -> String {
    let w = app.labels.editor();
    match kind {
        SaveKind::Commit(id) => format!("{id} {}: ", w.saved),
        SaveKind::Undo(e) => format!("{} {}: ", e.task, w.undone),
        SaveKind::Redo(e) => format!("{} {}: ", e.task, w.redone),
        SaveKind::Retry | SaveKind::NothingToUndo | SaveKind::NothingToRedo => {
            format!("{}: ", w.saved)
        }
    }
}

/// A save that went through with something else wrong.
/// The header's style for a warning (also the store's link, `ui::live`).
pub(super) fn warn() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

/// The header's style for a failure (also the store's link, `ui::live`).
pub(super) fn alarm() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}
