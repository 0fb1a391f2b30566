//! Cleaning text of PDF-to-text artefacts: stray spaces between Chinese
//! characters, markdown bold, `<sub>` tags, line breaks inside a sentence.

/// Markup removed from every text.
const MARKUP: [&str; 6] = ["**", "<sub>", "</sub>", "<sup>", "</sup>", "<br>"];

/// ASCII punctuation the source uses in place of Chinese punctuation.
const ASCII_AS_CHINESE: &str = ",;:()!?\"'%";

/// Whether a space next to `c` is an artefact: `c` is a CJK character, CJK
/// or full-width punctuation, or ASCII punctuation used as Chinese.
fn tight(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F // ideographs
        | 0x3000..=0x303F | 0xFF00..=0xFFEF // CJK and full-width punctuation
        | 0x2010..=0x206F | 0x00B7 // “”‘’…—•·
    ) || ASCII_AS_CHINESE.contains(c)
}

/// Cleans a piece of source text: removes markup, joins lines, and drops
/// whitespace that touches a Chinese character or punctuation on either
/// side. A space between two Latin or digit tokens stays ("22 ug/m³").
pub fn clean_text(raw: &str) -> String {
    let mut s = raw.to_string();
    // Every markup string starts with `*` or `<`.
    if s.contains(['*', '<']) {
        for m in MARKUP {
            s = s.replace(m, "");
        }
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !c.is_whitespace() {
            out.push(c);
            i += 1;
            continue;
        }
        let run_end = (i..chars.len())
            .find(|&j| !chars[j].is_whitespace())
            .unwrap_or(chars.len());
        let before = out.chars().last();
        let after = chars.get(run_end).copied();
        if let (Some(b), Some(a)) = (before, after)
            && !tight(b)
            && !tight(a)
        {
            out.push(' ');
        }
        i = run_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::clean_text;

    #[test]
    fn drops_spaces_between_chinese_characters() {
        assert_eq!(clean_text("思 考谋划"), "思考谋划");
    }

    #[test]
    fn drops_spaces_between_chinese_and_numbers() {
        assert_eq!(clean_text("增长 7.5%以上; 财政"), "增长7.5%以上;财政");
        assert_eq!(clean_text("2023 年"), "2023年");
    }

    #[test]
    fn keeps_spaces_between_latin_tokens() {
        assert_eq!(
            clean_text("PM<sub>2.5</sub> 平均浓度低于 22 ug/m³,空气"),
            "PM2.5平均浓度低于22 ug/m³,空气"
        );
    }

    #[test]
    fn joins_lines_and_strips_bold() {
        assert_eq!(
            clean_text("**市发改局**、 各街道办\n\n事处 "),
            "市发改局、各街道办事处"
        );
    }
}
