//! Terminal events become [`Action`]s. Which keys mean what depends on the
//! mode: while typing (units filter, search, help popup) letters are text.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::{Action, App, Mode, Popup, Tab};
use crate::line_edit::Edit;

/// The action for a terminal event, if it means one.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => key(&app.mode, k),
        Event::Mouse(m) if app.mouse => mouse(m),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        _ => None,
    }
}

fn key(mode: &Mode, k: &KeyEvent) -> Option<Action> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(k.code, KeyCode::Char('c' | 'C')) {
        return Some(Action::Quit);
    }
    if ctrl && matches!(k.code, KeyCode::Char('s' | 'S')) {
        return Some(Action::Retry);
    }
    if let Mode::Editor(editor) = mode {
        return super::editor::action_for(editor, k).map(Action::Editor);
    }
    if let Mode::Reporter(_) = mode {
        return super::reporter::action_for(k);
    }
    if let Mode::MarkDone(_) = mode {
        return match k.code {
            KeyCode::Char('y' | 'Y') => Some(Action::Answer(true)),
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::Answer(false)),
            _ => None,
        };
    }
    if ctrl && matches!(k.code, KeyCode::Char('r' | 'R')) && *mode == Mode::Browse {
        return Some(Action::Redo);
    }
    if matches!(mode, Mode::UnitFilter | Mode::Popup(Popup::Search(_)))
        && let Some(edit) = line_edit(k)
    {
        return Some(Action::Edit(edit));
    }
    let common = match k.code {
        KeyCode::Down => Some(Action::Down),
        KeyCode::Up => Some(Action::Up),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::Home => Some(Action::Top),
        KeyCode::End => Some(Action::Bottom),
        KeyCode::Enter => Some(Action::Enter),
        KeyCode::Esc => Some(Action::Back),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    if *mode != Mode::Browse {
        return match k.code {
            KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
            KeyCode::Backspace => Some(Action::DeleteChar),
            _ => None,
        };
    }
    match k.code {
        KeyCode::Char(c) if !ctrl => browse_char(c),
        KeyCode::Left => Some(Action::PaneLeft),
        KeyCode::Right => Some(Action::PaneRight),
        KeyCode::Tab => Some(Action::NextPane),
        KeyCode::BackTab => Some(Action::PrevPane),
        _ => None,
    }
}

fn browse_char(c: char) -> Option<Action> {
    Some(match c {
        'q' => Action::Quit,
        'j' => Action::Down,
        'k' => Action::Up,
        'g' => Action::Top,
        'G' => Action::Bottom,
        'h' => Action::PaneLeft,
        'l' => Action::PaneRight,
        '?' => Action::Help,
        '/' => Action::Search,
        'f' => Action::Filter,
        'e' => Action::EditProgress,
        'F' => Action::TaskFilter,
        'u' => Action::Undo,
        'd' => Action::MarkDone,
        'H' => Action::WholeHistory,
        's' => Action::Sort,
        _ => {
            return Tab::ALL
                .into_iter()
                .find(|t| t.key() == c)
                .map(Action::ShowTab);
        }
    })
}

/// Keys that edit a line being typed: the cursor moves by character.
/// The same keys edit the progress editor's text fields.
pub(super) fn line_edit(k: &KeyEvent) -> Option<Edit> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    Some(match k.code {
        KeyCode::Char('w' | 'W') if ctrl => Edit::DeleteWord,
        KeyCode::Char('u' | 'U') if ctrl => Edit::DeleteToStart,
        KeyCode::Char('a' | 'A') if ctrl => Edit::Home,
        KeyCode::Char('e' | 'E') if ctrl => Edit::End,
        KeyCode::Char(c) if !ctrl => Edit::Insert(c),
        KeyCode::Backspace => Edit::Backspace,
        KeyCode::Delete => Edit::Delete,
        KeyCode::Left => Edit::Left,
        KeyCode::Right => Edit::Right,
        KeyCode::Home => Edit::Home,
        KeyCode::End => Edit::End,
        _ => return None,
    })
}

fn mouse(m: &MouseEvent) -> Option<Action> {
    let (x, y) = (m.column, m.row);
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { x, y }),
        MouseEventKind::ScrollDown => Some(Action::Wheel { x, y, down: true }),
        MouseEventKind::ScrollUp => Some(Action::Wheel { x, y, down: false }),
        _ => None,
    }
}
