//! The header's store status (`--store`): online, offline with how many
//! entries wait to be pushed, and how many the server refused.

use ratatui::style::{Color, Style};
use ratatui::text::Span;

use super::saving::{alarm, warn};
use super::style;
use crate::app::{App, Link};
use crate::messages::live::{
    LIVE_CONNECTING, LIVE_FAILED, LIVE_OFFLINE, LIVE_ONLINE, LIVE_REFUSED, LIVE_REFUSED_SHORT,
    LIVE_SYNCING,
};
use crate::msg;
use crate::text::{truncate, width};

/// The status in at most `room` columns, each part between spaces; nothing when no store is configured. The link comes
/// first: the refused count is said shortly, or left out, before the link
/// is cut.
pub fn status(app: &App, room: usize) -> Vec<Span<'static>> {
    let Some(store) = &app.store else {
        return Vec::new();
    };
    let lang = app.labels.lang;
    let (link, st) = match &store.link {
        Link::Connecting => (msg!(LIVE_CONNECTING), style::muted()),
        Link::Online if store.pending == 0 => (msg!(LIVE_ONLINE), Style::new().fg(Color::Green)),
        Link::Online => (msg!(LIVE_SYNCING, n = store.pending), warn()),
        Link::Offline => (msg!(LIVE_OFFLINE, n = store.pending), alarm()),
        Link::Failed(error) => (msg!(LIVE_FAILED, error = error), alarm()),
    };
    if room < 3 {
        return Vec::new();
    }
    let link = truncate(&link.render(lang), room - 2).into_owned();
    let left = room - 2 - width(&link);
    let mut spans = vec![Span::styled(format!(" {link} "), st)];
    if store.refused > 0 {
        let long = msg!(LIVE_REFUSED, n = store.refused).render(lang);
        let short = msg!(LIVE_REFUSED_SHORT, n = store.refused).render(lang);
        if let Some(text) = [long, short].into_iter().find(|t| width(t) + 2 <= left) {
            spans.push(Span::styled(format!(" {text} "), alarm()));
        }
    }
    spans
}
