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

#[cfg(test)]
mod tests {
    use super::due_date;

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
