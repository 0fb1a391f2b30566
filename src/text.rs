//! Display-width helpers for Chinese text.
//!
//! A terminal cell holds one narrow glyph; a Chinese character takes two.
//! Everything here measures with `unicode-width`, never in chars or bytes:
//! truncation with an ellipsis, padding to a column, and wrapping that breaks
//! between Chinese characters (ratatui's `Wrap` only breaks at spaces) while
//! keeping Latin words and numbers together when they fit.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The mark a cut line ends with. Plain ASCII: `…` is East Asian
/// "ambiguous" and takes two cells in terminals set to wide ambiguous glyphs.
pub const ELLIPSIS: &str = "...";

/// Columns `s` takes in a terminal.
pub fn width(s: &str) -> usize {
    s.width()
}

/// Columns one character takes (control characters take none).
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// `s` cut to at most `max` columns, ending with [`ELLIPSIS`] when cut.
/// A wide glyph is never split: the result may be one column short.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let mark = width(ELLIPSIS);
    if max < mark {
        return Cow::Borrowed(&ELLIPSIS[..max]);
    }
    let end = prefix_end(s, max - mark);
    Cow::Owned(format!("{}{ELLIPSIS}", &s[..end]))
}

/// `s` truncated to `w` columns, then padded with spaces to exactly `w`.
pub fn fit(s: &str, w: usize) -> String {
    let cut = truncate(s, w);
    let pad = w.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(pad))
}

/// `s` truncated to `w` columns, then padded on the left to exactly `w`.
pub fn fit_right(s: &str, w: usize) -> String {
    let cut = truncate(s, w);
    let pad = w.saturating_sub(width(&cut));
    format!("{}{cut}", " ".repeat(pad))
}

/// The end of `s` that fits in `max` columns (for a text input that is
/// wider than its box: the part being typed stays visible).
pub fn tail(s: &str, max: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices().rev() {
        used += char_width(c);
        if used > max {
            return &s[i + c.len_utf8()..];
        }
    }
    s
}

/// `s` safe to print on a terminal as one line: control characters (C0
/// except tab, DEL, C1) are shown as visible escapes, ESC as `\e`, a line
/// break as `\n`, others as `\x01` or `\u{9b}`. So a note cannot move
/// the cursor, retitle the window, write the clipboard or forge a line.
/// Every line the command line prints from data goes through here.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unprintable) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\u{1b}' => out.push_str("\\e"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if !is_unprintable(c) => out.push(c),
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// [`printable`] for text of several lines (an error with the source line
/// it quotes): each line made printable, the line breaks kept.
pub fn printable_lines(s: &str) -> String {
    s.split('\n')
        .map(|line| printable(line.strip_suffix('\r').unwrap_or(line)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_unprintable(c: char) -> bool {
    c != '\t' && c.is_control()
}

/// The byte index where the longest prefix of `s` that fits in `max`
/// columns ends.
fn prefix_end(s: &str, max: usize) -> usize {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = char_width(c);
        if used + w > max {
            return i;
        }
        used += w;
    }
    s.len()
}

/// Whether a character belongs to a word that should not be broken:
/// Latin letters, digits and the punctuation inside numbers and codes.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | '-' | '_' | '/' | '+' | '[' | ']')
}

/// Punctuation that must not begin a line (Chinese typesetting's 避头).
fn is_no_start(c: char) -> bool {
    matches!(
        c,
        '\u{ff0c}'
            | '。'
            | '、'
            | '\u{ff1b}'
            | '\u{ff1a}'
            | '\u{ff1f}'
            | '\u{ff01}'
            | '\u{ff09}'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
    )
}

/// Splits `s` into lines of at most `max` columns.
///
/// Breaks anywhere between Chinese characters; a run of Latin letters and
/// digits moves to the next line whole when it fits there, and is cut only
/// when it is longer than a line. Spaces at a break are dropped, `\n` starts
/// a new line, and a glyph wider than `max` is left out rather than split.
pub fn wrap(s: &str, max: usize) -> Vec<&str> {
    let mut lines = Vec::new();
    if max == 0 {
        return lines;
    }
    for para in s.split('\n') {
        wrap_paragraph(para.trim_end_matches('\r'), max, &mut lines);
    }
    lines
}

fn wrap_paragraph<'a>(para: &'a str, max: usize, out: &mut Vec<&'a str>) {
    let mut rest = para;
    if rest.is_empty() {
        out.push(rest);
        return;
    }
    while !rest.is_empty() {
        let end = break_at(rest, max);
        if end == 0 {
            // The first glyph alone is wider than a line: leave it out.
            let skip = rest.chars().next().map_or(rest.len(), char::len_utf8);
            rest = &rest[skip..];
            continue;
        }
        out.push(rest[..end].trim_end_matches(' '));
        rest = rest[end..].trim_start_matches(' ');
    }
}

