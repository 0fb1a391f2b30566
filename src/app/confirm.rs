//! Questions the dashboard asks before it acts: quitting with entries that
//! are not saved, and replaying entries a past session could not save.

use std::path::PathBuf;

use super::update::{Action, Effect};
use super::{App, Lang, Mode, SaveState};

/// A yes/no question in a popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// `q` with this many entries not saved.
    Quit { unsaved: usize },
    /// At start: a recovery file with this many records.
    Replay { file: PathBuf, records: usize },
}

impl App {
    /// Records kept in memory because their save failed.
    pub fn unsaved(&self) -> usize {
        match self.saving.state {
            SaveState::Failed { pending, .. } => pending,
            _ => 0,
        }
    }

    /// Offers to replay a recovery file (see `progress::recover`).
    pub fn offer_replay(&mut self, file: PathBuf, records: usize) {
        self.mode = Mode::Popup(super::Popup::Confirm(Confirm::Replay { file, records }));
    }
}

/// `q` or Ctrl-C: quits at once when everything is saved, else asks.
pub(super) fn quit(app: &mut App) -> Effect {
    match app.unsaved() {
        0 => Effect::Quit,
        unsaved => {
            app.mode = Mode::Popup(super::Popup::Confirm(Confirm::Quit { unsaved }));
            Effect::None
        }
    }
}

/// A key while a question is shown: `y` does it, `n` or Esc does not.
pub(super) fn update(app: &mut App, confirm: Confirm, action: Action) -> Effect {
    let yes = matches!(action, Action::Input('y' | 'Y'));
    let no = matches!(action, Action::Input('n' | 'N') | Action::Back);
    match confirm {
        // Ctrl-C again, or `y`: quit (the loop writes the recovery file).
        Confirm::Quit { .. } if yes || action == Action::Quit => return Effect::Quit,
        Confirm::Replay { file, .. } if yes => {
            app.mode = Mode::Browse;
            return Effect::Replay(file);
        }
        _ if no => app.mode = Mode::Browse,
        _ => {}
    }
    Effect::None
}

/// The question's title and lines, in the dashboard's language.
pub fn text(confirm: &Confirm, lang: Lang) -> (&'static str, Vec<String>) {
    match (confirm, lang) {
        (Confirm::Quit { unsaved }, Lang::Zh) => (
            "退出?",
            vec![
                format!("还有 {unsaved} 条记录没有保存。"),
                "退出时会写入恢复文件, 可用 duban progress recover 补存。".into(),
                "y 退出    n/Esc 返回 (Ctrl-S 重试保存)".into(),
            ],
        ),
        (Confirm::Quit { unsaved }, Lang::En) => (
            "Quit?",
            vec![
                format!("{unsaved} record(s) are not saved."),
                "Quitting writes them to a recovery file; duban progress recover saves them."
                    .into(),
                "y quit    n/Esc stay (Ctrl-S retries the save)".into(),
            ],
        ),
        (Confirm::Replay { file, records }, Lang::Zh) => (
            "恢复未保存的记录?",
            vec![
                format!("上次有 {records} 条记录未能保存, 存在:"),
                file.display().to_string(),
                "y 现在保存    n/Esc 以后再说".into(),
            ],
        ),
        (Confirm::Replay { file, records }, Lang::En) => (
            "Recover unsaved records?",
            vec![
                format!("{records} record(s) could not be saved last time; kept in:"),
                file.display().to_string(),
                "y save them now    n/Esc later".into(),
            ],
        ),
    }
}
