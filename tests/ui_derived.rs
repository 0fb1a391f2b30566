//! What the dashboard draws from is worked out when data changes, not per
//! frame: the standings' red items, unit orders, unit completion and units
//! owing reports, the index's per-leader and per-unit counts, the task
//! lists as `F` narrows them, and the detail pane's laid-out text. Each is held here to its definition after
//! saves, threshold changes, as-of changes and moves of the selection.

mod common;

use common::entry;
use duban::app::overview::reason_text;
use std::borrow::Cow;

use duban::app::{
    Action, App, Changed, Lang, Pane, Progress, Role, SaveKind, SaveOutcome, Standings, Subject,
    Tab, TaskFilter, TaskRef, update,
};
use duban::lights::{Light, Thresholds, UnitOrder, counts_as, owing, units_by};
use duban::model::{ProgressEntry, Status, TaskKind};

const ORDERS: [UnitOrder; 3] = [
    UnitOrder::LeadDuties,
    UnitOrder::RedItems,
    UnitOrder::Staleness,
];

fn date(s: &str) -> chrono::NaiveDate {
    duban::model::parse_date(s).expect("a date")
}

/// Entries on every fifth task: some behind, some done, some early in the
/// year, so the lights cover red, done, overdue and stale.
fn entries(app: &App, percent: u8) -> Vec<ProgressEntry> {
    let statuses = [
        Status::Behind,
        Status::OnTrack,
        Status::Done,
        Status::Blocked,
    ];
    (app.data.all_tasks().step_by(5).enumerate())
        .map(|(i, t)| {
            let at = ["2023-02-10T09:00:00+08:00", "2023-06-20T09:00:00+08:00"][i % 2];
            let status = statuses[i % statuses.len()];
            let p = if status == Status::Done { 100 } else { percent };
            entry(&t.id, at, p, status, "")
        })
        .collect()
}

fn app() -> App {
    let data = duban::synth::synth(600, 7);
    let mut a = App::new(data, Progress::default(), Lang::Zh, date("2023-06-30"));
    let e = entries(&a, 10);
    a = App::new(
        (*a.data).clone(),
        Progress::from_entries(e),
        Lang::Zh,
        a.today(),
    );
    update(&mut a, Action::Resize(120, 40));
    a
}

fn saved(a: &mut App, entries: Vec<ProgressEntry>) {
    let outcome = SaveOutcome {
        kind: SaveKind::Commit(entries[0].task.clone()),
        error: None,
        pending: 0,
        changed: Changed::All(entries.into_iter().map(Into::into).collect()),
        warnings: Box::default(),
    };
    update(a, Action::Saved(outcome));
}

/// The standings' derived figures, each by its definition.
fn standings_follow_their_definitions(a: &App) {
    let st = a.standings();
    assert_eq!(st, &Standings::of(a), "the standings are stale");
    let red: Vec<TaskRef> = (st.lights.iter().enumerate())
        .filter(|(_, (l, r))| counts_as(*l, *r) == Light::Red)
        .map(|(i, _)| TaskRef(i))
        .collect();
    assert_eq!(st.red().collect::<Vec<_>>(), red);
    let widest = (red.iter())
        .map(|r| duban::text::width(&reason_text(a.labels.lang, st.lights[r.0].1)))
        .max()
        .unwrap_or(0);
    assert_eq!(st.red_reason_width, widest);
    for order in ORDERS {
        let by = units_by(&st.units, order);
        assert_eq!(st.units_by(order), by, "{order:?}");
        for (n, s) in by.iter().enumerate() {
            let u = a.index.unit_by_name[&s.key];
            let lead = (a.index.duties[u].iter())
                .filter(|d| d.role() == Role::Lead)
                .filter_map(|d| a.task(d.task()));
            let row = st.unit_row(order, n).expect("a row per unit");
            assert_eq!(row, (*s, a.progress().completion(lead)), "{}", s.key);
        }
    }
    let tasks = (a.data.all_tasks().zip(&st.lights)).map(|(t, &(l, r))| (t, l, r));
    assert_eq!(st.owing, owing(&a.data, tasks, None));
}