/// Where the first line of `s` ends (a byte index; 0 when the first glyph
/// does not fit at all).
fn break_at(s: &str, max: usize) -> usize {
    let end = prefix_end(s, max);
    if end == s.len() {
        return end;
    }
    let Some(next) = s[end..].chars().next() else {
        return end;
    };
    let Some(prev) = s[..end].chars().next_back() else {
        return end;
    };
    if is_no_start(next) {
        // Closing punctuation does not start a line: take the character
        // before it along, when the line keeps at least one.
        let back = end - prev.len_utf8();
        return if back > 0 { back } else { end };
    }
    if !(is_word_char(prev) && is_word_char(next)) {
        return end;
    }
    // The break falls inside a word: move it to the word's start, unless
    // the word starts the line (then it is longer than a line: cut it).
    let start = s[..end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map_or(end, |(i, _)| i);
    if start == 0 { end } else { start }
}

/// The byte offset of the first `"needle"` (quoted, as RON writes a
/// string) in `text` at or after `from` (moved to a char boundary), or
/// `from` when there is none: where a curation file names something.
pub fn find_quoted(text: &str, from: usize, needle: &str) -> usize {
    let from = (from..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let quoted = format!("\"{needle}\"");
    text[from..].find(&quoted).map_or(from, |i| from + i)
}

/// `%XX` escapes decoded (links GitHub writes for Chinese file names,
/// passwords in a store URL); a `%` not followed by two hex digits stays.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_shows_escapes_and_line_breaks() {
        assert_eq!(
            printable("a\u{1b}]0;t\u{7}b\nc\r\u{7f}\u{9b}2J\t完成"),
            "a\\e]0;t\\x07b\\nc\\r\\x7f\\u{9b}2J\t完成"
        );
        assert!(matches!(printable("完成征地 40%"), Cow::Borrowed(_)));
        assert_eq!(printable_lines("x\u{1b}\ny"), "x\\e\ny");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn printable_text_has_no_control_characters(s in "\\PC*|[\\x00-\\x{a0}]*") {
            let shown = printable(&s);
            proptest::prop_assert!(!shown.chars().any(|c| c != '\t' && c.is_control()));
            if !s.chars().any(|c| c != '\t' && c.is_control()) {
                proptest::prop_assert_eq!(shown.as_ref(), s.as_str());
            }
        }
    }

    #[test]
    fn width_counts_chinese_as_two_columns() {
        assert_eq!(width("市发改局"), 8);
        assert_eq!(width("GDP增长7.5%"), 11);
        assert_eq!(width("、\u{ff0c}。"), 6);
    }

    #[test]
    fn truncate_keeps_short_text() {
        assert_eq!(truncate("市财政局", 8), "市财政局");
    }

    #[test]
    fn truncate_cuts_by_columns_and_adds_ellipsis() {
        assert_eq!(truncate("市自然资源和规划局", 10), "市自然...");
        assert_eq!(truncate("abcdefgh", 6), "abc...");
    }

    #[test]
    fn truncate_never_splits_a_wide_glyph() {
        let cut = truncate("市自然资源和规划局", 8);
        assert_eq!(cut, "市自...");
        assert_eq!(width(&cut), 7);
    }

    #[test]
    fn truncate_to_fewer_columns_than_the_ellipsis() {
        assert_eq!(truncate("市财政局", 2), "..");
        assert_eq!(truncate("市财政局", 0), "");
    }

    #[test]
    fn fit_pads_to_the_exact_width() {
        assert_eq!(fit("市府办", 8), "市府办  ");
        assert_eq!(width(&fit("市自然资源和规划局", 9)), 9);
        assert_eq!(fit_right("7%", 4), "  7%");
    }

    #[test]
    fn tail_keeps_the_end_that_fits() {
        assert_eq!(tail("市发改局", 5), "改局");
        assert_eq!(tail("ab市", 4), "ab市");
    }

    #[test]
    fn wrap_breaks_between_chinese_characters() {
        assert_eq!(
            wrap("全面完成全市经济社会发展预期目标", 10),
            ["全面完成全", "市经济社会", "发展预期目", "标"]
        );
    }

    #[test]
    fn wrap_keeps_a_number_together() {
        assert_eq!(
            wrap("地区生产总值增长7.5%以上", 18),
            ["地区生产总值增长", "7.5%以上"]
        );
    }

    #[test]
    fn wrap_does_not_start_a_line_with_a_comma() {
        assert_eq!(
            wrap("预期目标\u{ff0c}地区生产", 8),
            ["预期目", "标\u{ff0c}地区", "生产"]
        );
    }

    #[test]
    fn wrap_cuts_a_word_longer_than_the_line() {
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn wrap_does_not_split_a_wide_glyph_at_an_odd_width() {
        let lines = wrap("市发改局", 5);
        assert_eq!(lines, ["市发", "改局"]);
    }

    #[test]
    fn wrap_drops_spaces_at_breaks_and_honours_newlines() {
        assert_eq!(wrap("ab cd\n市府", 3), ["ab", "cd", "市", "府"]);
    }

    #[test]
    fn wrap_leaves_out_glyphs_wider_than_the_line() {
        assert_eq!(wrap("市a", 1), ["a"]);
        assert!(wrap("市府", 0).is_empty());
    }

    #[test]
    fn wrap_never_exceeds_the_width_and_keeps_every_glyph() {
        let text = "2023年新增规上企业100家,GDP增长7.5%以上; 市发改局、市财政局牵头 ok";
        for max in 2..40 {
            let lines = wrap(text, max);
            assert!(lines.iter().all(|l| width(l) <= max), "width {max}");
            let joined: String = lines.concat().split_whitespace().collect();
            let want: String = text.split_whitespace().collect();
            assert_eq!(joined, want, "width {max}");
        }
    }
}
