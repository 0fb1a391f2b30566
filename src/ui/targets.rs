//! How targets look: met and unmet actual values, and a target as the
//! editor shows it after an actual value's input.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;

use super::style;
use crate::app::Lang;
use crate::app::detail::targets::target_text;
use crate::model::Target;

/// An actual value that meets its target (green) or not (yellow).
pub fn met(met: bool) -> Style {
    if met {
        Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::Yellow)
    }
}

/// `目标 100家 (以上)` after an actual value's input.
pub fn target_spans(t: &Target, lang: Lang, word: &str) -> Vec<Span<'static>> {
    vec![Span::styled(
        format!("{word} {}", target_text(t, lang)),
        style::muted(),
    )]
}
