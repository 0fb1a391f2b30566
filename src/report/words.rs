//! The words a circular is written in, Chinese or English.

use crate::lights::{Light, Reason};
use crate::model::Status;

/// Headings and column names in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub english: bool,
    pub no_leader: &'static str,
    pub filter_leader: &'static str,
    pub filter_unit: &'static str,
    pub actual: &'static str,
    pub thresholds: &'static str,
    // Columns.
    pub id: &'static str,
    pub light: &'static str,
    pub task: &'static str,
    pub percent: &'static str,
    pub status: &'static str,
    pub date: &'static str,
    pub note: &'static str,
    pub targets: &'static str,
}

impl Words {
    pub const ZH: Words = Words {
        english: false,
        no_leader: "民生实事（未明确分管领导）",
        filter_leader: "分管领导",
        filter_unit: "责任单位",
        actual: "实际",
        thresholds: "亮灯规则",
        id: "编号",
        light: "状态灯",
        task: "任务",
        percent: "进度",
        status: "状态",
        date: "更新日期",
        note: "最新进展",
        targets: "目标（实际）",
    };

    pub const EN: Words = Words {
        english: true,
        no_leader: "Livelihood projects without a named leader",
        filter_leader: "leader",
        filter_unit: "unit",
        actual: "actual ",
        thresholds: "Light rule",
        id: "ID",
        light: "Light",
        task: "Task",
        percent: "%",
        status: "Status",
        date: "Updated",
        note: "Latest note",
        targets: "Targets (actual)",
    };

    pub fn light(&self, light: Light) -> &'static str {
        if self.english {
            light.label_en()
        } else {
            light.label_zh()
        }
    }

    pub fn reason(&self, reason: Reason) -> String {
        if self.english {
            reason.text_en()
        } else {
            reason.text_zh()
        }
    }

    pub fn status(&self, status: Status) -> &'static str {
        if self.english {
            status.label_en()
        } else {
            status.label_zh()
        }
    }

    /// The rule in one sentence, with the thresholds in force.
    pub fn rule(&self, t: &crate::lights::Thresholds) -> String {
        if self.english {
            format!(
                "Expected progress is the elapsed share of the plan year. Red: blocked, past the deadline, or {} points or more behind; yellow: {} points or more behind, or not updated for {} days; green: otherwise. Overdue: a report due and not made (counts yellow for one missed period, red from two); not due: no report yet and none due.",
                t.red_behind, t.yellow_behind, t.stale_days
            )
        } else {
            format!(
                "时序进度为计划年度已过天数占比。红灯:受阻、逾期未完成或落后时序进度{}个百分点及以上;黄灯:落后{}个百分点及以上或{}天未更新;其余为绿灯。逾期未报:已过报送时间未报送(漏报一期计黄灯,两期及以上计红灯);未到报送期:尚未报送且未到报送时间。",
                t.red_behind, t.yellow_behind, t.stale_days
            )
        }
    }
}
