//! The detail pane: the laid-out [`Doc`](crate::app::detail::Doc), scrolled,
//! with the selected unit link highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style;
use crate::app::App;
use crate::app::layout::inner_width;

pub fn draw(frame: &mut Frame, app: &App, rect: Rect, focused: bool) {
    let block = style::block(app.labels.pane_detail, focused, rect.width);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let Some(subject) = app.subject() else {
        return;
    };
    // Laid out when the subject or the data changed, not here.
    let doc = app.detail_at(subject, inner_width(rect));
    let view = app.detail_view();
    let height = usize::from(inner.height);
    let scroll = view.scroll.min(doc.lines.len().saturating_sub(height));
    let lines: Vec<Line> = doc
        .lines
        .iter()
        .skip(scroll)
        .take(height)
        .map(|segs| {
            Line::from(
                segs.iter()
                    .map(|seg| {
                        let mut st = style::tone(seg.tone);
                        if seg.link.is_some() && seg.link == view.link {
                            st = st.patch(style::selected(focused));
                        }
                        Span::styled(seg.text.clone(), st)
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
