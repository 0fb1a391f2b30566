//! The progress editor: a new entry (percent, status, the three notes
//! 主要进展 / 存在问题 / 下步打算, date) for a key task, project or sub-item. Keys become [`EditorAction`]s (see `keys`);
//! [`Editor::apply`] changes the fields; a commit that passes
//! [`validate`] becomes [`Effect::Commit`] for the event loop to save.
//! Problems are worked out from the fields whenever asked, so the popup
//! explains them in place while the user types.

mod actuals;
mod fields;
mod keys;
mod problem;
mod words;

use chrono::{NaiveDate, NaiveTime};

pub use actuals::{Targets, parse_actual};
pub use fields::{Field, Note};
pub use keys::action_for;
pub use problem::Problem;
pub use words::{EditorWords, problem_text};

use super::{App, Effect, Mode, Subject};
use crate::lights::Calendar;
use crate::line_edit::{Edit, LineEdit};
use crate::model::{ProgressEntry, Status};
use crate::progress::{FieldError, validate};

/// What a key does in the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorAction {
    NextField,
    PrevField,
    /// Percent: 5 less. Status: the previous one in the list.
    Less,
    /// Percent: 5 more. Status: the next one in the list.
    More,
    /// Percent: a digit. Notes and date: a character.
    Input(char),
    /// Notes and date: an edit of the line (Backspace also on the percent;
    /// a line break only in the notes).
    Edit(Edit),
    /// `s`: the next status, wrapping around.
    CycleStatus,
    /// `1`–`5` on the status field.
    PickStatus(Status),
    /// `y` on the status field: set the percent to 100.
    SetFull,
    Commit,
    /// Esc: close at once when nothing was typed, else ask first.
    Cancel,
    /// `y` to the question: throw the typing away and close.
    Discard,
    /// `n` or Esc to the question: go on editing.
    KeepEditing,
}

/// The open editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    /// The task, project or sub-item ID the entry is for.
    pub id: String,
    /// Its headline, for the popup's first line.
    pub title: String,
    pub field: Field,
    /// The percent as typed: digits only, at most three.
    pub percent: String,
    /// Whether the next digit replaces the percent instead of extending it.
    fresh: bool,
    pub status: Status,
    /// Whether the status follows the percent (0 未开始, 1–99 推进中,
    /// 100 已完成) until the user picks one.
    follow: bool,
    /// 主要进展, 存在问题, 下步打算 (see [`Editor::note`]).
    notes: [LineEdit; 3],
    pub date: LineEdit,
    /// Set when Enter was refused; cleared by the next change.
    pub refused: bool,
    /// Esc was pressed with something typed: the popup asks whether to
    /// throw it away.
    pub confirm_discard: bool,
    /// The percent, status and date the editor opened with, to tell
    /// whether anything was changed.
    opened: (String, Status, String),
    /// The actual values the editor opened with.
    opened_actuals: Vec<String>,
    /// The task's targets; empty for a sub-item or a task without.
    targets: Targets,
    /// The actual value typed per target, in the targets' order.
    actuals: Vec<LineEdit>,
    /// Whether the percent was typed or stepped rather than derived from
    /// the actual values.
    overridden: bool,
}

impl Editor {
    /// An editor for `id`, starting from its latest entry (percent and
    /// status; the note starts empty) and dated `today`.
    pub fn open(id: &str, title: &str, latest: Option<&ProgressEntry>, today: NaiveDate) -> Editor {
        let (percent, status) = latest.map_or((0, Status::NotStarted), |e| (e.percent, e.status));
        let date = today.format("%Y-%m-%d").to_string();
        Editor {
            id: id.to_string(),
            title: title.to_string(),
            field: Field::Percent,
            percent: percent.to_string(),
            fresh: true,
            status,
            follow: status == Status::for_percent(u16::from(percent)),
            notes: Default::default(),
            date: LineEdit::with_text(&date),
            refused: false,
            confirm_discard: false,
            opened: (percent.to_string(), status, date),
            opened_actuals: Vec::new(),
            targets: Targets::default(),
            actuals: Vec::new(),
            overridden: false,
        }
    }

    /// A note's text and cursor.
    pub fn note(&self, note: Note) -> &LineEdit {
        &self.notes[note.index()]
    }

