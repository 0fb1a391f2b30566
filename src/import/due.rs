//! Deadlines: a phrase such as `5月底前`, `年内`, `三季度末` or
//! `2022年10月底前` read as a date; phrases without one (`14个工作日内`,
//! `长期坚持`) are kept as written only.

use chrono::NaiveDate;

use super::numbers::{is_chinese_digit, parse_chinese};

/// The last day of `month` in `year`.
fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// A number written in ASCII digits or Chinese numerals at the start of
/// `s`, and the bytes it takes.
fn number_at(s: &str) -> Option<(u32, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        return Some((s[..digits].parse().ok()?, digits));
    }
    let len: usize = s
        .chars()
        .take_while(|c| is_chinese_digit(*c))
        .map(char::len_utf8)
        .sum();
    Some((parse_chinese(&s[..len])?, len))
}

/// Words that name a date by themselves, in the plan year.
const WHOLE_YEAR: [&str; 6] = ["年底前", "年底", "年末", "年内", "全年", "下半年"];
const QUARTERS: [(&str, u32); 8] = [
    ("一季度", 3),
    ("二季度", 6),
    ("三季度", 9),
    ("四季度", 12),
    ("第一季度", 3),
    ("第二季度", 6),
    ("第三季度", 9),
    ("第四季度", 12),
];

/// The date a deadline phrase names, in `year` unless it names its own.
pub(crate) fn due_date(phrase: &str, year: i32) -> Option<NaiveDate> {
    let s: String = phrase.chars().filter(|c| !c.is_whitespace()).collect();
    let (year, rest) = match s.find('年') {
        Some(i) if i == 4 && s[..4].bytes().all(|b| b.is_ascii_digit()) => {
            (s[..4].parse().ok()?, &s[4..])
        }
        _ => (year, s.as_str()),
    };
    if rest.starts_with("上半年") {
        return NaiveDate::from_ymd_opt(year, 6, 30);
    }
    if WHOLE_YEAR.iter().any(|w| rest.starts_with(w)) || rest.starts_with("年年底") {
        return NaiveDate::from_ymd_opt(year, 12, 31);
    }
    if let Some((_, m)) = QUARTERS.iter().find(|(q, _)| rest.starts_with(q)) {
        return month_end(year, *m);
    }
    let rest = rest.strip_prefix('年').unwrap_or(rest);
    let (month, len) = number_at(rest)?;
    let after = rest[len..].strip_prefix('月')?;
    if !(1..=12).contains(&month) {
        return None;
    }
    match number_at(after) {
        Some((day, dl)) if after[dl..].starts_with(['日', '号']) => {
            NaiveDate::from_ymd_opt(year, month, day)
        }
        _ => month_end(year, month),
    }
}

/// A deadline stated in a task's own sentence (`力争6月底前建成`,
/// `2024年10月底前完成`, `年底前`, `三季度末前`): the phrase, or of several
/// the one naming the latest date (the task is done when all its parts
/// are). Only a phrase that ends in 前 counts: a bare month, `年内` or
/// `全年` inside a sentence is as often a period measured as a deadline.
pub(crate) fn in_text(text: &str) -> Option<&str> {
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let mut best: Option<(NaiveDate, &str)> = None;
    for (k, &end) in starts.iter().enumerate() {
        if !text[end..].starts_with('前') {
            continue;
        }
        let end = end + '前'.len_utf8();
        // The longest phrase ending here that names a date, not cut out
        // of a longer number (`12月` is not `2月`).
        let found = (k.saturating_sub(12)..k)
            .map(|j| starts[j])
            .filter(|&i| !text[..i].ends_with(|c: char| c.is_ascii_digit() || is_chinese_digit(c)))
            .filter(|&i| text[i..end].chars().all(in_phrase))
            .find_map(|i| Some((due_date(&text[i..end], 2000)?, &text[i..end])));
        if let Some((date, phrase)) = found
            && best.is_none_or(|(b, _)| date >= b)
        {
            best = Some((date, phrase));
        }
    }
    best.map(|(_, phrase)| phrase)
}

/// Whether `c` can be part of a deadline phrase (`2024年10月15日前`,
/// `第三季度末前`, `年底前`).
fn in_phrase(c: char) -> bool {
    c.is_ascii_digit() || is_chinese_digit(c) || "年月日号底末前第季度上下半".contains(c)
}

#[cfg(test)]
mod tests {
    use super::{due_date, in_text};

    #[test]
    fn a_deadline_inside_the_sentence_is_found() {
        assert_eq!(in_text("力争6月底前建成并投用"), Some("6月底前"));
        assert_eq!(
            in_text("确保2024年10月底前完成验收"),
            Some("2024年10月底前")
        );
        assert_eq!(in_text("年底前实现全覆盖"), Some("年底前"));
        assert_eq!(in_text("三季度末前完成招标"), Some("三季度末前"));
        assert_eq!(in_text("12月15日前报送"), Some("12月15日前"));
        // Two deadlines: the task is done with the later one.
        assert_eq!(in_text("6月底前开工，年底前完成主体"), Some("年底前"));
    }

    #[test]
    fn a_period_or_a_bare_month_is_no_deadline() {
        assert_eq!(in_text("全年新增规上企业60家"), None);
        assert_eq!(in_text("年内开工项目30个"), None);
        assert_eq!(in_text("1-6月增长8%"), None);
        assert_eq!(in_text("比上年提前完成"), None);
        assert_eq!(in_text("三年前启动的工程"), None);
    }

    fn due(s: &str) -> Option<String> {
        due_date(s, 2023).map(|d| d.to_string())
    }

    #[test]
    fn reads_the_phrases_documents_use() {
        assert_eq!(due("5月底前").as_deref(), Some("2023-05-31"));
        assert_eq!(due("年底前").as_deref(), Some("2023-12-31"));
        assert_eq!(due("年内").as_deref(), Some("2023-12-31"));
        assert_eq!(due("上半年").as_deref(), Some("2023-06-30"));
        assert_eq!(due("三季度末").as_deref(), Some("2023-09-30"));
        assert_eq!(due("2022年10月底前").as_deref(), Some("2022-10-31"));
        assert_eq!(due("十月底前").as_deref(), Some("2023-10-31"));
        assert_eq!(due("6月15日前").as_deref(), Some("2023-06-15"));
        assert_eq!(due("2月底前").as_deref(), Some("2023-02-28"));
    }

    #[test]
    fn phrases_without_a_date_give_none() {
        assert_eq!(due("14个工作日内"), None);
        assert_eq!(due("长期坚持"), None);
        assert_eq!(due("13月底前"), None);
    }
}
