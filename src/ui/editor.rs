//! The progress editor popup: one line per field, each problem explained
//! on the line under its field, and the real terminal cursor where the
//! note's or the date's text cursor is (so an input method's candidate
//! window opens in place).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{style, targets};
use crate::app::App;
use crate::app::editor::{Editor, EditorWords, Field, Problem, problem_text};
use crate::line_edit::LineEdit;
use crate::model::Status;
use crate::text::{self, fit, tail, truncate, width};

/// The popup's widest width.
const MAX_WIDTH: u16 = 76;

/// The columns an actual value's input takes before its target.
const ACTUAL_W: usize = 10;

fn problem_style() -> Style {
    Style::new().fg(Color::Red)
}

/// The lines of the popup at an inner width, and where the cursor goes
/// (line, column) when the focused field takes text.
fn lines(app: &App, editor: &Editor, w: usize) -> (Vec<Line<'static>>, Option<(usize, usize)>) {
    let words = app.labels.editor();
    let lang = app.labels.lang;
    let problems = editor.problems(&app.rule().calendar, app.today);
    let target_w = editor
        .targets()
        .iter()
        .map(|t| width(&t.name))
        .max()
        .unwrap_or(0)
        .min(24)
        .min(w / 3);
    let name_w = [words.percent, words.status, words.note, words.date]
        .iter()
        .map(|s| width(s))
        .max()
        .unwrap_or(0)
        .max(target_w);
    let value_x = name_w + 2;
    let room = w.saturating_sub(value_x);

    let mut out = vec![
        Line::styled(
            truncate(&format!("{} {}", editor.id, editor.title), w).into_owned(),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Line::default(),
    ];
    let mut cursor = None;
    for field in editor.fields() {
        let focused = editor.field == field;
        let (name, hint) = match field {
            Field::Actual(i) => (
                editor.targets().get(i).map_or("", |t| t.name.as_str()),
                words.actual_hint,
            ),
            Field::Percent => (words.percent, words.percent_hint),
            Field::Status => (words.status, words.status_hint),
            Field::Note => (words.note, words.note_hint),
            Field::Date => (words.date, words.date_hint),
        };
        let name_style = if focused {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            style::muted()
        };
        let mut spans = vec![Span::styled(fit(name, name_w), name_style), Span::raw("  ")];
        let (value, col) = match field {
            Field::Actual(i) => actual_spans(app, editor, i),
            Field::Percent => {
                let shown = format!("{}%", editor.percent);
                let col = width(&editor.percent);
                let mut spans = vec![Span::raw(shown)];
                if let Some(tag) = percent_tag(editor, words) {
                    spans.push(Span::styled(format!("  {tag}"), style::muted()));
                }
                (spans, Some(col))
            }
            Field::Status => (status_spans(app, editor.status, focused), None),
            Field::Note => text_spans(&editor.note, room),
            Field::Date => text_spans(&editor.date, room),
        };
        let used: usize = value.iter().map(|s| width(&s.content)).sum();
        spans.extend(value);
        let rest = room.saturating_sub(used + 2);
        if focused && width(hint) <= rest {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(hint.to_string(), style::muted()));
        }
        if focused && let Some(col) = col {
            cursor = Some((out.len(), value_x + col));
        }
        out.push(Line::from(spans));
        for p in problems.iter().filter(|p| p.field() == field) {
            out.extend(problem_lines(p, lang, value_x, w));
        }
    }
    out.push(Line::default());
    let footer = if editor.refused {
        Line::styled(truncate(words.refused, w).into_owned(), problem_style())
    } else {
        Line::styled(truncate(words.keys, w).into_owned(), style::key())
    };
    out.push(footer);
    (out, cursor)
}

/// Whether the percent follows the actual values or was set by hand;
/// nothing for a task without targets.
fn percent_tag(editor: &Editor, words: &EditorWords) -> Option<&'static str> {
    if editor.targets().is_empty() {
        None
    } else if editor.is_overridden() {
        Some(words.overridden)
    } else if editor.derived().is_some() {
        Some(words.derived)
    } else {
        None
    }
}

/// An actual value's input, padded, then its target.
fn actual_spans(app: &App, editor: &Editor, i: usize) -> (Vec<Span<'static>>, Option<usize>) {
    let (Some(line), Some(target)) = (editor.actual(i), editor.targets().get(i)) else {
        return (Vec::new(), None);
    };
    let (mut spans, col) = text_spans(line, ACTUAL_W);
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(ACTUAL_W.saturating_sub(used) + 1)));
    let word = app.labels.editor().target;
    spans.extend(targets::target_spans(target, app.labels.lang, word));
    (spans, col)
}

/// Every status in list order; the chosen one stands out in its colour.
fn status_spans(app: &App, chosen: Status, focused: bool) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, s) in Status::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  ")); // "on track" has a space of its own
        }
        let label = app.labels.status(s);
        let st = if s == chosen {
            let mut st = style::status(s).add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
            if focused {
                st = st.add_modifier(Modifier::REVERSED);
            }
            st
        } else {
            style::muted()
        };
        spans.push(Span::styled(label, st));
    }
    spans
}

/// A line of text in `room` columns with its cursor column: when it is
/// wider, the part around the cursor is shown.
fn text_spans(line: &LineEdit, room: usize) -> (Vec<Span<'static>>, Option<usize>) {
    let room = room.saturating_sub(1); // the cursor after the last character
    let all = line.text();
    let split = all
        .char_indices()
        .nth(line.cursor())
        .map_or(all.len(), |(i, _)| i);
    let (before, after) = all.split_at(split);
    let before = tail(before, room);
    let after = text::truncate(after, room.saturating_sub(width(before)));
    let col = width(before);
    (vec![Span::raw(format!("{before}{after}"))], Some(col))
}

/// A problem, wrapped under its field's value.
fn problem_lines(
    p: &Problem,
    lang: crate::app::Lang,
    indent: usize,
    w: usize,
) -> Vec<Line<'static>> {
    let msg = problem_text(p, lang);
    let pad = " ".repeat(indent);
    text::wrap(&msg, w.saturating_sub(indent).max(1))
        .into_iter()
        .map(|l| Line::styled(format!("{pad}{l}"), problem_style()))
        .collect()
}

/// The popup's outer area for `rows` lines of content.
fn area(frame: Rect, rows: usize) -> Rect {
    let w = frame.width.saturating_sub(4).min(MAX_WIDTH);
    let h = u16::try_from(rows + 2)
        .unwrap_or(u16::MAX)
        .min(frame.height.saturating_sub(2));
    Rect::new(
        frame.x + (frame.width - w) / 2,
        frame.y + (frame.height - h) / 2,
        w,
        h,
    )
}

pub fn draw(frame: &mut Frame, app: &App, editor: &Editor) {
    let words = app.labels.editor();
    let inner_w =
        usize::from(frame.area().width.saturating_sub(4).min(MAX_WIDTH)).saturating_sub(2);
    let (content, cursor) = lines(app, editor, inner_w);
    let rect = area(frame.area(), content.len());
    if rect.width < 4 || rect.height < 3 {
        return;
    }
    frame.render_widget(Clear, rect);
    let title = format!("{} {}", words.title, editor.id);
    let block = style::block(&title, true, rect.width);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(content), inner);
    if let Some((row, col)) = cursor {
        let x = inner.x + u16::try_from(col).unwrap_or(u16::MAX);
        let y = inner.y + u16::try_from(row).unwrap_or(u16::MAX);
        if x < inner.right() && y < inner.bottom() {
            frame.set_cursor_position(Position { x, y });
        }
    }
}
