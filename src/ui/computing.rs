//! The overview tab before what only it shows is worked out (see
//! `app::start`): one line saying so, in place of figures it does not
//! have yet.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::style;
use crate::app::App;
use crate::messages::OVERVIEW_COMPUTING;

/// Draws the notice on the body's first row.
pub fn draw(frame: &mut Frame, app: &App, body: Rect) {
    let text = crate::msg!(OVERVIEW_COMPUTING).render(app.labels.lang);
    let text = crate::text::fit(&format!(" {text}"), usize::from(body.width));
    let line = Line::styled(text, style::muted());
    frame.render_widget(Paragraph::new(line), body);
}
