//! Asking once who reports from this dashboard: when the per-user config
//! names no unit (and the user has not skipped the question before), the
//! dashboard opens with a small prompt for the unit (completed from the
//! known units and their aliases) and the person's name. Enter takes it,
//! Esc skips it for good; either way the answer is saved to the per-user
//! config by the event loop ([`Effect::SaveUser`]), and entries made from
//! the dashboard carry the reporter.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::update::{Action, Effect};
use super::{App, Lang, Mode};
use crate::line_edit::LineEdit;
use crate::model::Reporter;
use crate::user::UserConfig;

/// The field being typed into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Field {
    #[default]
    Unit,
    Name,
}

/// Why the prompt is still open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Enter on a unit that is neither a known unit nor an alias, with no
    /// completion to take instead.
    UnknownUnit(String),
    /// The per-user config could not be written (the answer still holds
    /// for this session).
    NotSaved(String),
}

/// The prompt's state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReporterPrompt {
    pub field: Field,
    pub unit: LineEdit,
    pub name: LineEdit,
    /// Units (registry indexes) whose name or an alias holds the unit
    /// typed: those starting with it first, then registry order.
    pub matches: Vec<usize>,
    /// The completion Tab or Enter takes (an index into `matches`).
    pub chosen: usize,
    pub problem: Option<Problem>,
    /// The name configured before, kept when the user skips.
    pub kept_name: Option<String>,
}

impl App {
    /// Opens the prompt, with the name already configured (if any).
    pub fn ask_reporter(&mut self, name: Option<&str>) {
        let prompt = ReporterPrompt {
            name: LineEdit::with_text(name.unwrap_or_default()),
            kept_name: name.map(str::to_string),
            ..ReporterPrompt::default()
        };
        self.mode = Mode::Reporter(Box::new(prompt));
    }
}

/// The action for a key while the prompt is open.
pub(super) fn action_for(k: &KeyEvent) -> Option<Action> {
    match k.code {
        KeyCode::Enter => Some(Action::Enter),
        KeyCode::Esc => Some(Action::Back),
        KeyCode::Tab => Some(Action::NextPane),
        KeyCode::BackTab => Some(Action::PrevPane),
        KeyCode::Up => Some(Action::Up),
        KeyCode::Down => Some(Action::Down),
        _ => super::keys::line_edit(k).map(Action::Edit),
    }
}

/// Units whose canonical name or an alias holds `typed`, those starting
/// with it first; none for empty text.
pub fn matches(app: &App, typed: &str) -> Vec<usize> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Vec::new();
    }
    fn names(u: &crate::model::Unit) -> impl Iterator<Item = &str> {
        std::iter::once(u.name.as_str()).chain(u.aliases.iter().map(String::as_str))
    }
    let (mut starts, mut holds) = (Vec::new(), Vec::new());
    for (i, unit) in app.data.units.iter().enumerate() {
        if names(unit).any(|n| n.starts_with(typed)) {
            starts.push(i);
        } else if names(unit).any(|n| n.contains(typed)) {
            holds.push(i);
        }
    }
    starts.extend(holds);
    starts
}

/// The canonical unit the prompt stands for: the text typed when it is a
/// unit or an alias, else the chosen completion.
fn resolve(app: &App, prompt: &ReporterPrompt) -> Option<String> {
    let typed = prompt.unit.text().trim();
    let exact = app.index.unit_by_name.get(typed).copied();
    let unit = exact.or_else(|| prompt.matches.get(prompt.chosen).copied())?;
    app.data.units.get(unit).map(|u| u.name.to_string())
}

/// A key while the prompt is open.
pub(super) fn update(app: &mut App, action: Action) -> Effect {
    let Mode::Reporter(prompt) = &mut app.mode else {
        return Effect::None;
    };
    let mut prompt = std::mem::take(prompt.as_mut());
    if let Some(Problem::NotSaved(_)) = prompt.problem {
        // Only a note now: any of Enter and Esc closes it.
        if matches!(action, Action::Enter | Action::Back) {
            app.mode = Mode::Browse;
        } else {
            app.mode = Mode::Reporter(Box::new(prompt));
        }
        return Effect::None;
    }
    let effect = step(app, &mut prompt, action);
    if effect == Effect::None {
        app.mode = Mode::Reporter(Box::new(prompt));
    } else {
        app.mode = Mode::Browse;
    }
    effect
}

