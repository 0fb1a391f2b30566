//! Driving the progress editor through `update`.

use duban::app::editor::Field;
use duban::app::{Action, App, Editor, EditorAction as E, Effect, Mode, update};

pub fn editor(a: &App) -> &Editor {
    match &a.mode {
        Mode::Editor(e) => e,
        other => panic!("the editor is not open: {other:?}"),
    }
}

pub fn send(a: &mut App, actions: &[E]) -> Effect {
    let mut last = Effect::None;
    for x in actions {
        last = update(a, Action::Editor(*x));
    }
    last
}

pub fn type_text(a: &mut App, text: &str) {
    for c in text.chars() {
        update(a, Action::Editor(E::Input(c)));
    }
}

/// Moves to a field with Tab.
pub fn go(a: &mut App, field: Field) {
    while editor(a).field != field {
        update(a, Action::Editor(E::NextField));
    }
}
