//! The search popup `/` and the units filter on the search engine, driven
//! through the same `action_for` and `update` the dashboard uses.

mod common;

use common::{app, bundled, render, sample, screen};
use duban::app::search::{Found, areas, resolve};
use duban::app::{
    Action, App, Effect, Lang, Mode, Pane, Popup, SearchPopup, Subject, Tab, TaskRef, action_for,
    update,
};
use duban::search::Target;
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier};

/// A key as the terminal sends it, through the dashboard's key map.
fn press(a: &mut App, code: KeyCode, mods: KeyModifiers) {
    let ev = Event::Key(KeyEvent::new(code, mods));
    if let Some(action) = action_for(a, &ev) {
        update(a, action);
    }
}

fn key(a: &mut App, code: KeyCode) {
    press(a, code, KeyModifiers::NONE);
}

fn ctrl(a: &mut App, c: char) {
    press(a, KeyCode::Char(c), KeyModifiers::CONTROL);
}

fn type_text(a: &mut App, text: &str) {
    for c in text.chars() {
        key(a, KeyCode::Char(c));
    }
}

/// An app at 120x40 with the popup open and `query` typed.
fn searching(data: duban::model::Dataset, query: &str) -> App {
    let mut a = app(data, Lang::Zh);
    update(&mut a, Action::Resize(120, 40));
    key(&mut a, KeyCode::Char('/'));
    type_text(&mut a, query);
    a
}

fn popup(a: &App) -> &SearchPopup {
    match &a.mode {
        Mode::Popup(Popup::Search(p)) => p,
        other => panic!("the search popup is not open: {other:?}"),
    }
}

fn first_target(a: &App) -> Target {
    popup(a).hits.first().expect("a hit").target.clone()
}

/// Runs of highlighted cells (matched characters), row by row, with the
/// display column they start at. The second cell of a wide glyph belongs
/// to the glyph.
fn highlights(terminal: &Terminal<TestBackend>) -> String {
    use unicode_width::UnicodeWidthStr;
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut run: Option<(u16, String)> = None;
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buf[(x, y)];
            skip = cell.symbol().width().saturating_sub(1);
            let lit = cell.fg == Color::Yellow && cell.modifier.contains(Modifier::UNDERLINED);
            match (&mut run, lit) {
                (Some((_, text)), true) => text.push_str(cell.symbol()),
                (None, true) => run = Some((x, cell.symbol().to_string())),
                (Some((x0, text)), false) => {
                    out.push_str(&format!("row {y:>2} col {x0:>3}: {text}\n"));
                    run = None;
                }
                (None, false) => {}
            }
        }
        if let Some((x0, text)) = run {
            out.push_str(&format!("row {y:>2} col {x0:>3}: {text}\n"));
        }
    }
    out
}

fn snap_popup(w: u16, h: u16, query: &str) -> String {
    let mut a = app(bundled(), Lang::Zh);
    update(&mut a, Action::Resize(w, h));
    key(&mut a, KeyCode::Char('/'));
    type_text(&mut a, query);
    let t = render(&mut a, w, h, &[]);
    format!(
        "{}--- highlighted cells ---\n{}",
        screen(&t),
        highlights(&t)
    )
}

#[test]
fn popup_with_a_chinese_query_120x40() {
    insta::assert_snapshot!(snap_popup(120, 40, "规上企业"));
}

#[test]
fn popup_with_a_pinyin_query_120x40() {
    insta::assert_snapshot!(snap_popup(120, 40, "fgj"));
}

#[test]
fn popup_with_a_chinese_query_80x24() {
    insta::assert_snapshot!(snap_popup(80, 24, "横店"));
}

#[test]
fn popup_with_a_pinyin_query_80x24() {
    insta::assert_snapshot!(snap_popup(80, 24, "fgj"));
}

