//! The search popup: the query with the real cursor, the hits tagged with
//! their kind and the matched characters highlighted, and a preview of the
//! selected hit.

mod preview;

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::style;
use crate::app::search::{self, Found, SearchPopup};
use crate::app::{App, Labels, Lang};
use crate::line_edit::LineEdit;
use crate::search::{Field, Hit, Target};
use crate::text::{ELLIPSIS, char_width, fit, width};

/// Matched characters.
pub(super) fn highlight() -> Style {
    Style::new()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn draw(frame: &mut Frame, app: &App, popup: &SearchPopup) {
    let l = app.labels;
    let areas = search::areas(frame.area());
    if areas.outer.width < 12 || areas.outer.height < 5 {
        return;
    }
    super::popup::clear(frame, areas.outer);
    let mut block = style::block(l.search, true, areas.outer.width);
    if popup.pending.is_some() {
        block = block.title_bottom(Span::styled(format!(" {} ", l.searching), style::muted()));
    } else if !popup.hits.is_empty() {
        block = block.title_bottom(format!(" {}/{} ", popup.list.sel + 1, popup.hits.len()));
    }
    frame.render_widget(block, areas.outer);

    let prompt = format!("{}: ", l.search);
    let room = usize::from(areas.query.width).saturating_sub(width(&prompt) + 1);
    let (shown, col) = input_view(&popup.query, room);
    let query = Line::from(vec![
        Span::styled(prompt.clone(), style::key()),
        Span::raw(shown.to_string()),
    ]);
    frame.render_widget(Paragraph::new(query), areas.query);

    draw_hits(frame, app, popup, areas.list);
    let rule = Block::new()
        .borders(Borders::TOP)
        .border_style(style::muted())
        .title(Span::styled(format!(" {} ", l.preview), style::muted()));
    frame.render_widget(rule, areas.rule);
    if let Some(hit) = popup.selected() {
        let (w, h) = (areas.preview.width, areas.preview.height);
        let lines = preview::lines(app, hit, usize::from(w), usize::from(h));
        frame.render_widget(Paragraph::new(lines), areas.preview);
    }

    // The real cursor where the next character goes, so an input method
    // opens its candidate window in place.
    let x = usize::from(areas.query.x) + width(&prompt) + col;
    if let Ok(x) = u16::try_from(x)
        && x < areas.query.right()
    {
        frame.set_cursor_position(Position {
            x,
            y: areas.query.y,
        });
    }
}

fn draw_hits(frame: &mut Frame, app: &App, popup: &SearchPopup, area: Rect) {
    let l = app.labels;
    let w = usize::from(area.width);
    let height = usize::from(area.height);
    let lines: Vec<Line> = if popup.query.text().trim().is_empty() {
        vec![Line::from(Span::styled(
            crate::text::truncate(l.search_hint, w).into_owned(),
            style::muted(),
        ))]
    } else if popup.hits.is_empty() {
        // Until the first answer comes, "nothing found" would be a guess.
        let note = if popup.pending.is_some() {
            l.searching
        } else {
            l.nothing
        };
        vec![Line::from(Span::styled(note, style::muted()))]
    } else {
        // Over every hit (at most `LIMIT`), so the column stays put while
        // the list scrolls.
        let id_w = (popup.hits.iter())
            .filter_map(id_of)
            .map(width)
            .fold(ID_WIDTH, usize::max);
        let rows = popup.list.visible(popup.hits.len(), height);
        rows.map(|i| {
            let line = hit_row(app, &popup.hits[i], w, id_w);
            if i == popup.list.sel {
                line.patch_style(style::selected(true))
            } else {
                line
            }
        })
        .collect()
    };
    frame.render_widget(Paragraph::new(lines), area);
}

/// The kind tag of a hit (a sub-item has its own).
fn tag(l: &Labels, target: &Target, kind: crate::search::Kind) -> &'static str {
    match (target, l.lang) {
        (Target::Item(_), _) => l.sub_item,
        (_, Lang::Zh) => kind.label_zh(),
        (_, Lang::En) => kind.as_str(),
    }
}

fn tag_style(target: &Target) -> Style {
    let fg = match target {
        Target::Task(_) => Color::Cyan,
        Target::Project(_) | Target::Item(_) => Color::Green,
        Target::Unit(_) => Color::Magenta,
        Target::Leader(_) => Color::Blue,
    };
    Style::new().fg(fg)
}

