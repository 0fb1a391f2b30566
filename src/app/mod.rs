//! Dashboard state, the actions that change it and the one `update` that
//! applies them. No I/O and no drawing here: `ui` reads `&App`.

pub mod columns;
pub mod confirm;
mod cursor;
pub mod detail;
mod done;
pub mod editor;
mod filter;
pub mod help;
pub mod hints;
mod index;
mod keys;
mod labels;
pub mod layout;
pub mod live;
mod narrowed;
mod nav;
pub mod notice;
pub mod overview;
mod paste;
mod progress;
pub mod reporter;
mod rest;
mod restand_one;
mod saving;
pub mod search;
mod shown;
mod standings;
mod start;
pub mod task_filter;
mod update;
pub mod year;

use std::sync::Arc;

use chrono::NaiveDate;
use ratatui::layout::Rect;

use crate::lights::{Config, Rule, Thresholds};
use crate::line_edit::LineEdit;
use crate::model::{Dataset, Reporter, Task};
use crate::search::Searcher;

pub use cursor::{Cursor, DetailView};
pub use done::MarkDone;
pub use editor::{Editor, EditorAction};
pub use filter::UnitFilter;
pub use index::{Duty, Index, ProjectRow, Role, TaskRef, lookups};
pub use keys::action_for;
pub use labels::{EN, Labels, Lang, ZH};
pub use live::{Link, Pulled, StoreStatus};
pub use notice::Notice;
pub use overview::OverviewView;
pub use progress::Progress;
pub use rest::{RestJob, Rested};
pub use saving::{Changed, SaveKind, SaveOutcome, SaveState, SaveStatus};
pub use search::SearchPopup;
pub use standings::Standings;
pub use task_filter::TaskFilter;
pub use update::{Action, Effect, update};

/// The dashboard's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Leaders,
    Units,
    Projects,
    Overview,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Leaders, Tab::Units, Tab::Projects, Tab::Overview];

    /// The key that shows this tab.
    pub fn key(self) -> char {
        match self {
            Tab::Leaders => '1',
            Tab::Units => '2',
            Tab::Projects => '3',
            Tab::Overview => '4',
        }
    }

    /// The tab's panes, left to right.
    pub fn panes(self) -> &'static [Pane] {
        match self {
            Tab::Leaders | Tab::Units => &[Pane::List, Pane::Middle, Pane::Detail],
            Tab::Projects => &[Pane::List, Pane::Detail],
            Tab::Overview => &overview::PANES,
        }
    }
}

/// A pane of a tab: the list on the left, the middle list (a leader's
/// tasks, a unit's duties) and the detail on the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Pane {
    #[default]
    List,
    Middle,
    Detail,
    /// Overview: overall and per-leader gauges.
    Gauges,
    /// Overview: the red items.
    RedItems,
    /// Overview: the lead units, sortable.
    UnitTable,
}

/// What keys go to: browsing, typing into the units filter, or a popup.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Browse,
    UnitFilter,
    Popup(Popup),
    /// The progress editor is open (boxed: it is far larger than the
    /// other modes).
    Editor(Box<Editor>),
    /// `d`: asking whether to mark this done.
    MarkDone(MarkDone),
    /// At start: asking once for the reporter's unit and name.
    Reporter(Box<reporter::ReporterPrompt>),
}

/// A popup over the dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    Help {
        filter: String,
        scroll: usize,
    },
    /// `/`: search everything and jump to a hit.
    Search(SearchPopup),
    /// A yes/no question (quit with unsaved entries, replay a recovery).
    Confirm(confirm::Confirm),
}

