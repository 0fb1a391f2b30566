//! The few keys the bottom bar shows for where the user is (every key is
//! in [`super::help`]).

use super::labels::Lang;
use super::{App, Mode, Pane, Popup, Tab};

/// The few keys the bottom bar shows for where the user is.
pub fn bar(app: &App) -> Vec<(&'static str, &'static str)> {
    let zh = app.labels.lang == Lang::Zh;
    let t = |z: &'static str, e: &'static str| if zh { z } else { e };
    let mut keys = Vec::new();
    match (&app.mode, app.nav.tab, app.focus()) {
        (Mode::Popup(Popup::Search(_)), _, _) => {
            keys.push(("Down/Up", t("选择", "select")));
            keys.push(("Enter", t("跳转", "go")));
            keys.push(("Esc", t("关闭", "close")));
            return keys;
        }
        (Mode::Popup(_), _, _) => {
            keys.push(("Down/Up", t("滚动", "scroll")));
            keys.push(("Esc", t("关闭", "close")));
            return keys;
        }
        (Mode::Editor(ed), _, _) => {
            use super::editor::Field;
            keys.push(("Enter", t("保存", "save")));
            keys.push(("Esc", t("取消", "cancel")));
            keys.push(("Tab", t("换项", "field")));
            match ed.field {
                Field::Percent => keys.push(("+/-", t("调 5", "by 5"))),
                Field::Status => keys.push(("s", t("换状态", "cycle"))),
                Field::Note(_) => keys.push(("Ctrl-J", t("换行", "new line"))),
                Field::Date | Field::Actual(_) => {}
            }
            keys.push(("Ctrl-S", t("重试保存", "retry save")));
            return keys;
        }
        (Mode::MarkDone(_), _, _) => {
            keys.push(("y", t("标记完成", "mark done")));
            keys.push(("n/Esc", t("取消", "cancel")));
            return keys;
        }
        (Mode::UnitFilter, _, _) => {
            keys.push(("Enter", t("完成", "done")));
            keys.push(("Esc", t("清除", "clear")));
            return keys;
        }
        (_, _, Pane::Detail) => {
            keys.push(("j/k", t("选单位", "unit")));
            keys.push(("Enter", t("跳转", "follow")));
            keys.push(("PgDn", t("滚动", "scroll")));
        }
        (_, Tab::Units, Pane::List) => {
            keys.push(("j/k", t("移动", "move")));
            keys.push(("f", t("筛选", "filter")));
            keys.push(("Enter", t("打开", "open")));
        }
        (_, Tab::Units, Pane::Middle) => {
            keys.push(("j/k", t("移动", "move")));
            keys.push(("Enter", t("跳到任务", "go to task")));
        }
        (_, Tab::Overview, _) => {
            keys.push(("j/k", t("移动", "move")));
            keys.push(("s", t("排序", "sort")));
            keys.push(("Enter", t("跳转", "go to")));
        }
        _ => {
            keys.push(("j/k", t("移动", "move")));
            keys.push(("Enter", t("打开", "open")));
        }
    }
    keys.push(("/", t("搜索", "search")));
    if super::editor::can_edit(app) {
        keys.push(("e", t("填报", "record")));
        keys.push(("u", t("撤销", "undo")));
    }
    if super::task_filter::filters(app.nav.tab) {
        keys.push(("F", t("灯/状态", "light/status")));
    }
    keys.push(("Tab", t("窗格", "pane")));
    keys.push(("1-4", t("标签", "tab")));
    keys.push(("Esc", t("返回", "back")));
    keys.push(("?", t("帮助", "help")));
    keys.push(("q", t("退出", "quit")));
    keys
}
