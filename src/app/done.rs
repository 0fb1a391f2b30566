//! `d`: mark the selected task, project or sub-item done, after a y/n
//! question. Yes commits an entry (100 %, 已完成, dated the as-of day)
//! through the same [`Effect::Commit`] as the editor's save.

use super::{App, Effect, Mode, Subject};
use crate::model::{ProgressEntry, Status};

/// The question on screen: what would be marked done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkDone {
    /// The task, project or sub-item ID.
    pub id: String,
    /// Its headline.
    pub title: String,
}

/// `d`: asks whether to mark what the detail shows done (where `e` would
/// open the editor; elsewhere nothing happens).
pub(super) fn ask(app: &mut App) {
    if !super::editor::can_edit(app) {
        return;
    }
    let Some((id, title)) = selected(app) else {
        return;
    };
    app.mode = Mode::MarkDone(MarkDone { id, title });
}

/// The selected subject's ID and headline.
fn selected(app: &App) -> Option<(String, String)> {
    let (r, item) = match app.subject()? {
        Subject::Task(r) => (r, None),
        Subject::Item(r, i) => (r, Some(i)),
    };
    let task = app.task(r)?;
    Some(match item.and_then(|i| task.items.get(i)) {
        Some(it) => (it.id.to_string(), it.text.to_string()),
        None => (task.id.to_string(), task.headline().to_string()),
    })
}

/// The answer: yes saves the entry, either way the question closes.
pub(super) fn answer(app: &mut App, yes: bool) -> Effect {
    let Mode::MarkDone(ask) = std::mem::take(&mut app.mode) else {
        return Effect::None;
    };
    if !yes {
        return Effect::None;
    }
    let date = app.today;
    let reporter = app.reporter.clone();
    Effect::Commit(ProgressEntry {
        task: ask.id,
        // The loop stamps the time of saving.
        at: date
            .and_time(chrono::NaiveTime::MIN)
            .and_utc()
            .fixed_offset(),
        date,
        percent: 100,
        status: Status::Done,
        note: String::new(),
        actuals: Vec::new(),
        problems: String::new(),
        next_steps: String::new(),
        reporter,
    })
}
