//! The overview tab: a summary line, the overall gauge and one per leader
//! (or per section, without leaders), the red items and the lead-unit
//! table, from the app's standings.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::list::{ListPane, row};
use super::style;
use crate::app::overview::{
    Words, gauge_count, gauge_name, light_label, reason_text, segments, words,
};
use crate::app::{App, Mode, Pane, Standings};
use crate::app::{layout::Screen, overview::areas};
use crate::lights::{Light, Standing, Tally, UnitOrder, expected_percent};
use crate::text::{fit, fit_right, width};

/// Draws the summary line and the three panes.
pub fn draw(frame: &mut Frame, app: &App, screen: &Screen) {
    let ov = app.standings();
    let w = words(app.labels.lang);
    let areas = areas(screen.body, gauge_count(app));
    frame.render_widget(Paragraph::new(summary_line(app, ov, w)), areas.summary);
    super::owing::draw(frame, app, areas.owing);
    let parts = Parts { app, ov, w };
    for &(pane, rect) in &screen.panes {
        let focused = pane == app.focus() && app.mode == Mode::Browse;
        match pane {
            Pane::Gauges => gauges(&parts, frame, rect, focused),
            Pane::RedItems => red_items(&parts, frame, rect, focused),
            Pane::UnitTable => unit_table(&parts, frame, rect, focused),
            _ => {}
        }
    }
}

/// What every pane draws from: the app, its lights, the words.
#[derive(Clone, Copy)]
struct Parts<'a> {
    app: &'a App,
    ov: &'a Standings,
    w: &'static Words,
}

/// The expected progress, the number of tasks and the count per light.
fn summary_line(app: &App, ov: &Standings, w: &Words) -> Line<'static> {
    let expected = expected_percent(app.today, app.data.plan.year).floor();
    let mut spans = vec![
        Span::styled(format!(" {} ", w.expected), style::muted()),
        Span::raw(format!("{expected}%  ")),
        Span::styled(format!("{} ", w.tasks), style::muted()),
        Span::raw(format!("{}", ov.overall.total())),
    ];
    for light in crate::app::overview::SUMMARY_ORDER {
        let label = light_label(app.labels.lang, light);
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            label,
            style::light(light).add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::raw(format!(" {}", ov.overall.tally.count(light))));
    }
    Line::from(spans)
}

/// A bar `width` columns wide split by light, each part's count inside it
/// when it fits with room to spare (digits of neighbouring parts never
/// touch); drawn with coloured spaces and digits only.
fn gauge(tally: &Tally, width: usize) -> Vec<Span<'static>> {
    if tally.total() == 0 {
        return vec![Span::styled(" ".repeat(width), style::muted())];
    }
    segments(tally, width)
        .into_iter()
        .filter(|&(_, w)| w > 0)
        .map(|(light, w)| {
            let n = tally.count(light).to_string();
            let text = if n.len() < w {
                let left = (w - n.len()) / 2;
                format!("{}{n}{}", " ".repeat(left), " ".repeat(w - n.len() - left))
            } else {
                " ".repeat(w)
            };
            Span::styled(text, style::light_bar(light))
        })
        .collect()
}

/// A gauge row: name, bar, completion.
fn gauge_row(name: &str, name_w: usize, tally: &Tally, percent: u8, w: usize) -> Line<'static> {
    let pct = format!("{percent:>3}%");
    let bar_w = w.saturating_sub(name_w + 1 + 1 + width(&pct));
    let mut spans = vec![Span::raw(fit(name, name_w.min(w))), Span::raw(" ")];
    spans.extend(gauge(tally, bar_w));
    spans.push(Span::raw(" "));
    spans.push(Span::raw(pct));
    Line::from(spans)
}

fn gauges(p: &Parts<'_>, frame: &mut Frame, rect: Rect, focused: bool) {
    let Parts { app, ov, w } = *p;
    let by_section = app.data.plan.by_section;
    let inner_w = usize::from(rect.width.saturating_sub(2));
    // A leader's name is short; a section's heading gets a third of the
    // pane before it is cut.
    let most = if by_section {
        (inner_w / 3).max(10)
    } else {
        10
    };
    let name_w = (app.index.gauge_name_w).max(width(w.overall)).min(most);
    let top = gauge_row(w.overall, name_w, &ov.overall.tally, ov.completion, inner_w)
        .patch_style(Style::new().add_modifier(Modifier::BOLD));
    let heads = crate::app::columns::heads(app.labels.lang);
    let (title, group_head) = match by_section {
        true => (w.section_gauges, heads.section_name),
        false => (w.gauges, heads.leader_name),
    };
    let pct_w = 4;
    let bar_w = inner_w.saturating_sub(name_w + 2 + pct_w);
    let header = row(
        vec![
            (fit(group_head, name_w.min(inner_w)), style::muted()),
            (fit(heads.lights, bar_w), style::muted()),
        ],
        &fit_right(heads.percent, pct_w),
        inner_w,
    )
    .patch_style(style::muted());
    // The column headers first, then the overall gauge over the leaders'.
    let pane = ListPane {
        title,
        focused,
        cursor: app.nav.overview.leaders,
        len: gauge_count(app),
        top: Some(header),
        header: Some(top),
    };
    pane.draw(frame, rect, |i, width| {
        let (Some(name), Some(standing)) = (gauge_name(app, i), ov.leaders.get(i)) else {
            return row(Vec::new(), "", width);
        };
        let percent = ov.leader_completion.get(i).copied().unwrap_or(0);
        gauge_row(name, name_w, &standing.tally, percent, width)
    });
}