fn step(app: &mut App, prompt: &mut ReporterPrompt, action: Action) -> Effect {
    match (action, prompt.field) {
        (Action::Back, _) => {
            return Effect::SaveUser(UserConfig {
                name: prompt.kept_name.take(),
                skipped: true,
                ..UserConfig::default()
            });
        }
        (Action::Edit(edit), Field::Unit) => {
            prompt.unit.apply(edit);
            prompt.matches = matches(app, prompt.unit.text());
            prompt.chosen = 0;
            prompt.problem = None;
        }
        (Action::Edit(edit), Field::Name) => {
            prompt.name.apply(edit);
        }
        (Action::Down, Field::Unit) if !prompt.matches.is_empty() => {
            prompt.chosen = (prompt.chosen + 1) % prompt.matches.len();
        }
        (Action::Up, Field::Unit) if !prompt.matches.is_empty() => {
            let n = prompt.matches.len();
            prompt.chosen = (prompt.chosen + n - 1) % n;
        }
        (Action::NextPane | Action::Enter, Field::Unit) => take_unit(app, prompt),
        (Action::NextPane | Action::PrevPane, Field::Name) => prompt.field = Field::Unit,
        (Action::PrevPane, Field::Unit) => take_unit(app, prompt),
        (Action::Enter, Field::Name) => {
            let Some(unit) = resolve(app, prompt) else {
                prompt.field = Field::Unit;
                return Effect::None;
            };
            let name = prompt.name.text().trim().to_string();
            app.reporter = Some(Reporter {
                unit: unit.clone(),
                name: name.clone(),
            });
            return Effect::SaveUser(UserConfig {
                unit: Some(unit),
                name: (!name.is_empty()).then_some(name),
                skipped: false,
            });
        }
        _ => {}
    }
    Effect::None
}

/// Tab or Enter on the unit: completes it to a canonical name and moves to
/// the name, or says the unit is unknown.
fn take_unit(app: &App, prompt: &mut ReporterPrompt) {
    match resolve(app, prompt) {
        Some(unit) => {
            prompt.unit = LineEdit::with_text(&unit);
            prompt.matches = matches(app, &unit);
            prompt.chosen = 0;
            prompt.field = Field::Name;
            prompt.problem = None;
        }
        None => {
            prompt.problem = Some(Problem::UnknownUnit(prompt.unit.text().trim().to_string()));
        }
    }
}

/// The event loop could not write the per-user config: the prompt stays
/// open to say so.
pub fn not_saved(app: &mut App, error: String) {
    app.mode = Mode::Reporter(Box::new(ReporterPrompt {
        problem: Some(Problem::NotSaved(error)),
        ..ReporterPrompt::default()
    }));
}

/// The prompt's words.
pub struct Words {
    pub title: &'static str,
    pub intro: &'static str,
    pub unit: &'static str,
    pub name: &'static str,
    pub keys: &'static str,
    pub unknown: &'static str,
    pub not_saved: &'static str,
    pub close: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &Words {
            title: "填报人",
            intro: "请填写您的单位和姓名，在仪表盘中填报的进度将记录填报人。",
            unit: "单位：",
            name: "姓名：",
            keys: "Tab 补全    Enter 确定    Esc 跳过（不再询问）",
            unknown: "不是已知单位或别名：",
            not_saved: "填报人未能保存到个人配置（本次仍然使用）：",
            close: "Enter/Esc 关闭",
        },
        Lang::En => &Words {
            title: "Who reports",
            intro: "Your unit and name: progress recorded in the dashboard names its reporter.",
            unit: "Unit: ",
            name: "Name: ",
            keys: "Tab complete    Enter confirm    Esc skip (not asked again)",
            unknown: "not a known unit or alias: ",
            not_saved: "the reporter could not be saved to the per-user config (it holds for this session): ",
            close: "Enter/Esc close",
        },
    }
}
