//! The words a circular is written in, Chinese or English.

use crate::lights::{Light, Reason};
use crate::model::Status;

/// Headings and column names in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub english: bool,
    pub title: &'static str,
    pub as_of: &'static str,
    pub expected: &'static str,
    pub overall: &'static str,
    pub tasks_total: &'static str,
    pub mean_percent: &'static str,
    pub red_items: &'static str,
    pub no_red_items: &'static str,
    pub unit_totals: &'static str,
    pub no_leader: &'static str,
    pub filter_leader: &'static str,
    pub filter_unit: &'static str,
    pub actual: &'static str,
    pub thresholds: &'static str,
    // Columns.
    pub id: &'static str,
    pub light: &'static str,
    pub leader: &'static str,
    pub task: &'static str,
    pub percent: &'static str,
    pub status: &'static str,
    pub date: &'static str,
    pub reason: &'static str,
    pub note: &'static str,
    pub targets: &'static str,
    pub lead_units: &'static str,
    pub unit: &'static str,
    pub lead_duties: &'static str,
    pub stale: &'static str,
    pub last_update: &'static str,
}

impl Words {
    pub const ZH: Words = Words {
        english: false,
        title: "重点工作和民生实事推进情况通报",
        as_of: "截至",
        expected: "时序进度",
        overall: "总体情况",
        tasks_total: "事项",
        mean_percent: "平均进度",
        red_items: "红灯事项",
        no_red_items: "无红灯事项。",
        unit_totals: "各牵头单位情况",
        no_leader: "民生实事(未明确分管领导)",
        filter_leader: "分管领导",
        filter_unit: "责任单位",
        actual: "实际",
        thresholds: "亮灯规则",
        id: "编号",
        light: "状态灯",
        leader: "分管领导",
        task: "任务",
        percent: "进度",
        status: "状态",
        date: "更新日期",
        reason: "原因",
        note: "最新进展",
        targets: "目标(实际)",
        lead_units: "牵头单位",
        unit: "单位",
        lead_duties: "牵头",
        stale: "超期未更新",
        last_update: "最近更新",
    };

    pub const EN: Words = Words {
        english: true,
        title: "Key tasks and livelihood projects: progress circular",
        as_of: "as of",
        expected: "expected progress",
        overall: "Overall",
        tasks_total: "tasks",
        mean_percent: "mean progress",
        red_items: "Red items",
        no_red_items: "No red items.",
        unit_totals: "Lead units",
        no_leader: "Livelihood projects without a named leader",
        filter_leader: "leader",
        filter_unit: "unit",
        actual: "actual ",
        thresholds: "Light rule",
        id: "ID",
        light: "Light",
        leader: "Leader",
        task: "Task",
        percent: "%",
        status: "Status",
        date: "Updated",
        reason: "Why",
        note: "Latest note",
        targets: "Targets (actual)",
        lead_units: "Lead units",
        unit: "Unit",
        lead_duties: "Leads",
        stale: "Stale",
        last_update: "Last update",
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

    /// `红灯 2、黄灯 1、…` / `red 2, yellow 1, …`: every light with its count.
    pub fn tally(&self, tally: &crate::lights::Tally) -> String {
        let sep = if self.english { ", " } else { "、" };
        Light::ALL
            .iter()
            .map(|&l| format!("{} {}", self.light(l), tally.count(l)))
            .collect::<Vec<_>>()
            .join(sep)
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
