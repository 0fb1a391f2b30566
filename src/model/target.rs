//! Quantitative targets a task carries (新增规上企业100家, 地区生产总值增长
//! 7.5%以上) and the actual values progress entries report against them.

use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};

use super::Name;

/// How an actual value is compared with a target's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cmp {
    /// 以上, 不低于, 超, 突破: the value or more.
    AtLeast,
    /// 以下, 低于, 不高于: the value or less.
    AtMost,
    /// 左右: about the value.
    About,
    /// 力争: the value is striven for.
    Aim,
    /// A bare number: the value itself.
    Exact,
}

impl Cmp {
    pub const ALL: [Cmp; 5] = [Cmp::AtLeast, Cmp::AtMost, Cmp::About, Cmp::Aim, Cmp::Exact];

    /// The name used in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Cmp::AtLeast => "at_least",
            Cmp::AtMost => "at_most",
            Cmp::About => "about",
            Cmp::Aim => "aim",
            Cmp::Exact => "exact",
        }
    }
}

/// One number a task commits to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// What is counted: the noun phrase before the number (新增规上企业).
    pub name: String,
    pub value: f64,
    /// As written after the number: 家, %, 亿元, 万人, …
    pub unit: Name,
    pub cmp: Cmp,
}

impl Target {
    /// The target as the document words it: 新增规上企业100家, 地区生产总值增长7.5%以上.
    pub fn phrase_zh(&self) -> String {
        let value = format_value(self.value);
        let (before, after) = match self.cmp {
            Cmp::AtLeast => ("", "以上"),
            Cmp::AtMost => ("", "以下"),
            Cmp::About => ("", "左右"),
            Cmp::Aim => ("力争", ""),
            Cmp::Exact => ("", ""),
        };
        format!("{before}{}{value}{}{after}", self.name, self.unit)
    }

    /// The share of the target an actual value reaches, 0 to 100. An
    /// at-most target (以下, 以内) is all or nothing: 100 when the actual is
    /// at or under the value, else 0. `None` for a zero or non-finite
    /// value.
    pub fn percent_of(&self, actual: f64) -> Option<u8> {
        if !self.value.is_finite() || self.value <= 0.0 || !actual.is_finite() {
            return None;
        }
        if self.cmp == Cmp::AtMost {
            return Some(if actual <= self.value { 100 } else { 0 });
        }
        let share = (actual / self.value * 100.0).clamp(0.0, 100.0);
        // In range 0..=100 after the clamp.
        Some(share.floor() as u8)
    }

    /// Whether an actual value meets the target (about: within 5 %).
    pub fn is_met(&self, actual: f64) -> bool {
        match self.cmp {
            Cmp::AtLeast | Cmp::Aim | Cmp::Exact => actual >= self.value,
            Cmp::AtMost => actual <= self.value,
            Cmp::About => (actual - self.value).abs() <= self.value.abs() * 0.05,
        }
    }
}

/// A number as a person writes it: `100`, `7.5`, `1.2`, never `100.0`.
pub fn format_value(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

/// The value a progress entry reports for one of its task's targets.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actual {
    /// The [`Target::name`] this value is for.
    pub target: String,
    pub value: f64,
}

// Entries are kept in sets (the journal merges by union), so an actual
// compares and hashes by the bits of its value.
impl PartialEq for Actual {
    fn eq(&self, other: &Self) -> bool {
        self.target == other.target && self.value.to_bits() == other.value.to_bits()
    }
}

impl Eq for Actual {}

impl Hash for Actual {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.target.hash(state);
        self.value.to_bits().hash(state);
    }
}
