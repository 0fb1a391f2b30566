//! The editor's three notes (主要进展 / 存在问题 / 下步打算) at 160x45,
//! 100x30 and 80x24 in both languages, with multi-line Chinese text and
//! the terminal cursor on the wrapped row; Esc's question; `d`'s question;
//! Ctrl-R. Driven through the same `action_for` and `update` the app uses.

mod common;

use common::editing::{editor, go, send};
use common::{app, render, sample, screen};
use duban::app::editor::{Field, Note};
use duban::app::{Action, App, EditorAction as E, Effect, Lang, Mode, action_for, update};
use duban::line_edit::Edit;
use duban::model::Status;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// The sample with the editor open on K1.1 at `w`x`h`.
fn on_k11(lang: Lang, w: u16, h: u16) -> App {
    let mut a = app(sample(), lang);
    render(&mut a, w, h, &[Action::PaneRight, Action::EditProgress]);
    a
}

/// Sends keys as the terminal would report them.
fn keys(a: &mut App, events: &[KeyEvent]) -> Effect {
    let mut last = Effect::None;
    for k in events {
        if let Some(action) = action_for(a, &Event::Key(*k)) {
            last = update(a, action);
        }
    }
    last
}

fn plain(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Types `text` with keys; `\n` as Ctrl-J.
fn type_keys(a: &mut App, text: &str) {
    let events: Vec<KeyEvent> = text
        .chars()
        .map(|c| match c {
            '\n' => KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL),
            c => plain(KeyCode::Char(c)),
        })
        .collect();
    keys(a, &events);
}

/// A long progress note over two lines, a problem and a next step.
fn fill(a: &mut App) {
    go(a, Field::Note(Note::Made));
    type_keys(
        a,
        "完成征地拆迁120亩,主体工程开工建设,累计完成投资3.2亿元,占年度计划的45%\n二期方案已报批",
    );
    go(a, Field::Note(Note::Problems));
    type_keys(a, "资金拨付滞后");
    go(a, Field::Note(Note::Made));
}

/// The cursor after drawing, and the screen.
fn drawn(a: &mut App, w: u16, h: u16) -> (Terminal<TestBackend>, (u16, u16)) {
    let t = render(a, w, h, &[]);
    let mut t = t;
    let p = t.get_cursor_position().expect("the cursor");
    (t, (p.x, p.y))
}

/// The text of row `y` from column `x` on.
fn row_from(t: &Terminal<TestBackend>, x: u16, y: u16) -> String {
    let buf = t.backend().buffer();
    (x..buf.area.width)
        .map(|col| buf[(col, y)].symbol().to_string())
        .collect()
}

/// The snapshot of the filled editor, and the cursor sits right after
/// 已报批 on its own row (the note's last row).
fn notes_at(lang: Lang, w: u16, h: u16) -> String {
    let mut a = on_k11(lang, w, h);
    fill(&mut a);
    let (t, (x, y)) = drawn(&mut a, w, h);
    let text = screen(&t);
    let line = text.lines().nth(usize::from(y)).expect("the cursor row");
    assert!(line.contains("二期方案已报批"), "cursor row: {line}");
    // Nothing but the border right of the cursor: it is after the text.
    let rest = row_from(&t, x, y);
    assert!(
        rest.trim_start().starts_with('│'),
        "after the cursor: {rest:?}"
    );
    text
}

#[test]
fn notes_160x45() {
    insta::assert_snapshot!(notes_at(Lang::Zh, 160, 45));
}

#[test]
fn notes_100x30() {
    insta::assert_snapshot!(notes_at(Lang::Zh, 100, 30));
}

#[test]
fn notes_80x24() {
    insta::assert_snapshot!(notes_at(Lang::Zh, 80, 24));
}

#[test]
fn notes_english_160x45() {
    insta::assert_snapshot!(notes_at(Lang::En, 160, 45));
}

#[test]
fn notes_english_100x30() {
    insta::assert_snapshot!(notes_at(Lang::En, 100, 30));
}

#[test]
fn notes_english_80x24() {
    insta::assert_snapshot!(notes_at(Lang::En, 80, 24));
}

#[test]
fn the_cursor_follows_the_text_cursor_onto_a_wrapped_row() {
    let mut a = on_k11(Lang::Zh, 80, 24);
    go(&mut a, Field::Note(Note::Made));
    // Longer than a row of the popup at 80 columns: it wraps.
    let long = "完成征地拆迁一百二十亩主体工程开工建设累计完成投资三点二亿元占年度计划";
    type_keys(&mut a, long);
    let (_, end) = drawn(&mut a, 80, 24);
    send(&mut a, &[E::Edit(Edit::Home)]);
    let (_, home) = drawn(&mut a, 80, 24);
    assert!(
        end.1 > home.1,
        "the end is on a later row: {end:?} {home:?}"
    );
    send(&mut a, &[E::Edit(Edit::Right), E::Edit(Edit::Right)]);
    let (_, two) = drawn(&mut a, 80, 24);
    assert_eq!(
        (two.0 - home.0, two.1),
        (4, home.1),
        "two characters, four cells"
    );
}

