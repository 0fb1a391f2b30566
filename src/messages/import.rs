//! `duban import`: its errors in either language (reading, curation,
//! checks, writing), what is wrong with the source document or a curation
//! file (`targets.ron`), and what the importer expected there.

use super::{Lang, Localize, entries};
use crate::import::ImportError;

entries! {
    /// The importer's own errors (reading, curation, checks, writing).
    IMPORT_READ { zh: "{path}：无法读取：{error}", en: "{path}: cannot read: {error}" }
    IMPORT_NOT_UTF8 {
        zh: "{path}:{line}：不是 UTF-8 文本；应为 UTF-8 编码的 markdown 或纯文本文件",
        en: "{path}:{line}: not UTF-8 text; expected a UTF-8 markdown or text document",
    }
    IMPORT_CURATION {
        zh: "{path}:{line}:{column}：无法读取校订的{what}：{message}",
        en: "{path}:{line}:{column}: cannot read the curated {what}: {message}",
    }
    IMPORT_INVALID {
        zh: "{path}：从中读出的数据集未通过检查，未写入任何文件：\n{problems}",
        en: "{path}: the dataset read from it fails its checks; nothing written:\n{problems}",
    }
    IMPORT_WRITE { zh: "{path}：无法写入数据集：{error}", en: "{path}: cannot write the dataset: {error}" }
    IMPORT_SYNTAX {
        zh: "{file}:{line}:{column}：{problem}；应为{expected}",
        en: "{file}:{line}:{column}: {problem}; expected {expected}",
    }
    CURATED_UNITS { zh: "单位名录", en: "unit registry" }
    CURATED_TARGETS { zh: "目标", en: "targets" }
    /// Spreadsheet plan tables.
    IMP_NO_SHEET_HEADER { zh: "找不到表头行", en: "no header row" }
    IMP_EXP_SHEET_HEADER {
        zh: "一行列名，含任务列（工作任务、重点工作、任务内容）和责任列（牵头单位、责任单位、责任领导、完成时限等）",
        en: "a row of column names with a task column (工作任务, 重点工作, 任务内容) and a duty column (牵头单位, 责任单位, 责任领导, 完成时限…)",
    }
    IMPORT_AT_CELL {
        zh: "{location}：{problem}；应为{expected}",
        en: "{location}: {problem}; expected {expected}",
    }

    /// The plan year.
    IMP_NO_YEAR { zh: "无法判断计划年份", en: "cannot tell the plan year" }
    IMP_EXP_YEAR_TITLE {
        zh: "带年份的标题或日期，如“2023年重点工作任务分工”",
        en: "a title or date with the year, like `2023年重点工作任务分工`",
    }
    IMP_EXP_YEAR_HEADING {
        zh: "形如“2023年政府工作报告重点工作责任分解”的标题",
        en: "a heading like `2023年政府工作报告重点工作责任分解`",
    }

    /// Leader headings and the tasks under them.
    IMP_NO_KEY_TASKS { zh: "没有重点工作", en: "no key tasks" }
    IMP_LEADER_ORDER { zh: "领导标题{found}、顺序不对", en: "leader heading {found}、 out of order" }
    IMP_EXP_LEADER { zh: "领导标题{n}、", en: "the heading of leader {n}、" }
    IMP_TEXT_BEFORE_LEADER { zh: "第一个领导标题之前有文字", en: "text before the first leader heading" }
    IMP_TASK_BEFORE_LEADER {
        zh: "第一个领导标题之前出现了工作或单位列表",
        en: "a task or unit list before the first leader heading",
    }
    IMP_CANNOT_PLACE { zh: "无法归属这段文字", en: "cannot place this text" }
    IMP_LEADER_NO_TASKS { zh: "领导名下没有工作", en: "a leader without tasks" }
    IMP_EXP_TASK_ONE { zh: "领导标题下的第 1 项工作（“1.”）", en: "task 1 (`1.`) under the leader heading" }
    IMP_NO_UNIT_LIST {
        zh: "领导{leader}、名下的第 {number} 项工作没有责任单位列表",
        en: "task {number} of leader {leader}、 has no unit list",
    }
    IMP_EXP_UNIT_LINE {
        zh: "第 {number} 项工作正文之后的“责任单位:”一行",
        en: "a `责任单位:` line after the text of task {number}",
    }
    IMP_TASK_ORDER {
        zh: "第 {found} 项工作出现在应为第 {expected} 项的位置",
        en: "task {found} where task {expected} should come",
    }
    IMP_EXP_NEXT_TASK {
        zh: "第 {n} 项工作（“{n}.”）或下一个领导标题",
        en: "task {n} (`{n}.`) or the next leader heading",
    }

    /// Unit lists and lead units.
    IMP_EMPTY_UNITS { zh: "第 {number} 项工作的责任单位为空", en: "task {number} has an empty unit list" }
    IMP_EXP_UNIT_NAMES { zh: "“责任单位:”之后的单位名称", en: "unit names after `责任单位:`" }
    IMP_NO_LEAD { zh: "{id} 没有牵头单位", en: "{id} has no lead unit" }
    IMP_EXP_LEAD {
        zh: "牵头该项工作的单位（牵头单位，或责任单位中列第一位的单位）",
        en: "a unit that leads the task (牵头单位, or first in 责任单位)",
    }
    IMP_UNITS_RUN_ON {
        zh: "无法归属这段文字：单位列表一直延续到“{name}”",
        en: "cannot place this text: the unit list runs on into `{name}`",
    }
    IMP_NOT_UNIT_NAME { zh: "无法把“{name}”读作单位名称", en: "cannot read `{name}` as a unit name" }
    IMP_EXP_UNIT_LIST {
        zh: "以“、”或“,”分隔的单位名称（是否缺了工作编号或标题？）",
        en: "unit names separated by 、 or , (is a task number or heading missing?)",
    }
    IMP_NOT_LEADER { zh: "“{name}”不是重点工作的领导", en: "`{name}` is not a leader of the key tasks" }
    IMP_EXP_ONE_OF { zh: "以下之一：{names}", en: "one of {names}" }

    /// Documents in sections (tasks with 牵头单位/责任单位 lines).
    IMP_NO_TASK_UNITS { zh: "文件中没有一项工作写明责任单位", en: "no task in the document names its units" }
    IMP_TASK_NO_UNIT { zh: "这项工作没有写明责任单位", en: "a task that names no unit" }
    IMP_SUBITEM_FIRST {
        zh: "无法归属这段文字：第一项工作之前出现了子项",
        en: "cannot place this text: a sub-item before the first task",
    }
    IMP_EXP_UNITS {
        zh: "工作之后的“牵头单位：”或“责任单位：”一行，或工作末尾的“（X牵头，Y配合）”",
        en: "a `牵头单位：` or `责任单位：` line after the task, or `（X牵头，Y配合）` at its end",
    }

    /// Projects (民生实事).
    IMP_BEFORE_FIRST_PROJECT { zh: "第一个项目之前有文字", en: "text before the first project" }
    IMP_EXP_FIRST_PROJECT {
        zh: "第一个项目，形如“一、<标题>。<说明>”",
        en: "the first project, `一、<title>。<description>`",
    }
    IMP_PROJECT_ORDER {
        zh: "项目{found}、出现在应为项目{expected}、的位置",
        en: "project {found}、 where project {expected}、 should come",
    }
    IMP_EXP_PROJECT { zh: "项目{n}、", en: "project {n}、" }

    /// The curated targets (`targets.ron`).
    IMP_TARGETS_TWICE { zh: "工作“{task}”列出了两次", en: "task `{task}` is listed twice" }
    IMP_TARGET_BAD {
        zh: "工作“{task}”中{problem}；应为有名称和数值的目标，同一工作内名称不重复",
        en: "{problem} in task `{task}`; expected a named target with a number, names unique within the task",
    }
    IMP_TARGET_NO_NAME { zh: "有一个目标没有名称", en: "a target without a name" }
    IMP_TARGET_SECOND { zh: "有第二个名为“{name}”的目标", en: "a second target named `{name}`" }
    IMP_TARGET_NO_VALUE { zh: "目标“{name}”没有有效数值", en: "target `{name}` has no finite value" }
    IMP_TARGETS_UNKNOWN_TASK {
        zh: "文件中没有工作“{task}”；应为其中一项重点工作或民生实事的编号（K2.3、M9）",
        en: "task `{task}` is not in the document; expected the ID of one of its key tasks or projects (K2.3, M9)",
    }
}

