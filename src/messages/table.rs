//! What the commands print: summaries, notes and their own errors.
//! Library errors are in `errors.rs`; `--help` texts in `help.rs`.

use super::entries;

entries! {
    /// `duban check`.
    CHECK_SUMMARY {
        zh: "{leaders} 位领导，{tasks} 项重点工作，{projects} 项民生实事，{units} 个单位",
        en: "{leaders} leaders, {tasks} key tasks, {projects} projects, {units} units",
    }

    /// `duban import`: what was written.
    IMPORT_SUMMARY {
        zh: "{leaders} 位领导，{tasks} 项重点工作，{projects} 项民生实事，{units} 个单位，{targets} 个目标{curated} → {out}",
        en: "{leaders} leaders, {tasks} key tasks, {projects} projects, {units} units, {targets} targets{curated} → {out}",
    }
    IMPORT_ASSUMED {
        zh: "以下 {n} 项任务的责任单位只是一串并列单位，未标明牵头，已按“{rule}”规则读作牵头单位；请对照原文核实（可用 `--lead-rule` 改变读法）：",
        en: "{n} tasks list their units with no lead marked; read by the `{rule}` rule as leading. Check them against the document (--lead-rule changes the reading):",
    }
    IMPORT_ASSUMED_ROW { zh: "{id}（第 {line} 行）：{units}", en: "{id} (line {line}): {units}" }
    IMPORT_CURATED { zh: "（{n} 项按 `targets.ron` 校订）", en: " ({n} tasks curated)" }

    /// `duban import`: the document's shape.
    NO_LEADER_HEADING { zh: "文件中没有领导标题", en: "no leader heading in the document" }
    EXPECTED_LEADER_HEADING {
        zh: "形如“一、某某市长牵头的重点工作”的领导标题",
        en: "a leader heading like `一、XXX市长牵头的重点工作`",
    }

    /// `duban synth`.
    SYNTH_WROTE {
        zh: "已写入 {tasks} 项重点工作、{projects} 项民生实事、{units} 个单位、{leaders} 位领导 → {out}",
        en: "wrote {tasks} key tasks, {projects} projects, {units} units, {leaders} leaders to {out}",
    }
    SYNTH_WROTE_JOURNAL { zh: "已写入 {entries} 条进展记录 → {path}", en: "wrote {entries} progress entries to {path}" }
    SYNTH_JOURNAL_EXISTS {
        zh: "{path} 已存在：合成数据不会覆盖进展日志，请换一个目录或先移走它",
        en: "{path} exists: synth never overwrites a progress journal; choose another directory or move it away",
    }
    SYNTH_CANNOT_WRITE { zh: "无法写入 {path}：{error}", en: "cannot write {path}: {error}" }

    /// `duban report`.
    REPORT_PDF_NEEDS_OUT {
        zh: "`--format pdf` 需要用 `--out` 指定输出文件",
        en: "--format pdf needs --out FILE",
    }
    XLSX_NEEDS_OUT {
        zh: "`--format xlsx` 需要用 `--out` 指定输出文件",
        en: "--format xlsx needs --out FILE",
    }

    /// `duban search`.
    SEARCH_NONE { zh: "没有找到 {query}", en: "no results for {query}" }
    SEARCH_EMPTY_QUERY {
        zh: "搜索词是空的；请给出要找的文字，如 `duban search 数字经济`",
        en: "the search query is empty; give the text to find, e.g. `duban search 数字经济`",
    }
    TIMINGS_LOAD { zh: "载入 {time}", en: "load {time}" }
    TIMINGS_INDEX {
        zh: "建索引 {time}（{entries} 条，{chars} 个不同字符，索引约 {mib} MiB{rss}）",
        en: "index build {time} ({entries} entries, {chars} distinct characters, ~{mib} MiB index{rss})",
    }
    TIMINGS_RSS { zh: "；常驻内存 {before} → {after} MiB", en: "; VmRSS {before} → {after} MiB" }
    TIMINGS_KEY {
        zh: "显示 {shown} 条，计分 {scored}/{candidates} 段文字",
        en: "{shown} hits shown, {scored} of {candidates} texts scored",
    }
    TIMINGS_KEY_PINYIN {
        zh: "；拼音：匹配 {matched}/{candidates} 段候选文字",
        en: "; pinyin: {matched} of {candidates} candidate texts matched",
    }
    TIMINGS_SUMMARY {
        zh: "每次按键：中位数 {median}，最长 {max}，共 {keys} 次按键",
        en: "per keystroke: median {median}, max {max} over {keys} keystrokes",
    }
    /// `duban search`: the search cache.
    SEARCH_CACHE_NOT_WRITTEN {
        zh: "无法写入搜索缓存 {path}：{error}；本次照常搜索（下次仍需载入数据、建索引）",
        en: "could not write the search cache {path}: {error}; searched without it (the next search loads the data and builds the index again)",
    }
    TIMINGS_SEARCH_CACHE {
        zh: "从搜索缓存读索引 {time}（不载入数据）",
        en: "index read from the search cache {time} (the dataset not loaded)",
    }

    /// `duban progress set|log`.
    PROGRESS_SAVED {
        zh: "已保存 {id} {percent} %{derived} {status} {date}{merged} → {path}",
        en: "saved {id} {percent} %{derived} {status} {date}{merged} → {path}",
    }
    PROGRESS_DERIVED { zh: "（由实际值得出）", en: " (from the actual values)" }
    RECOVER_NOTHING { zh: "{path} 没有需要恢复的记录", en: "nothing to recover for {path}" }
    RECOVER_DONE {
        zh: "已从 {file} 恢复 {n} 条记录 → {path}",
        en: "recovered {n} record(s) from {file} → {path}",
    }
    PROGRESS_WARNING { zh: "警告：{warning}", en: "warning: {warning}" }
    SAVE_BACKUP_FAILED {
        zh: "{path} 的备份没有写成，记录照常保存：{error}",
        en: "the backup of {path} was not written, the entry is saved all the same: {error}",
    }
    SAVE_TORN_KEPT {
        zh: "{path} 第 {line} 行是一次中断的保存，其内容已另存于 {kept}",
        en: "line {line} of {path} was an interrupted save; its bytes are kept in {kept}",
    }
    DASHBOARD_RECOVERY_KEPT {
        zh: "{n} 条进展记录没能保存（{error}），已暂存于 {file}；日志可写后运行 `duban progress recover` 即可保存",
        en: "{n} progress record(s) could not be saved ({error}); they are kept in {file} and `duban progress recover` saves them once the journal can be written",
    }
    DASHBOARD_RECOVERY_FAILED {
        zh: "{n} 条进展记录没有保存，已丢失：{error}；恢复文件也无法写入：{cause}",
        en: "{n} progress record(s) were not saved and are lost: {error}; no recovery file could be written either: {cause}",
    }
    PROGRESS_MERGED { zh: "（合并了另一处写入的 {n} 条）", en: " (merged {n} from another writer)" }
    LOG_PROBLEMS { zh: "存在问题:", en: "problems: " }
    LOG_NEXT_STEPS { zh: "下步打算:", en: "next steps: " }
    PROGRESS_NONE { zh: "{path} 中还没有进展记录", en: "no progress recorded in {path}" }
    NOT_SAVED { zh: "未保存：{why}", en: "not saved: {why}" }
    LIST_SEPARATOR { zh: "；", en: "; " }
    UNKNOWN_STATUS {
        zh: "未知状态“{given}”；应为以下之一：{known}",
        en: "unknown status `{given}`; expected one of {known} (or their Chinese names)",
    }
    ACTUAL_EXPECTED {
        zh: "应为“名称=数值”，如 `--actual 新增规上企业=60`",
        en: "expected NAME=VALUE with a number, e.g. --actual 新增规上企业=60",
    }
    ACTUAL_NO_EQUALS { zh: "`--actual {given}`：缺少“=”；{expected}", en: "`--actual {given}`: no `=`; {expected}" }
    ACTUAL_NO_NAME { zh: "`--actual {given}`：缺少目标名称；{expected}", en: "`--actual {given}`: no target name; {expected}" }
    ACTUAL_NOT_NUMBER {
        zh: "`--actual {given}`：“{value}”不是数字；{expected}",
        en: "`--actual {given}`: `{value}` is not a number; {expected}",
    }
    ACTUAL_NO_PERCENT {
        zh: "未保存：这些实际值得不出进度（带“以下”的目标不计比例）；请给出 `--percent`",
        en: "not saved: the actual values give no percent (a target with 以下 has no share); give --percent",
    }

    /// The dashboard, after the terminal is restored.
    DASHBOARD_FILE_LEFT {
        zh: "进展文件保持原样未动：{error}",
        en: "the progress file was left as it is: {error}",
    }

    /// `duban config`.
    CONFIG_UNKNOWN_KEY {
        zh: "没有配置项“{key}”；可用的有 {known}",
        en: "unknown config key `{key}`; expected one of {known}",
    }
    CONFIG_UNKNOWN_UNIT {
        zh: "没有单位“{given}”：数据集中没有这个单位或别名（`duban search --kind unit {given}` 可查单位）",
        en: "unknown unit `{given}`: not a unit or alias in the dataset (`duban search --kind unit {given}` finds units)",
    }
    CONFIG_SET { zh: "{key} = {value} → {path}", en: "{key} = {value} → {path}" }
    CONFIG_LIST_PATH { zh: "# {path}", en: "# {path}" }
    USER_CONFIG_NO_DIR {
        zh: "找不到配置目录：请将 {env} 设为一个目录",
        en: "no config directory: set {env} to one",
    }
    USER_CONFIG_IO { zh: "{path}：{error}", en: "{path}: {error}" }
    USER_CONFIG_INVALID {
        zh: "{path}:{line}:{col}：{message}",
        en: "{path}:{line}:{col}: {message}",
    }

    /// The dashboard header, `duban report` and `duban remind` once the
    /// plan's close date has passed.
    PAST_PLAN_NOTE {
        zh: "计划年度已结束，按 {as_of} 显示",
        en: "plan year over; showing {as_of}",
    }

    /// The detail pane below a task's latest entries: how many earlier
    /// ones it leaves out, and the key and the command that show them all.
    DETAIL_EARLIER_ENTRIES {
        zh: "另有 {n} 条更早的记录：按 H 全部显示，或见 `duban progress log {id}`",
        en: "{n} earlier entries: H shows them all, as does `duban progress log {id}`",
    }
    /// The detail pane below a task's whole history (after `H`).
    DETAIL_LATEST_ONLY {
        zh: "按 H 只显示最近 {n} 条",
        en: "H: only the latest {n} entries",
    }

    /// The dashboard's overview tab while what only it shows is still
    /// being worked out after the first frame.
    OVERVIEW_COMPUTING {
        zh: "正在计算概览：各单位完成率、红灯事项、欠报单位……",
        en: "Working out the overview: units' completion, red items, units owing reports…",
    }
}
