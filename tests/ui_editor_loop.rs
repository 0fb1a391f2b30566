//! The progress editor in the dashboard: the keys that open it, undo and
//! retry; the save status the event loop reports back; help and the bottom
//! bar; and any keys at any size.

mod common;

use common::editing::{H, draw, on_k11};
use common::{app, render, sample, screen};
use duban::app::{
    Action, App, Changed, EditorAction as E, Effect, Lang, SaveKind, SaveOutcome, SaveState,
    SaveStatus, action_for, update,
};
use duban::line_edit::Edit;
use duban::model::Status;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

// Keys.

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

#[test]
fn keys_e_u_and_ctrl_s_in_the_dashboard() {
    let a = app(sample(), Lang::Zh);
    let none = KeyModifiers::NONE;
    assert_eq!(
        action_for(&a, &key(KeyCode::Char('e'), none)),
        Some(Action::EditProgress)
    );
    assert_eq!(
        action_for(&a, &key(KeyCode::Char('u'), none)),
        Some(Action::Undo)
    );
    assert_eq!(
        action_for(&a, &key(KeyCode::Char('s'), KeyModifiers::CONTROL)),
        Some(Action::Retry)
    );
}

#[test]
fn keys_in_the_editor_go_to_the_editor() {
    let a = on_k11(Lang::Zh);
    let none = KeyModifiers::NONE;
    assert_eq!(
        action_for(&a, &key(KeyCode::Char('4'), none)),
        Some(Action::Editor(E::Input('4')))
    );
    assert_eq!(
        action_for(&a, &key(KeyCode::Char('q'), none)),
        None,
        "q does not quit while editing"
    );
    assert_eq!(
        action_for(&a, &key(KeyCode::Enter, none)),
        Some(Action::Editor(E::Commit))
    );
}

#[test]
fn u_asks_the_loop_to_undo() {
    let mut a = app(sample(), Lang::Zh);
    assert_eq!(update(&mut a, Action::Undo), Effect::Undo);
}

#[test]
fn ctrl_s_asks_the_loop_to_retry() {
    let mut a = on_k11(Lang::Zh);
    assert_eq!(update(&mut a, Action::Retry), Effect::Retry);
}

// What the loop reports back.

fn outcome(kind: SaveKind, error: Option<&str>, pending: usize) -> SaveOutcome {
    SaveOutcome {
        kind,
        error: error.map(Into::into),
        pending,
        changed: Changed::All(vec![
            common::entry(
                "K1.1",
                "2023-06-30T18:00:00+08:00",
                60,
                Status::Behind,
                "完成征地",
            )
            .into(),
        ]),
        warnings: Box::default(),
    }
}

/// The sample with a journal, the leader's tasks focused so the detail
/// shows beside them.
fn with_journal(lang: Lang) -> App {
    let mut a = app(sample(), lang);
    a.saving = SaveStatus::new("~/duban/progress.ron".into(), None);
    update(&mut a, Action::PaneRight);
    a
}

#[test]
fn the_header_says_where_progress_is_saved() {
    let mut a = with_journal(Lang::Zh);
    // Wide enough for the title and the path.
    let text = screen(&render(&mut a, 160, H, &[]));
    assert!(text.contains("进展保存在 ~/duban/progress.ron"), "{text}");
}

#[test]
fn a_save_updates_the_progress_shown_and_the_header() {
    let mut a = with_journal(Lang::Zh);
    let kind = SaveKind::Commit("K1.1".into());
    update(&mut a, Action::Saved(outcome(kind.clone(), None, 0)));
    assert_eq!(a.saving.state, SaveState::Done(kind));
    assert_eq!(a.progress().history("K1.1").len(), 1);
    let text = draw(&mut a);
    assert!(text.contains("K1.1 已保存: ~/duban/progress.ron"), "{text}");
    assert!(text.contains("2023-06-30 滞后 60%"), "{text}");
}

#[test]
fn a_failed_save_shows_the_error_and_what_waits_in_memory() {
    let mut a = with_journal(Lang::Zh);
    let err = "cannot append to the file: No space left on device";
    let kind = SaveKind::Commit("K1.1".into());
    update(&mut a, Action::Saved(outcome(kind, Some(err), 1)));
    let text = draw(&mut a);
    assert!(
        text.contains("保存失败 (1 条未保存, Ctrl-S 重试): cannot append"),
        "{text}"
    );
    assert!(
        text.contains("2023-06-30 滞后 60%"),
        "the entry stays: {text}"
    );
}

#[test]
fn a_broken_file_opens_read_only_and_says_where() {
    let mut a = app(sample(), Lang::En);
    let error = "~/duban/progress.ron:3:75: percent must be between 0 and 100, not 150";
    a.saving = SaveStatus::new("~/duban/progress.ron".into(), Some(error.into()));
    let text = screen(&render(&mut a, 120, 40, &[]));
    assert!(
        text.contains("progress file broken, read-only: ~/duban/progress.ron:3:75"),
        "{text}"
    );
}