#[test]
fn slash_opens_the_popup_from_every_tab() {
    for tab in Tab::ALL {
        let mut a = app(sample(), Lang::Zh);
        update(&mut a, Action::ShowTab(tab));
        key(&mut a, KeyCode::Char('/'));
        assert_eq!(popup(&a), &SearchPopup::default(), "{tab:?}");
    }
}

#[test]
fn pinyin_initials_find_a_unit() {
    let a = searching(bundled(), "fgj");
    assert_eq!(first_target(&a), Target::Unit("市发改局".into()));
}

#[test]
fn letters_are_text_not_commands_in_the_popup() {
    let mut a = searching(sample(), "q");
    type_text(&mut a, "jk12");
    assert_eq!(popup(&a).query.text(), "qjk12");
    assert_eq!(a.nav.tab, Tab::Leaders);
}

#[test]
fn the_terminal_cursor_follows_chinese_text_two_columns_a_character() {
    let mut a = searching(sample(), "发改");
    let mut t = render(&mut a, 120, 40, &[]);
    let q = areas(Rect::new(0, 0, 120, 40)).query;
    let prompt = 6; // "搜索: "
    let at = t.backend_mut().get_cursor_position().expect("cursor");
    assert_eq!(at, Position::new(q.x + prompt + 4, q.y));
}

#[test]
fn left_moves_the_cursor_by_a_character_and_typing_inserts_there() {
    let mut a = searching(sample(), "市局");
    key(&mut a, KeyCode::Left);
    type_text(&mut a, "发改");
    assert_eq!(popup(&a).query.text(), "市发改局");
    assert_eq!(popup(&a).query.cursor_column(), 6);
    assert_eq!(first_target(&a), Target::Unit("市发改局".into()));
}

#[test]
fn backspace_deletes_a_character_and_searches_again() {
    let mut a = searching(sample(), "发改x");
    assert!(popup(&a).hits.is_empty());
    key(&mut a, KeyCode::Backspace);
    assert_eq!(popup(&a).query.text(), "发改");
    assert_eq!(first_target(&a), Target::Unit("市发改局".into()));
}

#[test]
fn ctrl_w_deletes_the_word_before_the_cursor() {
    let mut a = searching(sample(), "fgj 市财政");
    ctrl(&mut a, 'w');
    assert_eq!(popup(&a).query.text(), "fgj ");
    assert_eq!(first_target(&a), Target::Unit("市发改局".into()));
}

#[test]
fn ctrl_u_deletes_everything_before_the_cursor() {
    let mut a = searching(sample(), "郭锦明");
    key(&mut a, KeyCode::Left);
    ctrl(&mut a, 'u');
    assert_eq!(popup(&a).query.text(), "明");
    assert_eq!(popup(&a).query.cursor(), 0);
}

#[test]
fn home_and_end_move_the_cursor_within_the_query() {
    let mut a = searching(sample(), "财政局");
    key(&mut a, KeyCode::Home);
    assert_eq!(popup(&a).query.cursor_column(), 0);
    type_text(&mut a, "市");
    key(&mut a, KeyCode::End);
    assert_eq!(popup(&a).query.cursor_column(), 8);
    assert_eq!(first_target(&a), Target::Unit("市财政局".into()));
}

#[test]
fn down_and_up_move_the_selection_and_typing_starts_it_over() {
    let mut a = searching(bundled(), "局");
    assert!(popup(&a).hits.len() > 3);
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Up);
    assert_eq!(popup(&a).list.sel, 1);
    type_text(&mut a, "市");
    assert_eq!(popup(&a).list.sel, 0);
}

#[test]
fn the_preview_shows_the_selected_hit() {
    let mut a = searching(sample(), "m1.2");
    let text = screen(&render(&mut a, 120, 40, &[]));
    assert!(text.contains("M1.2  牵头领导: 黄胜可 市长"), "{text}");
    assert!(text.contains("保障供水人口20万以上。"), "{text}");
}

