//! The overview tab (总览): overall completion, a gauge per leader, the red
//! items and the lead units in a sortable table. Lights come from
//! [`crate::lights`] on the as-of date, through [`App::standings`], which
//! is worked out again whenever progress is saved, so it shows at once.

use ratatui::layout::{Constraint, Layout, Rect};

use super::{App, Cursor, DetailView, Lang, Pane, Tab, nav};
use crate::lights::{Light, Overview, Reason, Tally, UnitOrder};
use crate::model::{ProgressEntry, Task};

/// The lights in the order the summary line and the gauges show them.
pub const SUMMARY_ORDER: [Light; 6] = [
    Light::Done,
    Light::Green,
    Light::Yellow,
    Light::Red,
    Light::Overdue,
    Light::NotDue,
];

/// The overview's panes in focus order: the left column top to bottom,
/// then the right column.
pub const PANES: [Pane; 3] = [Pane::Gauges, Pane::RedItems, Pane::UnitTable];

/// The overview has no detail pane; this is what it reports instead.
pub static NO_DETAIL: DetailView = DetailView {
    scroll: 0,
    link: None,
    whole_history: false,
};

/// The overview tab's focus, selections and unit order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverviewView {
    pub focus: Pane,
    pub leaders: Cursor,
    pub red: Cursor,
    pub units: Cursor,
    pub sort: UnitOrder,
}

impl Default for OverviewView {
    fn default() -> Self {
        OverviewView {
            focus: Pane::Gauges,
            leaders: Cursor::default(),
            red: Cursor::default(),
            units: Cursor::default(),
            sort: UnitOrder::LeadDuties,
        }
    }
}

impl OverviewView {
    pub(super) fn cursor_mut(&mut self, pane: Pane) -> Option<&mut Cursor> {
        match pane {
            Pane::Gauges => Some(&mut self.leaders),
            Pane::RedItems => Some(&mut self.red),
            Pane::UnitTable => Some(&mut self.units),
            _ => None,
        }
    }
}

/// The unit order after `order`, for the sort key.
pub fn next_order(order: UnitOrder) -> UnitOrder {
    match order {
        UnitOrder::LeadDuties => UnitOrder::RedItems,
        UnitOrder::RedItems => UnitOrder::Staleness,
        UnitOrder::Staleness => UnitOrder::LeadDuties,
    }
}

/// The overview's words in one language.
#[derive(Debug)]
pub struct Words {
    pub tab: &'static str,
    pub gauges: &'static str,
    /// The gauges' title in a plan numbered by section.
    pub section_gauges: &'static str,
    pub overall: &'static str,
    pub red_items: &'static str,
    pub no_red_items: &'static str,
    pub lead_units: &'static str,
    pub unit: &'static str,
    pub lead_duties: &'static str,
    pub red: &'static str,
    pub stale: &'static str,
    pub percent: &'static str,
    pub expected: &'static str,
    pub tasks: &'static str,
    pub light: &'static str,
    /// The unit orders, as `UnitOrder` lists them.
    pub by: [&'static str; 3],
}

pub static ZH: Words = Words {
    tab: "总览",
    gauges: "领导进度",
    section_gauges: "分部进度",
    overall: "总体",
    red_items: "红灯事项",
    no_red_items: "无红灯事项",
    lead_units: "牵头单位",
    unit: "单位",
    lead_duties: "牵头",
    red: "红灯",
    stale: "未更新",
    percent: "进度",
    expected: "时序进度",
    tasks: "事项",
    light: "状态灯",
    by: ["按牵头数", "按红灯数", "按未更新数"],
};

pub static EN: Words = Words {
    tab: "Overview",
    gauges: "Leaders",
    section_gauges: "Sections",
    overall: "Overall",
    red_items: "Red items",
    no_red_items: "No red items",
    lead_units: "Lead units",
    unit: "Unit",
    lead_duties: "Leads",
    red: "Red",
    stale: "Stale",
    percent: "Done",
    expected: "expected",
    tasks: "tasks",
    light: "Light",
    by: ["by lead duties", "by red items", "by staleness"],
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

impl Words {
    pub fn order(&self, order: UnitOrder) -> &'static str {
        match order {
            UnitOrder::LeadDuties => self.by[0],
            UnitOrder::RedItems => self.by[1],
            UnitOrder::Staleness => self.by[2],
        }
    }
}

/// A light's label in the dashboard's language.
pub fn light_label(lang: Lang, light: Light) -> &'static str {
    match lang {
        Lang::Zh => light.label_zh(),
        Lang::En => light.label_en(),
    }
}

/// A reason's text in the dashboard's language.
pub fn reason_text(lang: Lang, reason: Reason) -> String {
    match lang {
        Lang::Zh => reason.text_zh(),
        Lang::En => reason.text_en(),
    }
}

/// A light's label in a list's light column (short in Chinese).
pub fn light_cell_label(lang: Lang, light: Light) -> &'static str {
    match lang {
        Lang::Zh => light.short_zh(),
        Lang::En => light.label_en(),
    }
}

/// The columns a light cell takes: the widest label.
pub fn light_width(lang: Lang) -> usize {
    Light::ALL
        .iter()
        .map(|l| crate::text::width(light_cell_label(lang, *l)))
        .max()
        .unwrap_or(0)
}

impl App {
    /// An ID's standing entry among those dated on or before the as-of
    /// date (history is in report order).
    pub fn latest_as_of(&self, id: &str) -> Option<&ProgressEntry> {
        self.progress
            .history(id)
            .iter()
            .rev()
            .find(|e| e.date <= self.today)
            .map(|e| &**e)
    }

