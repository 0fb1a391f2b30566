//! `--help`: what each command, option and argument is for, and the words
//! clap itself prints (headings, its errors). Which entry belongs to which
//! command and argument is listed in `src/cli/help_table.rs`.

use super::entries;

entries! {
    ABOUT_DUBAN {
        zh: "督办：跟踪一座城市年度重点工作责任分解的落实。不带命令时，打开内置数据集（或 `--data` 指定的目录）的看板。",
        en: "督办 duban: follow a city government's key-task responsibility breakdown. With no subcommand, opens the dashboard on the bundled dataset (or on --data DIR).",
    }
    ABOUT_CHECK { zh: "校验数据集并打印一行概要", en: "Validate a dataset and print a summary line" }
    ABOUT_EXPORT { zh: "把数据集（连同当前进展）写到标准输出", en: "Write the dataset (with current progress) to stdout" }
    ABOUT_IMPORT { zh: "把责任分解文件转成数据集目录", en: "Turn a responsibility-breakdown document into a dataset directory" }
    ABOUT_SEARCH { zh: "搜索重点工作、民生实事、单位和领导（模糊匹配与拼音）", en: "Search tasks, projects, units and leaders (fuzzy and pinyin)" }
    ABOUT_SYNTH { zh: "生成用于基准测试和规模测试的合成数据集", en: "Write a synthetic dataset for benchmarks and scale tests" }
    ABOUT_PROGRESS { zh: "记录或列出进展", en: "Record or list progress" }
    ABOUT_PROGRESS_SET { zh: "记录一项重点工作、民生实事或子项的进展", en: "Record progress on a task, project or sub-item" }
    ABOUT_PROGRESS_LOG { zh: "列出进展记录，某一项的或全部的", en: "List progress entries, of one task or of all" }
    ABOUT_PROGRESS_RECOVER {
        zh: "把看板退出时没能保存、暂存在恢复文件里的记录存入进展日志",
        en: "Save the entries a dashboard could not save when it ended (kept in a recovery file) into the journal",
    }
    ABOUT_WHERE { zh: "打印该数据集的进展保存在哪里", en: "Print where progress for the dataset is saved" }
    ABOUT_REPORT {
        zh: "生成进展通报：按领导列出红黄绿灯，红灯事项在前，附单位汇总",
        en: "Write a progress circular (通报): lights by leader, red items first, unit totals",
    }
    ABOUT_REMIND { zh: "为每个欠报的单位打印一条催报提醒", en: "Print a reminder (to chase reports) for each unit owing reports" }
    ABOUT_CONFIG { zh: "查看或设置本机的填报人（单位、姓名）", en: "Show or set who reports from this machine (unit, name)" }
    ABOUT_CONFIG_SET { zh: "设置 `unit`（已知单位的名称或别名）或 `name`", en: "Set `unit` (a known unit's name or alias) or `name`" }
    ABOUT_CONFIG_GET { zh: "打印一项的值", en: "Print one value" }
    ABOUT_CONFIG_LIST { zh: "打印每一项的值及其保存位置", en: "Print every value and where they are stored" }
    ABOUT_TEMPLATE { zh: "生成某单位的填报表（`xlsx`），或为每个单位各生成一份", en: "Write a unit's report sheet (.xlsx) to fill in, or one per unit" }
    ABOUT_COLLECT { zh: "收取填好的填报表，记录其中的进度", en: "Record the progress in filled report sheets" }
    ABOUT_HELP { zh: "显示本帮助或指定命令的帮助", en: "Print this message or the help of the given subcommand(s)" }

    ARG_HELP { zh: "显示帮助", en: "Print help" }
    ARG_VERSION { zh: "显示版本", en: "Print version" }
    ARG_DATA { zh: "使用这个目录中的数据集，而不是内置数据集", en: "Load the dataset in DIR instead of the bundled one" }
    ARG_LANG { zh: "界面和消息的语言", en: "Label and message language" }
    ARG_NO_MOUSE { zh: "看板：不捕获鼠标，以便选中和复制文字", en: "Dashboard: do not capture the mouse, so text can be selected and copied" }
    ARG_TODAY { zh: "整个运行期间把这一天当作“今天”（YYYY-MM-DD）", en: "Use this date as \"today\" for the whole run (YYYY-MM-DD)" }
    ARG_EXPORT_FORMAT { zh: "输出格式", en: "Output format" }
    ARG_EXPORT_OUT {
        zh: "写入文件而不是标准输出（`xlsx` 必须指定）",
        en: "Write to FILE instead of stdout (required for xlsx)",
    }
    ARG_NO_BOM {
        zh: "CSV 开头不加 UTF-8 字节顺序标记（该标记让电子表格软件认出 UTF-8 编码）",
        en: "CSV without the UTF-8 byte-order mark (which tells Excel the text is UTF-8)",
    }
    ARG_IMPORT_SOURCE {
        zh: "源文件：文档（markdown 或纯文本）或计划表（`xlsx`、`xls`、`ods` 或 `csv`）",
        en: "The source: a document (markdown or plain text) or a plan table (xlsx, xls, ods or csv)",
    }
    ARG_IMPORT_SHEET { zh: "要读取的工作表（默认第一个）", en: "The sheet of a workbook to read (default: the first)" }
    ARG_IMPORT_LEAD_RULE {
        zh: "未区分牵头和配合的单位列表怎样读：第一个单位牵头（`first`）、第一个逗号前的单位牵头（`group`）、全部牵头（`all`）。默认按文件自己说明的规则；文件没有说明时为 `first`",
        en: "How a plain unit list without a lead/cooperate split is read: the first unit leads (first), the units before the first comma lead (group), or every unit leads (all). Default: the rule the document states; `first` when it states none",
    }
    ARG_IMPORT_OUT {
        zh: "要写入的数据集目录。目录中已有的 `units.ron` 里的校订（单位类别、别名）会保留",
        en: "The dataset directory to write. Curation in an existing DIR/units.ron (unit kinds, aliases) is kept",
    }
    ARG_SEARCH_QUERY { zh: "要找的文字（汉字、拼音或拼音首字母）", en: "The text to find (characters, pinyin or pinyin initials)" }
    ARG_SEARCH_KIND { zh: "只要这一类结果", en: "Only results of this kind" }
    ARG_SEARCH_LIMIT { zh: "最多 N 条结果", en: "At most N results" }
    ARG_JSON { zh: "输出 JSON 而不是文本", en: "Print JSON instead of text" }
    ARG_SEARCH_TIMINGS {
        zh: "把搜索词逐字输入搜索引擎，并打印每次按键的耗时",
        en: "Type QUERY one character at a time into the engine and print each keystroke's latency",
    }
    ARG_SYNTH_TASKS { zh: "生成多少项重点工作", en: "How many key tasks to generate" }
    ARG_SYNTH_OUT { zh: "要写入的数据集目录", en: "The dataset directory to write" }
    ARG_SYNTH_ENTRIES {
        zh: "同时写入含这么多条进展记录的进展日志（分布于各项工作和全年）",
        en: "Also write a progress journal of this many entries, spread over the tasks and the year",
    }
    ARG_SYNTH_SEED { zh: "随机种子，用于生成可重现的数据集", en: "Random seed, for reproducible datasets" }
    ARG_SET_ID { zh: "事项编号，如 K2.16、M3 或 M3.2", en: "Task ID, e.g. K2.16, M3 or M3.2" }
    ARG_SET_PERCENT { zh: "0 到 100；不给时由 `--actual` 的实际值算出", en: "0 to 100; without it, derived from the --actual values" }
    ARG_SET_ACTUAL {
        zh: "对照该事项某个目标的实际值，按目标名称给出（可重复）：`--actual 新增规上企业=60`",
        en: "An actual value against one of the task's targets, by target name (repeatable): --actual 新增规上企业=60",
    }
    ARG_SET_STATUS {
        zh: "未开始 | 推进中 | 滞后 | 受阻 | 已完成（或 `not_started` … `done`）",
        en: "not_started | on_track | behind | blocked | done (or 未开始 … 已完成)",
    }
    ARG_SET_NOTE { zh: "主要进展", en: "主要进展: the progress made" }
    ARG_SET_PROBLEMS { zh: "存在问题", en: "存在问题: the problems met" }
    ARG_SET_NEXT_STEPS { zh: "下步打算", en: "下步打算: the next steps" }
    ARG_SET_DATE {
        zh: "进展所指的日期（默认：今天；计划截止日过后为计划年度最后一天）",
        en: "The date the progress refers to (default: today; once the plan's close date has passed, the plan's last day)",
    }
    ARG_DASHBOARD_UNIT {
        zh: "看板：打开这个单位（名称或别名）的职责，本期欠报的排在最前（默认：`duban config` 中的单位）",
        en: "Dashboard: open on this unit's duties (a name or alias), with what it owes this period on top (default: the unit in `duban config`)",
    }
    ARG_SET_UNIT {
        zh: "填报单位，名称或别名（默认：`duban config get unit`）",
        en: "The reporting unit, a name or alias (default: `duban config get unit`)",
    }
    ARG_SET_BY { zh: "填报人（默认：`duban config get name`）", en: "The person reporting (default: `duban config get name`)" }
    ARG_REMIND_AS_OF {
        zh: "提醒所依据的日期（默认：今天；计划截止日过后为计划年度最后一天）",
        en: "The date to remind on (default: today; once the plan's close date has passed, the plan's last day)",
    }
    ARG_REMIND_UNIT { zh: "只提醒这个单位（名称或别名）", en: "Only this unit (a name or alias)" }
    ARG_REMIND_FORMAT { zh: "输出格式：纯文本、markdown 或 JSON", en: "Output format: text, md or json" }
    ARG_TEMPLATE_UNIT { zh: "要生成填报表的单位（名称或别名）", en: "The unit whose sheet to write (a name or alias)" }
    ARG_TEMPLATE_ALL { zh: "为每个有任务的单位各写一个文件，写入 `--out` 目录", en: "One file per unit with duties, into the directory --out" }
    ARG_TEMPLATE_AS_OF {
        zh: "填报表所对应的日期：所在报送期的截止日为默认填报日期（默认：今天）",
        en: "The date the sheet is for: its period's due date is the default report date (default: today)",
    }
    ARG_TEMPLATE_OUT { zh: "要写入的文件（用 `--all` 时为目录）", en: "The file to write (with --all, the directory)" }
    ARG_COLLECT_FILES { zh: "用 `duban template` 生成并填好的填报表（`xlsx`、`xls`、`ods`）", en: "Filled report sheets (.xlsx, .xls, .ods) made by `duban template`" }
    ARG_COLLECT_CHECK { zh: "只检查并报告将要记录的内容，不写入", en: "Check and report what would be recorded; write nothing" }
    ARG_COLLECT_SKIP_BAD_ROWS {
        zh: "有错误行的文件也记录其中无误的行（默认：文件有任何错误则一条也不记录）",
        en: "Record the good rows of a file that has bad ones (by default a file with any error records nothing)",
    }
    ARG_CONFIG_KEY { zh: "配置项：`unit` 或 `name`", en: "The key: `unit` or `name`" }
    ARG_CONFIG_VALUE { zh: "要设置的值", en: "The value to set" }
    ARG_LOG_ID { zh: "只列这一项（编号）", en: "Only this task (an ID)" }
    ARG_REPORT_FORMAT { zh: "通报格式", en: "Circular format: md, html, csv, xlsx, pdf or json" }
    ARG_REPORT_SINCE {
        zh: "上一期通报的日期：变化从这天起算（默认：上一季度的截止日）",
        en: "The previous circular's date: changes are counted since then (default: the previous quarter's due date)",
    }
    ARG_REPORT_FULL { zh: "另按领导列出全部事项", en: "Also list every task by leader" }
    ARG_REPORT_ISSUER {
        zh: "发文单位（默认：`duban.ron` 的 `circular.issuer`，否则为计划的发文单位）",
        en: "Who issues the circular (default: duban.ron's circular.issuer, else the plan's issuer)",
    }
    ARG_REPORT_NUMBER {
        zh: "通报期号，第N期（默认：`duban.ron` 的 `circular.number`）",
        en: "The circular's issue number, 第N期 (default: duban.ron's circular.number)",
    }
    ARG_REPORT_COPY_TO {
        zh: "抄送单位；可重复（默认：`duban.ron` 的 `circular.copy_to`）",
        en: "Whom the circular is copied to (抄送); repeat for more (default: duban.ron's circular.copy_to)",
    }
    ARG_REPORT_OUT { zh: "写入这个文件而不是标准输出（`--format pdf` 时必须指定）", en: "Write to FILE instead of stdout (required for pdf)" }
    ARG_REPORT_AS_OF {
        zh: "通报截至的日期（默认：`--today`，否则今天；计划截止日过后为计划年度最后一天）",
        en: "The date the circular reports on (default: --today, else today; once the plan's close date has passed, the plan's last day)",
    }
    ARG_REPORT_LEADER { zh: "只含这位领导的事项（编号如 L2，或姓名）", en: "Only this leader's tasks (an ID like L2, or a name)" }
    ARG_REPORT_UNIT { zh: "只含这个单位牵头或配合的事项（名称或别名）", en: "Only the tasks this unit leads or cooperates on (a name or alias)" }
    ARG_REPORT_CONFIG {
        zh: "从这个文件读取亮灯阈值和通报设置，而不是数据集目录中的 `duban.ron`",
        en: "Light thresholds and circular settings from FILE instead of DIR/duban.ron",
    }

    HEADING_USAGE { zh: "用法：", en: "Usage: " }
    HEADING_COMMANDS { zh: "命令", en: "Commands" }
    HEADING_ARGUMENTS { zh: "参数", en: "Arguments" }
    HEADING_OPTIONS { zh: "选项", en: "Options" }
    USAGE_OPTIONS { zh: "[选项]", en: "[OPTIONS]" }
    USAGE_COMMAND { zh: "[命令]", en: "[COMMAND]" }
    USAGE_COMMAND_REQUIRED { zh: "<命令>", en: "<COMMAND>" }
    HELP_ALIASES { zh: "也可写 {names}", en: "aliases: {names}" }
    HELP_DEFAULT { zh: "默认：{value}", en: "default: {value}" }
    HELP_CHOICES { zh: "可选：{values}", en: "possible values: {values}" }

    VALUE_DIR { zh: "目录", en: "DIR" }
    VALUE_FILE { zh: "文件", en: "FILE" }
    VALUE_ID { zh: "编号", en: "ID" }
    VALUE_QUERY { zh: "搜索词", en: "QUERY" }
    VALUE_SOURCE { zh: "源文件", en: "SOURCE" }
    VALUE_KIND { zh: "类别", en: "KIND" }
    VALUE_N { zh: "N", en: "N" }
    VALUE_RULE { zh: "规则", en: "RULE" }
    VALUE_FORMAT { zh: "格式", en: "FORMAT" }
    VALUE_PERCENT { zh: "进度", en: "PERCENT" }
    VALUE_STATUS { zh: "状态", en: "STATUS" }
    VALUE_NOTE { zh: "说明", en: "NOTE" }
    VALUE_LEADER { zh: "领导", en: "L" }
    VALUE_UNIT { zh: "单位", en: "U" }
    VALUE_LANG { zh: "语言", en: "LANG" }
    VALUE_ACTUAL { zh: "名称=数值", en: "NAME=VALUE" }
    VALUE_SEED { zh: "种子", en: "SEED" }
    VALUE_COMMAND { zh: "命令", en: "COMMAND" }
    VALUE_NAME { zh: "名称", en: "NAME" }
    VALUE_KEY { zh: "配置项", en: "KEY" }
    VALUE_VALUE { zh: "值", en: "VALUE" }
    VALUE_PROGRESS_MADE { zh: "文字", en: "PROGRESS_MADE" }
    VALUE_PROBLEMS { zh: "文字", en: "PROBLEMS" }
    VALUE_NEXT_STEPS { zh: "文字", en: "NEXT_STEPS" }
    VALUE_UNIT_NAME { zh: "单位", en: "UNIT" }

    CLAP_UNKNOWN_ARGUMENT { zh: "未知的选项或参数“{arg}”{suggest}", en: "unexpected argument '{arg}' found{suggest}" }
    CLAP_UNKNOWN_COMMAND { zh: "未知的命令“{arg}”{suggest}", en: "unrecognized subcommand '{arg}'{suggest}" }
    CLAP_DID_YOU_MEAN { zh: "（是不是要用 `{suggestion}`？）", en: " (did you mean `{suggestion}`?)" }
    CLAP_INVALID_VALUE { zh: "{arg} 的值“{value}”无效{expected}", en: "invalid value '{value}' for '{arg}'{expected}" }
    CLAP_EXPECTED_ONE_OF { zh: "；应为以下之一：{values}", en: "; expected one of {values}" }
    CLAP_BECAUSE { zh: "：{why}", en: ": {why}" }
    CLAP_EXPECTED_DATE { zh: "；应为日历上的日期 YYYY-MM-DD", en: "; expected a calendar date YYYY-MM-DD" }
    CLAP_EXPECTED_PERCENT { zh: "；应为 0 到 100 的整数", en: "; expected a whole number from 0 to 100" }
    CLAP_EXPECTED_WHOLE { zh: "；应为不小于 0 的整数", en: "; expected a whole number, 0 or more" }
    CLAP_MISSING { zh: "缺少必需的参数：{args}", en: "the following required arguments were not provided: {args}" }
    CLAP_MISSING_VALUE { zh: "{arg} 缺少值", en: "a value is required for '{arg}' but none was supplied" }
    CLAP_CONFLICT { zh: "{arg} 不能与 {other} 同时使用", en: "the argument '{arg}' cannot be used with '{other}'" }
    CLAP_MISSING_COMMAND { zh: "缺少命令；可用的命令：{commands}", en: "a subcommand is required: {commands}" }
    CLAP_OTHER { zh: "命令行有误", en: "invalid command line" }
    CLAP_MORE { zh: "更多信息请用 `--help`。", en: "For more information, try '--help'." }
}
