//! Several entries committed with one save: what `duban collect` records
//! from a pile of report sheets, one lock and one flush for all of them.

use super::{Journal, SaveError, SaveReport};
use crate::model::ProgressEntry;
use crate::progress::validate::structural;

impl Journal {
    /// Records every entry, then saves once. The same checks as
    /// [`Journal::commit`] are made on each entry first; when one fails,
    /// nothing is recorded.
    pub fn commit_all(&mut self, entries: Vec<ProgressEntry>) -> Result<SaveReport, SaveError> {
        if let Some(errors) = entries
            .iter()
            .map(structural)
            .find(|errors| !errors.is_empty())
        {
            return Err(SaveError::Invalid(errors));
        }
        self.undone.clear();
        for mut entry in entries {
            while self.identity_taken(&entry.task, &entry.at) {
                entry.at += chrono::TimeDelta::nanoseconds(1);
            }
            self.session.push(super::Retraction::of(&entry));
            self.pending.push(super::Record::Entry(entry.clone()));
            self.insert(entry);
        }
        self.save()
    }
}