/// The index's per-group and per-unit counts, by their definitions.
fn index_follows_its_definition(a: &App) {
    for (g, refs) in a.index.leader_tasks.iter().enumerate() {
        let tasks: Vec<_> = refs.iter().filter_map(|r| a.task(*r)).collect();
        let projects = tasks.iter().filter(|t| t.kind == TaskKind::Project).count();
        assert_eq!(a.index.group_projects[g], projects);
        let widest = (tasks.iter())
            .map(|t| match t.kind {
                TaskKind::Project => t.id.len(),
                TaskKind::Key => t.number.to_string().len(),
            })
            .max()
            .unwrap_or(0);
        assert_eq!(a.index.group_number_w[g], widest);
    }
    for (u, duties) in a.index.duties.iter().enumerate() {
        let n = |role| duties.iter().filter(|d| d.role() == role).count();
        assert_eq!(
            a.index.load(u),
            (n(Role::Lead), n(Role::Co), n(Role::Members))
        );
    }
}

/// The lists of the selection as the filter narrows them, by definition.
fn lists_follow_their_definitions(a: &App) {
    let passes = |r: TaskRef| a.nav.filter.is_none_or(|f| f.passes(a, r));
    let sel = a.nav.leaders.leaders.sel;
    let tasks: Vec<TaskRef> = (a.index.leader_tasks[sel].iter().copied())
        .filter(|r| passes(*r))
        .collect();
    assert_eq!(*a.leader_tasks(), tasks[..]);
    let widest = (tasks.iter().filter_map(|r| a.task(*r)))
        .map(|t| match t.kind {
            TaskKind::Project => t.id.len(),
            TaskKind::Key => t.number.to_string().len(),
        })
        .max()
        .unwrap_or(0);
    assert_eq!(a.leader_number_width(), widest);
    let duties: Vec<_> = (a.selected_unit().map(|u| a.index.duties[u].to_vec()))
        .unwrap_or_default()
        .into_iter()
        .filter(|d| passes(d.task()))
        .collect();
    assert_eq!(*a.unit_duties(), duties[..]);
    let owed = (duties.iter())
        .filter(|d| d.role() == Role::Lead)
        .filter(|d| a.standings().light(d.task()).map(|x| x.0) == Some(Light::Overdue))
        .count();
    assert_eq!(duban::app::year::owed_reports(a), owed);
    let rows: Vec<_> = (a.index.project_rows.iter().copied())
        .filter(|r| passes(r.task))
        .collect();
    assert_eq!(*a.project_rows(), rows[..]);
}

/// What frames draw beside the lists: the detail pane's laid-out text
/// (kept, not built by the frame), the owing table's unit column and the
/// gauges' name column.
fn shown_follows_its_definition(a: &App) {
    if let (Some(subject), Some(rect)) = (a.subject(), a.screen().pane(Pane::Detail)) {
        let width = duban::app::layout::inner_width(rect);
        let kept = a.detail_at(subject, width);
        assert!(matches!(kept, Cow::Borrowed(_)), "{subject:?} is not kept");
        let whole = a.detail_view().whole_history;
        assert_eq!(*kept, duban::app::detail::build(a, subject, width, whole));
    }
    let owing = (a.standings().owing.iter()).map(|u| duban::text::width(&u.unit));
    assert_eq!(a.owing_unit_width(), owing.max().unwrap_or(0));
    let names = a
        .data
        .plan
        .leaders
        .iter()
        .map(|l| duban::text::width(&l.name));
    assert_eq!(a.index.gauge_name_w, names.max().unwrap_or(0));
}

fn all_follow(a: &App) {
    standings_follow_their_definitions(a);
    index_follows_its_definition(a);
    lists_follow_their_definitions(a);
    shown_follows_its_definition(a);
}

