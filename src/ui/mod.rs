//! Drawing the dashboard from `&App`. Nothing here changes state; every
//! row is cut to its pane with `text`, and only visible rows are built.

mod bar;
mod computing;
mod confirm;
mod detail;
mod done;
mod editor;
mod header;
mod help;
mod leaders;
mod list;
mod live;
mod notes;
mod overview;
mod owing;
mod popup;
mod projects;
mod reporter;
mod saving;
mod search;
mod style;
mod targets;
mod units;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::app::{App, Mode, Pane, Popup, Tab};

use crate::text::truncate;

/// Draws the whole dashboard.
pub fn draw(frame: &mut Frame, app: &App) {
    // No clearing first: the terminal hands every frame a blank buffer
    // (7,200 cells at 160x45 that a `Clear` would reset again).
    let area = frame.area();
    if layout::too_small(area) {
        return too_small(frame, app, area);
    }
    // The layout follows the frame, even before a resize reached `update`.
    let screen = app.screen_at(area);
    header::draw(frame, app, &screen);
    if app.nav.tab == Tab::Overview && !app.start_finished() {
        computing::draw(frame, app, screen.body);
    } else if app.nav.tab == Tab::Overview {
        overview::draw(frame, app, &screen);
    }
    for &(pane, rect) in &screen.panes {
        let focused = pane == app.focus() && matches!(app.mode, Mode::Browse | Mode::UnitFilter);
        match (app.nav.tab, pane) {
            (_, Pane::Detail) => detail::draw(frame, app, rect, focused),
            (Tab::Leaders, Pane::List) => leaders::draw_leaders(frame, app, rect, focused),
            (Tab::Leaders, Pane::Middle) => leaders::draw_tasks(frame, app, rect, focused),
            (Tab::Units, Pane::List) => units::draw_units(frame, app, rect, focused),
            (Tab::Units, Pane::Middle) => units::draw_duties(frame, app, rect, focused),
            (Tab::Projects, _) => projects::draw(frame, app, rect, focused),
            // The overview's panes, drawn above from one pass over the lights.
            _ => {}
        }
    }
    bar::draw(frame, app, screen.bar);
    if let Mode::Popup(Popup::Help { filter, scroll }) = &app.mode {
        help::draw(frame, app, filter, *scroll);
    }
    if let Mode::Popup(Popup::Search(popup)) = &app.mode {
        search::draw(frame, app, popup);
    }
    if let Mode::Editor(ed) = &app.mode {
        editor::draw(frame, app, ed);
    }
    if let Mode::Popup(Popup::Confirm(confirm)) = &app.mode {
        confirm::draw(frame, app, confirm);
    }
    if let Mode::MarkDone(ask) = &app.mode {
        done::draw(frame, app, ask);
    }
    if let Mode::Reporter(prompt) = &app.mode {
        reporter::draw(frame, app, prompt);
    }
}

fn too_small(frame: &mut Frame, app: &App, area: Rect) {
    let msg = format!("{} ({MIN_WIDTH}x{MIN_HEIGHT})", app.labels.too_small);
    let line = Line::from(truncate(&msg, usize::from(area.width)).into_owned());
    let y = area.y + area.height / 2;
    frame.render_widget(
        Paragraph::new(line).centered(),
        Rect::new(area.x, y, area.width, 1.min(area.height)),
    );
}
