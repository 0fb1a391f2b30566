//! Problems in a dataset's files (`store::validate`), in either language.

use super::entries;

entries! {
    CACHE_NOT_WRITTEN {
        zh: "无法写入数据缓存 {path}：{error}；不用缓存照常读取数据（下次启动仍需解析全部文件）",
        en: "could not write the dataset cache {path}: {error}; the data was read without it (the next start parses every file again)",
    }
    LEADERS_NONE { zh: "`plan.ron` 中没有领导", en: "plan.ron lists no leaders" }
    LEADERS_ONE { zh: "应为 L1，`plan.ron` 中唯一的领导", en: "expected L1, the only leader in plan.ron" }
    LEADERS_SOME { zh: "应为 `plan.ron` 中的 L1–L{n} 之一", en: "expected one of L1–L{n} from plan.ron" }
    LEADER_ID {
        zh: "第 {n} 位领导的编号是“{id}”；应为“{want}”（领导依次编为 L1、L2、……）",
        en: "leader {n} has ID `{id}`; expected `{want}` (leaders are L1, L2, … in order)",
    }
    UNIT_NAME_USED {
        zh: "单位名称“{name}”已被“{first}”使用（第 {line} 行）；名录中每个名称和别名只能出现一次",
        en: "unit name `{name}` is already used by `{first}` (line {line}); expected each name and alias once in the registry",
    }
    UNIT_ALIAS {
        zh: "“{name}”是“{canonical}”的别名；这里应写规范名称“{canonical}”",
        en: "`{name}` is an alias of `{canonical}`; expected the canonical name `{canonical}`",
    }
    UNIT_UNKNOWN {
        zh: "未知单位“{name}”；应为 `units.ron` 中的单位名称",
        en: "unknown unit `{name}`; expected a unit name from units.ron",
    }
    LEADER_UNKNOWN { zh: "未知领导“{leader}”；{list}", en: "unknown leader `{leader}`; {list}" }
    NO_LEAD_UNIT {
        zh: "{id} 没有牵头单位；`lead` 中至少要有一个单位",
        en: "{id} has no lead unit; expected at least one unit in `lead`",
    }
    DUPLICATE_ID {
        zh: "编号“{id}”重复（首次出现在 {first}）；每个编号只能出现一次",
        en: "duplicate ID `{id}` (first at {first}); expected each ID once",
    }
    NOT_KEY_ID {
        zh: "“{id}”不是重点工作编号；应为 K<领导>.<序号>，如 K2.16",
        en: "`{id}` is not a key task ID; expected K<leader>.<number>, e.g. K2.16",
    }
    KEY_NO_LEADER {
        zh: "重点工作 {id} 没有牵头领导；应为 `leader: \"{want}\"`",
        en: "key task {id} has no leader; expected `leader: \"{want}\"`",
    }
    KEY_WRONG_LEADER {
        zh: "重点工作 {id} 的领导是“{leader}”；应为编号中的领导“{want}”",
        en: "key task {id} has leader `{leader}`; expected `{want}`, the leader in its ID",
    }
    KEY_OUT_OF_ORDER_SECTION {
        zh: "{id} 出现在第 {number} 部分第 {n} 项的位置；应为 K{number}.{n}（每部分的事项按文件顺序编为 1、2、3……）",
        en: "{id} comes where task {n} of section {number} belongs; expected K{number}.{n} (each section's tasks are numbered 1, 2, 3, … in document order)",
    }
    KEY_OUT_OF_ORDER {
        zh: "{id} 出现在 {leader} 的第 {n} 项的位置；应为 K{number}.{n}（每位领导的事项按文件顺序编为 1、2、3……）",
        en: "{id} comes where {leader}'s task {n} belongs; expected K{number}.{n} (each leader's tasks are numbered 1, 2, 3, … in document order)",
    }
    WRONG_NUMBER {
        zh: "{id} 的序号是 {number}；应为编号中的 {want}",
        en: "{id} has number {number}; expected {want}, the number in its ID",
    }
    NOT_PROJECT_ID {
        zh: "“{id}”不是民生实事编号；应为 M<序号>，如 M3",
        en: "`{id}` is not a project ID; expected M<number>, e.g. M3",
    }
    PROJECT_OUT_OF_ORDER {
        zh: "{id} 出现在第 {n} 项民生实事的位置；应为 M{n}（民生实事按文件顺序编为 1、2、3……）",
        en: "{id} comes where project {n} belongs; expected M{n} (projects are numbered 1, 2, 3, … in document order)",
    }
    ITEM_ID {
        zh: "{project} 的第 {n} 个子项编号是“{id}”；应为“{want}”（子项依次编为 1、2、3……）",
        en: "item {n} of {project} has ID `{id}`; expected `{want}` (items are numbered 1, 2, 3, …)",
    }
    INVALID_UTF8 {
        zh: "无效的 UTF-8（字节 0x{byte}）；文件应保存为 UTF-8 编码",
        en: "invalid UTF-8 (byte 0x{byte}); expected the file to be saved as UTF-8",
    }

    /// The settled lead readings (`leads.ron`).
    LEADS_UNKNOWN_TASK {
        zh: "数据中没有工作“{task}”；应为一项重点工作或民生实事的编号（K2.3、M9）",
        en: "task `{task}` is not in the dataset; expected the ID of a key task or project (K2.3, M9)",
    }
    LEADS_TWICE { zh: "工作“{task}”列出了两次；每项工作只能列一次", en: "task `{task}` is listed twice; expected each task once" }
    LEADS_EMPTY {
        zh: "工作“{task}”没有列出牵头单位；应至少列出该工作的一个单位",
        en: "task `{task}` lists no lead unit; expected at least one of the task's units",
    }
    LEADS_NOT_LISTED {
        zh: "“{unit}”不是工作“{task}”的责任单位；应为其中之一：{units}",
        en: "`{unit}` is not one of task `{task}`'s units; expected one of: {units}",
    }
}
