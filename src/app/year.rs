//! The reporting year in the dashboard: the note when the plan year is
//! over, the units owing reports, and opening on one unit's duties with
//! what it owes on top.

use chrono::NaiveDate;

use super::{App, Cursor, Duty, Lang, Pane, Role, nav};
use crate::lights::{Light, Owing};

/// `计划年度已结束，按 2023-12-31 显示`: the header's as-of note once the
/// plan's close date has passed.
pub fn past_plan_note(lang: Lang, as_of: NaiveDate) -> String {
    crate::msg!(crate::messages::PAST_PLAN_NOTE, as_of = as_of).render(lang)
}

/// The as-of text of the header: the note when the plan year is over,
/// else `截至 2023-06-30`.
pub fn as_of_text(app: &App) -> String {
    if app.past_plan {
        past_plan_note(app.labels.lang, app.today)
    } else {
        format!("{} {}", app.labels.as_of, app.today)
    }
}

/// The units owing reports on the as-of date, in registry order (worked
/// out with the standings; the overview draws from those).
pub fn owing_units(app: &App) -> Vec<Owing> {
    app.standings().owing.clone()
}

/// Whether a duty is a report the unit owes: a task it leads whose report
/// is overdue.
fn owed(app: &App, d: &Duty) -> bool {
    d.role() == Role::Lead
        && app
            .standings()
            .light(d.task())
            .is_some_and(|(l, _)| l == Light::Overdue)
}

/// Opens the units tab on `unit` (registry index): its duties, the reports
/// it owes first, the first of them selected.
pub fn open_unit(app: &mut App, unit: usize) {
    // The duties and what the unit owes must be in (see `start.rs`).
    app.finish_start();
    let mut duties = app.index.duties.get(unit).unwrap_or_default().to_vec();
    // A stable sort: owed reports first, each group in document order.
    duties.sort_by_key(|d| !owed(app, d));
    if let Some(slot) = app.index.duties.get_mut(unit) {
        slot.copy_from_slice(&duties);
    }
    nav::jump_to_unit(app, unit);
    app.back.clear();
    app.nav.units.duties = Cursor::default();
    nav::set_focus(app, Pane::Middle);
    // The duties changed: what is kept from them follows, for this
    // selection.
    app.restood();
}

/// How many reports the selected unit owes (shown in the duties pane's
/// title).
pub fn owed_reports(app: &App) -> usize {
    match app.narrowed() {
        Some(n) => n.owed,
        None => app.unit_duties().iter().filter(|d| owed(app, d)).count(),
    }
}

/// The duties pane's note on owed reports: `本期应报 3 项`, or nothing.
pub fn owed_note(app: &App) -> Option<String> {
    match (owed_reports(app), app.labels.lang) {
        (0, _) => None,
        (n, Lang::Zh) => Some(format!("逾期未报 {n} 项")),
        (n, Lang::En) => Some(format!("{n} report(s) overdue")),
    }
}
