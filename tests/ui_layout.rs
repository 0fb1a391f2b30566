//! Snapshots of the dashboard's layout at 160x45, 100x30 and 80x24, in
//! Chinese and English: the responsive panes, column headers and `n/m`
//! positions, the light and percent columns, the `F` filter, the notice
//! when `e` has no task, popups over wide characters and the header's
//! save path. Input goes through the same `update` the app uses.

mod common;

use common::{app, bundled, render, screen};
use duban::app::{Action, App, Lang, Pane, SaveStatus, Tab};

const SIZES: [(u16, u16); 3] = [(160, 45), (100, 30), (80, 24)];
const LANGS: [(Lang, &str); 2] = [(Lang::Zh, "zh"), (Lang::En, "en")];

/// One snapshot per size and language, named `NAME_WxH_LANG`, of the
/// bundled dataset after `actions`; `prepare` sets the app up first.
fn snaps(name: &str, prepare: impl Fn(&mut App), actions: &[Action]) {
    for (lang, tag) in LANGS {
        for (w, h) in SIZES {
            let mut a = app(bundled(), lang);
            prepare(&mut a);
            let shown = screen(&render(&mut a, w, h, actions));
            insta::assert_snapshot!(format!("{name}_{w}x{h}_{tag}"), shown);
        }
    }
}

fn nothing(_: &mut App) {}

#[test]
fn leaders() {
    snaps("leaders", nothing, &[]);
}

#[test]
fn leaders_tasks_focused() {
    snaps(
        "leaders_tasks_focused",
        nothing,
        &[Action::PaneRight, Action::Down],
    );
}

#[test]
fn units_duties() {
    let acts = [Action::ShowTab(Tab::Units), Action::Enter, Action::Down];
    snaps("units_duties", nothing, &acts);
}

#[test]
fn projects_with_lights() {
    let acts = [Action::ShowTab(Tab::Projects), Action::Down, Action::Down];
    snaps("projects_with_lights", nothing, &acts);
}

#[test]
fn projects_filtered_to_red() {
    let acts = [Action::ShowTab(Tab::Projects), Action::TaskFilter];
    snaps("projects_filtered_to_red", nothing, &acts);
}

#[test]
fn duties_filtered_to_green() {
    // Red, yellow, no report, green.
    let acts = [
        Action::ShowTab(Tab::Units),
        Action::Enter,
        Action::TaskFilter,
        Action::TaskFilter,
        Action::TaskFilter,
        Action::TaskFilter,
    ];
    snaps("duties_filtered_to_green", nothing, &acts);
}

#[test]
fn e_on_the_overview_gauges_says_why_nothing_opens() {
    let acts = [Action::ShowTab(Tab::Overview), Action::EditProgress];
    snaps("e_on_the_overview_gauges", nothing, &acts);
}

#[test]
fn e_when_the_filter_hides_every_task_says_so() {
    // 黄胜可 has no red task.
    let acts = [Action::PaneRight, Action::TaskFilter, Action::EditProgress];
    snaps("e_when_the_filter_hides_every_task", nothing, &acts);
}

#[test]
fn help_popup() {
    snaps("help_popup", nothing, &[Action::Help]);
}

#[test]
fn search_popup() {
    let mut acts = vec![Action::Search];
    acts.extend(
        "农村"
            .chars()
            .map(|c| Action::Edit(duban::line_edit::Edit::Insert(c))),
    );
    snaps("search_popup", nothing, &acts);
}

/// A data path as long as a real one under a home directory.
const PATH: &str = "/home/duban-user/.local/share/duban/dongyang-2023/progress.journal";

#[test]
fn header_with_a_save_path() {
    snaps(
        "header_with_a_save_path",
        |a| a.saving = SaveStatus::new(PATH.into(), None),
        &[],
    );
}

#[test]
fn the_header_cuts_the_save_path_before_the_title() {
    let mut a = app(bundled(), Lang::Zh);
    a.saving = SaveStatus::new(PATH.into(), None);
    let shown = screen(&render(&mut a, 80, 24, &[]));
    let header = shown.lines().next().unwrap_or_default();
    let title = &a.data.plan.title;
    // The title takes what the date and completion leave; no path then.
    let half: String = title.chars().take(title.chars().count() / 2).collect();
    assert!(header.contains(&half), "{header}");
    assert!(!header.contains("progress.journal"), "{header}");
    let mut wide = app(bundled(), Lang::Zh);
    wide.saving = SaveStatus::new(PATH.into(), None);
    let shown = screen(&render(&mut wide, 160, 45, &[]));
    let header = shown.lines().next().unwrap_or_default();
    assert!(header.contains(title.as_str()), "{header}");
    assert!(header.contains("progress.journal"), "{header}");
}

#[test]
fn focus_moves_the_two_pane_window_at_100_columns() {
    let mut a = app(bundled(), Lang::Zh);
    render(&mut a, 100, 30, &[]);
    let panes = |a: &App| a.screen().panes.iter().map(|p| p.0).collect::<Vec<_>>();
    assert_eq!(panes(&a), [Pane::List, Pane::Middle]);
    render(&mut a, 100, 30, &[Action::PaneRight, Action::PaneRight]);
    assert_eq!(panes(&a), [Pane::Middle, Pane::Detail]);
    render(&mut a, 160, 45, &[]);
    assert_eq!(panes(&a), [Pane::List, Pane::Middle, Pane::Detail]);
}
