//! Every screen of the dashboard on a synthetic dataset of any size: the
//! tabs, panes and popups, at the top of their lists and deep in them.
//! Shared by `benches/render.rs` (a frame of each at 10,000 to 1,000,000
//! tasks) and `tests/ui_flat.rs` (a frame's work does not grow with the
//! data).

use std::hint::black_box;

use chrono::{DateTime, NaiveDate};
use duban::app::confirm::Confirm;
use duban::app::{
    Action, App, EditorAction, Labels, Lang, Link, Mode, Nav, Popup, Progress, SaveState,
    SaveStatus, Tab, update,
};
use duban::model::{Dataset, ProgressEntry, Status, Task};

pub const W: u16 = 160;
pub const H: u16 = 45;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 30).unwrap_or_default()
}

/// The app on `data`, its search index built (on its own thread: frames
/// measured after this do not share the CPU with it).
pub fn open(data: Dataset, progress: &Progress) -> App {
    let mut app = App::new(data, progress.clone(), Lang::Zh, today());
    app.background_search = false;
    black_box(app.searcher.shared_index().get().len());
    app
}

/// Where each case starts: the leaders tab, browsing, no filter, at
/// `W`x`H`, in Chinese, with no notice, save status or store.
pub fn reset(app: &mut App, nav: &Nav) {
    app.mode = Mode::Browse;
    app.nav = nav.clone();
    app.back.clear();
    app.labels = Labels::get(Lang::Zh);
    app.notice = None;
    app.saving = SaveStatus::default();
    app.store = None;
    if app.today() != today() {
        app.open_on(today());
    }
    update(app, Action::Resize(W, H));
}

pub fn act(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        update(app, a);
    }
}

fn typed(text: &str) -> impl Iterator<Item = Action> + '_ {
    text.chars().map(Action::Input)
}

