//! Driving the progress editor through `update`.

use super::{app, render, sample, screen};
use duban::app::editor::{Field, Problem};
use duban::app::{Action, App, Editor, EditorAction as E, Effect, Lang, Mode, update};

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

/// The editor tests' window.
pub const W: u16 = 100;
pub const H: u16 = 30;

/// The sample at 100x30 with the editor open on K1.1 (latest: 45 % 滞后).
pub fn on_k11(lang: Lang) -> App {
    let mut a = app(sample(), lang);
    render(&mut a, W, H, &[Action::PaneRight, Action::EditProgress]);
    a
}

/// The editor open on K2.1, which has no progress yet.
pub fn on_k21() -> App {
    let mut a = app(sample(), Lang::Zh);
    let acts = [Action::Down, Action::PaneRight, Action::EditProgress];
    render(&mut a, W, H, &acts);
    a
}

pub fn draw(a: &mut App) -> String {
    screen(&render(a, W, H, &[]))
}

pub fn problems(a: &App) -> Vec<Problem> {
    editor(a).problems(&a.rule().calendar, a.today())
}
