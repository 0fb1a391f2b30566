//! A one-line notice in the bottom bar: why a key did nothing. It stays
//! until the next key.

use super::{App, Lang, Tab};

/// Why a key did nothing where the user is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// `e` where no task is selected (no task in the list, or a pane of
    /// leaders or units on the overview).
    NoTaskToEdit,
    /// `e` while the `F` filter hides every task of the list.
    FilterHidesEveryTask,
    /// `F` on the overview, which lists no tasks to narrow.
    NothingToFilter,
}

impl Notice {
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Notice::NoTaskToEdit => (
                "这里没有选中的任务可填报:请先选中一项任务",
                "no task is selected here to record progress on: select one first",
            ),
            Notice::FilterHidesEveryTask => (
                "筛选 (F) 隐藏了所有任务:按 Esc 清除筛选",
                "the filter (F) hides every task: Esc clears it",
            ),
            Notice::NothingToFilter => (
                "总览不列任务,F 筛选在领导、单位、民生实事标签中使用",
                "the overview lists no tasks: F filters the leaders, units and projects tabs",
            ),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Why `e` opens no editor where the user is: the filter hides every
/// task of a list that has some, or there is no task selected.
pub fn no_edit(app: &App) -> Notice {
    let ix = &app.index;
    let (shown, all) = match app.nav.tab {
        Tab::Leaders => (
            app.leader_tasks().len(),
            ix.leader_tasks
                .get(app.nav.leaders.leaders.sel)
                .map_or(0, Vec::len),
        ),
        Tab::Units => (
            app.unit_duties().len(),
            (app.selected_unit().and_then(|u| ix.duties.get(u))).map_or(0, <[_]>::len),
        ),
        Tab::Projects => (app.project_rows().len(), ix.project_rows.len()),
        Tab::Overview => (0, 0),
    };
    if shown == 0 && all > 0 {
        Notice::FilterHidesEveryTask
    } else {
        Notice::NoTaskToEdit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn notices_have_no_ambiguous_width_glyphs() {
        for n in [
            Notice::NoTaskToEdit,
            Notice::FilterHidesEveryTask,
            Notice::NothingToFilter,
        ] {
            for lang in [Lang::Zh, Lang::En] {
                let s = n.text(lang);
                assert_eq!(s.width(), s.width_cjk(), "{s}");
            }
        }
    }
}
