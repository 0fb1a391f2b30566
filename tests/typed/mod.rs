//! The queries the typing bench and its test type (`#[path]`-included).

/// Queries typed key by key: the typing bench times each keystroke at
/// 100,000 tasks, and a test holds each keystroke's hits to plain scans.
/// Pinyin prefixes, common single characters, a typo, a query with no hit
/// and a long one.
pub const TYPED: &[&str] = &[
    "gsqy",
    "xzgsqy",
    "zdxmjs",
    "新增规上企业",
    "企业",
    "乡村振新",
    "业",
    "建",
    "新",
    "市",
    "gsqx",
    "qqqq",
    "shenrutuijinxiangcunzhenxing",
    "深入推进乡村振兴行动,增长",
    // Unit names.
    "市发改局",
    "经信",
    "住建",
    // Common words.
    "建设",
    "推进",
    "深入推进",
    "项目",
    "全面",
    // Pinyin, full and initials.
    "she",
    "shenru",
    "jianshe",
    "jsxm",
    "fgj",
    "qy",
    // Hanzi and letters mixed.
    "深r",
    "建s",
    // The most common single characters.
    "设",
    "发",
    "展",
    "进",
    "推",
    "区",
    "和",
    "工",
    "作",
    "实",
    "有",
    "点",
    "重",
    "局",
    "加",
];
