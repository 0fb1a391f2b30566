//! Layout rules checked over many sizes, tabs and panes: popup borders next
//! to wide characters, the minimum pane widths, the bottom bar's `?` and
//! `q`, `e` from every pane and the `F` filter.

mod common;

use common::{app, bundled, render};
use duban::app::columns;
use duban::app::layout::{self, MIN_TEXT};
use duban::app::{Action, App, Lang, Mode, Notice, Pane, Subject, Tab, TaskFilter, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

/// What the terminal shows on a row: one entry per column, the second
/// half of a wide character empty (it is never sent).
fn row_cells(term: &Terminal<TestBackend>, y: u16) -> Vec<String> {
    let buf = term.backend().buffer();
    let mut out = Vec::new();
    let mut skip = 0;
    for x in 0..buf.area.width {
        let s = buf[(x, y)].symbol().to_string();
        if skip > 0 {
            skip -= 1;
            out.push(String::new());
        } else {
            skip = s.width().saturating_sub(1);
            out.push(s);
        }
    }
    out
}

/// The help and search popups at every width from 60 to 170 columns: the
/// popup's left edge lands next to the dashboard's Chinese text at every
/// offset, and both borders reach the terminal on every row.
#[test]
fn popup_borders_survive_wide_characters_at_every_width() {
    let query: Vec<Action> = "农村"
        .chars()
        .map(|c| Action::Edit(duban::line_edit::Edit::Insert(c)))
        .collect();
    let popups: [Vec<Action>; 2] = [vec![Action::Help], [vec![Action::Search], query].concat()];
    let mut a = app(bundled(), Lang::Zh);
    update(&mut a, Action::PaneRight);
    let mut straddled = 0;
    for w in 60..=170u16 {
        let h = 40;
        let rect = layout::popup(ratatui::layout::Rect::new(0, 0, w, h));
        // Under the popup: how often a wide character crosses its edge.
        let under = render(&mut a, w, h, &[]);
        for y in rect.y + 1..rect.bottom() - 1 {
            straddled += usize::from(row_cells(&under, y)[usize::from(rect.x)].is_empty());
        }
        for acts in &popups {
            let term = render(&mut a, w, h, acts);
            update(&mut a, Action::Back);
            assert_eq!(a.mode, Mode::Browse);
            for y in rect.y + 1..rect.bottom() - 1 {
                let row = row_cells(&term, y);
                for x in [rect.x, rect.right() - 1] {
                    let cell = &row[usize::from(x)];
                    assert!(
                        cell == "│" || cell == "├" || cell == "┤",
                        "width {w}, row {y}, column {x}: {cell:?} in {}",
                        row.concat()
                    );
                }
            }
        }
    }
    assert!(
        straddled > 20,
        "wide characters crossed the edge only {straddled} times"
    );
}

/// Three panes only when each keeps its minimum width: the middle list
/// then shows its columns and at least MIN_TEXT columns of task text.
#[test]
fn three_panes_only_when_every_pane_keeps_its_minimum_width() {
    for lang in [Lang::Zh, Lang::En] {
        let labels = duban::app::Labels::get(lang);
        for tab in [Tab::Leaders, Tab::Units] {
            let mins = layout::min_widths(tab, labels);
            let cols: usize = (columns::task_list(tab, labels).iter())
                .map(|c| c.width + 1)
                .sum();
            for w in 60..=220u16 {
                let screen = layout::screen(
                    ratatui::layout::Rect::new(0, 0, w, 30),
                    tab,
                    Pane::List,
                    labels,
                );
                let widths: Vec<u16> = screen.panes.iter().map(|p| p.1.width).collect();
                if w >= layout::three_panes_from(tab, labels) {
                    assert_eq!(widths.len(), 3, "{tab:?} at {w}");
                    for (got, min) in widths.iter().zip(&mins) {
                        assert!(got >= min, "{tab:?} at {w}: {widths:?} < {mins:?}");
                    }
                    let text = usize::from(widths[1] - 2) - cols;
                    assert!(text >= usize::from(MIN_TEXT), "{tab:?} at {w}: {text}");
                } else {
                    assert_eq!(widths.len(), 2, "{tab:?} at {w}: {widths:?}");
                    // The focused list keeps its minimum when it fits.
                    assert!(widths[0] >= mins[0].min(w), "{tab:?} at {w}: {widths:?}");
                }
                // Focused, the middle list keeps its minimum beside the detail.
                let middle = layout::screen(
                    ratatui::layout::Rect::new(0, 0, w, 30),
                    tab,
                    Pane::Middle,
                    labels,
                );
                let got = middle.pane(Pane::Middle).map_or(0, |r| r.width);
                assert!(
                    got >= mins[1].min(w),
                    "{tab:?} at {w}, middle focused: {got}"
                );
            }
        }
    }
}

/// Every tab and pane, both languages, 80 and 60 columns, with and
/// without a notice: the bar ends with help and quit.
#[test]
fn the_bar_keeps_help_and_quit_at_80_columns() {
    for (lang, help, quit) in [
        (Lang::Zh, "? 帮助", "q 退出"),
        (Lang::En, "? help", "q quit"),
    ] {
        for tab in Tab::ALL {
            for (i, _) in tab.panes().iter().enumerate() {
                for notice in [false, true] {
                    for w in [60u16, 80] {
                        let mut acts = vec![Action::ShowTab(tab)];
                        acts.extend(std::iter::repeat_n(Action::NextPane, i));
                        if notice {
                            acts.push(Action::TaskFilter);
                            acts.push(Action::EditProgress);
                        }
                        let mut a = app(bundled(), lang);
                        let term = render(&mut a, w, 24, &acts);
                        if matches!(a.mode, Mode::Editor(_)) {
                            continue;
                        }
                        let bar = row_cells(&term, 23).concat();
                        let bar = bar.trim_end();
                        assert!(
                            bar.ends_with(&format!("{help}  {quit}")),
                            "{tab:?} {i} {w}: {bar}"
                        );
                    }
                }
            }
        }
    }
}

/// `action` in every pane of every tab, the app afterwards and what the
/// pane had selected before; `check` sees each, named by tab and pane.
fn in_every_pane(action: Action, check: impl Fn(&App, Option<Subject>, &str)) {
    for tab in Tab::ALL {
        for (i, pane) in tab.panes().iter().enumerate() {
            let mut a = app(bundled(), Lang::Zh);
            render(&mut a, 100, 30, &[Action::ShowTab(tab)]);
            for _ in 0..i {
                update(&mut a, Action::NextPane);
            }
            let subject = a.subject();
            update(&mut a, action.clone());
            let expect_task =
                !matches!((tab, pane), (Tab::Overview, Pane::Gauges | Pane::UnitTable));
            assert_eq!(subject.is_some(), expect_task, "{tab:?} {pane:?}");
            check(&a, subject, &format!("{tab:?} {pane:?}"));
        }
    }
}

/// `e` in every pane of every tab: the editor opens on the task the pane
/// shows selected, or the bar says why not.
#[test]
fn e_opens_the_editor_wherever_a_task_is_selected() {
    in_every_pane(Action::EditProgress, |a, subject, at| {
        match (&a.mode, subject) {
            (Mode::Editor(ed), Some(Subject::Task(r))) => {
                assert_eq!(
                    Some(ed.id.as_str()),
                    a.task(r).map(|t| t.id.as_str()),
                    "{at}"
                );
            }
            (Mode::Editor(_), Some(Subject::Item(..))) => {}
            (Mode::Browse, None) => assert_eq!(a.notice, Some(Notice::NoTaskToEdit), "{at}"),
            (mode, s) => panic!("{at}: {mode:?} for {s:?}"),
        }
    });
}

/// `d` in every pane of every tab: the question opens on the task the
/// pane shows selected, or the bar says why not (never silence).
#[test]
fn d_asks_wherever_a_task_is_selected_and_says_why_not_elsewhere() {
    in_every_pane(Action::MarkDone, |a, subject, at| {
        match (&a.mode, subject) {
            (Mode::MarkDone(ask), Some(Subject::Task(r))) => {
                assert_eq!(
                    Some(ask.id.as_str()),
                    a.task(r).map(|t| t.id.as_str()),
                    "{at}"
                );
            }
            (Mode::MarkDone(_), Some(Subject::Item(..))) => {}
            (Mode::Browse, None) => assert_eq!(a.notice, Some(Notice::NoTaskToEdit), "{at}"),
            (mode, s) => panic!("{at}: {mode:?} for {s:?}"),
        }
    });
}

/// Every choice of `F` on every leader's tasks, unit's duties and the
/// projects: the list holds exactly the tasks that pass.
#[test]
fn f_shows_exactly_the_tasks_that_pass() {
    let mut a = app(bundled(), Lang::Zh);
    render(&mut a, 160, 45, &[]);
    let mut filter = TaskFilter::next(None);
    while let Some(f) = filter {
        update(&mut a, Action::TaskFilter);
        assert_eq!(a.nav.filter, Some(f));
        for l in 0..a.data.plan.leaders.len() {
            a.nav.leaders.leaders.sel = l;
            let all = &a.index.leader_tasks[l];
            let want: Vec<_> = all.iter().copied().filter(|r| f.passes(&a, *r)).collect();
            assert_eq!(a.leader_tasks().to_vec(), want, "{f:?} leader {l}");
        }
        for u in 0..a.nav.units.shown.len() {
            a.nav.units.units.sel = u;
            let all = a
                .selected_unit()
                .map_or(&[][..], |x| &a.index.duties[x][..]);
            let want: Vec<_> = all
                .iter()
                .copied()
                .filter(|d| f.passes(&a, d.task()))
                .collect();
            assert_eq!(a.unit_duties().to_vec(), want, "{f:?} unit {u}");
        }
        let rows = a.project_rows();
        assert!(rows.iter().all(|r| f.passes(&a, r.task)), "{f:?}");
        a.nav.leaders.leaders.sel = 0;
        a.nav.units.units.sel = 0;
        filter = TaskFilter::next(filter);
    }
    update(&mut a, Action::TaskFilter);
    assert_eq!(a.nav.filter, None, "after the last choice, no filter");
}

#[test]
fn esc_clears_the_filter_before_it_goes_back() {
    let mut a = app(bundled(), Lang::Zh);
    render(&mut a, 100, 30, &[Action::PaneRight, Action::TaskFilter]);
    assert!(a.nav.filter.is_some());
    update(&mut a, Action::Back);
    assert_eq!((a.nav.filter, a.focus()), (None, Pane::Middle));
    update(&mut a, Action::Back);
    assert_eq!(a.focus(), Pane::List);
}

#[test]
fn a_jump_shows_its_target_and_esc_brings_the_filter_back() {
    let mut a = app(bundled(), Lang::Zh);
    // Units tab, the first unit's duties, filtered to green (K1.1).
    let mut acts = vec![Action::ShowTab(Tab::Units), Action::Enter];
    // Red, overdue, yellow, not due, green.
    acts.extend(std::iter::repeat_n(Action::TaskFilter, 5));
    render(&mut a, 160, 45, &acts);
    let green = Some(TaskFilter::Light(duban::lights::Light::Green));
    assert_eq!(a.nav.filter, green);
    update(&mut a, Action::Enter);
    assert_eq!((a.nav.tab, a.nav.filter), (Tab::Leaders, None));
    update(&mut a, Action::Back);
    assert_eq!((a.nav.tab, a.nav.filter), (Tab::Units, green));
}
