//! The progress editor popup: a line per field (the three notes take as
//! many rows as their wrapped text, within the popup's height), each
//! problem explained on the line under its field, and the real terminal
//! cursor where a note's or the date's text cursor is (so an input
//! method's candidate window opens in place, on wrapped rows too).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::notes;
use super::{style, targets};
use crate::app::App;
use crate::app::editor::{Editor, EditorWords, Field, Note, Problem, problem_text};
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

/// The most rows a note not being typed in shows.
const IDLE_NOTE_ROWS: usize = 3;

/// The most rows the note being typed in shows.
const NOTE_ROWS: usize = 8;

/// A note's label and hint.
fn note_words(words: &EditorWords, note: Note) -> &'static str {
    match note {
        Note::Made => words.progress_made,
        Note::Problems => words.problems,
        Note::Next => words.next_steps,
    }
}

/// How many rows each note shows when the popup has `h` rows inside and
/// `fixed` of them go to everything else: the focused note first, then
/// the others in order, each at least one.
fn note_rows(editor: &Editor, room: usize, h: usize, fixed: usize) -> [usize; 3] {
    let mut spare = h.saturating_sub(fixed);
    let mut rows = [1; 3];
    let need = |n: Note| notes::wrap(editor.note(n), room).rows.len();
    let order = Note::ALL
        .into_iter()
        .filter(|n| editor.field == Field::Note(*n))
        .chain(
            Note::ALL
                .into_iter()
                .filter(|n| editor.field != Field::Note(*n)),
        );
    for n in order {
        let cap = if editor.field == Field::Note(n) {
            NOTE_ROWS
        } else {
            IDLE_NOTE_ROWS
        };
        let extra = need(n).min(cap).saturating_sub(1).min(spare);
        spare -= extra;
        let i = Note::ALL.iter().position(|m| *m == n).unwrap_or(0);
        rows[i] = 1 + extra;
    }
    rows
}

/// The lines of the popup at an inner width and height, and where the
/// cursor goes (line, column) when the focused field takes text.
fn lines(
    app: &App,
    editor: &Editor,
    w: usize,
    h: usize,
) -> (Vec<Line<'static>>, Option<(usize, usize)>) {
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
    let name_w = [
        words.percent,
        words.status,
        words.progress_made,
        words.problems,
        words.next_steps,
        words.date,
    ]
    .iter()
    .map(|s| width(s))
    .max()
    .unwrap_or(0)
    .max(target_w);
    let value_x = name_w + 2;
    let room = w.saturating_sub(value_x);
    let fixed = 4
        + editor.fields().len()
        + (problems.iter())
            .map(|p| problem_lines(p, lang, value_x, w).len())
            .sum::<usize>();
    let rows = note_rows(editor, room, h, fixed);

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
            Field::Note(n) => (note_words(words, n), words.note_hint),
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
            Field::Note(n) => {
                let i = Note::ALL.iter().position(|m| *m == n).unwrap_or(0);
                let (first, more, col) = note_spans(editor, n, room, rows[i], focused);
                if focused && let Some((row, col)) = col {
                    cursor = Some((out.len() + row, value_x + col));
                }
                spans.extend(first);
                out.push(Line::from(spans));
                let pad = " ".repeat(value_x);
                out.extend(more.into_iter().map(|r| Line::raw(format!("{pad}{r}"))));
                continue;
            }
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
    let footer = if editor.confirm_discard {
        Line::styled(
            truncate(words.discard, w).into_owned(),
            problem_style().add_modifier(Modifier::BOLD),
        )
    } else if editor.refused {
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

/// A note's first row, the rows after it (at most `shown` in all), and
/// the cursor (row among those shown, column) when it is on them. A note
/// cut short ends its last row with `...`.
fn note_spans(
    editor: &Editor,
    note: Note,
    room: usize,
    shown: usize,
    focused: bool,
) -> (Vec<Span<'static>>, Vec<String>, Option<(usize, usize)>) {
    let wrapped = notes::wrap(editor.note(note), room);
    let first = notes::first_shown(&wrapped, shown, focused);
    let end = (first + shown).min(wrapped.rows.len());
    let mut rows: Vec<String> = wrapped.rows[first..end]
        .iter()
        .map(|r| (*r).to_string())
        .collect();
    if end < wrapped.rows.len()
        && let Some(last) = rows.last_mut()
    {
        let kept = text::truncate(last, room.saturating_sub(4)).into_owned();
        *last = format!("{kept}...");
    }
    let (row, col) = wrapped.cursor;
    let cursor = (row >= first && row < end).then_some((row - first, col));
    let mut rows = rows.into_iter();
    let head = rows.next().unwrap_or_default();
    (vec![Span::raw(head)], rows.collect(), cursor)
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
    let inner_h = usize::from(frame.area().height.saturating_sub(4));
    let (content, cursor) = lines(app, editor, inner_w, inner_h);
    let rect = area(frame.area(), content.len());
    if rect.width < 4 || rect.height < 3 {
        return;
    }
    super::popup::clear(frame, rect);
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