#[test]
fn nothing_to_undo_keeps_a_failure_on_show() {
    let mut a = with_journal(Lang::Zh);
    let kind = SaveKind::Commit("K1.1".into());
    update(&mut a, Action::Saved(outcome(kind, Some("disk full"), 1)));
    update(
        &mut a,
        Action::Saved(outcome(SaveKind::NothingToUndo, None, 1)),
    );
    assert!(matches!(
        a.saving.state,
        SaveState::Failed { pending: 1, .. }
    ));
}

#[test]
fn an_undo_takes_the_entry_off_the_detail() {
    let mut a = with_journal(Lang::Zh);
    let undone = common::entry("K1.1", "2023-06-30T18:00:00+08:00", 60, Status::Behind, "");
    let mut out = outcome(SaveKind::Undo(undone), None, 0);
    out.changed = Changed::All(Vec::new());
    update(&mut a, Action::Saved(out));
    let text = draw(&mut a);
    assert!(text.contains("K1.1 已撤销"), "{text}");
    assert!(text.contains("暂无进展记录"), "{text}");
}

// Help and the bottom bar.

#[test]
fn help_lists_the_editor_keys() {
    let mut a = app(sample(), Lang::En);
    let mut acts = vec![Action::Help];
    acts.extend("editor".chars().map(Action::Input));
    let text = screen(&render(&mut a, 120, 40, &acts));
    assert!(text.contains("Editor s 1-5"), "{text}");
    update(&mut a, Action::Back);
    let mut acts = vec![Action::Help];
    acts.extend("record".chars().map(Action::Input));
    let text = screen(&render(&mut a, 120, 40, &acts));
    assert!(
        text.contains("record progress on the selected task"),
        "{text}"
    );
}

#[test]
fn the_bar_offers_e_on_a_task_and_the_editor_keys_in_the_editor() {
    let mut a = app(sample(), Lang::Zh);
    let text = screen(&render(&mut a, 120, 40, &[Action::PaneRight]));
    let bar = text.lines().last().unwrap_or_default().to_string();
    assert!(bar.contains("e 填报"), "{bar}");
    assert!(bar.contains("u 撤销"), "{bar}");
    let text = screen(&render(&mut a, 120, 40, &[Action::EditProgress]));
    let bar = text.lines().last().unwrap_or_default().to_string();
    assert!(bar.contains("Enter 保存"), "{bar}");
    assert!(bar.contains("Esc 取消"), "{bar}");
}

// Any size, any keys.

fn editor_action() -> impl proptest::strategy::Strategy<Value = E> {
    use proptest::prelude::*;
    let fixed = prop::sample::select(vec![
        E::NextField,
        E::PrevField,
        E::Less,
        E::More,
        E::CycleStatus,
        E::PickStatus(Status::Done),
        E::SetFull,
        E::Commit,
        E::Edit(Edit::Backspace),
        E::Edit(Edit::Left),
        E::Edit(Edit::DeleteWord),
        E::Edit(Edit::Home),
    ]);
    let chars = prop::sample::select(vec!['4', '0', '9', '-', '完', '成', 'a', ' ']);
    prop_oneof![3 => fixed, 2 => chars.prop_map(E::Input)]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 40, ..Default::default() })]

    #[test]
    fn the_editor_never_panics_and_keeps_its_cursor_on_screen(
        (w, h) in (1u16..=200, 1u16..=60),
        actions in proptest::collection::vec(editor_action(), 1..40),
    ) {
        let mut a = app(sample(), Lang::Zh);
        let mut t = render(&mut a, w, h, &[Action::PaneRight, Action::EditProgress]);
        for x in actions {
            update(&mut a, Action::Editor(x));
            t.draw(|f| duban::ui::draw(f, &a)).expect("draw");
            let Ok(pos) = t.get_cursor_position();
            proptest::prop_assert!(pos.x < w && pos.y < h, "{pos:?} in {w}x{h}");
        }
    }
}

/// A save that went through with a backup that could not be made: the
/// header says it was saved, and in the warning's colour what went wrong.
#[test]
fn a_save_with_a_failed_backup_says_so_in_the_header() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("progress.ron");
    let mut journal = duban::progress::Journal::open(&path).expect("journal");
    let first = common::entry(
        "K1.1",
        "2023-06-30T18:00:00+08:00",
        60,
        Status::Behind,
        "一",
    );
    journal.commit(first).expect("first save");
    // A directory where the backup goes: the backup fails (whoever runs
    // the test; root ignores permissions).
    std::fs::create_dir(dir.path().join("progress.ron.bak")).expect("dir");
    let mut journal = duban::progress::Journal::open(&path).expect("journal");
    let second = common::entry(
        "K1.1",
        "2023-06-30T19:00:00+08:00",
        70,
        Status::Behind,
        "二",
    );
    let report = journal.commit(second).expect("the save goes through");
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);

    let mut a = with_journal(Lang::Zh);
    let kind = SaveKind::Commit("K1.1".into());
    let mut saved = outcome(kind, None, 0);
    saved.warnings = report.warnings.into();
    update(&mut a, Action::Saved(saved));
    assert!(
        matches!(a.saving.state, SaveState::Warned { .. }),
        "{:?}",
        a.saving.state
    );
    let text = draw(&mut a);
    let said = format!("K1.1 已保存: {}", path.display());
    assert!(text.contains(&said), "{said} in {text}");
}
