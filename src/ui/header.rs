//! The header line (title, as-of date, overall completion) and the tabs.

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style;
use crate::app::layout::{Screen, tab_title};
use crate::app::{App, SaveState};
use crate::text::{fit, truncate, width};

pub fn draw(frame: &mut Frame, app: &App, screen: &Screen) {
    let l = app.labels;
    let total = usize::from(screen.header.width);
    let done = app.standings().completion;
    let as_of = crate::app::year::as_of_text(app);
    let right = format!(" {as_of}  {} {done}% ", l.overall);
    let right = truncate(&right, total).into_owned();
    // Two spaces keep the title off the save status.
    let left = format!(" {}  {}  ", l.app, app.data.plan.title);
    let room = total - width(&right);
    // Where progress is saved yields to the title: the path is cut, or
    // left out, before the title is. A save's outcome comes before the
    // title, which keeps a few columns.
    let title_first = matches!(app.saving.state, SaveState::Idle);
    let keep = if title_first {
        width(&left)
    } else {
        width(&left).min(14)
    };
    // The shared store's status goes before the save status: offline
    // with entries waiting is what a liaison must not miss.
    let live = super::live::status(app, room.saturating_sub(width(&left).min(14)));
    let room = room - live.iter().map(|s| width(&s.content)).sum::<usize>();
    let saving = super::saving::status(app, room.saturating_sub(keep));
    let left = fit(
        &left,
        room - saving.as_ref().map_or(0, |s| width(&s.content)),
    );
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut spans = vec![Span::styled(left, bold)];
    spans.extend(saving);
    spans.extend(live);
    spans.push(Span::styled(right, style::key()));
    frame.render_widget(Paragraph::new(Line::from(spans)), screen.header);

    let spans: Vec<Span> = screen
        .tab_hits
        .iter()
        .flat_map(|(tab, rect)| {
            let title = truncate(&tab_title(l, *tab), usize::from(rect.width)).into_owned();
            let st = if *tab == app.nav.tab {
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
            } else {
                style::muted()
            };
            [Span::styled(title, st), Span::raw(" ")]
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), screen.tabs);
}
