//! Dashboard behaviour driven through the same `update` the app uses.

mod common;

use common::{app, render, sample, screen};
use duban::app::{Action, Lang, Mode, Pane, Tab, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[test]
fn leaders_tab_lists_the_selected_leaders_tasks() {
    let mut a = app(sample(), Lang::Zh);
    let text = screen(&render(&mut a, 120, 40, &[Action::Down]));
    assert!(text.contains("郭锦明 常务副市长"), "{text}");
    assert!(text.contains("推进平台攻坚大会战"), "{text}");
    assert!(!text.contains("推进政务公开"), "{text}");
}

#[test]
fn status_cells_are_plain_text() {
    let mut a = app(sample(), Lang::Zh);
    let text = screen(&render(&mut a, 120, 40, &[]));
    assert!(text.contains("滞后  45%"), "{text}");
    assert!(text.contains("已完成 100%"), "{text}");
}

#[test]
fn detail_separates_lead_and_cooperating_units_and_the_default_rule() {
    let mut a = app(sample(), Lang::Zh);
    let text = screen(&render(&mut a, 120, 40, &[]));
    let lead = text.find("牵头单位").expect("lead heading");
    let co = text.find("配合单位").expect("co heading");
    assert!(lead < co);
    assert!(
        text.contains("各镇、乡人民政府、各街道办事处 (默认配合)"),
        "{text}"
    );
}

#[test]
fn detail_shows_a_working_groups_member_units() {
    let mut a = app(sample(), Lang::Zh);
    let text = screen(&render(&mut a, 120, 40, &[Action::Down]));
    assert!(text.contains("市平台攻坚大会战指挥部 各成员单位"), "{text}");
}

#[test]
fn detail_shows_progress_history_newest_first() {
    let mut a = app(sample(), Lang::Zh);
    let text = screen(&render(&mut a, 120, 40, &[]));
    let newest = text.find("2023-06-30 滞后").expect("latest entry");
    let older = text.find("2023-03-31 推进中").expect("older entry");
    assert!(newest < older, "{text}");
}

#[test]
fn following_a_unit_link_shows_its_duties_and_esc_comes_back() {
    let mut a = app(sample(), Lang::Zh);
    // Detail of K1.1; the second link is 市财政局.
    for act in [
        Action::PaneRight,
        Action::PaneRight,
        Action::Down,
        Action::Down,
        Action::Enter,
    ] {
        update(&mut a, act);
    }
    assert_eq!(a.nav.tab, Tab::Units);
    assert_eq!(a.focus(), Pane::Middle);
    let unit = a.selected_unit().map(|u| a.data.units[u].name.clone());
    assert_eq!(unit.as_deref(), Some("市财政局"));
    let text = screen(&render(&mut a, 120, 40, &[]));
    assert!(text.contains("职责 市财政局"), "{text}");
    update(&mut a, Action::Back);
    assert_eq!(a.nav.tab, Tab::Leaders);
    assert_eq!(a.focus(), Pane::Detail);
}

#[test]
fn following_a_duty_shows_the_task_under_its_leader() {
    let mut a = app(sample(), Lang::Zh);
    update(&mut a, Action::ShowTab(Tab::Units));
    // 市发改局 carries the most duties: lead K1.1, K2.1, co K1.2.
    update(&mut a, Action::Enter);
    for _ in 0..2 {
        update(&mut a, Action::Down);
    }
    update(&mut a, Action::Enter);
    assert_eq!(a.nav.tab, Tab::Leaders);
    let text = screen(&render(&mut a, 120, 40, &[]));
    assert!(text.contains("K1.2  牵头领导: 黄胜可 市长"), "{text}");
}

#[test]
fn a_duty_on_a_project_without_leader_opens_the_projects_tab() {
    let mut a = app(sample(), Lang::Zh);
    update(&mut a, Action::ShowTab(Tab::Units));
    for c in "交投".chars() {
        update(&mut a, Action::Filter);
        update(&mut a, Action::Input(c));
    }
    update(&mut a, Action::Enter);
    update(&mut a, Action::PaneRight);
    update(&mut a, Action::Enter);
    assert_eq!(a.nav.tab, Tab::Projects);
    let text = screen(&render(&mut a, 120, 40, &[]));
    assert!(text.contains("M2  牵头领导: 未注明"), "{text}");
}

#[test]
fn the_units_filter_narrows_by_name_or_alias() {
    let mut a = app(sample(), Lang::Zh);
    update(&mut a, Action::ShowTab(Tab::Units));
    update(&mut a, Action::Filter);
    assert_eq!(a.mode, Mode::UnitFilter);
    for c in "自然资源局".chars() {
        update(&mut a, Action::Input(c));
    }
    let names: Vec<&str> = a
        .nav
        .units
        .shown
        .iter()
        .map(|&u| a.data.units[u].name.as_str())
        .collect();
    assert_eq!(names, ["市自然资源和规划局"]);
    update(&mut a, Action::Back);
    assert_eq!(a.nav.units.shown.len(), a.data.units.len());
}

#[test]
fn the_filter_input_puts_the_terminal_cursor_after_the_text() {
    let mut a = app(sample(), Lang::Zh);
    let acts = [
        Action::ShowTab(Tab::Units),
        Action::Filter,
        Action::Input('市'),
        Action::Input('府'),
    ];
    let mut t = render(&mut a, 120, 40, &acts);
    // Border (1) + "筛选: " (6) + "市府" (4), on the line under the top border.
    let pos = t.get_cursor_position().expect("cursor");
    assert_eq!((pos.x, pos.y), (11, 3));
}

#[test]
fn units_are_sorted_by_load() {
    let a = app(sample(), Lang::Zh);
    let first = a
        .nav
        .units
        .shown
        .first()
        .map(|&u| a.data.units[u].name.as_str());
    assert_eq!(first, Some("市发改局"));
}

#[test]
fn help_lists_keys_and_typing_filters_it() {
    let mut a = app(sample(), Lang::En);
    let text = screen(&render(&mut a, 120, 40, &[Action::Help]));
    assert!(text.contains("Tab Shift-Tab"), "{text}");
    let acts: Vec<Action> = "quit".chars().map(Action::Input).collect();
    let text = screen(&render(&mut a, 120, 40, &acts));
    assert!(text.contains("q Ctrl-C"), "{text}");
    assert!(!text.contains("Tab Shift-Tab"), "{text}");
}

#[test]
fn english_labels_with_lang_en() {
    let mut a = app(sample(), Lang::En);
    let text = screen(&render(&mut a, 120, 40, &[]));
    assert!(text.contains("Lead units"), "{text}");
    assert!(text.contains("behind"), "{text}");
    assert!(
        text.contains("全面完成2023年"),
        "the data stays as written: {text}"
    );
}

#[test]
fn a_tiny_terminal_gets_a_too_small_message() {
    let mut a = app(sample(), Lang::Zh);
    let text = screen(&render(&mut a, 39, 12, &[]));
    assert!(text.contains("终端太小"), "{text}");
}

#[test]
fn clicking_a_row_selects_and_focuses_it() {
    let mut a = app(sample(), Lang::Zh);
    render(&mut a, 120, 40, &[]);
    // Leader list rows start at y=4 (header, tabs, top border, column
    // headers).
    update(&mut a, Action::Click { x: 5, y: 5 });
    assert_eq!(a.nav.leaders.leaders.sel, 1);
    update(&mut a, Action::Click { x: 40, y: 3 });
    assert_eq!(a.focus(), Pane::Middle);
}

#[test]
fn clicking_a_tab_title_switches_tab() {
    let mut a = app(sample(), Lang::Zh);
    render(&mut a, 120, 40, &[]);
    // " 1 领导 " " 2 单位 " …: the second title starts at x=9.
    update(&mut a, Action::Click { x: 11, y: 1 });
    assert_eq!(a.nav.tab, Tab::Units);
}

#[test]
fn paging_moves_a_screenful() {
    let mut a = app(sample(), Lang::Zh);
    let mut t: Terminal<TestBackend> = render(
        &mut a,
        120,
        12,
        &[Action::ShowTab(Tab::Units), Action::PageDown],
    );
    // 12 rows: body 9, list inner 7 minus the filter line and the column
    // headers = 5 rows a page.
    assert_eq!(a.nav.units.units.sel, 5);
    update(&mut a, Action::Bottom);
    assert_eq!(a.nav.units.units.sel, a.data.units.len() - 1);
    t.draw(|f| duban::ui::draw(f, &a)).expect("draw");
    assert!(screen(&t).contains("各街道办事处"));
}

#[test]
fn the_wheel_scrolls_the_detail() {
    let mut a = app(sample(), Lang::Zh);
    render(&mut a, 160, 12, &[]);
    // The detail pane starts at x=95 at 160 columns (30 + 65 + 65).
    update(
        &mut a,
        Action::Wheel {
            x: 120,
            y: 5,
            down: true,
        },
    );
    assert_eq!(a.detail_view().scroll, 3);
    assert_eq!(a.detail_view().link, None);
}

#[test]
fn task_numbers_in_the_thousands_show_in_full() {
    // 9,000 tasks over 8 leaders: the first leader's key tasks run past
    // 1,000; their livelihood projects follow them.
    let mut a = app(duban::synth::synth(9_000, 5), Lang::Zh);
    let tasks: Vec<_> = a.leader_tasks().iter().filter_map(|r| a.task(*r)).collect();
    let projects = tasks.iter().filter(|t| t.id.starts_with('M')).count();
    let last = tasks[tasks.len() - 1 - projects].number;
    assert!(last >= 1000, "{last}");
    let mut actions = vec![Action::NextPane, Action::Bottom];
    actions.extend(std::iter::repeat_n(Action::Up, projects));
    let text = screen(&render(&mut a, 120, 40, &actions));
    assert!(
        text.contains(&format!("│{last} ")),
        "the number {last} in full: {text}"
    );
}
