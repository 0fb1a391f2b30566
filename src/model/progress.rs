use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::Actual;

/// Where a task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 未开始
    NotStarted,
    /// 推进中
    OnTrack,
    /// 滞后
    Behind,
    /// 受阻
    Blocked,
    /// 已完成
    Done,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::OnTrack,
        Status::Behind,
        Status::Blocked,
        Status::Done,
    ];

    /// The name used in exports and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
            Status::Blocked => "blocked",
            Status::Done => "done",
        }
    }

    /// The Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Status::NotStarted => "未开始",
            Status::OnTrack => "推进中",
            Status::Behind => "滞后",
            Status::Blocked => "受阻",
            Status::Done => "已完成",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Status::NotStarted => "not started",
            Status::OnTrack => "on track",
            Status::Behind => "behind",
            Status::Blocked => "blocked",
            Status::Done => "done",
        }
    }

    /// The status a percent suggests when none is chosen: 0 % not
    /// started, 100 % (or more) done, anything between on track.
    pub fn for_percent(percent: u16) -> Status {
        match percent {
            0 => Status::NotStarted,
            100.. => Status::Done,
            _ => Status::OnTrack,
        }
    }

    /// Accepts `on_track`, `on-track`, `推进中`, …
    pub fn parse(s: &str) -> Option<Status> {
        let s = s.trim().replace('-', "_").to_lowercase();
        Status::ALL.into_iter().find(|st| {
            st.as_str() == s || st.label_zh() == s || st.label_en().replace(' ', "_") == s
        })
    }
}

/// One progress report on a task, project or sub-item. The current state of
/// a task is its standing entry: the latest report date, of equal dates the
/// latest time of entry (see [`ProgressEntry::report_order`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressEntry {
    /// Task, project or sub-item ID (`K2.16`, `M3`, `M3.2`).
    pub task: String,
    /// When the entry was made.
    pub at: DateTime<FixedOffset>,
    /// The date the progress refers to.
    #[serde(deserialize_with = "super::date::strict")]
    pub date: NaiveDate,
    /// 0 to 100.
    pub percent: u8,
    pub status: Status,
    /// 主要进展: the progress made (the journal's `note`, its name from
    /// before the three note fields).
    #[serde(default)]
    pub note: String,
    /// Actual values reported against the task's targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<Actual>,
    /// 存在问题: the problems met.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub problems: String,
    /// 下步打算: the next steps.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next_steps: String,
    /// Who reported: unit and person (absent in entries made before duban
    /// recorded it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporter: Option<Reporter>,
}

/// The unit and person who reported an entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reporter {
    /// The unit's canonical name.
    pub unit: String,
    /// The person (empty when not given).
    #[serde(default)]
    pub name: String,
}

impl ProgressEntry {
    /// The order entries stand in: by report date, then by time of entry.
    /// Of two entries, the greater one stands; history lists all of them.
    pub fn report_order(&self) -> (NaiveDate, DateTime<FixedOffset>) {
        (self.date, self.at)
    }
}

#[cfg(test)]
mod tests {
    use super::Status;

    #[test]
    fn a_percent_suggests_a_status() {
        let cases = [
            (0, Status::NotStarted),
            (1, Status::OnTrack),
            (99, Status::OnTrack),
        ];
        for (percent, status) in cases
            .into_iter()
            .chain([(100, Status::Done), (150, Status::Done)])
        {
            assert_eq!(Status::for_percent(percent), status, "{percent}");
        }
    }
}
