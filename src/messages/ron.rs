//! RON parse errors (dataset files, curation files, the light config) in
//! either language.

use super::{Text, entries};

entries! {
    RON_EOF { zh: "文件意外结束", en: "unexpected end of file" }
    RON_EXPECTED { zh: "应为{what}", en: "expected {what}" }
    RON_UNEXPECTED_CHAR { zh: "意外的字符“{c}”", en: "unexpected character `{c}`" }
    RON_TRAILING { zh: "值的后面还有多余的字符", en: "trailing characters after the value" }
    RON_UNKNOWN_FIELD {
        zh: "未知字段“{found}”；应为以下之一：{expected}",
        en: "unknown field `{found}`; expected one of {expected}",
    }
    RON_MISSING_FIELD { zh: "缺少字段“{field}”", en: "missing field `{field}`" }
    RON_DUPLICATE_FIELD { zh: "字段“{field}”重复", en: "duplicate field `{field}`" }
    RON_UNKNOWN_VARIANT {
        zh: "未知取值“{found}”；应为以下之一：{expected}",
        en: "unknown variant `{found}`; expected one of {expected}",
    }
    RON_WRONG_TYPE { zh: "类型不对：应为 {expected}，实为 {found}", en: "expected {expected} but found {found}" }
    RON_OUT_OF_BOUNDS { zh: "整数超出范围", en: "integer out of bounds" }
    RON_UNCLOSED_COMMENT { zh: "注释没有结束", en: "unclosed comment" }
    RON_OTHER { zh: "RON 格式错误（{detail}）", en: "{detail}" }
    WHAT_ARRAY { zh: "列表 `[`", en: "a list `[`" }
    WHAT_ARRAY_END { zh: "“,”或列表结尾 `]`", en: "`,` or the end of the list `]`" }
    WHAT_COMMA { zh: "逗号“,”", en: "a comma `,`" }
    WHAT_NUMBER { zh: "数字", en: "a number" }
    WHAT_STRING { zh: "用双引号括起的字符串", en: "a string in double quotes" }
    WHAT_STRING_END { zh: "字符串结尾的双引号", en: "the closing double quote of the string" }
    WHAT_STRUCT { zh: "记录 `(`", en: "a record `(`" }
    WHAT_STRUCT_END { zh: "“,”或记录结尾 `)`", en: "`,` or the end of the record `)`" }
    WHAT_MAP_COLON { zh: "冒号“:”", en: "a colon `:`" }
    WHAT_IDENTIFIER { zh: "字段名", en: "a field name" }
    WHAT_BOOLEAN { zh: "`true` 或 `false`", en: "true or false" }
    WHAT_OPTION { zh: "`Some(…)` 或 `None`", en: "Some(…) or None" }
}

/// A RON parse error in either language.
pub fn ron_error(code: &ron::Error) -> Text {
    use crate::msg;
    use ron::Error as E;
    let expected = |what: super::Msg| msg!(RON_EXPECTED).with("what", what.into());
    let list = |names: &[&str]| {
        let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        quoted.join(", ")
    };
    match code {
        E::Eof => msg!(RON_EOF),
        E::ExpectedArray => expected(WHAT_ARRAY),
        E::ExpectedArrayEnd => expected(WHAT_ARRAY_END),
        E::ExpectedComma => expected(WHAT_COMMA),
        E::ExpectedInteger | E::ExpectedFloat => expected(WHAT_NUMBER),
        E::ExpectedString => expected(WHAT_STRING),
        E::ExpectedStringEnd => expected(WHAT_STRING_END),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => expected(WHAT_STRUCT),
        E::ExpectedStructLikeEnd => expected(WHAT_STRUCT_END),
        E::ExpectedMapColon => expected(WHAT_MAP_COLON),
        E::ExpectedIdentifier => expected(WHAT_IDENTIFIER),
        E::ExpectedBoolean => expected(WHAT_BOOLEAN),
        E::ExpectedOption => expected(WHAT_OPTION),
        E::UnexpectedChar(c) => msg!(RON_UNEXPECTED_CHAR, c = c),
        E::TrailingCharacters => msg!(RON_TRAILING),
        E::NoSuchStructField {
            expected, found, ..
        } => msg!(RON_UNKNOWN_FIELD, found = found, expected = list(expected)),
        E::MissingStructField { field, .. } => msg!(RON_MISSING_FIELD, field = field),
        E::DuplicateStructField { field, .. } => msg!(RON_DUPLICATE_FIELD, field = field),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => msg!(
            RON_UNKNOWN_VARIANT,
            found = found,
            expected = list(expected)
        ),
        E::InvalidValueForType { expected, found } => {
            msg!(RON_WRONG_TYPE, expected = expected, found = found)
        }
        E::IntegerOutOfBounds => msg!(RON_OUT_OF_BOUNDS),
        E::UnclosedBlockComment | E::UnclosedLineComment => msg!(RON_UNCLOSED_COMMENT),
        // A deserializer's own words (a date, say) in the user's language.
        E::Message(text) => super::journal::message_detail(text)
            .unwrap_or_else(|| msg!(RON_OTHER, detail = text.as_str())),
        other => msg!(RON_OTHER, detail = other),
    }
}
