//! Library errors in the user's language: [`Localize`] and the table of
//! their texts. Positions (`file:line:col`), excerpts and carets are kept
//! exactly as the English `Display` shows them.

use std::io;

use super::{Lang, Text, entries};
use crate::lights::ConfigError;
use crate::model::IdError;
use crate::progress::{
    ActualError, FieldError, ProgressError, SaveError, SaveStep, UnknownTarget, UnknownTask,
};
use crate::report::{PdfError, ReportError};
use crate::store::{Diagnostic, LoadError};

/// An error the command line can print in either language.
pub trait Localize {
    fn localize(&self, lang: Lang) -> String;
}

entries! {
    IO_NOT_FOUND { zh: "文件或目录不存在", en: "No such file or directory" }
    IO_PERMISSION { zh: "没有权限", en: "Permission denied" }
    IO_EXISTS { zh: "已经存在", en: "File exists" }
    IO_IS_DIR { zh: "这是一个目录", en: "Is a directory" }
    IO_NOT_DIR { zh: "路径中有一段不是目录", en: "Not a directory" }
    IO_NO_SPACE { zh: "磁盘空间不足", en: "No space left on device" }
    IO_READ_ONLY { zh: "文件系统只读", en: "Read-only file system" }
    IO_BROKEN_PIPE { zh: "管道已关闭", en: "Broken pipe" }
    IO_OS { zh: "系统错误（代码 {code}）", en: "os error {code}" }
    IO_OTHER { zh: "输入输出错误", en: "input/output error" }

    LOAD_NOT_FOUND { zh: "{path}：找不到", en: "{path}: not found" }
    LOAD_READ { zh: "{path}：{error}", en: "{path}: {error}" }
    LOAD_PROBLEMS { zh: "数据集中共有 {n} 处问题", en: "{n} problems in the dataset" }

    PROGRESS_READ { zh: "{path}：无法读取进展文件：{error}", en: "{path}: cannot read the progress file: {error}" }
    PROGRESS_NO_DATA_DIR {
        zh: "不知道内置数据集的进展该存在哪个用户数据目录；请设置 {env} 或使用 `--data DIR`",
        en: "no per-user data directory is known for the bundled dataset's progress; set {env} or use --data DIR",
    }
    SAVE_IO {
        zh: "无法{step} {path}：{error}（{pending} 条未保存）",
        en: "cannot {step} {path}: {error} ({pending} unsaved)",
    }
    SAVE_BROKEN {
        zh: "未保存，进展文件已损坏，保持原样未动：{error}（{pending} 条未保存）",
        en: "not saved, the progress file is broken and left as it is: {error} ({pending} unsaved)",
    }
    STEP_CREATE_DIR { zh: "创建目录", en: "create the directory" }
    STEP_LOCK { zh: "锁定", en: "lock" }
    STEP_READ { zh: "读取", en: "read" }
    STEP_BACKUP { zh: "备份", en: "back up" }
    STEP_REPAIR { zh: "截去中断的记录于", en: "cut an interrupted record from" }
    STEP_APPEND { zh: "追加写入", en: "append to" }
    STEP_FLUSH { zh: "写入磁盘", en: "flush" }
    STEP_CREATE { zh: "创建", en: "create" }

    FIELD_PERCENT { zh: "进度应在 0 到 100 之间，而不是 {percent}", en: "percent must be between 0 and 100, not {percent}" }
    FIELD_DONE_BELOW_FULL { zh: "状态“已完成”需要 100 %，而不是 {percent} %", en: "status done (已完成) needs 100 %, not {percent} %" }
    FIELD_OUTSIDE_YEAR {
        zh: "日期 {date} 不在计划年度 {year} 内：可填 {start} 至 {close}（截止日）之间的日期；请用 `--date YYYY-MM-DD` 指定",
        en: "date {date} is outside the plan year {year}: entries may be dated from {start} to {close} (the close date); give one with --date YYYY-MM-DD",
    }
    FIELD_FUTURE {
        zh: "日期 {date} 在未来（今天是 {today}）；请用 `--date YYYY-MM-DD` 给出更早的日期，或用 `--today YYYY-MM-DD` 设定今天",
        en: "date {date} is in the future (today is {today}); give an earlier --date YYYY-MM-DD, or set the day with --today YYYY-MM-DD",
    }
    BAD_TASK_ID {
        zh: "“{given}”不是事项编号（应为 K<领导>.<序号>、M<序号> 或 M<序号>.<子项>，如 K2.16、M3、M3.2）",
        en: "`{given}` is not a task ID (expected K<leader>.<n>, M<n> or M<n>.<item>, e.g. K2.16, M3, M3.2)",
    }
    UNKNOWN_TASK {
        zh: "本数据集中没有编号为“{id}”的重点工作、民生实事或子项（`duban search` 可查编号）",
        en: "no key task, livelihood project or sub-item has the ID `{id}` in this dataset (`duban search` finds IDs)",
    }
    ACTUAL_UNNAMED { zh: "有一个实际值没有目标名称", en: "an actual value without a target name" }
    ACTUAL_NOT_FINITE { zh: "“{name}”的实际值不是有限的数", en: "the actual value of `{name}` is not a finite number" }
    ACTUAL_REPEATED { zh: "“{name}”有两个实际值；每个目标只能有一个", en: "two actual values for `{name}`; expected one per target" }
    TARGET_NONE { zh: "{task} 没有目标，不能填实际值", en: "{task} has no targets, so it takes no actual values" }
    TARGET_UNKNOWN {
        zh: "{task} 没有名为“{name}”的目标；它的目标有：{known}",
        en: "{task} has no target named `{name}`; its targets are {known}",
    }

    REPORT_UNKNOWN_LEADER {
        zh: "计划中没有领导“{given}”；应为编号或姓名：{known}",
        en: "no leader `{given}` in the plan; expected an ID or a name: {known}",
    }
    REPORT_UNKNOWN_UNIT {
        zh: "单位名录中没有“{given}”；应为单位名称或别名（见 `duban search --kind unit`）",
        en: "no unit `{given}` in the registry; expected a unit name or alias (see `duban search --kind unit`)",
    }
    REPORT_SINCE_NOT_BEFORE {
        zh: "`--since {since}`：应为截至日期 {as_of} 之前的日期",
        en: "--since {since}: expected a date before the as-of date {as_of}",
    }
    CONFIG_READ { zh: "{path}：无法读取配置文件：{error}", en: "{path}: cannot read the config file: {error}" }

    JSON_FAILED { zh: "无法生成 JSON：{error}", en: "cannot write JSON: {error}" }
}

