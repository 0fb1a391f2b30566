//! Where everything goes on screen. Pure geometry, shared by drawing and by
//! `update` (paging, keeping the selection visible, mouse hit tests).

use ratatui::layout::{Constraint, Layout, Rect};

use super::labels::Labels;
use super::{Pane, Tab};

/// Below this the dashboard shows a "terminal too small" message.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Columns of task text a task list keeps beside its figures.
pub const MIN_TEXT: u16 = 20;
/// The narrowest readable detail pane.
pub const MIN_DETAIL: u16 = 36;

/// The screen's regions for one state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub header: Rect,
    pub tabs: Rect,
    /// Each tab title's clickable area.
    pub tab_hits: Vec<(Tab, Rect)>,
    pub body: Rect,
    pub bar: Rect,
    /// The panes shown, left to right, with their outer (bordered) area.
    pub panes: Vec<(Pane, Rect)>,
}

impl Screen {
    /// The outer area of a pane, if shown.
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).map(|(_, r)| *r)
    }
}

/// Whether `area` is too small to draw the dashboard.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The tab titles as shown, e.g. ` 1 领导 `.
pub fn tab_title(labels: &Labels, tab: Tab) -> String {
    let name = match tab {
        Tab::Leaders => labels.tab_leaders,
        Tab::Units => labels.tab_units,
        Tab::Projects => labels.tab_projects,
        Tab::Overview => super::overview::words(labels.lang).tab,
    };
    format!(" {} {name} ", tab.key())
}

pub fn screen(area: Rect, tab: Tab, focus: Pane, labels: &Labels) -> Screen {
    let [header, tabs, body, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);

    let mut tab_hits = Vec::new();
    let mut x = tabs.x;
    for t in Tab::ALL {
        let w = u16::try_from(crate::text::width(&tab_title(labels, t))).unwrap_or(u16::MAX);
        let w = w.min(tabs.right().saturating_sub(x));
        tab_hits.push((t, Rect::new(x, tabs.y, w, tabs.height)));
        x = x.saturating_add(w).saturating_add(1).min(tabs.right());
    }

    let shown = shown_panes(tab, focus, body.width, labels);
    let mins = min_widths(tab, labels);
    let min_of = |pane: Pane| {
        let i = tab.panes().iter().position(|p| *p == pane);
        i.and_then(|i| mins.get(i).copied()).unwrap_or(0)
    };
    let constraints: Vec<Constraint> = match shown.as_slice() {
        [list, middle, _] => {
            // The list keeps its minimum; the middle takes half the rest,
            // or its minimum when half is less.
            let list = min_of(*list);
            let rest = body.width.saturating_sub(list);
            let middle = min_of(*middle).max(rest / 2);
            vec![
                Constraint::Length(list),
                Constraint::Length(middle),
                Constraint::Fill(1),
            ]
        }
        [first, second] => {
            // Two fifths and three; the focused pane keeps its minimum
            // when the terminal has room for it.
            let w = body.width;
            let share = w * 2 / 5;
            let first_w = if focus == *first {
                share.max(min_of(*first))
            } else {
                share.min(w.saturating_sub(min_of(*second)))
            };
            vec![Constraint::Length(first_w.min(w)), Constraint::Fill(1)]
        }
        _ => vec![Constraint::Fill(1)],
    };
    let rects = Layout::horizontal(constraints).split(body);
    let panes = if tab == Tab::Overview {
        // Sized by the data (see `App::screen_at`).
        Vec::new()
    } else {
        shown.iter().copied().zip(rects.iter().copied()).collect()
    };

    Screen {
        header,
        tabs,
        tab_hits,
        body,
        bar,
        panes,
    }
}

/// The narrowest each of a tab's panes can be and stay readable, borders
/// included, in the order of [`Tab::panes`]: a list of names (leaders,
/// units) 30 or 32 columns; a task list (a leader's tasks, a unit's
/// duties, the projects) its columns and [`MIN_TEXT`] columns of text; the
/// detail [`MIN_DETAIL`]. The overview's panes are sized by its data.
pub fn min_widths(tab: Tab, labels: &Labels) -> Vec<u16> {
    let columns = super::columns::task_list(tab, labels)
        .iter()
        .map(|c| c.width + 1)
        .sum::<usize>();
    let tasks = u16::try_from(columns)
        .unwrap_or(u16::MAX)
        .saturating_add(MIN_TEXT + 2);
    match tab {
        Tab::Leaders => vec![30, tasks, MIN_DETAIL],
        Tab::Units => vec![32, tasks, MIN_DETAIL],
        Tab::Projects => vec![tasks, MIN_DETAIL],
        Tab::Overview => Vec::new(),
    }
}

/// The width from which a tab shows all of its panes.
pub fn three_panes_from(tab: Tab, labels: &Labels) -> u16 {
    min_widths(tab, labels).iter().sum()
}

/// Which panes a tab shows at a width: all of them when each keeps its
/// minimum width; else the focused pane and its neighbour.
fn shown_panes(tab: Tab, focus: Pane, width: u16, labels: &Labels) -> Vec<Pane> {
    let all = tab.panes();
    if all.len() <= 2 || width >= three_panes_from(tab, labels) {
        return all.to_vec();
    }
    if focus == Pane::List {
        all[..2].to_vec()
    } else {
        all[1..].to_vec()
    }
}

/// Rows above a list pane's rows: the units filter line, the column
/// headers, the overview's overall gauge or table header.
pub fn top_rows(tab: Tab, pane: Pane) -> usize {
    match (tab, pane) {
        (Tab::Overview, p) => super::overview::top_rows(p),
        (Tab::Units, Pane::List) => 2,
        (_, Pane::Detail) => 0,
        _ => 1,
    }
}

/// Rows a bordered list shows.
pub fn inner_height(outer: Rect) -> usize {
    usize::from(outer.height.saturating_sub(2))
}

/// Columns inside a bordered pane.
pub fn inner_width(outer: Rect) -> usize {
    usize::from(outer.width.saturating_sub(2))
}

/// The help popup's outer area: centred, at most 84x30.
pub fn popup(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(84);
    let h = area.height.saturating_sub(2).min(30);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::labels::{EN, ZH};

    /// The widths docs/dashboard.md gives for three panes.
    #[test]
    fn three_panes_from_the_documented_widths() {
        let got = [
            three_panes_from(Tab::Leaders, &ZH),
            three_panes_from(Tab::Units, &ZH),
            three_panes_from(Tab::Leaders, &EN),
            three_panes_from(Tab::Units, &EN),
        ];
        assert_eq!(got, [110, 126, 117, 136]);
    }
}