/// The widest tag in a language.
fn tag_width(l: &Labels) -> usize {
    use crate::search::Kind;
    [Kind::Task, Kind::Project, Kind::Unit, Kind::Leader]
        .iter()
        .map(|k| width(tag(l, &Target::Task(String::new()), *k)))
        .chain([width(l.sub_item)])
        .max()
        .unwrap_or(0)
}

/// The ID column is at least this wide (`K10.12`); wider when a hit's ID
/// is (a large dataset's `K5.1637`).
const ID_WIDTH: usize = 6;

/// The ID a hit shows: tasks, projects and sub-items have one.
fn id_of(hit: &Hit) -> Option<&str> {
    match hit.target {
        Target::Task(_) | Target::Project(_) | Target::Item(_) => Some(hit.target.key()),
        Target::Unit(_) | Target::Leader(_) => None,
    }
}

/// One hit: kind tag, ID (tasks, projects, sub-items) in `id_w` columns,
/// then the matched text with its matched characters highlighted, padded
/// to `w` columns.
fn hit_row(app: &App, hit: &Hit, w: usize, id_w: usize) -> Line<'static> {
    let l = app.labels;
    let mut spans = vec![Span::styled(
        fit(tag(l, &hit.target, hit.kind), tag_width(l)),
        tag_style(&hit.target),
    )];
    spans.push(Span::raw(" "));
    let found = search::resolve(app, &hit.target);
    if let Some(id) = id_of(hit) {
        let ranges: &[Range<usize>] = if hit.field == Field::Id {
            &hit.ranges
        } else {
            &[]
        };
        spans.extend(highlighted(id, ranges, id_w));
        spans.push(Span::raw(" ".repeat(id_w.saturating_sub(width(id)) + 1)));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = w.saturating_sub(used);
    let (text, ranges) = if hit.field == Field::Id {
        (found.map_or("", |f| headline(app, f)), &[][..])
    } else {
        (hit.text.as_str(), hit.ranges.as_slice())
    };
    let note = suffix(app, hit, found);
    let note_w = if note.is_empty() {
        0
    } else {
        (width(&note) + 1).min(room / 3)
    };
    let body = highlighted(text, ranges, room.saturating_sub(note_w));
    let body_w: usize = body.iter().map(|s| width(&s.content)).sum();
    spans.extend(body);
    let rest = room.saturating_sub(body_w);
    if note_w > 0 {
        spans.push(Span::styled(fit(&format!(" {note}"), rest), style::muted()));
    } else {
        spans.push(Span::raw(" ".repeat(rest)));
    }
    Line::from(spans)
}

/// What a row shows when the hit is on an ID: the task's or project's
/// headline, the sub-item's text.
fn headline(app: &App, found: Found) -> &str {
    match found {
        Found::Task(r) => app.task(r).map_or("", |t| t.headline()),
        Found::Item(r, i) => app
            .task(r)
            .and_then(|t| t.items.get(i))
            .map_or("", |it| it.text.as_str()),
        Found::Unit(_) | Found::Leader(_) => "",
    }
}

/// A muted note after the text: the unit an alias stands for, a leader's
/// title next to the name (and the name next to the title).
fn suffix(app: &App, hit: &Hit, found: Option<Found>) -> String {
    match (found, hit.field) {
        (Some(Found::Unit(u)), Field::Alias) => app
            .data
            .units
            .get(u)
            .map_or_else(String::new, |unit| format!("= {}", unit.name)),
        (Some(Found::Leader(i)), field) => {
            let Some(leader) = app.data.plan.leaders.get(i) else {
                return String::new();
            };
            if field == Field::Title {
                leader.name.clone()
            } else {
                leader.title.clone()
            }
        }
        _ => String::new(),
    }
}