#[test]
fn derived_values_follow_a_save() {
    let mut a = app();
    all_follow(&a);
    let before = a.standings().clone();
    let later = entries(&a, 90);
    saved(&mut a, later);
    assert_ne!(a.standings(), &before, "the save changed no light");
    all_follow(&a);
}

#[test]
fn the_detail_follows_a_save_of_the_task_it_shows() {
    let mut a = app();
    update(&mut a, Action::PaneRight);
    update(&mut a, Action::Down);
    let Some(Subject::Task(r)) = a.subject() else {
        panic!("a task is selected");
    };
    let id = a.task(r).expect("the task").id.clone();
    let note = "新增一条进展说明";
    let added = entry(&id, "2023-06-21T09:00:00+08:00", 40, Status::OnTrack, note);
    let outcome = SaveOutcome {
        kind: SaveKind::Commit(id.to_string()),
        error: None,
        pending: 0,
        changed: Changed::Added(added.into()),
        warnings: Box::default(),
    };
    update(&mut a, Action::Saved(outcome));
    let doc = a.detail_doc();
    let text: String = (doc.lines.iter().flatten())
        .map(|s| s.text.as_str())
        .collect();
    assert!(text.contains(note), "{text}");
    all_follow(&a);
}

#[test]
fn derived_values_follow_the_thresholds() {
    let mut a = app();
    let before = a.standings().red().len();
    // Far behind before red: the entries at 10% turn yellow.
    let lenient = Thresholds {
        red_behind: 90,
        ..Thresholds::default()
    };
    a.set_thresholds(lenient);
    assert_ne!(a.standings().red().len(), before, "no red item changed");
    all_follow(&a);
}

#[test]
fn derived_values_follow_the_as_of_date() {
    let mut a = app();
    let before = a.standings().clone();
    a.open_on(date("2023-11-30"));
    assert_ne!(a.standings(), &before);
    all_follow(&a);
}

#[test]
fn narrowed_lists_follow_the_filter_and_the_selection() {
    let mut a = app();
    for tab in [Tab::Leaders, Tab::Units, Tab::Projects] {
        update(&mut a, Action::ShowTab(tab));
        let mut filter = TaskFilter::next(None);
        while filter.is_some() {
            update(&mut a, Action::TaskFilter);
            assert_eq!(a.nav.filter, filter);
            all_follow(&a);
            update(&mut a, Action::Down);
            all_follow(&a);
            filter = TaskFilter::next(filter);
        }
        update(&mut a, Action::TaskFilter);
        assert_eq!(a.nav.filter, None);
    }
    // A save under a filter narrows the lists again.
    update(&mut a, Action::ShowTab(Tab::Leaders));
    update(&mut a, Action::TaskFilter);
    let later = entries(&a, 95);
    saved(&mut a, later);
    all_follow(&a);
    // Opening on a unit reorders its duties (owed reports first).
    update(&mut a, Action::ShowTab(Tab::Units));
    let u = a.index.units_by_load[0];
    duban::app::year::open_unit(&mut a, u);
    all_follow(&a);
}

#[test]
fn the_units_owing_share_each_tasks_id_after_a_save_and_a_new_as_of_date() {
    // Replacing the standings frees what they hold: an owed task's ID is
    // the task's own shared text, not a copy per owed task (a million of
    // them after the plan year at 1,000,000 tasks, freed on the drawing
    // thread's next allocation).
    let mut a = app();
    let shares = |a: &App| {
        let st = a.standings();
        let owed: Vec<_> = st.owing.iter().flat_map(|u| &u.tasks).collect();
        assert!(!owed.is_empty(), "some unit owes a report");
        owed.iter().all(|o| {
            (a.data.all_tasks())
                .find(|t| t.id == o.id)
                .is_some_and(|t| duban::model::Text::ptr_eq(&t.id, &o.id))
        })
    };
    assert!(shares(&a));
    let e = entries(&a, 40);
    saved(&mut a, e);
    assert!(shares(&a));
    a.open_on(date("2024-03-01"));
    assert!(shares(&a));
}