#[test]
fn enter_saves_the_three_notes_with_their_line_breaks() {
    let mut a = on_k11(Lang::Zh, 100, 30);
    fill(&mut a);
    go(&mut a, Field::Note(Note::Next));
    type_keys(&mut a, "督促拨付\n月底复查");
    let Effect::Commit(entry) = keys(&mut a, &[plain(KeyCode::Enter)]) else {
        panic!("Enter saves");
    };
    assert!(
        entry.note.ends_with("45%\n二期方案已报批"),
        "{}",
        entry.note
    );
    assert_eq!(entry.problems, "资金拨付滞后");
    assert_eq!(entry.next_steps, "督促拨付\n月底复查");
}

#[test]
fn esc_with_typing_asks_and_y_throws_it_away() {
    let mut a = on_k11(Lang::Zh, 100, 30);
    fill(&mut a);
    keys(&mut a, &[plain(KeyCode::Esc)]);
    assert!(editor(&a).confirm_discard);
    // Other keys are not text while it asks.
    keys(&mut a, &[plain(KeyCode::Char('x')), plain(KeyCode::Enter)]);
    assert!(editor(&a).note(Note::Made).text().ends_with("已报批"));
    insta::assert_snapshot!(screen(&render(&mut a, 100, 30, &[])));
    keys(&mut a, &[plain(KeyCode::Char('y'))]);
    assert_eq!(a.mode, Mode::Browse);
}

#[test]
fn esc_then_n_goes_back_to_the_typing() {
    let mut a = on_k11(Lang::En, 80, 24);
    fill(&mut a);
    keys(&mut a, &[plain(KeyCode::Esc)]);
    let text = screen(&render(&mut a, 80, 24, &[]));
    assert!(text.contains("Discard what was typed? y/n"), "{text}");
    keys(&mut a, &[plain(KeyCode::Char('n'))]);
    assert!(!editor(&a).confirm_discard);
    type_keys(&mut a, "!");
    assert!(editor(&a).note(Note::Made).text().ends_with("已报批!"));
}

#[test]
fn esc_on_an_untouched_editor_closes_without_asking() {
    let mut a = on_k11(Lang::Zh, 100, 30);
    keys(&mut a, &[plain(KeyCode::Tab), plain(KeyCode::Esc)]);
    assert_eq!(a.mode, Mode::Browse);
}

/// The sample on K1.1 (45 % 滞后) with `d` pressed.
fn asked_done(lang: Lang, w: u16, h: u16) -> App {
    let mut a = app(sample(), lang);
    render(&mut a, w, h, &[Action::PaneRight]);
    keys(&mut a, &[plain(KeyCode::Char('d'))]);
    a
}

#[test]
fn d_asks_then_y_commits_done_at_100_dated_today() {
    let mut a = asked_done(Lang::Zh, 100, 30);
    assert!(matches!(&a.mode, Mode::MarkDone(ask) if ask.id == "K1.1"));
    let Effect::Commit(entry) = keys(&mut a, &[plain(KeyCode::Char('y'))]) else {
        panic!("y commits");
    };
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(
        (entry.task.as_str(), entry.percent, entry.status, entry.date),
        ("K1.1", 100, Status::Done, common::today())
    );
}

#[test]
fn d_then_n_or_esc_saves_nothing() {
    for answer in [KeyCode::Char('n'), KeyCode::Esc] {
        let mut a = asked_done(Lang::Zh, 100, 30);
        assert_eq!(keys(&mut a, &[plain(answer)]), Effect::None);
        assert_eq!(a.mode, Mode::Browse);
    }
}

#[test]
fn d_on_the_leaders_list_asks_about_the_task_selected_beside_it() {
    let mut a = app(sample(), Lang::Zh);
    render(&mut a, 100, 30, &[]);
    keys(&mut a, &[plain(KeyCode::Char('d'))]);
    assert!(
        matches!(&a.mode, Mode::MarkDone(ask) if ask.id == "K1.1"),
        "{:?}",
        a.mode
    );
}

#[test]
fn mark_done_100x30() {
    let mut a = asked_done(Lang::Zh, 100, 30);
    insta::assert_snapshot!(screen(&render(&mut a, 100, 30, &[])));
}

#[test]
fn mark_done_english_80x24() {
    let mut a = asked_done(Lang::En, 80, 24);
    insta::assert_snapshot!(screen(&render(&mut a, 80, 24, &[])));
}

#[test]
fn mark_done_160x45() {
    let mut a = asked_done(Lang::Zh, 160, 45);
    insta::assert_snapshot!(screen(&render(&mut a, 160, 45, &[])));
}

#[test]
fn ctrl_r_asks_the_loop_to_redo_only_while_browsing() {
    let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    let mut a = app(sample(), Lang::Zh);
    render(&mut a, 100, 30, &[Action::PaneRight]);
    assert_eq!(keys(&mut a, &[ctrl_r]), Effect::Redo);
    keys(&mut a, &[plain(KeyCode::Char('e'))]);
    assert_eq!(keys(&mut a, &[ctrl_r]), Effect::None);
    assert!(matches!(a.mode, Mode::Editor(_)));
}