#[test]
fn a_click_selects_a_row_and_a_click_outside_closes() {
    let mut a = searching(bundled(), "局");
    let list = areas(a.area).list;
    update(
        &mut a,
        Action::Click {
            x: list.x + 2,
            y: list.y + 2,
        },
    );
    assert_eq!(popup(&a).list.sel, 2);
    update(&mut a, Action::Click { x: 0, y: 0 });
    assert_eq!(a.mode, Mode::Browse);
}

/// Types `query`, presses Enter, returns the app.
fn jump(query: &str) -> App {
    let mut a = searching(sample(), query);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Browse, "Enter closes the popup");
    a
}

#[test]
fn enter_on_a_key_task_shows_it_under_its_leader() {
    let a = jump("k2.1");
    assert_eq!(a.nav.tab, Tab::Leaders);
    assert_eq!(a.nav.leaders.leaders.sel, 1);
    assert_eq!(a.focus(), Pane::Middle);
    assert_eq!(a.subject(), Some(Subject::Task(TaskRef(2))));
}

#[test]
fn enter_on_a_project_shows_it_in_the_projects_tab() {
    let a = jump("m2");
    assert_eq!(a.nav.tab, Tab::Projects);
    assert_eq!(a.subject(), Some(Subject::Task(TaskRef(4))));
}

#[test]
fn enter_on_a_sub_item_shows_it_in_the_projects_tab() {
    let a = jump("m1.2");
    assert_eq!(a.nav.tab, Tab::Projects);
    assert_eq!(a.subject(), Some(Subject::Item(TaskRef(3), 1)));
}

#[test]
fn enter_on_a_unit_shows_its_duties() {
    let a = jump("fgj");
    assert_eq!(a.nav.tab, Tab::Units);
    let unit = a.selected_unit().and_then(|u| a.data.units.get(u));
    assert_eq!(unit.map(|u| u.name.as_str()), Some("市发改局"));
    assert!(a.nav.units.filter.is_empty());
}

#[test]
fn enter_on_a_leader_selects_them() {
    let a = jump("郭锦明");
    assert_eq!(a.nav.tab, Tab::Leaders);
    assert_eq!(a.nav.leaders.leaders.sel, 1);
    assert_eq!(a.focus(), Pane::List);
}

#[test]
fn esc_after_a_jump_goes_back_where_the_search_started() {
    let mut a = app(sample(), Lang::Zh);
    update(&mut a, Action::ShowTab(Tab::Projects));
    let before = a.nav.clone();
    key(&mut a, KeyCode::Char('/'));
    type_text(&mut a, "郭锦明");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.nav.tab, Tab::Leaders);
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.nav, before);
}

#[test]
fn esc_closes_the_popup_and_restores_the_view_exactly() {
    let mut a = app(bundled(), Lang::Zh);
    update(&mut a, Action::Resize(120, 40));
    for act in [
        Action::ShowTab(Tab::Units),
        Action::Down,
        Action::Down,
        Action::PaneRight,
        Action::Down,
    ] {
        update(&mut a, act);
    }
    let (nav, back) = (a.nav.clone(), a.back.clone());
    let before = screen(&render(&mut a, 120, 40, &[]));
    key(&mut a, KeyCode::Char('/'));
    type_text(&mut a, "fgj");
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!((&a.nav, &a.back), (&nav, &back));
    assert_eq!(screen(&render(&mut a, 120, 40, &[])), before);
}

#[test]
fn every_hit_of_the_bundled_data_resolves_to_an_entry() {
    let mut a = searching(bundled(), "市");
    let hits = popup(&a).hits.clone();
    assert!(hits.len() > 10);
    for hit in &hits {
        assert!(resolve(&a, &hit.target).is_some(), "{hit:?}");
    }
    key(&mut a, KeyCode::Esc);
    let leader = resolve(&a, &Target::Leader("L2".into()));
    assert_eq!(leader, Some(Found::Leader(1)));
}