    /// Whether anything was typed or changed since the editor opened (Esc
    /// then asks before throwing it away).
    pub fn is_touched(&self) -> bool {
        self.notes.iter().any(|n| !n.text().trim().is_empty())
            || self.actuals_changed()
            || (self.percent.as_str(), self.status, self.date.text())
                != (
                    self.opened.0.as_str(),
                    self.opened.1,
                    self.opened.2.as_str(),
                )
    }

    /// The percent typed, if any digits were.
    pub fn percent_value(&self) -> Option<u16> {
        self.percent.parse().ok()
    }

    fn set_percent(&mut self, value: u16) {
        self.percent = value.to_string();
        if self.follow {
            self.status = Status::for_percent(value);
        }
    }

    fn set_status(&mut self, status: Status) {
        self.status = status;
        self.follow = false;
    }

    fn step_status(&mut self, d: isize) {
        let all = Status::ALL;
        let i = all.iter().position(|s| *s == self.status).unwrap_or(0) as isize;
        let n = all.len() as isize;
        self.set_status(all[usize::try_from((i + d).rem_euclid(n)).unwrap_or(0)]);
    }

    fn step_percent(&mut self, d: i32) {
        let now = i32::from(self.percent_value().unwrap_or(0).min(100));
        self.set_percent(u16::try_from((now + d).clamp(0, 100)).unwrap_or(0));
        self.fresh = true;
        self.override_percent();
    }

    fn type_digit(&mut self, c: char) {
        if self.fresh {
            self.percent.clear();
            self.fresh = false;
        }
        if self.percent.len() < 3 {
            // No leading zeros: "0" then "4" is 4.
            if self.percent == "0" {
                self.percent.clear();
            }
            self.percent.push(c);
        }
        self.override_percent();
        if let Some(v) = self.percent_value() {
            self.set_percent(v);
        }
    }

    /// Applies an edit of one field. Commit and Cancel are for [`update`].
    pub fn apply(&mut self, action: EditorAction) {
        use EditorAction as A;
        match (action, self.field) {
            (A::NextField, _) => {
                self.field = self.field.step(&self.fields(), 1);
                self.fresh = true;
                return;
            }
            (A::PrevField, _) => {
                self.field = self.field.step(&self.fields(), -1);
                self.fresh = true;
                return;
            }
            (A::Edit(Edit::Newline), f) if !matches!(f, Field::Note(_)) => return,
            (A::Less, Field::Percent) => self.step_percent(-5),
            (A::More, Field::Percent) => self.step_percent(5),
            (A::Input(c), Field::Percent) if c.is_ascii_digit() => self.type_digit(c),
            (A::Edit(Edit::Backspace), Field::Percent) => {
                self.percent.pop();
                self.fresh = false;
                if let Some(v) = self.percent_value() {
                    self.set_percent(v);
                    self.override_percent();
                } else {
                    self.clear_override();
                }
            }
            (A::Less, Field::Status) => self.step_status(-1),
            (A::More | A::CycleStatus, Field::Status) => self.step_status(1),
            (A::PickStatus(s), Field::Status) => self.set_status(s),
            (A::SetFull, Field::Status) => {
                self.percent = "100".to_string();
                self.fresh = true;
                self.override_percent();
            }
            (A::Input(c), Field::Actual(i)) => self.edit_actual(i, Edit::Insert(c)),
            (A::Edit(e), Field::Actual(i)) => self.edit_actual(i, e),
            (A::Input(c), Field::Note(n)) => {
                self.notes[n.index()].apply(Edit::Insert(c));
            }
            (A::Input(c), Field::Date) => {
                self.date.apply(Edit::Insert(c));
            }
            (A::Edit(e), Field::Note(n)) => {
                self.notes[n.index()].apply(e);
            }
            (A::Edit(e), Field::Date) => {
                self.date.apply(e);
            }
            _ => return,
        }
        self.refused = false;
    }

