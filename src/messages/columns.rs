//! Column names and cell labels of the CSV and xlsx tables (`export`,
//! `report`): Chinese under `--lang zh`, the machine names under
//! `--lang en` (what scripts reading the CSV match on).

use super::{Msg, entries};

entries! {
    EXPORT_COL_ID { zh: "编号", en: "id" }
    EXPORT_COL_KIND { zh: "类别", en: "kind" }
    EXPORT_COL_LEADER { zh: "领导编号", en: "leader" }
    EXPORT_COL_LEADER_NAME { zh: "牵头领导", en: "leader_name" }
    EXPORT_COL_NUMBER { zh: "序号", en: "number" }
    EXPORT_COL_TITLE { zh: "标题", en: "title" }
    EXPORT_COL_TEXT { zh: "工作任务", en: "text" }
    EXPORT_COL_LEAD_UNITS { zh: "牵头单位", en: "lead_units" }
    EXPORT_COL_CO_UNITS { zh: "配合单位", en: "co_units" }
    EXPORT_COL_CO_MEMBERS_OF { zh: "配合单位所属", en: "co_members_of" }
    EXPORT_COL_PERCENT { zh: "进度(%)", en: "percent" }
    EXPORT_COL_STATUS { zh: "状态", en: "status" }
    EXPORT_COL_DATE { zh: "填报日期", en: "date" }
    EXPORT_COL_NOTE { zh: "主要进展", en: "note" }
    EXPORT_COL_TARGETS { zh: "目标", en: "targets" }
    EXPORT_COL_PROBLEMS { zh: "存在问题", en: "problems" }
    EXPORT_COL_NEXT_STEPS { zh: "下步打算", en: "next_steps" }
    EXPORT_COL_LEADERS { zh: "领导", en: "leaders" }
    EXPORT_COL_SECTION { zh: "所属部分", en: "section" }
    EXPORT_COL_DUE { zh: "完成时限", en: "due" }
    EXPORT_COL_DUE_TEXT { zh: "时限原文", en: "due_text" }
    EXPORT_COL_REPORTER_UNIT { zh: "填报单位", en: "reporter_unit" }
    EXPORT_COL_REPORTER_NAME { zh: "填报人", en: "reporter_name" }
    REPORT_COL_LEADER { zh: "领导编号", en: "leader" }
    REPORT_COL_LEADER_NAME { zh: "牵头领导", en: "leader_name" }
    REPORT_COL_ID { zh: "编号", en: "id" }
    REPORT_COL_LIGHT { zh: "灯号", en: "light" }
    REPORT_COL_LIGHT_LABEL { zh: "灯号说明", en: "light_label" }
    REPORT_COL_REASON { zh: "原因", en: "reason" }
    REPORT_COL_PERCENT { zh: "进度(%)", en: "percent" }
    REPORT_COL_EXPECTED { zh: "应达进度(%)", en: "expected" }
    REPORT_COL_STATUS { zh: "状态", en: "status" }
    REPORT_COL_DATE { zh: "填报日期", en: "date" }
    REPORT_COL_DAYS_SINCE_UPDATE { zh: "距上次填报天数", en: "days_since_update" }
    REPORT_COL_LEAD_UNITS { zh: "牵头单位", en: "lead_units" }
    REPORT_COL_TEXT { zh: "工作任务", en: "text" }
    REPORT_COL_NOTE { zh: "主要进展", en: "note" }
    REPORT_COL_TARGETS { zh: "目标", en: "targets" }
    REPORT_SHEET { zh: "通报", en: "circular" }
    KIND_KEY { zh: "重点工作", en: "key" }
    KIND_PROJECT { zh: "民生实事", en: "project" }
    KIND_ITEM { zh: "子项", en: "item" }
}

/// The columns of `duban export --format csv|xlsx`, in order.
pub const EXPORT_COLUMNS: [Msg; 23] = [
    EXPORT_COL_ID,
    EXPORT_COL_KIND,
    EXPORT_COL_LEADER,
    EXPORT_COL_LEADER_NAME,
    EXPORT_COL_NUMBER,
    EXPORT_COL_TITLE,
    EXPORT_COL_TEXT,
    EXPORT_COL_LEAD_UNITS,
    EXPORT_COL_CO_UNITS,
    EXPORT_COL_CO_MEMBERS_OF,
    EXPORT_COL_PERCENT,
    EXPORT_COL_STATUS,
    EXPORT_COL_DATE,
    EXPORT_COL_NOTE,
    EXPORT_COL_TARGETS,
    EXPORT_COL_PROBLEMS,
    EXPORT_COL_NEXT_STEPS,
    EXPORT_COL_LEADERS,
    EXPORT_COL_SECTION,
    EXPORT_COL_DUE,
    EXPORT_COL_DUE_TEXT,
    EXPORT_COL_REPORTER_UNIT,
    EXPORT_COL_REPORTER_NAME,
];

/// The columns of `duban report --format csv|xlsx`, in order.
pub const REPORT_COLUMNS: [Msg; 15] = [
    REPORT_COL_LEADER,
    REPORT_COL_LEADER_NAME,
    REPORT_COL_ID,
    REPORT_COL_LIGHT,
    REPORT_COL_LIGHT_LABEL,
    REPORT_COL_REASON,
    REPORT_COL_PERCENT,
    REPORT_COL_EXPECTED,
    REPORT_COL_STATUS,
    REPORT_COL_DATE,
    REPORT_COL_DAYS_SINCE_UPDATE,
    REPORT_COL_LEAD_UNITS,
    REPORT_COL_TEXT,
    REPORT_COL_NOTE,
    REPORT_COL_TARGETS,
];