/// `text` in at most `w` columns with the characters in `ranges` (char
/// indices) highlighted, a wide character as a whole. When the first match
/// would not show, the text starts a few columns before it, after an
/// ellipsis; text cut at the end ends with one.
pub(super) fn highlighted(text: &str, ranges: &[Range<usize>], w: usize) -> Vec<Span<'static>> {
    let chars: Vec<char> = text.chars().collect();
    // cols[i]: the display column character i starts at.
    let cols: Vec<usize> = std::iter::once(0)
        .chain(chars.iter().scan(0, |acc, &c| {
            *acc += char_width(c);
            Some(*acc)
        }))
        .collect();
    let col = |i: usize| cols[i.min(chars.len())];
    let mark = width(ELLIPSIS);
    let total = col(chars.len());
    let mut start = 0;
    if total > w
        && let Some(first) = ranges.first()
        && col(first.end) + mark > w
    {
        // A little context before the match, after the ellipsis.
        let context = (w / 4).min(8);
        let from = col(first.start).saturating_sub(context);
        start = cols.partition_point(|&c| c < from).min(chars.len());
    }
    let mut spans = Vec::new();
    let mut room = w;
    if start > 0 {
        if w < mark {
            return spans;
        }
        spans.push(Span::styled(ELLIPSIS, style::muted()));
        room -= mark;
    }
    let rest = total - col(start);
    let cut = rest > room;
    let limit = if cut { room.saturating_sub(mark) } else { room };
    let mut used = 0;
    let mut run = String::new();
    let mut run_hit = false;
    for (i, &c) in chars.iter().enumerate().skip(start) {
        let cw = char_width(c);
        if used + cw > limit {
            break;
        }
        used += cw;
        let hit = ranges.iter().any(|r| r.contains(&i));
        if hit != run_hit && !run.is_empty() {
            spans.push(styled_run(std::mem::take(&mut run), run_hit));
        }
        run_hit = hit;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(styled_run(run, run_hit));
    }
    if cut && room >= mark {
        spans.push(Span::styled(ELLIPSIS, style::muted()));
    }
    spans
}

fn styled_run(text: String, hit: bool) -> Span<'static> {
    if hit {
        Span::styled(text, highlight())
    } else {
        Span::raw(text)
    }
}

/// The part of a line being typed that fits in `room` columns with the
/// cursor in view, and the cursor's column in it.
pub(super) fn input_view(line: &LineEdit, room: usize) -> (&str, usize) {
    let text = line.text();
    let at = text
        .char_indices()
        .nth(line.cursor())
        .map_or(text.len(), |(i, _)| i);
    let before = crate::text::tail(&text[..at], room);
    let start = at - before.len();
    let mut used = 0;
    let end = text[start..]
        .char_indices()
        .find(|&(_, c)| {
            used += char_width(c);
            used > room
        })
        .map_or(text.len(), |(i, _)| start + i);
    (&text[start..end], width(before))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_edit::Edit;
    use crate::search::ranges_of;

    fn plain(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    fn marked(spans: &[Span]) -> Vec<String> {
        spans
            .iter()
            .filter(|s| s.style == highlight())
            .map(|s| s.content.to_string())
            .collect()
    }

    #[test]
    fn matched_chinese_characters_are_highlighted_whole() {
        let spans = highlighted("市发改局", &ranges_of(&[1, 2, 3]), 20);
        assert_eq!(plain(&spans), "市发改局");
        assert_eq!(marked(&spans), ["发改局"]);
    }

    #[test]
    fn a_match_beyond_the_width_scrolls_into_view() {
        let text = "全面完成2023年全市经济社会发展预期目标其中地区生产总值增长";
        let at = text.chars().position(|c| c == '生').expect("in text");
        let spans = highlighted(text, &ranges_of(&[at, at + 1]), 24);
        let shown = plain(&spans);
        assert!(shown.starts_with(ELLIPSIS), "{shown}");
        assert!(width(&shown) <= 24, "{shown}");
        assert_eq!(marked(&spans), ["生产"]);
    }

    #[test]
    fn cut_text_ends_with_an_ellipsis_within_the_width() {
        let spans = highlighted("推进平台攻坚大会战新增规上企业", &ranges_of(&[0, 1]), 11);
        assert_eq!(plain(&spans), "推进平台...");
    }

    #[test]
    fn input_view_keeps_the_cursor_in_view() {
        let mut line = LineEdit::with_text("市发改局横店镇");
        assert_eq!(input_view(&line, 20), ("市发改局横店镇", 14));
        assert_eq!(input_view(&line, 6), ("横店镇", 6));
        for _ in 0..5 {
            line.apply(Edit::Left);
        }
        assert_eq!(input_view(&line, 6), ("市发改", 4));
    }
}
