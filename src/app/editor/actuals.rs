//! Actual values in the editor: for a task with targets, one line of text
//! per target. The percent is derived from the actual values as they are
//! typed ([`percent_from_actuals`], the same as `progress set --actual`)
//! until the user types or steps a percent; clearing that override
//! returns to the derived percent.

use crate::line_edit::{Edit, LineEdit};
use crate::model::{Actual, ProgressEntry, Target, format_value};
use crate::progress::percent_from_actuals;

use super::{Editor, Field, Problem};

/// The task's targets, compared by the bits of their values (so the
/// editor, and the mode holding it, can be `Eq`).
#[derive(Debug, Clone, Default)]
pub struct Targets(pub Vec<Target>);

impl PartialEq for Targets {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self.0.iter().zip(&other.0).all(|(a, b)| {
                a.name == b.name
                    && a.unit == b.unit
                    && a.cmp == b.cmp
                    && a.value.to_bits() == b.value.to_bits()
            })
    }
}

impl Eq for Targets {}

/// An actual value as typed: `None` when empty (not reported), else the
/// finite number or the text that is not one.
pub fn parse_actual(text: &str) -> Option<Result<f64, String>> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(
        text.parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| text.to_string()),
    )
}

impl Editor {
    /// Gives the editor the task's targets, with the actual values of the
    /// latest entry filled in. The focus starts on the first target.
    pub fn with_targets(mut self, targets: &[Target], latest: Option<&ProgressEntry>) -> Editor {
        if targets.is_empty() {
            return self;
        }
        self.actuals = targets
            .iter()
            .map(|t| {
                latest
                    .and_then(|e| e.actuals.iter().find(|a| a.target == t.name))
                    .map_or_else(LineEdit::new, |a| {
                        LineEdit::with_text(&format_value(a.value))
                    })
            })
            .collect();
        self.opened_actuals = self.actuals.iter().map(|a| a.text().to_string()).collect();
        self.targets = Targets(targets.to_vec());
        self.field = Field::Actual(0);
        // The latest percent was an override when the actuals give another.
        self.overridden = match (self.derived(), latest) {
            (Some(d), Some(e)) => d != e.percent,
            _ => false,
        };
        self
    }

    /// The fields top to bottom: one per target, then percent, status,
    /// note and date.
    pub fn fields(&self) -> Vec<Field> {
        (0..self.actuals.len())
            .map(Field::Actual)
            .chain(Field::ALL)
            .collect()
    }

    /// The task's targets (none for a sub-item or a task without).
    pub fn targets(&self) -> &[Target] {
        &self.targets.0
    }

    /// The actual value typed for target `i`.
    pub fn actual(&self, i: usize) -> Option<&LineEdit> {
        self.actuals.get(i)
    }

    /// Whether the percent is the user's, not derived from the actuals.
    pub fn is_overridden(&self) -> bool {
        self.overridden
    }

    /// The actual values typed that are numbers, one per target name.
    pub fn typed_actuals(&self) -> Vec<Actual> {
        let mut out: Vec<Actual> = Vec::new();
        for (t, line) in self.targets.0.iter().zip(&self.actuals) {
            if let Some(Ok(value)) = parse_actual(line.text())
                && !out.iter().any(|a| a.target == t.name)
            {
                out.push(Actual {
                    target: t.name.clone(),
                    value,
                });
            }
        }
        out
    }

    /// The percent the actual values give, if they give one.
    pub fn derived(&self) -> Option<u8> {
        percent_from_actuals(&self.targets.0, &self.typed_actuals())
    }

    /// Whether an actual value differs from the one the editor opened with.
    pub(super) fn actuals_changed(&self) -> bool {
        self.actuals
            .iter()
            .zip(&self.opened_actuals)
            .any(|(now, then)| now.text() != then)
    }

    /// Actual values that are not numbers.
    pub(super) fn actual_problems(&self) -> Vec<Problem> {
        self.actuals
            .iter()
            .enumerate()
            .filter_map(|(i, line)| match parse_actual(line.text()) {
                Some(Err(text)) => Some(Problem::ActualNotANumber {
                    index: i,
                    target: self.targets.0.get(i).map(|t| t.name.clone())?,
                    text,
                }),
                _ => None,
            })
            .collect()
    }

    /// Follows the actual values unless the percent is overridden.
    pub(super) fn follow_actuals(&mut self) {
        if !self.overridden
            && let Some(d) = self.derived()
        {
            self.set_percent(u16::from(d));
            self.fresh = true;
        }
    }

    /// An edit of the actual value of target `i`.
    pub(super) fn edit_actual(&mut self, i: usize, edit: Edit) {
        if let Some(line) = self.actuals.get_mut(i) {
            line.apply(edit);
        }
        self.follow_actuals();
    }

    /// The user typed or stepped the percent.
    pub(super) fn override_percent(&mut self) {
        if !self.actuals.is_empty() {
            self.overridden = true;
        }
    }

    /// The percent was cleared: back to the derived one, if any.
    pub(super) fn clear_override(&mut self) {
        if self.overridden {
            self.overridden = false;
            self.follow_actuals();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_actual_is_not_reported_and_words_are_not_numbers() {
        assert_eq!(parse_actual("  "), None);
        assert_eq!(parse_actual(" 7.5 "), Some(Ok(7.5)));
        assert_eq!(parse_actual("六十"), Some(Err("六十".to_string())));
        assert_eq!(parse_actual("inf"), Some(Err("inf".to_string())));
    }
}