impl Localize for Text {
    fn localize(&self, lang: Lang) -> String {
        self.render(lang)
    }
}

impl Localize for io::Error {
    fn localize(&self, lang: Lang) -> String {
        use io::ErrorKind as K;
        // The system's own words in English; the table's words in Chinese.
        if lang == Lang::En {
            return self.to_string();
        }
        let msg = match self.kind() {
            K::NotFound => IO_NOT_FOUND,
            K::PermissionDenied => IO_PERMISSION,
            K::AlreadyExists => IO_EXISTS,
            K::IsADirectory => IO_IS_DIR,
            K::NotADirectory => IO_NOT_DIR,
            K::StorageFull => IO_NO_SPACE,
            K::ReadOnlyFilesystem => IO_READ_ONLY,
            K::BrokenPipe => IO_BROKEN_PIPE,
            _ => match self.raw_os_error() {
                Some(code) => return crate::msg!(IO_OS, code = code).render(lang),
                None => IO_OTHER,
            },
        };
        msg.get(lang).to_string()
    }
}

impl Localize for serde_json::Error {
    fn localize(&self, lang: Lang) -> String {
        crate::msg!(JSON_FAILED, error = self).render(lang)
    }
}

impl Localize for Diagnostic {
    fn localize(&self, lang: Lang) -> String {
        self.render(lang)
    }
}

impl Localize for LoadError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            LoadError::NotFound { path } => {
                crate::msg!(LOAD_NOT_FOUND, path = path.display()).render(lang)
            }
            LoadError::Read { path, source } => crate::msg!(
                LOAD_READ,
                path = path.display(),
                error = source.localize(lang)
            )
            .render(lang),
            LoadError::Encoding(d) | LoadError::Syntax(d) => d.render(lang),
            LoadError::Invalid(ds) => {
                let mut out: Vec<String> = ds.iter().map(|d| d.render(lang)).collect();
                if ds.len() > 1 {
                    out.push(crate::msg!(LOAD_PROBLEMS, n = ds.len()).render(lang));
                }
                out.join("\n")
            }
        }
    }
}

impl Localize for ProgressError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            // English as `Display` words it (ron's own wording).
            ProgressError::Parse { .. } if lang == Lang::En => self.to_string(),
            ProgressError::Parse {
                path,
                line,
                col,
                problem,
                excerpt,
                ..
            } => {
                let head = crate::msg!(
                    super::journal::JOURNAL_PARSE,
                    path = path.display(),
                    line = line,
                    col = col
                )
                .with("message", problem.clone());
                format!("{}\n{excerpt}", head.render(lang))
            }
            ProgressError::Read { path, source } => crate::msg!(
                PROGRESS_READ,
                path = path.display(),
                error = source.localize(lang)
            )
            .render(lang),
            ProgressError::NoDataDir => {
                crate::msg!(PROGRESS_NO_DATA_DIR, env = crate::progress::DATA_HOME_ENV).render(lang)
            }
        }
    }
}

fn step(step: SaveStep) -> super::Msg {
    match step {
        SaveStep::CreateDir => STEP_CREATE_DIR,
        SaveStep::Lock => STEP_LOCK,
        SaveStep::Read => STEP_READ,
        SaveStep::Backup => STEP_BACKUP,
        SaveStep::Repair => STEP_REPAIR,
        SaveStep::Append => STEP_APPEND,
        SaveStep::Flush => STEP_FLUSH,
        SaveStep::Create => STEP_CREATE,
    }
}

