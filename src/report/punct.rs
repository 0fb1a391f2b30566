//! Official-document typography for Chinese circulars: full-width
//! punctuation inside Chinese text, 〔〕 around the year of a document
//! number, dates written `2023年6月30日`.

use chrono::{Datelike, NaiveDate};

/// Whether `c` is a Chinese character or full-width punctuation: the
/// neighbours that make an ASCII mark belong to Chinese text.
fn chinese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'   // CJK punctuation
        | '\u{3400}'..='\u{4DBF}' // extension A
        | '\u{4E00}'..='\u{9FFF}' // unified ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{FF00}'..='\u{FFEF}' // full-width forms
        | '\u{201C}' | '\u{201D}' // “ ”
    )
}

/// `text` with ASCII `, : ; ( ) ! ?` next to a Chinese character replaced
/// by their full-width forms, and ASCII double quotes around Chinese text
/// by “ ”. Marks between Latin letters or digits (`1,000`, `6.8%`) stay.
pub fn zh(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut quote_open = false;
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        // `(` opens onto what follows, `)` closes what precedes; other marks
        // look both ways.
        let near_chinese = match c {
            '(' => after.is_some_and(chinese) || before.is_some_and(chinese),
            ')' => before.is_some_and(chinese) || after.is_some_and(chinese),
            _ => before.is_some_and(chinese) || after.is_some_and(chinese),
        };
        let wide = match c {
            ',' if near_chinese => '，',
            ':' if near_chinese => '：',
            ';' if near_chinese => '；',
            '(' if near_chinese => '（',
            ')' if near_chinese => '）',
            '!' if near_chinese => '！',
            '?' if near_chinese => '？',
            '"' if near_chinese => {
                quote_open = !quote_open;
                if quote_open { '“' } else { '”' }
            }
            other => other,
        };
        out.push(wide);
    }
    out
}

/// `东政办发[2023]3号` → `东政办发〔2023〕3号`: the year of a document
/// number in hexagonal brackets, as GB/T 9704 writes it.
pub fn doc_number(number: &str) -> String {
    number
        .replace(['[', '［', '【', '('], "〔")
        .replace([']', '］', '】', ')'], "〕")
}

/// `2023年6月30日`.
pub fn zh_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// `6月30日`, for dates within the plan year.
pub fn zh_month_day(date: NaiveDate) -> String {
    format!("{}月{}日", date.month(), date.day())
}

/// `30 June 2023`.
pub fn en_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_beside_chinese_become_full_width() {
        assert_eq!(
            zh("增长7.5%以上;财政总收入(含基金)分别增长13.8%和12%以上,其中:"),
            "增长7.5%以上；财政总收入（含基金）分别增长13.8%和12%以上，其中："
        );
    }

    #[test]
    fn marks_between_latin_letters_or_digits_stay() {
        assert_eq!(zh("GDP 1,000 (est.)"), "GDP 1,000 (est.)");
    }

    #[test]
    fn quotes_around_chinese_open_and_close() {
        assert_eq!(zh(r#"坚定捍卫"两个确立""#), "坚定捍卫“两个确立”");
    }

    #[test]
    fn a_document_number_takes_hexagonal_brackets() {
        assert_eq!(doc_number("东政办发[2023]3号"), "东政办发〔2023〕3号");
    }

    #[test]
    fn dates_are_written_out() {
        let d = NaiveDate::from_ymd_opt(2023, 6, 30).expect("date");
        assert_eq!(zh_date(d), "2023年6月30日");
        assert_eq!(en_date(d), "30 June 2023");
    }
}