#[test]
fn the_units_filter_finds_a_unit_by_pinyin_initials() {
    let mut a = app(bundled(), Lang::Zh);
    update(&mut a, Action::ShowTab(Tab::Units));
    key(&mut a, KeyCode::Char('f'));
    type_text(&mut a, "fgj");
    let unit = a.selected_unit().and_then(|u| a.data.units.get(u));
    assert_eq!(unit.map(|u| u.name.as_str()), Some("市发改局"));
}

#[test]
fn the_units_filter_edits_in_the_middle_and_puts_the_cursor_there() {
    let mut a = app(sample(), Lang::Zh);
    update(&mut a, Action::Resize(120, 40));
    update(&mut a, Action::ShowTab(Tab::Units));
    key(&mut a, KeyCode::Char('f'));
    type_text(&mut a, "市局");
    key(&mut a, KeyCode::Left);
    type_text(&mut a, "财政");
    assert_eq!(a.nav.units.filter.text(), "市财政局");
    let unit = a.selected_unit().and_then(|u| a.data.units.get(u));
    assert_eq!(unit.map(|u| u.name.as_str()), Some("市财政局"));
    let mut t = render(&mut a, 120, 40, &[]);
    let list = a.screen().pane(Pane::List).expect("the units list");
    let prompt = 6; // "筛选: "
    let at = t.backend_mut().get_cursor_position().expect("cursor");
    assert_eq!(at, Position::new(list.x + 1 + prompt + 6, list.y + 1));
}

#[test]
fn ctrl_w_clears_the_units_filter_word() {
    let mut a = app(sample(), Lang::Zh);
    update(&mut a, Action::ShowTab(Tab::Units));
    key(&mut a, KeyCode::Char('f'));
    type_text(&mut a, "市财政局");
    assert_eq!(a.nav.units.shown.len(), 1);
    ctrl(&mut a, 'w');
    assert!(a.nav.units.filter.is_empty());
    assert_eq!(a.nav.units.shown.len(), a.data.units.len());
}

mod props {
    use super::*;
    use duban::line_edit::Edit;
    use proptest::prelude::*;