impl Localize for SaveError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            SaveError::Io {
                step: s,
                path,
                source,
                pending,
            } => crate::msg!(
                SAVE_IO,
                step = step(*s).get(lang),
                path = path.display(),
                error = source.localize(lang),
                pending = pending
            )
            .render(lang),
            SaveError::Broken { error, pending } => {
                crate::msg!(SAVE_BROKEN, error = error.localize(lang), pending = pending)
                    .render(lang)
            }
            SaveError::Invalid(errors) => errors.localize(lang),
        }
    }
}

/// Field errors of one entry: "not saved: a; b".
impl Localize for Vec<FieldError> {
    fn localize(&self, lang: Lang) -> String {
        let texts: Vec<String> = self.iter().map(|e| e.localize(lang)).collect();
        crate::msg!(
            super::NOT_SAVED,
            why = texts.join(super::LIST_SEPARATOR.get(lang))
        )
        .render(lang)
    }
}

impl Localize for FieldError {
    fn localize(&self, lang: Lang) -> String {
        Text::from(self).render(lang)
    }
}

impl From<&FieldError> for Text {
    fn from(error: &FieldError) -> Text {
        match error {
            FieldError::BadTaskId(e) => crate::msg!(BAD_TASK_ID, given = e.0),
            FieldError::PercentOutOfRange(p) => crate::msg!(FIELD_PERCENT, percent = p),
            FieldError::DoneBelowFull(p) => crate::msg!(FIELD_DONE_BELOW_FULL, percent = p),
            FieldError::DateOutsideYear {
                date,
                year,
                start,
                close,
            } => {
                crate::msg!(
                    FIELD_OUTSIDE_YEAR,
                    date = date,
                    year = year,
                    start = start,
                    close = close
                )
            }
            FieldError::DateInFuture { date, today } => {
                crate::msg!(FIELD_FUTURE, date = date, today = today)
            }
        }
    }
}

impl Localize for IdError {
    fn localize(&self, lang: Lang) -> String {
        crate::msg!(BAD_TASK_ID, given = self.0).render(lang)
    }
}

impl Localize for UnknownTask {
    fn localize(&self, lang: Lang) -> String {
        match self {
            UnknownTask::Malformed(e) => e.localize(lang),
            UnknownTask::NotFound(id) => crate::msg!(UNKNOWN_TASK, id = id).render(lang),
        }
    }
}

impl Localize for ActualError {
    fn localize(&self, lang: Lang) -> String {
        Text::from(self).render(lang)
    }
}

impl From<&ActualError> for Text {
    fn from(error: &ActualError) -> Text {
        match error {
            ActualError::Unnamed => crate::msg!(ACTUAL_UNNAMED),
            ActualError::NotFinite(name) => crate::msg!(ACTUAL_NOT_FINITE, name = name),
            ActualError::Repeated(name) => crate::msg!(ACTUAL_REPEATED, name = name),
        }
    }
}

impl Localize for UnknownTarget {
    fn localize(&self, lang: Lang) -> String {
        match self {
            UnknownTarget::NoTargets { task } => crate::msg!(TARGET_NONE, task = task),
            UnknownTarget::NotATarget { task, name, known } => {
                crate::msg!(
                    TARGET_UNKNOWN,
                    task = task,
                    name = name,
                    known = known.join("、")
                )
            }
        }
        .render(lang)
    }
}

impl Localize for ReportError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            ReportError::UnknownLeader { given, known } => {
                crate::msg!(REPORT_UNKNOWN_LEADER, given = given, known = known)
            }
            ReportError::UnknownUnit(given) => crate::msg!(REPORT_UNKNOWN_UNIT, given = given),
            ReportError::SinceNotBefore { since, as_of } => {
                crate::msg!(REPORT_SINCE_NOT_BEFORE, since = since, as_of = as_of)
            }
        }
        .render(lang)
    }
}

impl Localize for ConfigError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            ConfigError::Read { path, source } => crate::msg!(
                CONFIG_READ,
                path = path.display(),
                error = source.localize(lang)
            )
            .render(lang),
            ConfigError::Invalid(d) => d.render(lang),
        }
    }
}

/// The PDF step words its errors in the language it was given already;
/// only the system's part of an I/O error is translated here.
impl Localize for PdfError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            PdfError::Io { path, source } => {
                format!("{}: {}", path.display(), source.localize(lang))
            }
            other => other.to_string(),
        }
    }
}

impl Localize for crate::user::UserConfigError {
    fn localize(&self, lang: Lang) -> String {
        use crate::user::UserConfigError as E;
        match self {
            E::NoDirectory => crate::msg!(
                super::USER_CONFIG_NO_DIR,
                env = crate::user::CONFIG_HOME_VAR
            )
            .render(lang),
            E::Io { path, source } => crate::msg!(
                super::USER_CONFIG_IO,
                path = path.display(),
                error = source.localize(lang)
            )
            .render(lang),
            E::Invalid {
                path,
                line,
                col,
                message,
            } => crate::msg!(
                super::USER_CONFIG_INVALID,
                path = path.display(),
                line = line,
                col = col,
                message = message
            )
            .render(lang),
        }
    }
}
