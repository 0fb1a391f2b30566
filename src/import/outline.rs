//! What starts a line of a document without leader headings: a numbering
//! style (`一、`, `（一）`, `1.`, `(1)`, `①`, `△`), or nothing; and which
//! lines are noise from the page or the web copy.

use super::numbers::{SEPARATORS, is_chinese_digit, parse_chinese};

/// A numbering style. Which style marks a task, a section or a sub-item
/// is decided per document, by which one carries the units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Style {
    /// `一、`
    Chinese,
    /// `（一）`
    ParenChinese,
    /// `1.` `1、` `1．`
    Arabic,
    /// `(1)` `（1）`
    ParenArabic,
    /// `①`
    Circled,
    /// `△` `▲` `●` `◆`
    Bullet,
    /// A row of a table.
    Row,
}

/// A numbered line's style and the byte length of its number.
pub(crate) fn numbered(line: &str) -> Option<(Style, usize)> {
    let first = line.chars().next()?;
    if matches!(first, '△' | '▲' | '●' | '◆') {
        return Some((Style::Bullet, first.len_utf8()));
    }
    if ('①'..='⑳').contains(&first) {
        return Some((Style::Circled, first.len_utf8()));
    }
    if matches!(first, '(' | '（') {
        let inner = &line[first.len_utf8()..];
        let close = inner.find([')', '）'])?;
        let body = &inner[..close];
        let len = first.len_utf8() + close + inner[close..].chars().next()?.len_utf8();
        if !body.is_empty() && body.len() <= 3 && body.bytes().all(|b| b.is_ascii_digit()) {
            return Some((Style::ParenArabic, len));
        }
        return parse_chinese(body).map(|_| (Style::ParenChinese, len));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=4).contains(&digits) {
        let sep = line[digits..]
            .chars()
            .next()
            .filter(|c| SEPARATORS.contains(c));
        let len = digits + sep.map_or(0, char::len_utf8);
        let next = line[len..].chars().next();
        return (sep.is_some() && !next.is_some_and(|c| c.is_ascii_digit()))
            .then_some((Style::Arabic, len));
    }
    let digits: usize = line
        .chars()
        .take_while(|c| is_chinese_digit(*c))
        .map(char::len_utf8)
        .sum();
    let sep = line[digits..].chars().next()?;
    (digits > 0 && matches!(sep, '、' | '.' | '．') && parse_chinese(&line[..digits]).is_some())
        .then(|| (Style::Chinese, digits + sep.len_utf8()))
}

/// Lines a web copy of a document carries around the text.
const NAVIGATION: [&str; 16] = [
    "当前位置",
    "首页>",
    "首页 >",
    "首页»",
    "打印本页",
    "关闭窗口",
    "分享到",
    "【字体",
    "字体:",
    "字体：",
    "【打印",
    "扫一扫",
    "浏览次数",
    "发布时间",
    "信息来源",
    "访问量",
];

/// Whether a line is a page number (`- 3 -`, `第3页 共12页`, `3/12`) or a
/// navigation line of a web page.
pub(crate) fn is_noise(line: &str) -> bool {
    let line = line.trim();
    let page_chars =
        |c: char| c.is_ascii_digit() || c.is_whitespace() || "-—–－/第页共".contains(c);
    let page = line.chars().all(page_chars) && line.chars().any(|c| c.is_ascii_digit());
    page || NAVIGATION.iter().any(|n| line.contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_numbering_style() {
        let style = |s: &str| numbered(s).map(|(st, _)| st);
        assert_eq!(style("一、推进"), Some(Style::Chinese));
        assert_eq!(style("十二．推进"), Some(Style::Chinese));
        assert_eq!(style("（三）推进"), Some(Style::ParenChinese));
        assert_eq!(style("(3)推进"), Some(Style::ParenArabic));
        assert_eq!(style("（12）推进"), Some(Style::ParenArabic));
        assert_eq!(style("3．推进"), Some(Style::Arabic));
        assert_eq!(style("3、推进"), Some(Style::Arabic));
        assert_eq!(style("③推进"), Some(Style::Circled));
        assert_eq!(style("△推进"), Some(Style::Bullet));
        assert_eq!(style("3.0版"), None);
        assert_eq!(style("1999．推进"), Some(Style::Arabic));
        assert_eq!(style("2023年"), None);
        assert_eq!(style("（市发改局牵头）"), None);
    }

    #[test]
    fn page_numbers_and_navigation_are_noise() {
        for s in ["- 3 -", "—12—", "第 3 页 共 12 页", "3/12", "7"] {
            assert!(is_noise(s), "{s}");
        }
        assert!(is_noise("当前位置：首页 > 政务公开 > 通知公告"));
        assert!(!is_noise("1.推进3个项目"));
    }
}