/// A screen: its name and how to get there from [`reset`].
pub type Case = (&'static str, fn(&mut App));

/// Every tab, pane and popup of a plan grouped by leader.
pub fn cases() -> Vec<Case> {
    use Action::*;
    vec![
        ("leaders", |_| {}),
        // The last task of the last leader: 125,000 rows down at 1M.
        ("leaders_bottom", |a| act(a, [Bottom, PaneRight, Bottom])),
        ("units", |a| act(a, [ShowTab(Tab::Units)])),
        ("units_bottom", |a| {
            act(a, [ShowTab(Tab::Units), PaneRight, Bottom]);
        }),
        ("units_filter", |a| {
            act(a, [ShowTab(Tab::Units), Filter]);
            act(a, typed("镇"));
        }),
        ("projects", |a| act(a, [ShowTab(Tab::Projects)])),
        ("overview", |a| act(a, [ShowTab(Tab::Overview)])),
        ("overview_red_bottom", |a| {
            act(a, [ShowTab(Tab::Overview), NextPane, Bottom]);
        }),
        ("overview_units_sorted", |a| {
            act(a, [ShowTab(Tab::Overview), NextPane, NextPane, Sort]);
        }),
        // The second task: a history of entries with their notes.
        ("detail", |a| act(a, [PaneRight, Down, PaneRight])),
        ("detail_units", |a| {
            act(a, [ShowTab(Tab::Units), PaneRight, PaneRight]);
        }),
        ("detail_project", |a| {
            act(a, [ShowTab(Tab::Projects), Down, PaneRight]);
        }),
        ("editor", |a| act(a, [PaneRight, EditProgress])),
        ("editor_notes", |a| {
            act(a, [PaneRight, Down, EditProgress]);
            let field = Editor(EditorAction::NextField);
            act(a, [field.clone(), field]);
            let note = "本季度完成年度计划的六成, 新开工项目十二个, 其中三个已竣工验收".repeat(3);
            act(a, note.chars().map(|c| Editor(EditorAction::Input(c))));
        }),
        ("mark_done", |a| act(a, [PaneRight, MarkDone])),
        ("search_popup", |a| {
            act(a, [Search]);
            act(a, typed("新增规上企业"));
        }),
        // `F` twice: overdue, most tasks, so the list fills its pane.
        ("filter_f", |a| act(a, [TaskFilter, TaskFilter])),
        ("help", |a| act(a, [Help])),
        ("help_filtered", |a| {
            act(a, [Help]);
            act(a, typed("e"));
        }),
        ("confirm_quit", |a| {
            a.mode = Mode::Popup(Popup::Confirm(Confirm::Quit { unsaved: 3 }));
        }),
        ("reporter_prompt", |a| {
            a.ask_reporter(None);
            act(a, typed("市"));
        }),
        ("projects_bottom", |a| {
            act(a, [ShowTab(Tab::Projects), Bottom])
        }),
        // `F` on a unit's duties and on the projects: narrowed lists.
        ("units_filter_f", |a| {
            act(a, [ShowTab(Tab::Units), PaneRight, TaskFilter, TaskFilter]);
        }),
        ("projects_filter_f", |a| {
            act(a, [ShowTab(Tab::Projects), TaskFilter, TaskFilter]);
        }),
        // A project's sub-item: its detail and its editor.
        ("detail_item", |a| {
            act(a, [ShowTab(Tab::Projects)]);
            act(a, std::iter::repeat_n(Down, first_item_row(a)));
            act(a, [PaneRight]);
        }),
        ("editor_item", |a| {
            act(a, [ShowTab(Tab::Projects)]);
            act(a, std::iter::repeat_n(Down, first_item_row(a)));
            act(a, [EditProgress]);
        }),
        ("detail_scrolled", |a| {
            act(a, [PaneRight, Down, PaneRight, PageDown]);
        }),
        ("overview_gauges_bottom", |a| {
            act(a, [ShowTab(Tab::Overview), Bottom]);
        }),
        // A pinyin query, and the last of its hits selected.
        ("search_pinyin", |a| {
            act(a, [Search]);
            act(a, typed("gsqy"));
        }),
        ("search_last_hit", |a| {
            act(a, [Search]);
            act(a, typed("建设"));
            act(a, [Bottom]);
        }),
        ("help_scrolled", |a| act(a, [Help, PageDown, PageDown])),
        // `F` on the overview: the bar says why nothing happened.
        ("notice", |a| act(a, [ShowTab(Tab::Overview), TaskFilter])),
        ("english", |a| {
            a.labels = Labels::get(Lang::En);
            act(a, [ShowTab(Tab::Units), PaneRight]);
        }),
        // The header's save and store status, both at their longest.
        ("save_failed_offline", |a| {
            a.saving = SaveStatus {
                path: "/srv/duban/data/progress.jsonl".to_string(),
                state: SaveState::Failed {
                    error: "progress.jsonl: 磁盘已满 (No space left on device)".to_string(),
                    pending: 3,
                },
            };
            a.store = Some(duban::app::StoreStatus {
                link: Link::Offline,
                pending: 12,
                refused: 2,
            });
        }),
        // The reporting year: opened on one unit, the reports it owes on
        // top (this reorders that unit's duties, as the dashboard does).
        ("year_unit", |a| {
            let unit = a.index.units_by_load.first().copied().unwrap_or(0);
            duban::app::year::open_unit(a, unit);
        }),
        // After the plan year: the header's note, on the plan's last day
        // (last: `reset` opens the app on `today` again, working the
        // standings out anew).
        ("past_plan", past_plan),
        ("past_plan_overview", |a| {
            past_plan(a);
            act(a, [ShowTab(Tab::Overview)]);
        }),
    ]
}

/// Opens `app` on a day after its plan year: the as-of date becomes the
/// plan's last day and the header says so.
pub fn past_plan(app: &mut App) {
    let year = app.data.plan.year;
    let after = NaiveDate::from_ymd_opt(year + 1, 3, 1).unwrap_or_default();
    app.open_on(after);
}

/// The projects tab's first row that is a sub-item.
fn first_item_row(app: &App) -> usize {
    (app.project_rows().iter())
        .position(|r| r.item.is_some())
        .unwrap_or(0)
}

/// The screens that differ in a plan numbered by section (see
/// [`by_section`]).
pub fn section_cases() -> Vec<Case> {
    use Action::*;
    vec![
        ("sections", |_| {}),
        ("sections_bottom", |a| act(a, [Bottom, PaneRight, Bottom])),
        ("sections_overview", |a| act(a, [ShowTab(Tab::Overview)])),
    ]
}

/// `data` as a plan numbered by section: each leader's tasks under a
/// section heading of their own, no leader grouping.
pub fn by_section(data: &Dataset) -> Dataset {
    let mut data = data.clone();
    data.plan.by_section = true;
    let leaders: Vec<String> = data.plan.leaders.iter().map(|l| l.id.to_string()).collect();
    for task in &mut data.tasks {
        let n = (leaders.iter())
            .position(|id| task.leader.as_deref() == Some(id.as_str()))
            .unwrap_or(0);
        task.section = vec![format!("第{}部分 重点工作", n + 1).into()].into();
    }
    data
}

/// Progress on one task in seven, behind, so the overview has red items
/// (the tasks without an entry are overdue: units owe reports); the
/// second task has a history of four entries with notes.
pub fn progress_for(data: &Dataset) -> Progress {
    let history = (data.tasks.get(1).into_iter()).flat_map(|t| {
        let note = "完成前期手续, 开工建设, 累计完成投资两千万元。".repeat(3);
        [1, 2, 4, 5].map(|m| entry(t, m, 5 * m as u8, &note))
    });
    let behind = (data.all_tasks().skip(2).step_by(7)).map(|t| entry(t, 3, 5, ""));
    Progress::from_entries(behind.chain(history))
}

/// An entry on `task` at the end of `month`, behind; with a note, the
/// problems and next steps are filled too.
fn entry(task: &Task, month: u32, percent: u8, note: &str) -> ProgressEntry {
    let at = format!("2023-{month:02}-28T17:00:00+08:00");
    let at = DateTime::parse_from_rfc3339(&at).expect("a time");
    let also = |s: &str| match note {
        "" => String::new(),
        _ => s.repeat(2),
    };
    ProgressEntry {
        task: task.id.to_string(),
        at,
        date: at.date_naive(),
        percent,
        status: Status::Behind,
        note: note.to_string(),
        actuals: Vec::new(),
        reporter: None,
        problems: also("资金到位慢, 征地尚未完成。"),
        next_steps: also("加快审批, 倒排工期, 每周调度一次。"),
    }
}