    /// A task's light and why, on the as-of date (a project standing on
    /// its sub-items: see [`lights::standing_entry`]).
    pub fn light(&self, task: &Task) -> (Light, Reason) {
        let entry = crate::lights::standing_entry(task, |id| self.latest_as_of(id));
        self.rule().assess(entry.as_deref(), self.today, task.due)
    }

    /// Every task's light and the standings, on the as-of date, with
    /// each task's standing entry (what [`App::standings`] keeps, less the
    /// entries).
    pub fn overview(&self) -> Overview<'_> {
        let standing = self.progress.standing_on(self.positions(), &[self.today]);
        let standing = standing.into_iter().next().unwrap_or_default();
        let rule = self.rule();
        Overview::at(
            &self.data,
            self.positions(),
            &standing,
            |_| true,
            self.today,
            rule,
        )
    }
}

/// The `i`th gauge's name: a leader's, or a section's in a plan numbered
/// by section (the first tab's groups either way).
pub fn gauge_name(app: &App, i: usize) -> Option<&str> {
    if app.data.plan.by_section {
        app.index.group_names.get(i).map(String::as_str)
    } else {
        app.data.plan.leaders.get(i).map(|l| l.name.as_str())
    }
}

/// How many gauges the overview shows below the overall one.
pub fn gauge_count(app: &App) -> usize {
    app.standings().leaders.len()
}

/// Rows above an overview pane's list: the column headers, and above the
/// leaders' gauges the overall one.
pub fn top_rows(pane: Pane) -> usize {
    match pane {
        Pane::Gauges => 2,
        Pane::RedItems | Pane::UnitTable => 1,
        _ => 0,
    }
}

/// How many rows an overview pane lists.
pub(super) fn len(app: &App, pane: Pane) -> usize {
    match pane {
        Pane::Gauges => gauge_count(app),
        Pane::RedItems => app.standings().red().len(),
        Pane::UnitTable => app.standings().units.len(),
        _ => 0,
    }
}

/// Where the overview's parts go in the body: a summary line on top, the
/// gauges above the red items on the left, the unit table above the units
/// owing reports on the right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Areas {
    pub summary: Rect,
    pub panes: Vec<(Pane, Rect)>,
    /// The units owing reports (not a pane: nothing to select).
    pub owing: Rect,
}

pub fn areas(body: Rect, leaders: usize) -> Areas {
    let [summary, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(body);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(rest);
    // Borders, the headers, the overall row and one row per leader; at
    // most 3/5 of the height so the red items keep some.
    let want = u16::try_from(leaders + 2 + top_rows(Pane::Gauges)).unwrap_or(u16::MAX);
    let gauges = want.min(left.height.saturating_mul(3) / 5);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(gauges), Constraint::Min(0)]).areas(left);
    let [units, owing] =
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(right);
    Areas {
        summary,
        panes: vec![
            (Pane::Gauges, top),
            (Pane::RedItems, bottom),
            (Pane::UnitTable, units),
        ],
        owing,
    }
}

/// How a gauge `width` columns wide splits among the lights, in the order
/// drawn (done, green, yellow, red, overdue, not due): each light's share
/// of the tasks, rounded by largest remainder, so the widths add up to
/// `width`.
pub fn segments(tally: &Tally, width: usize) -> [(Light, usize); 6] {
    let order = SUMMARY_ORDER;
    let total = tally.total();
    let mut out = order.map(|l| (l, 0));
    if total == 0 {
        return out;
    }
    let mut rest: Vec<(usize, usize)> = Vec::new();
    let mut used = 0;
    for (i, (light, w)) in out.iter_mut().enumerate() {
        let share = tally.count(*light) * width;
        *w = share / total;
        used += *w;
        rest.push((share % total, i));
    }
    // Largest remainders first; ties go to the earlier light.
    rest.sort_by_key(|&(r, i)| (std::cmp::Reverse(r), i));
    for &(_, i) in rest.iter().take(width - used) {
        out[i].1 += 1;
    }
    out
}

/// `s`: the unit table's next order.
pub(super) fn cycle_sort(app: &mut App) {
    let view = &mut app.nav.overview;
    view.sort = next_order(view.sort);
    view.units = Cursor::default();
}

/// Enter: a leader (or section) shows their tasks, a red item its task under its
/// leader, a unit its duties. Esc comes back.
pub(super) fn enter(app: &mut App) {
    let view = &app.nav.overview;
    match view.focus {
        Pane::Gauges => {
            let l = view.leaders.sel;
            if l >= gauge_count(app) {
                return;
            }
            nav::push_back(app);
            app.nav.tab = Tab::Leaders;
            app.nav.leaders.leaders = Cursor { sel: l, offset: l };
            app.nav.leaders.tasks = Cursor::default();
            app.nav.leaders.detail = DetailView::default();
            nav::set_focus(app, Pane::Middle);
        }
        Pane::RedItems => {
            let sel = view.red.sel;
            if let Some(task) = app.standings().red_item(sel) {
                nav::jump_to_task(app, task);
            }
        }
        Pane::UnitTable => {
            let sel = view.units.sel;
            let row = app.standings().unit_row(app.nav.overview.sort, sel);
            if let Some(&unit) = row.and_then(|(s, _)| app.index.unit_by_name.get(&s.key)) {
                nav::jump_to_unit(app, unit);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn words_have_no_ambiguous_width_glyphs() {
        for w in [&ZH, &EN] {
            let all = format!("{w:?}");
            assert_eq!(all.width(), all.width_cjk(), "{all}");
        }
        for lang in [Lang::Zh, Lang::En] {
            for l in Light::ALL {
                let s = light_label(lang, l);
                assert_eq!(s.width(), s.width_cjk(), "{s}");
            }
        }
    }
}