fn red_items(p: &Parts<'_>, frame: &mut Frame, rect: Rect, focused: bool) {
    let Parts { app, ov, w } = *p;
    let count = ov.red().len();
    let title = format!("{} {}", w.red_items, count);
    let empty = (count == 0).then(|| Line::styled(w.no_red_items, style::muted()));
    let lang = app.labels.lang;
    let heads = crate::app::columns::heads(lang);
    // The reasons in one column as wide as the widest.
    let reason_w = ov.red_reason_width.max(width(heads.reason));
    let inner_w = usize::from(rect.width.saturating_sub(2));
    let header = super::list::header(
        &[
            (heads.id.to_string(), 6),
            (heads.reason.to_string(), reason_w),
        ],
        heads.task,
        inner_w,
    );
    let pane = ListPane {
        title: &title,
        focused,
        cursor: app.nav.overview.red,
        len: count,
        top: empty,
        header: (count > 0).then_some(header),
    };
    pane.draw(frame, rect, |i, width| {
        let item = ov.red_item(i);
        let (Some(task), Some((_, reason))) = (
            item.and_then(|r| app.task(r)),
            item.and_then(|r| ov.light(r)),
        ) else {
            return row(Vec::new(), "", width);
        };
        let cells = vec![
            (fit(&task.id, 6), Style::new()),
            (
                fit(&reason_text(lang, reason), reason_w),
                style::light(Light::Red),
            ),
        ];
        row(cells, task.headline(), width)
    });
}

/// The unit table's number columns: header, width, value, sorted by.
fn columns(w: &Words) -> [(&'static str, usize, Option<UnitOrder>); 4] {
    let col = |h: &'static str| width(h).max(4);
    [
        (
            w.lead_duties,
            col(w.lead_duties),
            Some(UnitOrder::LeadDuties),
        ),
        (w.red, col(w.red), Some(UnitOrder::RedItems)),
        (w.stale, col(w.stale), Some(UnitOrder::Staleness)),
        (w.percent, col(w.percent), None),
    ]
}

/// The number cells of a unit's row: from the standings, with the
/// completion of the tasks it leads.
fn unit_values(s: &Standing, percent: u8) -> [String; 4] {
    [
        s.total().to_string(),
        s.red.len().to_string(),
        s.stale.to_string(),
        format!("{percent}%"),
    ]
}

fn unit_table(p: &Parts<'_>, frame: &mut Frame, rect: Rect, focused: bool) {
    let Parts { app, ov, w } = *p;
    let sort = app.nav.overview.sort;
    let cols = columns(w);
    let numbers_w: usize = cols.iter().map(|c| c.1 + 1).sum();
    let inner_w = usize::from(rect.width.saturating_sub(2));
    let name_w = inner_w.saturating_sub(numbers_w);
    let mut header = vec![(fit(w.unit, name_w.saturating_sub(1)), style::muted())];
    for (h, cw, by) in cols {
        let st = if by == Some(sort) {
            style::key()
        } else {
            style::muted()
        };
        header.push((fit_right(h, cw), st));
    }
    let title = format!("{} {}", w.lead_units, w.order(sort));
    let pane = ListPane {
        title: &title,
        focused,
        cursor: app.nav.overview.units,
        len: ov.units.len(),
        top: Some(row(header, "", inner_w)),
        header: None,
    };
    pane.draw(frame, rect, |i, width| {
        let Some((s, percent)) = ov.unit_row(sort, i) else {
            return row(Vec::new(), "", width);
        };
        let values = unit_values(s, percent);
        let mut cells = vec![(fit(&s.key, name_w.saturating_sub(1)), Style::new())];
        for ((_, cw, by), v) in cols.iter().zip(values) {
            let st = if *by == Some(UnitOrder::RedItems) && !s.red.is_empty() {
                style::light(Light::Red)
            } else {
                Style::new()
            };
            cells.push((fit_right(&v, *cw), st));
        }
        row(cells, "", width)
    });
}
