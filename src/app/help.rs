//! Every key, by pane, for the help popup (the bottom bar picks a few: `hints`).

use super::labels::{Labels, Lang};

/// Where a key works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Everywhere,
    Lists,
    Leaders,
    Units,
    Overview,
    Filter,
    Detail,
    Help,
    Search,
    Mouse,
    Progress,
    Editor,
}

/// One key and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub scope: Scope,
    pub keys: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

const fn k(scope: Scope, keys: &'static str, zh: &'static str, en: &'static str) -> Key {
    Key {
        scope,
        keys,
        zh,
        en,
    }
}

pub static KEYS: &[Key] = &[
    k(
        Scope::Everywhere,
        "1 2 3 4",
        "切换标签:领导、单位、民生实事、总览",
        "show a tab: leaders, units, projects, overview",
    ),
    k(
        Scope::Everywhere,
        "Tab Shift-Tab",
        "下一个/上一个窗格",
        "next / previous pane",
    ),
    k(
        Scope::Everywhere,
        "h l Left Right",
        "左边/右边的窗格",
        "pane to the left / right",
    ),
    k(
        Scope::Everywhere,
        "Esc",
        "清除 F 筛选;否则返回上一处或回到列表",
        "clear the F filter; else go back, or to the list",
    ),
    k(Scope::Everywhere, "?", "打开帮助", "open this help"),
    k(
        Scope::Everywhere,
        "/",
        "搜索任务、实事、单位、领导",
        "search tasks, projects, units, leaders",
    ),
    k(Scope::Everywhere, "q Ctrl-C", "退出", "quit"),
    k(
        Scope::Everywhere,
        "Width",
        "宽度不够三个窗格都易读时,只显示当前窗格和相邻窗格",
        "too narrow for three readable panes: the focused one and its neighbour",
    ),
    k(Scope::Lists, "j k Down Up", "上下移动", "move down / up"),
    k(
        Scope::Lists,
        "n/m",
        "列表底边:所选行/总行数",
        "on a list's bottom border: the selected row / all rows",
    ),
    k(Scope::Lists, "PgDn PgUp", "翻页", "page down / up"),
    k(
        Scope::Lists,
        "g G Home End",
        "跳到开头/末尾",
        "jump to first / last",
    ),
    k(Scope::Lists, "Enter", "打开所选项", "open the selected row"),
    k(
        Scope::Lists,
        "F",
        "任务列表只显示某一灯色或状态 (再按换下一个,Esc 清除)",
        "task lists show one light or status (press again for the next, Esc clears)",
    ),
    k(
        Scope::Leaders,
        "Enter",
        "领导 > 其任务 > 详情",
        "leader > tasks > detail",
    ),
    k(Scope::Units, "f", "输入筛选单位", "type a filter for units"),
    k(
        Scope::Units,
        "Enter",
        "职责:跳到该领导下的任务",
        "duty: jump to the task under its leader",
    ),
    k(
        Scope::Overview,
        "s",
        "单位表排序:牵头数、红灯数、未更新数",
        "sort the unit table: lead duties, red items, staleness",
    ),
    k(
        Scope::Overview,
        "Enter",
        "领导:其任务;红灯事项:跳到任务;单位:其职责",
        "leader: their tasks; red item: its task; unit: its duties",
    ),
    k(
        Scope::Filter,
        "Enter Down",
        "结束输入,回到列表",
        "stop typing, back to the list",
    ),
    k(Scope::Filter, "Esc", "清除筛选", "clear the filter"),
    k(
        Scope::Filter,
        "Type",
        "名称、别名或拼音首字母 (fgj)",
        "name, alias or pinyin initials (fgj)",
    ),
    k(
        Scope::Detail,
        "j k Down Up",
        "选择上/下一个单位",
        "select next / previous unit",
    ),
    k(Scope::Detail, "PgDn PgUp", "滚动详情", "scroll the detail"),
    k(
        Scope::Detail,
        "H",
        "显示全部进展记录 / 只显示最近 50 条",
        "the whole history / only the latest 50 entries",
    ),
    k(
        Scope::Detail,
        "Enter",
        "跳到所选单位的职责",
        "jump to the selected unit's duties",
    ),
    k(Scope::Help, "Type", "筛选帮助", "type to filter this help"),
    k(Scope::Help, "Down Up PgDn PgUp", "滚动", "scroll"),
    k(Scope::Help, "Esc", "关闭帮助", "close this help"),
    k(
        Scope::Search,
        "Type",
        "中文、编号或拼音首字母",
        "Chinese, an ID or pinyin initials",
    ),
    k(
        Scope::Search,
        "Down Up PgDn PgUp",
        "选择结果",
        "select a result",
    ),
    k(
        Scope::Search,
        "Enter",
        "跳到所选结果",
        "jump to the selected result",
    ),
    k(
        Scope::Search,
        "Esc",
        "关闭,回到原处",
        "close, back where you were",
    ),
    k(
        Scope::Search,
        "Left Right",
        "逐字移动光标 (筛选同)",
        "move the cursor (filter too)",
    ),
    k(
        Scope::Search,
        "Home End",
        "光标到开头/末尾",
        "cursor to the start / end",
    ),
    k(
        Scope::Search,
        "Ctrl-W Ctrl-U",
        "删除前一词/光标前全部",
        "delete the word / all before the cursor",
    ),
    k(
        Scope::Progress,
        "e",
        "填报所选任务、民生实事或子项的进展 (在领导、单位列表中:旁边选中的任务)",
        "record progress on the selected task, project or sub-item (from a leader or unit: the task selected beside it)",
    ),
    k(
        Scope::Progress,
        "u",
        "撤销本次运行填报的最后一条",
        "undo the last entry made in this run",
    ),
    k(
        Scope::Progress,
        "Ctrl-R",
        "重做:找回 u 撤销的最后一条",
        "redo: bring back what u undid last",
    ),
    k(
        Scope::Progress,
        "d",
        "把所选任务标记为已完成(先确认 y/n)",
        "mark the selected task done (asks y/n first)",
    ),
    k(
        Scope::Progress,
        "Ctrl-S",
        "重试失败的保存",
        "retry a save that failed",
    ),
    k(
        Scope::Editor,
        "Tab Shift-Tab",
        "下一项/上一项",
        "next / previous field",
    ),
    k(
        Scope::Editor,
        "Down Up",
        "下一项/上一项",
        "next / previous field",
    ),
    k(
        Scope::Editor,
        "Left Right + -",
        "进度加减 5;状态:在列表中移动",
        "percent by 5; status: move in the list",
    ),
    k(Scope::Editor, "0-9", "输入进度", "type the percent"),
    k(
        Scope::Editor,
        "s 1-5",
        "状态:轮换,或按序号选择",
        "status: cycle, or pick by number",
    ),
    k(
        Scope::Editor,
        "y",
        "状态为已完成时把进度设为 100",
        "with status done: set the percent to 100",
    ),
    k(
        Scope::Editor,
        "Ctrl-W Ctrl-U",
        "进展、问题、打算、日期:删一个词/删到开头",
        "notes, date: delete a word / to the start",
    ),
    k(
        Scope::Editor,
        "Ctrl-J Alt-Enter",
        "主要进展、存在问题、下步打算:换行",
        "progress made, problems, next steps: new line",
    ),
    k(Scope::Editor, "Enter", "检查并保存", "check and save"),
    k(
        Scope::Editor,
        "Esc",
        "取消;已输入内容时先问 y/n",
        "cancel; asks y/n first when something was typed",
    ),
    k(Scope::Mouse, "Click", "选中并聚焦", "select and focus"),
    k(Scope::Mouse, "Wheel", "滚动", "scroll"),
    k(
        Scope::Mouse,
        "--no-mouse",
        "关闭鼠标以便复制文字",
        "turn the mouse off to copy text",
    ),
];

