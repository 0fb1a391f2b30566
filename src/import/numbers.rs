//! Task numbers (`1.`, `1．`, `1、`) and Chinese numerals (一 … 九十九).

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Separators that may follow a task or item number.
pub(crate) const SEPARATORS: [char; 3] = ['.', '．', '、'];

/// The Chinese numeral for 1 ..= 99.
pub(crate) fn chinese(n: u32) -> String {
    let d = |k: u32| DIGITS[k as usize];
    match n {
        0..=9 => d(n).to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", d(n - 10)),
        _ if n.is_multiple_of(10) => format!("{}十", d(n / 10)),
        _ => format!("{}十{}", d(n / 10), d(n % 10)),
    }
}

pub(crate) fn is_chinese_digit(c: char) -> bool {
    c == '十' || DIGITS[1..].contains(&c)
}

/// The value of a Chinese numeral from 1 to 99.
pub(crate) fn parse_chinese(s: &str) -> Option<u32> {
    (1..100).find(|&n| chinese(n) == s)
}

/// A task number at the start of `s`: digits and a separator. Returns the
/// number and the byte length including the separator.
pub(crate) fn leading_number(s: &str) -> Option<(u32, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let sep = s[digits..].chars().next()?;
    if digits == 0 || digits > 3 || !SEPARATORS.contains(&sep) {
        return None;
    }
    Some((s[..digits].parse().ok()?, digits + sep.len_utf8()))
}

/// The first place in `s` where number `n` and a separator stand, not as
/// the tail of a longer number ("12." is not "2.").
pub(crate) fn find_number(s: &str, n: u32) -> Option<usize> {
    let digits = n.to_string();
    s.match_indices(&digits).map(|(i, _)| i).find(|&i| {
        let before = s[..i].chars().next_back();
        let after = s[i + digits.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit() || c == '.')
            && after.is_some_and(|c| SEPARATORS.contains(&c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_round_trip() {
        for (n, s) in [
            (1, "一"),
            (10, "十"),
            (12, "十二"),
            (20, "二十"),
            (35, "三十五"),
        ] {
            assert_eq!(chinese(n), s);
            assert_eq!(parse_chinese(s), Some(n));
        }
    }

    #[test]
    fn finds_a_number_glued_to_a_unit_name() {
        assert_eq!(find_number("市税务局7.深化", 7), Some("市税务局".len()));
        assert_eq!(find_number("市人行 11.扩大", 1), None);
    }

    #[test]
    fn leading_number_accepts_three_separators() {
        for s in ["8.50个", "8．50个", "8、50个"] {
            assert_eq!(leading_number(s).map(|(n, _)| n), Some(8));
        }
        assert_eq!(leading_number("2023年"), None);
    }
}