    fn action() -> impl Strategy<Value = Action> {
        let fixed = prop::sample::select(vec![
            Action::Search,
            Action::Search,
            Action::Filter,
            Action::ShowTab(Tab::Units),
            Action::Up,
            Action::Down,
            Action::PageUp,
            Action::PageDown,
            Action::Enter,
            Action::Back,
            Action::Edit(Edit::Backspace),
            Action::Edit(Edit::Delete),
            Action::Edit(Edit::DeleteWord),
            Action::Edit(Edit::DeleteToStart),
            Action::Edit(Edit::Left),
            Action::Edit(Edit::Right),
            Action::Edit(Edit::Home),
            Action::Edit(Edit::End),
        ]);
        let chars = vec!['市', '局', 'f', 'g', 'j', 'k', '2', '.', ' ', '横', 'm'];
        prop_oneof![
            4 => fixed,
            4 => prop::sample::select(chars).prop_map(|c| Action::Edit(Edit::Insert(c))),
            1 => (0u16..130, 0u16..50).prop_map(|(x, y)| Action::Click { x, y }),
            1 => (1u16..=130, 1u16..=50).prop_map(|(w, h)| Action::Resize(w, h)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// Whatever is typed, clicked or resized around the popup and the
        /// units filter, nothing panics and every frame draws.
        #[test]
        fn searching_never_panics(actions in prop::collection::vec(action(), 1..40)) {
            let mut a = app(sample(), Lang::Zh);
            let (mut w, mut h) = (120, 40);
            update(&mut a, Action::Resize(w, h));
            for act in actions {
                if let Action::Resize(nw, nh) = act {
                    (w, h) = (nw, nh);
                }
                update(&mut a, act);
                let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
                t.draw(|f| duban::ui::draw(f, &a)).expect("draw");
            }
        }
    }
}

/// The bundled data with the popup searching in the background, as it
/// does on a large dataset; the popup open at 120x40.
fn in_background() -> App {
    let mut a = app(bundled(), Lang::Zh);
    a.background_search = true;
    update(&mut a, Action::Resize(120, 40));
    key(&mut a, KeyCode::Char('/'));
    a
}

/// Types `text` into the popup; the background search requests it makes.
fn type_requests(a: &mut App, text: &str) -> Vec<duban::search::Request> {
    text.chars()
        .map(|c| match update(a, Action::Input(c)) {
            Effect::Search(request) => request,
            other => panic!("typing {c:?} asked for {other:?}, not a search"),
        })
        .collect()
}

/// What the search thread answers to `request`.
fn answer(a: &App, request: &duban::search::Request) -> duban::search::Reply {
    let mut searcher = duban::search::Searcher::new(a.searcher.shared_index());
    let hits = searcher.search(&request.query, request.kind, request.limit);
    request.clone().answered(hits)
}

#[test]
fn a_dataset_of_background_from_entries_or_more_searches_in_the_background() {
    assert!(!app(bundled(), Lang::Zh).background_search);
    let large = duban::synth::synth(duban::app::search::BACKGROUND_FROM, 3);
    assert!(app(large, Lang::Zh).background_search);
}

#[test]
fn in_the_background_each_keystroke_asks_for_a_search_of_the_whole_query() {
    let mut a = in_background();
    let requests = type_requests(&mut a, "规上企业");
    let queries: Vec<&str> = requests.iter().map(|r| r.query.as_str()).collect();
    assert_eq!(queries, ["规", "规上", "规上企", "规上企业"]);
    assert!(
        requests.windows(2).all(|w| w[0].seq < w[1].seq),
        "{requests:?}"
    );
    let p = popup(&a);
    assert_eq!(p.pending, Some(requests[3].seq));
    assert!(p.hits.is_empty(), "nothing is shown before an answer");
    assert!(a.search_pending());
}

#[test]
fn only_the_answer_to_the_newest_query_is_shown() {
    let mut a = in_background();
    let requests = type_requests(&mut a, "规上企业");
    let answers: Vec<_> = requests.iter().map(|r| answer(&a, r)).collect();

    // An answer to a query the user has typed over arrives late: dropped.
    update(&mut a, Action::Found(answers[1].clone()));
    assert!(popup(&a).hits.is_empty());
    assert!(a.search_pending());

    update(&mut a, Action::Found(answers[3].clone()));
    assert_eq!(popup(&a).hits, answers[3].hits);
    assert_eq!(first_target(&a), Target::Task("K2.16".into()));
    assert!(!a.search_pending());

    // An older one after the newest: still dropped.
    update(&mut a, Action::Found(answers[2].clone()));
    assert_eq!(popup(&a).hits, answers[3].hits);
}

#[test]
fn hits_stay_until_the_answer_to_the_next_keystroke_comes() {
    let mut a = in_background();
    let first = type_requests(&mut a, "规上");
    deliver(&mut a, &first[1]);
    let shown = popup(&a).hits.clone();
    assert!(!shown.is_empty());
    key(&mut a, KeyCode::Down);
    let next = type_requests(&mut a, "企");
    assert_eq!(popup(&a).hits, shown, "the previous hits stay on screen");
    deliver(&mut a, &next[0]);
    assert_eq!(popup(&a).list.sel, 0, "a new answer starts at the top");
    assert_eq!(first_target(&a), Target::Task("K2.16".into()));
}

#[test]
fn an_answer_after_the_popup_closed_is_dropped() {
    let mut a = in_background();
    let requests = type_requests(&mut a, "fgj");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.mode, Mode::Browse);
    deliver(&mut a, &requests[2]);
    assert_eq!(a.mode, Mode::Browse);
    // Nor does it land in a popup opened afterwards.
    key(&mut a, KeyCode::Char('/'));
    deliver(&mut a, &requests[2]);
    assert!(popup(&a).hits.is_empty());
}

#[test]
fn emptying_the_query_clears_the_hits_without_a_search() {
    let mut a = in_background();
    let requests = type_requests(&mut a, "fg");
    deliver(&mut a, &requests[1]);
    update(&mut a, Action::DeleteChar);
    assert_eq!(update(&mut a, Action::DeleteChar), Effect::None);
    assert!(popup(&a).hits.is_empty());
    assert!(!a.search_pending());
}

#[test]
fn popup_searching_in_the_background_120x40() {
    let mut a = in_background();
    type_requests(&mut a, "规上企业");
    let t = render(&mut a, 120, 40, &[]);
    insta::assert_snapshot!(screen(&t));
}

#[test]
fn long_ids_show_in_full_in_the_popup() {
    let mut a = app(duban::synth::synth(9_000, 5), Lang::Zh);
    update(&mut a, Action::Resize(120, 40));
    key(&mut a, KeyCode::Char('/'));
    type_text(&mut a, "k1.1000");
    let t = render(&mut a, 120, 40, &[]);
    let text = screen(&t);
    assert_eq!(first_target(&a), Target::Task("K1.1000".into()));
    assert!(text.contains("任务 K1.1000 "), "{text}");
}

#[test]
fn enter_while_waiting_jumps_to_the_best_hit_of_the_answer() {
    let mut a = in_background();
    let first = type_requests(&mut a, "规");
    deliver(&mut a, &first[0]);
    let requests = type_requests(&mut a, "上企业");
    key(&mut a, KeyCode::Enter);
    // The hits on screen are those of 规: Enter does not act on them.
    assert_popup_open(&a);
    deliver(&mut a, &requests[1]);
    assert_popup_open(&a);
    deliver(&mut a, &requests[2]);
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(a.nav.tab, Tab::Leaders);
    assert_eq!(a.subject(), Some(Subject::Task(task_ref(&a, "K2.16"))));
}

#[test]
fn typing_after_enter_while_waiting_cancels_the_jump() {
    let mut a = in_background();
    type_requests(&mut a, "规上");
    key(&mut a, KeyCode::Enter);
    let requests = type_requests(&mut a, "企");
    deliver(&mut a, &requests[0]);
    assert_popup_open(&a);
    assert!(!popup(&a).hits.is_empty());
}

#[test]
fn ctrl_u_while_waiting_drops_the_late_answer() {
    let mut a = in_background();
    let requests = type_requests(&mut a, "fgj");
    ctrl(&mut a, 'u');
    assert!(!a.search_pending());
    deliver(&mut a, &requests[2]);
    assert!(popup(&a).hits.is_empty());
    assert!(popup(&a).query.text().is_empty());
}

/// The search thread's answer to `request`, as the event loop hands it on.
fn deliver(a: &mut App, request: &duban::search::Request) {
    let reply = answer(a, request);
    update(a, Action::Found(reply));
}

fn assert_popup_open(a: &App) {
    assert!(
        matches!(a.mode, Mode::Popup(Popup::Search(_))),
        "the popup is not open: {:?}",
        a.mode
    );
}

/// A key task's position in the dataset.
fn task_ref(a: &App, id: &str) -> TaskRef {
    a.index.ids.task(id).expect("a task of the dataset")
}

/// A paste into the popup is typed as text: its line break is a space,
/// not Enter (which would jump to the best hit and close the popup).
#[test]
fn a_pasted_line_break_is_a_space_and_jumps_nowhere() {
    let mut a = searching(sample(), "");
    let paste = action_for(&a, &Event::Paste("发改\r\n局".into())).expect("an action");
    update(&mut a, paste);
    assert_eq!(popup(&a).query.text(), "发改 局");
    assert_eq!(a.nav.tab, Tab::Leaders);
}
