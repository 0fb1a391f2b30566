//! The progress journal's parse errors in either language: what is wrong
//! with a line (RON errors go through [`super::ron_error`]), and what a
//! field expects.

use super::{Text, entries};
use crate::msg;

entries! {
    /// `file:line:col: problem`; the line and its caret follow as written.
    JOURNAL_PARSE { zh: "{path}:{line}:{col}：{message}", en: "{path}:{line}:{col}: {message}" }
    JOURNAL_NOT_UTF8 { zh: "不是有效的 UTF-8 文本", en: "invalid UTF-8" }
    JOURNAL_FIELD {
        zh: "字段“{field}”的值不对（{detail}）；应为{expected}",
        en: "`{field}`: {detail}; expected {expected}",
    }
    JOURNAL_EXP_DATE { zh: "日历上存在的 YYYY-MM-DD 日期", en: "a date YYYY-MM-DD within the calendar" }
    JOURNAL_EXP_AT { zh: "形如 2023-05-04T09:30:12+08:00 的时间戳", en: "a timestamp like 2023-05-04T09:30:12+08:00" }
    JOURNAL_EXP_PERCENT { zh: "0 到 100 之间的整数", en: "a whole number from 0 to 100" }
    DETAIL_NO_SUCH_DATE {
        zh: "没有这一天：{text}（{month} 只有 {days} 天）",
        en: "no such date: {text} ({month} has {days} days)",
    }
    DETAIL_NOT_A_DATE {
        zh: "“{text}”不是 YYYY-MM-DD 格式的日期（如 2023-05-01，年份 0001 至 9999）",
        en: "`{text}` is not a date in the form YYYY-MM-DD (e.g. 2023-05-01; years 0001 to 9999)",
    }
    DETAIL_INVALID_CHARS { zh: "含有无效字符", en: "input contains invalid characters" }
    DETAIL_OUT_OF_RANGE { zh: "超出范围", en: "input is out of range" }
    DETAIL_TOO_SHORT { zh: "不完整", en: "premature end of input" }
    DETAIL_TRAILING { zh: "末尾有多余的字符", en: "trailing input" }
    DETAIL_IMPOSSIBLE { zh: "不存在这样的日期时间", en: "no possible date and time matching input" }
    DETAIL_NOT_ENOUGH { zh: "不足以确定日期时间", en: "input is not enough for unique date and time" }
}

/// What a deserializer's own message says, in either language: the
/// messages of duban's date parser and of chrono, which reach RON as free
/// text (`ron::Error::Message`). `None` for any other message.
pub(super) fn message_detail(text: &str) -> Option<Text> {
    let fixed = [
        DETAIL_INVALID_CHARS,
        DETAIL_OUT_OF_RANGE,
        DETAIL_TOO_SHORT,
        DETAIL_TRAILING,
        DETAIL_IMPOSSIBLE,
        DETAIL_NOT_ENOUGH,
    ];
    if let Some(m) = fixed.iter().find(|m| m.en == text) {
        return Some((*m).into());
    }
    if let Some(rest) = text.strip_prefix("no such date: ")
        && let Some((date, rest)) = rest.split_once(" (")
        && let Some((month, rest)) = rest.split_once(" has ")
        && let Some(days) = rest.strip_suffix(" days)")
    {
        return Some(msg!(
            DETAIL_NO_SUCH_DATE,
            text = date,
            month = month,
            days = days
        ));
    }
    if let Some(rest) = text.strip_prefix('`')
        && let Some((date, tail)) = rest.split_once('`')
        && tail.starts_with(" is not a date in the form")
    {
        return Some(msg!(DETAIL_NOT_A_DATE, text = date));
    }
    None
}