    /// The entry the fields make, with every problem that keeps it from
    /// being saved. `at` is a placeholder (midnight of the date): the event
    /// loop stamps the time of saving.
    pub fn entry(&self, year: &Calendar, today: NaiveDate) -> Result<ProgressEntry, Vec<Problem>> {
        let mut problems = self.actual_problems();
        let typed = self.percent_value();
        if typed.is_none() {
            problems.push(Problem::PercentMissing);
        }
        let percent = typed.unwrap_or(0);
        let date = self.date.text().trim();
        let parsed = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        if parsed.is_none() {
            problems.push(Problem::DateUnreadable(date.to_string()));
        }
        let date = parsed.unwrap_or(today);
        let entry = ProgressEntry {
            task: self.id.clone(),
            at: date.and_time(NaiveTime::MIN).and_utc().fixed_offset(),
            date,
            percent: u8::try_from(percent).unwrap_or(u8::MAX),
            status: self.status,
            note: self.note(Note::Made).text().trim().to_string(),
            actuals: self.typed_actuals(),
            problems: self.note(Note::Problems).text().trim().to_string(),
            next_steps: self.note(Note::Next).text().trim().to_string(),
            reporter: None,
        };
        if let Err(errors) = validate(&entry, year, today) {
            problems.extend(errors.into_iter().filter_map(|e| match e {
                FieldError::BadTaskId(e) => Some(Problem::BadId(e.to_string())),
                FieldError::PercentOutOfRange(_) => Some(Problem::PercentOutOfRange(percent)),
                FieldError::DoneBelowFull(_) if typed.is_none() => None,
                FieldError::DoneBelowFull(p) => Some(Problem::DoneBelowFull(p)),
                FieldError::DateOutsideYear {
                    date,
                    year,
                    start,
                    close,
                } if parsed.is_some() => Some(Problem::DateOutsideYear {
                    date,
                    year,
                    start,
                    close,
                }),
                FieldError::DateInFuture { date, today } if parsed.is_some() => {
                    Some(Problem::DateInFuture { date, today })
                }
                FieldError::DateOutsideYear { .. } | FieldError::DateInFuture { .. } => None,
            }));
        }
        if problems.is_empty() {
            Ok(entry)
        } else {
            Err(problems)
        }
    }

    /// The problems with the fields as they are (none when it can be saved).
    pub fn problems(&self, year: &Calendar, today: NaiveDate) -> Vec<Problem> {
        self.entry(year, today).err().unwrap_or_default()
    }
}

/// Whether `e` opens the editor: a task, project or sub-item is selected
/// (in a leader's or a unit's list, the task selected beside it).
pub fn can_edit(app: &App) -> bool {
    app.mode == Mode::Browse && app.subject().is_some()
}

/// `e`: opens the editor on what the detail shows.
pub(super) fn open(app: &mut App) {
    if !can_edit(app) {
        return;
    }
    let Some(subject) = app.subject() else {
        return;
    };
    let (r, item) = match subject {
        Subject::Task(r) => (r, None),
        Subject::Item(r, i) => (r, Some(i)),
    };
    let Some(task) = app.task(r) else {
        return;
    };
    let (id, title) = match item.and_then(|i| task.items.get(i)) {
        Some(it) => (it.id.as_str(), it.text.as_str()),
        None => (task.id.as_str(), task.headline()),
    };
    // Targets are the task's own, not a sub-item's.
    let targets = match item {
        Some(_) => &[][..],
        None => task.targets.as_slice(),
    };
    let latest = app.progress.latest(id);
    let editor = Editor::open(id, title, latest, app.today).with_targets(targets, latest);
    app.mode = Mode::Editor(Box::new(editor));
}

/// An action while the editor is open: an edit, a commit (which closes the
/// editor and asks the loop to save) or a cancel.
pub(super) fn update(app: &mut App, action: EditorAction) -> Effect {
    let (year, today) = (app.rule().calendar.clone(), app.today);
    let reporter = app.reporter.clone();
    let Mode::Editor(editor) = &mut app.mode else {
        return Effect::None;
    };
    match action {
        EditorAction::Cancel if editor.is_touched() => editor.confirm_discard = true,
        EditorAction::Cancel | EditorAction::Discard => app.mode = Mode::Browse,
        EditorAction::KeepEditing => editor.confirm_discard = false,
        EditorAction::Commit => match editor.entry(&year, today) {
            Ok(mut entry) => {
                entry.reporter = reporter;
                app.mode = Mode::Browse;
                return Effect::Commit(entry);
            }
            Err(problems) => {
                editor.refused = true;
                if let Some(first) = problems.first() {
                    editor.field = first.field();
                    editor.fresh = true;
                }
            }
        },
        other => editor.apply(other),
    }
    Effect::None
}

#[cfg(test)]
mod tests;