impl Localize for ImportError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            ImportError::Read { path, source } => {
                crate::msg!(
                    IMPORT_READ,
                    path = path.display(),
                    error = source.localize(lang)
                )
            }
            ImportError::NotUtf8 { path, line } => {
                crate::msg!(IMPORT_NOT_UTF8, path = path.display(), line = line)
            }
            ImportError::Curation {
                what,
                path,
                line,
                column,
                message,
            } => crate::msg!(
                IMPORT_CURATION,
                what = curated(what, lang),
                path = path.display(),
                line = line,
                column = column,
                message = message.render(lang)
            ),
            ImportError::Invalid {
                source_file,
                problems,
            } => crate::msg!(
                IMPORT_INVALID,
                path = source_file.display(),
                problems = problems.localize(lang)
            ),
            ImportError::Leads(problems) => return problems.localize(lang),
            ImportError::Write { path, source } => {
                crate::msg!(
                    IMPORT_WRITE,
                    path = path.display(),
                    error = source.localize(lang)
                )
            }
            ImportError::Syntax {
                file,
                line,
                column,
                text,
                problem,
                expected,
            } => {
                let head = crate::msg!(
                    IMPORT_SYNTAX,
                    file = file,
                    line = line,
                    column = column,
                    problem = problem.render(lang),
                    expected = expected.render(lang)
                );
                return format!("{}\n  {line} | {text}", head.render(lang));
            }
            ImportError::Sheet(e) => return e.localize(lang),
            ImportError::Cell {
                location,
                text,
                problem,
                expected,
            } => {
                let head = crate::msg!(
                    IMPORT_AT_CELL,
                    location = location,
                    problem = problem.render(lang),
                    expected = expected.render(lang)
                );
                let one_line = text.replace('\n', " ");
                let text = crate::text::printable(&one_line);
                if text.is_empty() {
                    return head.render(lang);
                }
                return format!("{}\n  | {text}", head.render(lang));
            }
        }
        .render(lang)
    }
}

/// What a curation file holds, as `import` names it.
fn curated(what: &str, lang: Lang) -> String {
    [CURATED_UNITS, CURATED_TARGETS]
        .iter()
        .find(|m| m.en == what)
        .map_or_else(|| what.to_string(), |m| m.get(lang).to_string())
}