/// What a detail pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Task(TaskRef),
    /// A project's sub-item: the project and the item's index.
    Item(TaskRef, usize),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeadersView {
    pub focus: Pane,
    pub leaders: Cursor,
    pub tasks: Cursor,
    pub detail: DetailView,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitsView {
    pub focus: Pane,
    pub filter: LineEdit,
    /// Unit indices passing the filter, heaviest load first.
    pub shown: Vec<usize>,
    pub units: Cursor,
    pub duties: Cursor,
    pub detail: DetailView,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectsView {
    pub focus: Pane,
    pub rows: Cursor,
    pub detail: DetailView,
}

/// Where the user is: tab, focus and every selection. A jump pushes a copy
/// so Esc can go back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nav {
    pub tab: Tab,
    pub leaders: LeadersView,
    pub units: UnitsView,
    pub projects: ProjectsView,
    pub overview: OverviewView,
    /// `F`: the task lists show only tasks of this light or status.
    pub filter: Option<TaskFilter>,
}

/// The whole dashboard state.
pub struct App {
    /// Shared with the thread building the search index; never changed
    /// in place.
    pub data: Arc<Dataset>,
    pub index: Index,
    /// Recorded progress; replaced only with [`App::restand`] after it
    /// (see [`App::progress`]).
    pub(crate) progress: Progress,
    pub labels: &'static Labels,
    /// The as-of date shown in the header (see [`App::today`]).
    pub(crate) today: NaiveDate,
    /// The light rule: the reporting calendar and thresholds (the
    /// dataset's `duban.ron`, or defaults); set with [`App::set_config`].
    rule: Rule,
    /// Whether the close date had passed on the day the dashboard opened,
    /// so the as-of date is the plan's last day (the header says so).
    pub past_plan: bool,
    /// Who reports from this dashboard (the per-user config); stamped on
    /// every saved entry.
    pub reporter: Option<Reporter>,
    /// Lights and standings for the overview, the header and the leader
    /// list, kept up to date with progress and thresholds.
    standings: Standings,
    /// Bumped whenever the standings or the index's duties change, so the
    /// narrowed lists know to follow.
    pub(crate) version: u64,
    /// The task lists as the filter narrows them, for the selection.
    narrowed: narrowed::Narrowed,
    /// What frames draw from data beyond the lists (the detail's text).
    shown: shown::Shown,
    /// The terminal area, as last reported.
    pub area: Rect,
    pub mouse: bool,
    pub mode: Mode,
    pub nav: Nav,
    pub back: Vec<Nav>,
    pub filter: UnitFilter,
    /// The search popup's session: narrows keystroke by keystroke.
    pub searcher: Searcher,
    /// Whether the popup's searches run off the UI thread (as
    /// [`Effect::Search`]); set for datasets large enough that a keystroke
    /// can take longer than a frame.
    pub background_search: bool,
    /// The number of the popup's last background search request.
    pub search_seq: u64,
    /// Whether the search index was started (see `start.rs`).
    search_start: start::SearchStart,
    /// What the standings still lack for the overview (see `start.rs`).
    rest: start::Rest,
    /// Where progress is saved and how the last save went.
    pub saving: SaveStatus,
    /// Why the last key did nothing, until the next key.
    pub notice: Option<Notice>,
    /// The shared store's status (`None`: no store, the local journal only).
    pub store: Option<StoreStatus>,
}

impl App {
    pub fn new(data: Dataset, progress: Progress, lang: Lang, today: NaiveDate) -> App {
        let index = Index::new(&data);
        let mut app = App::build(
            data,
            index,
            progress,
            lang,
            (today, false),
            &Config::default(),
        );
        app.restand();
        app.start_search();
        app
    }

    /// The dashboard's app: the rule of `config`, opened on `today` as
    /// [`App::open_on`] opens it, with the standings worked out once (each
    /// pass costs a look at every task and entry). The search index, the
    /// units' duties and what only the overview shows of the standings are
    /// left for after the first frame ([`App::start_search`],
    /// [`App::rest_job`]).
    pub fn opened(
        data: Dataset,
        progress: Progress,
        lang: Lang,
        today: NaiveDate,
        config: &Config,
    ) -> App {
        let rule = Rule::new(data.plan.year, config);
        let opened = rule.calendar.default_as_of(today);
        let index = Index::first(&data);
        let mut app = App::build(data, index, progress, lang, opened, config);
        app.stand_first();
        app
    }

    /// `today` is the as-of date and whether the plan year is past; the
    /// standings are the caller's to work out.
    fn build(
        data: Dataset,
        index: Index,
        progress: Progress,
        lang: Lang,
        (today, past_plan): (NaiveDate, bool),
        config: &Config,
    ) -> App {
        // Built once for the popup and the units filter, off this thread
        // and after the first frame, which does not need it (`start.rs`).
        let search_entries = crate::search::entry_count(&data);
        let data = Arc::new(data);
        let search = start::stand_in();
        let units = UnitsView {
            shown: index.units_by_load.clone(),
            ..UnitsView::default()
        };
        let data_year = data.plan.year;
        App {
            data,
            index,
            progress,
            labels: Labels::get(lang),
            today,
            rule: Rule::new(data_year, config),
            past_plan,
            reporter: None,
            standings: Standings::default(),
            version: 0,
            narrowed: narrowed::Narrowed::default(),
            shown: shown::Shown::default(),
            area: Rect::new(0, 0, 120, 40),
            mouse: true,
            mode: Mode::Browse,
            nav: Nav {
                tab: Tab::Leaders,
                leaders: LeadersView::default(),
                units,
                projects: ProjectsView::default(),
                overview: OverviewView::default(),
                filter: None,
            },
            back: Vec::new(),
            filter: UnitFilter::new(search.clone()),
            background_search: search_entries >= search::BACKGROUND_FROM,
            searcher: Searcher::new(search),
            search_seq: 0,
            search_start: start::SearchStart::Deferred,
            rest: start::Rest::Done,
            saving: SaveStatus::default(),
            notice: None,
            store: None,
        }
    }

    /// The dataset's IDs by position, for working the lights out (see
    /// [`crate::lights::Positions`]): the index's, built once with it.
    pub(crate) fn positions(&self) -> &crate::lights::Positions {
        self.index.ids.positions()
    }

    /// Recorded progress, as the journal holds it.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The as-of date: lights and staleness are worked out for it.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The light rule's thresholds.
    pub fn thresholds(&self) -> &Thresholds {
        &self.rule.thresholds
    }

    /// The light rule: calendar and thresholds.
    pub fn rule(&self) -> &Rule {
        &self.rule
    }

    /// Sets the light rule's thresholds; the lights follow.
    pub fn set_thresholds(&mut self, thresholds: Thresholds) {
        self.rule.thresholds = thresholds;
        self.restand();
    }

    /// Sets the whole config (thresholds, close date, cycle); the lights
    /// follow.
    pub fn set_config(&mut self, config: &Config) {
        self.rule = Rule::new(self.data.plan.year, config);
        self.restand();
    }

    /// Opens on `today`: when the plan's close date has passed, on the
    /// plan's last day instead (and the header says so).
    pub fn open_on(&mut self, today: NaiveDate) {
        let (as_of, past) = self.rule.calendar.default_as_of(today);
        self.today = as_of;
        self.past_plan = past;
        self.restand();
    }

    /// Lights, standings and completion on the as-of date.
    pub fn standings(&self) -> &Standings {
        &self.standings
    }

    /// Works the standings out again, after progress or the thresholds
    /// changed.
    pub(crate) fn restand(&mut self) {
        // Standings whole from here on, from a whole index.
        self.whole_index();
        self.standings = Standings::of(self);
        self.restood();
    }

    /// After the standings changed, in whole or in place: the lists kept
    /// from data are out of date.
    pub(crate) fn restood(&mut self) {
        self.version += 1;
        narrowed::refresh(self);
        shown::refresh(self);
    }

    /// Ends the app when the process ends: the dataset, the search index
    /// and the lookups are left for the system to reclaim with the
    /// process rather than freed piece by piece (80 to 124 ms at 100,000
    /// tasks). Only once everything is saved or kept for recovery.
    pub fn leave(self) {
        std::mem::forget(self);
    }

    pub fn task(&self, r: TaskRef) -> Option<&Task> {
        r.get(&self.data)
    }

    /// Whether the search popup waits for a background search.
    pub fn search_pending(&self) -> bool {
        matches!(&self.mode, Mode::Popup(Popup::Search(p)) if p.pending.is_some())
    }

    /// The focused pane of the current tab.
    pub fn focus(&self) -> Pane {
        match self.nav.tab {
            Tab::Leaders => self.nav.leaders.focus,
            Tab::Units => self.nav.units.focus,
            Tab::Projects => self.nav.projects.focus,
            Tab::Overview => self.nav.overview.focus,
        }
    }

    /// The screen layout for the current state.
    pub fn screen(&self) -> layout::Screen {
        self.screen_at(self.area)
    }

    /// The screen layout for the current state in `area`. The overview's
    /// panes depend on the data: its gauges take a row per leader.
    pub fn screen_at(&self, area: Rect) -> layout::Screen {
        let mut screen = layout::screen(area, self.nav.tab, self.focus(), self.labels);
        if self.nav.tab == Tab::Overview {
            screen.panes = overview::areas(screen.body, overview::gauge_count(self)).panes;
        }
        screen
    }

    /// The selected unit (registry index), if any passes the filter.
    pub fn selected_unit(&self) -> Option<usize> {
        self.nav.units.shown.get(self.nav.units.units.sel).copied()
    }

    /// What the current tab's detail pane shows.
    pub fn subject(&self) -> Option<Subject> {
        match self.nav.tab {
            Tab::Leaders => self
                .leader_tasks()
                .get(self.nav.leaders.tasks.sel)
                .map(|r| Subject::Task(*r)),
            Tab::Units => self
                .unit_duties()
                .get(self.nav.units.duties.sel)
                .map(|d| Subject::Task(d.task())),
            Tab::Projects => {
                self.project_rows()
                    .get(self.nav.projects.rows.sel)
                    .map(|row| match row.item {
                        Some(i) => Subject::Item(row.task, i),
                        None => Subject::Task(row.task),
                    })
            }
            // The selected red item; the gauges and the unit table list
            // leaders and units, not tasks.
            Tab::Overview => match self.nav.overview.focus {
                Pane::RedItems => {
                    (self.standings().red_item(self.nav.overview.red.sel)).map(Subject::Task)
                }
                _ => None,
            },
        }
    }

    /// The current tab's detail view state.
    pub fn detail_view(&self) -> &DetailView {
        match self.nav.tab {
            Tab::Leaders => &self.nav.leaders.detail,
            Tab::Units => &self.nav.units.detail,
            Tab::Projects => &self.nav.projects.detail,
            Tab::Overview => &overview::NO_DETAIL,
        }
    }

    /// The detail pane's content at the current layout.
    pub fn detail_doc(&self) -> detail::Doc {
        let width = self
            .screen()
            .pane(Pane::Detail)
            .map_or(0, layout::inner_width);
        match self.subject() {
            Some(s) => self.detail_at(s, width).into_owned(),
            None => detail::Doc::default(),
        }
    }
}