impl Key {
    pub fn what(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

impl Scope {
    pub fn name(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Scope::Everywhere => ("全局", "Everywhere"),
            Scope::Lists => ("列表", "Lists"),
            Scope::Leaders => ("领导标签", "Leaders tab"),
            Scope::Units => ("单位标签", "Units tab"),
            Scope::Overview => ("总览标签", "Overview tab"),
            Scope::Filter => ("单位筛选输入", "Units filter"),
            Scope::Detail => ("详情", "Detail"),
            Scope::Help => ("帮助", "Help"),
            Scope::Search => ("搜索", "Search"),
            Scope::Mouse => ("鼠标", "Mouse"),
            Scope::Progress => ("进展", "Progress"),
            Scope::Editor => ("进展编辑", "Editor"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// The keys whose pane, keys or description contain `filter`
/// (case-insensitive).
pub fn filtered(labels: &Labels, filter: &str) -> Vec<&'static Key> {
    let q = filter.to_lowercase();
    KEYS.iter()
        .filter(|key| {
            q.is_empty()
                || [key.scope.name(labels.lang), key.keys, key.what(labels.lang)]
                    .iter()
                    .any(|s| s.to_lowercase().contains(&q))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::labels::{EN, ZH};
    use unicode_width::UnicodeWidthStr;

    /// Ambiguous-width glyphs (arrows, bullets, the ellipsis) take two
    /// cells in some terminals and shift everything after them.
    fn unambiguous(s: &str) -> bool {
        s.width() == s.width_cjk()
    }

    #[test]
    fn help_text_has_no_ambiguous_width_glyphs() {
        for key in KEYS {
            for s in [
                key.keys,
                key.zh,
                key.en,
                key.scope.name(Lang::Zh),
                key.scope.name(Lang::En),
            ] {
                assert!(unambiguous(s), "{s:?}");
            }
        }
    }

    #[test]
    fn labels_have_no_ambiguous_width_glyphs() {
        for labels in [&ZH, &EN] {
            let all = format!("{labels:?}");
            assert!(unambiguous(&all), "{all}");
            for st in crate::model::Status::ALL {
                assert!(unambiguous(labels.status(st)));
            }
        }
        assert!(unambiguous(crate::text::ELLIPSIS));
    }

    #[test]
    fn help_filter_matches_keys_and_descriptions() {
        let hits = filtered(&EN, "QUIT");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].keys, "q Ctrl-C");
        assert!(filtered(&ZH, "筛选").len() >= 2);
        assert!(filtered(&ZH, "no such key").is_empty());
    }
}
