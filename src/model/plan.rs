use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Name;

/// The document: a responsibility breakdown issued by a city government.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// e.g. 关于印发2023年政府工作报告重点工作责任分解和民生实事责任分解的通知
    pub title: String,
    /// e.g. 东阳市人民政府办公室
    pub issuer: String,
    /// e.g. 东政办发[2023]3号
    pub doc_number: String,
    /// The date the document was signed, when it states one.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::date::strict_option"
    )]
    pub issued: Option<NaiveDate>,
    /// The plan year the tasks belong to.
    pub year: i32,
    /// Who the document is addressed to, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addressees: Vec<String>,
    pub rules: Rules,
    /// Leaders in document order.
    pub leaders: Vec<Leader>,
    /// Key task IDs count within the document's top-level sections
    /// (`K<section>.<n>`) instead of within leaders: a document not
    /// grouped under leaders. Tasks may then have no leader.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_section: bool,
}

/// How to read the unit lists, as the document states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// The rule note verbatim (empty when the document has none).
    pub note: String,
    /// The first-listed units lead the task or summarise it.
    pub first_listed_lead: bool,
    /// Cooperating units are listed in no particular order.
    pub co_unordered: bool,
    /// Units that cooperate on every task unless stated otherwise,
    /// e.g. 各镇、乡人民政府 and 各街道办事处.
    pub default_co: Vec<Name>,
}

/// A city leader heading a group of key tasks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leader {
    /// `L1`, `L2`, … in document order.
    pub id: Name,
    pub name: String,
    /// e.g. 市长, 常务副市长, 副市长.
    pub title: String,
}
