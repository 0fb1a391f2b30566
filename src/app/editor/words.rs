//! The editor's and the save status's words, in Chinese and English. Plain
//! text only: no arrows or bullets (East Asian ambiguous width).

use super::Problem;
use crate::app::labels::{Labels, Lang};

/// Words the editor popup and the header's save status show.
#[derive(Debug)]
pub struct EditorWords {
    pub title: &'static str,
    pub percent: &'static str,
    pub status: &'static str,
    /// The three notes: 主要进展, 存在问题, 下步打算.
    pub progress_made: &'static str,
    pub problems: &'static str,
    pub next_steps: &'static str,
    pub date: &'static str,
    pub percent_hint: &'static str,
    pub status_hint: &'static str,
    pub note_hint: &'static str,
    pub date_hint: &'static str,
    /// After an actual value: the target it is measured against.
    pub target: &'static str,
    pub actual_hint: &'static str,
    /// After the percent: it follows the actual values.
    pub derived: &'static str,
    /// After the percent: the user set it; clearing it derives it again.
    pub overridden: &'static str,
    pub keys: &'static str,
    /// Esc with something typed: the question before throwing it away.
    pub discard: &'static str,
    pub refused: &'static str,
    pub saved_to: &'static str,
    pub saved: &'static str,
    pub undone: &'static str,
    pub nothing_to_undo: &'static str,
    pub redone: &'static str,
    pub nothing_to_redo: &'static str,
    /// `d`: the question's title, and the question (`{date}` is the day).
    pub done_title: &'static str,
    pub done_ask: &'static str,
    pub failed: &'static str,
    pub unsaved: &'static str,
    pub retry: &'static str,
    pub read_only: &'static str,
}

pub static ZH: EditorWords = EditorWords {
    title: "填报进展",
    percent: "进度",
    status: "状态",
    progress_made: "主要进展",
    problems: "存在问题",
    next_steps: "下步打算",
    date: "日期",
    percent_hint: "Left/Right 或 +/- 调 5,数字直接输入",
    status_hint: "s 轮换,1-5 选择",
    note_hint: "可输入中文",
    date_hint: "YYYY-MM-DD",
    target: "目标",
    actual_hint: "实际值,留空为未填报",
    derived: "(由实际值计算)",
    overridden: "(手动设定,退格清空恢复计算)",
    keys: "Enter 保存  Ctrl-J 换行  Esc 取消  Tab/Up/Down 换项",
    discard: "放弃已输入的内容？y/n",
    refused: "未保存:请先改正上面标出的问题",
    saved_to: "进展保存在",
    saved: "已保存",
    undone: "已撤销",
    nothing_to_undo: "本次没有可撤销的记录",
    redone: "已重做",
    nothing_to_redo: "没有可重做的撤销",
    done_title: "标记完成",
    done_ask: "标记为已完成(进度 100%,日期 {date})？y/n",
    failed: "保存失败",
    unsaved: "条未保存",
    retry: "Ctrl-S 重试",
    read_only: "进展文件有误,只读",
};

pub static EN: EditorWords = EditorWords {
    title: "Record progress",
    percent: "Percent",
    status: "Status",
    progress_made: "Progress made",
    problems: "Problems",
    next_steps: "Next steps",
    date: "Date",
    percent_hint: "Left/Right or +/- by 5, digits to type",
    status_hint: "s cycles, 1-5 picks",
    note_hint: "any text",
    date_hint: "YYYY-MM-DD",
    target: "target",
    actual_hint: "actual value, empty if none",
    derived: "(from the actual values)",
    overridden: "(set by hand; clear it to derive)",
    keys: "Enter save  Ctrl-J new line  Esc cancel  Tab/Up/Down field",
    discard: "Discard what was typed? y/n",
    refused: "Not saved: fix the problems marked above",
    saved_to: "progress in",
    saved: "saved",
    undone: "undone",
    nothing_to_undo: "nothing of this session to undo",
    redone: "redone",
    nothing_to_redo: "no undo to redo",
    done_title: "Mark done",
    done_ask: "Mark as done (100 %, dated {date})? y/n",
    failed: "save failed",
    unsaved: "unsaved",
    retry: "Ctrl-S retries",
    read_only: "progress file broken, read-only",
};

impl Labels {
    /// The editor's words in this language.
    pub fn editor(&self) -> &'static EditorWords {
        match self.lang {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// A problem explained in the label language.
pub fn problem_text(problem: &Problem, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match problem {
        Problem::PercentMissing if zh => "请输入进度 (0-100)".to_string(),
        Problem::PercentMissing => "type a percent (0-100)".to_string(),
        Problem::PercentOutOfRange(p) if zh => format!("进度须在 0 到 100 之间,不能是 {p}"),
        Problem::PercentOutOfRange(p) => format!("percent must be between 0 and 100, not {p}"),
        Problem::DoneBelowFull(p) if zh => {
            format!("已完成须为 100%,现为 {p}%。按 y 设为 100%")
        }
        Problem::DoneBelowFull(p) => format!("done needs 100 %, not {p} %; press y to set 100"),
        Problem::DateUnreadable(d) if zh => format!("日期 \"{d}\" 应写作 YYYY-MM-DD"),
        Problem::DateUnreadable(d) => format!("date \"{d}\" should read YYYY-MM-DD"),
        Problem::DateOutsideYear {
            date, start, close, ..
        } if zh => {
            format!("日期 {date} 不在可报送范围 {start} 至 {close} 内")
        }
        Problem::DateOutsideYear {
            date, start, close, ..
        } => {
            format!("date {date} is outside the reporting range {start} to {close}")
        }
        Problem::DateInFuture { date, today } if zh => {
            format!("日期 {date} 晚于今天 ({today})")
        }
        Problem::DateInFuture { date, today } => {
            format!("date {date} is in the future (today is {today})")
        }
        Problem::BadId(e) => e.clone(),
        Problem::ActualNotANumber { target, text, .. } if zh => {
            format!("{target} 的实际值 \"{text}\" 不是数字;请输入数值,如 60 或 7.5,或留空")
        }
        Problem::ActualNotANumber { target, text, .. } => {
            format!(
                "the actual value \"{text}\" of {target} is not a number; type one, e.g. 60 or 7.5, or leave it empty"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn words_have_no_ambiguous_width_glyphs() {
        for words in [&ZH, &EN] {
            let all = format!("{words:?}");
            assert_eq!(all.width(), all.width_cjk(), "{all}");
        }
        let date = chrono::NaiveDate::from_ymd_opt(2023, 7, 1).expect("date");
        for p in [
            Problem::PercentMissing,
            Problem::PercentOutOfRange(150),
            Problem::DoneBelowFull(40),
            Problem::DateUnreadable("2023-6".into()),
            Problem::DateOutsideYear {
                date,
                year: 2022,
                start: date,
                close: date,
            },
            Problem::DateInFuture { date, today: date },
            Problem::ActualNotANumber {
                index: 0,
                target: "新增规上企业".into(),
                text: "六十".into(),
            },
        ] {
            for lang in [Lang::Zh, Lang::En] {
                let text = problem_text(&p, lang);
                assert_eq!(text.width(), text.width_cjk(), "{text}");
            }
        }
    }
}
