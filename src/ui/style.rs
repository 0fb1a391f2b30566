//! Colours and the block around a pane.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Block, BorderType};

use crate::app::detail::Tone;
use crate::model::Status;
use crate::text::truncate;

pub fn status(s: Status) -> Style {
    let fg = match s {
        Status::NotStarted => Color::DarkGray,
        Status::OnTrack => Color::Blue,
        Status::Behind => Color::Yellow,
        Status::Blocked => Color::Red,
        Status::Done => Color::Green,
    };
    Style::new().fg(fg)
}

pub fn muted() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn key() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

/// The selected row: reversed in the focused pane, bold elsewhere.
pub fn selected(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new()
            .add_modifier(Modifier::BOLD)
            .bg(Color::DarkGray)
    }
}

pub fn tone(t: Tone) -> Style {
    match t {
        Tone::Title => Style::new().add_modifier(Modifier::BOLD),
        Tone::Heading => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        Tone::Body => Style::new(),
        Tone::Muted => muted(),
        Tone::Link => Style::new().add_modifier(Modifier::UNDERLINED),
        Tone::Status(s) => status(s),
        Tone::Light(l) => light(l),
        Tone::Met => super::targets::met(true),
        Tone::Unmet => super::targets::met(false),
    }
}

/// A pane's border, highlighted when focused; the title cut to fit.
pub fn block(title: &str, focused: bool, width: u16) -> Block<'static> {
    let border = if focused {
        Style::new().fg(Color::Cyan)
    } else {
        muted()
    };
    Block::bordered()
        .border_type(BorderType::Plain)
        .border_style(border)
        .title(format!(
            " {} ",
            truncate(title, usize::from(width).saturating_sub(4))
        ))
}

/// A light's colour, as the lights API names it.
fn light_colour(l: crate::lights::Light) -> Color {
    match l.colour() {
        "red" => Color::Red,
        "yellow" => Color::Yellow,
        "green" => Color::Green,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        _ => Color::DarkGray,
    }
}

/// A light's label: plain text in the light's colour.
pub fn light(l: crate::lights::Light) -> Style {
    Style::new().fg(light_colour(l))
}

/// A gauge segment: the light's colour as background, kept when the row is
/// selected (a reversed bar would lose its colours).
pub fn light_bar(l: crate::lights::Light) -> Style {
    let bg = light_colour(l);
    let fg = match bg {
        Color::Green | Color::Yellow => Color::Black,
        _ => Color::White,
    };
    Style::new()
        .bg(bg)
        .fg(fg)
        .remove_modifier(Modifier::REVERSED)
}
