//! What `duban template` and `duban collect` say: the report sheet a unit
//! fills in, and what collecting it finds.

use super::entries;

entries! {
    /// `duban template`: one file written.
    TEMPLATE_WROTE {
        zh: "{unit}：{lead} 项牵头任务，{co} 项配合任务，填报日期 {due} → {out}",
        en: "{unit}: {lead} tasks led, {co} cooperating duties, report date {due} → {out}",
    }
    /// `duban template --all`: the total.
    TEMPLATE_ALL_WROTE {
        zh: "已为 {units} 个单位写入填报表 → {out}",
        en: "wrote report sheets for {units} units to {out}",
    }
    TEMPLATE_NEEDS_UNIT {
        zh: "请用 `--unit` 指定单位，或用 `--all` 为每个单位各写一个文件",
        en: "name a unit with --unit, or write one file per unit with --all",
    }
    TEMPLATE_NO_DUTIES {
        zh: "“{unit}”在本数据集中没有牵头或配合的任务，不生成填报表",
        en: "`{unit}` leads and cooperates on nothing in this dataset; no report sheet written",
    }
    TEMPLATE_CANNOT_WRITE { zh: "无法写入 {path}：{error}", en: "cannot write {path}: {error}" }

    /// `duban collect`: per file.
    COLLECT_SUMMARY {
        zh: "{file}：记录 {recorded} 条，未变 {unchanged} 条，退回 {rejected} 条",
        en: "{file}: {recorded} recorded, {unchanged} unchanged, {rejected} rejected",
    }
    COLLECT_CHECK_SUMMARY {
        zh: "{file}：可记录 {recorded} 条，未变 {unchanged} 条，退回 {rejected} 条（`--check`，未写入）",
        en: "{file}: {recorded} would be recorded, {unchanged} unchanged, {rejected} rejected (--check, nothing written)",
    }
    COLLECT_FILE_HELD {
        zh: "{file}：有 {n} 处错误，本文件一条也未记录（改正后重新收取，或用 `--skip-bad-rows` 只跳过出错的行）",
        en: "{file}: {n} errors, nothing recorded from this file (correct them and collect again, or skip the bad rows with --skip-bad-rows)",
    }
    COLLECT_FAILED {
        zh: "{n} 个文件有错误或无法读取",
        en: "{n} files had errors or could not be read",
    }
    COLLECT_SAVED { zh: "已存入 {path}", en: "saved to {path}" }
    COLLECT_ERROR_AT { zh: "{at}：{why}", en: "{at}: {why}" }

    /// `duban collect`: what is wrong with a file as a whole.
    COLLECT_CANNOT_READ {
        zh: "无法读取 {file}：{error}",
        en: "cannot read {file}: {error}",
    }
    COLLECT_NOT_TEMPLATE {
        zh: "{file} 不是督办生成的填报表：缺少隐藏的工作表“{sheet}”（请用 {command} 生成填报表）",
        en: "{file} is not a report sheet made by duban: the hidden sheet `{sheet}` is missing (make one with {command})",
    }
    COLLECT_BAD_META {
        zh: "{at}：填报表的说明信息不完整，应为 {expected}",
        en: "{at}: the report sheet's own details are damaged; expected {expected}",
    }
    COLLECT_OTHER_PLAN {
        zh: "{file} 是为“{sheet_plan}”（{sheet_year} 年）生成的，不是本数据集“{plan}”（{year} 年）的填报表",
        en: "{file} was made for `{sheet_plan}` ({sheet_year}), not for this dataset's `{plan}` ({year})",
    }
    COLLECT_UNKNOWN_UNIT {
        zh: "{at}：本数据集中没有单位“{unit}”",
        en: "{at}: no unit `{unit}` in this dataset",
    }
    COLLECT_NO_COLUMN {
        zh: "{at}：找不到表头“{column}”（表头应有 {columns}）",
        en: "{at}: no column headed `{column}` (the header has {columns})",
    }

    /// `duban collect`: what is wrong with one cell.
    COLLECT_BAD_PERCENT {
        zh: "进度应为 0 到 100 的整数，而不是“{given}”",
        en: "progress must be a whole number from 0 to 100, not `{given}`",
    }
    COLLECT_NO_PERCENT {
        zh: "本行已填写，但进度(%)是空的",
        en: "the row is filled in but progress (%) is empty",
    }
    COLLECT_UNKNOWN_STATUS {
        zh: "没有“{given}”这种状态；应为 {known} 之一",
        en: "unknown status `{given}`; expected one of {known}",
    }
    COLLECT_STATUSES {
        zh: "未开始、推进中、滞后、受阻、已完成",
        en: "not_started, on_track, behind, blocked, done (or the sheet's labels)",
    }
    COLLECT_BAD_DATE {
        zh: "“{given}”不是日期；应为 YYYY-MM-DD 形式的日期",
        en: "`{given}` is not a date; expected a date like YYYY-MM-DD",
    }
    COLLECT_DATE_OUTSIDE {
        zh: "填报日期 {date} 不在计划允许的范围内：应在 {start} 至 {close} 之间",
        en: "report date {date} is outside the plan's range: expected a date from {start} to {close}",
    }
    COLLECT_DATE_LATE {
        zh: "填报日期 {date} 晚于本期截止日 {due}（今天是 {today}）",
        en: "report date {date} is after this period's due date {due} (today is {today})",
    }
    COLLECT_UNKNOWN_TASK {
        zh: "本数据集中没有编号为“{id}”的任务",
        en: "no task has the ID `{id}` in this dataset",
    }
    COLLECT_NOT_UNITS_TASK {
        zh: "任务 {id} 不由“{unit}”牵头，不能在它的填报表中填报",
        en: "task {id} is not led by `{unit}`; it cannot be reported on its sheet",
    }
    COLLECT_TWICE {
        zh: "任务 {id} 在第 {first} 行已经填报过",
        en: "task {id} was already reported on row {first}",
    }
}
