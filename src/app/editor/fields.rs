//! The editor's fields and the three notes, in the order Tab visits them.

/// The editor's fields, top to bottom (see [`Editor::fields`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The actual value of the task's target at this index.
    Actual(usize),
    Percent,
    Status,
    Note(Note),
    Date,
}

/// The three notes of an entry, each multi-line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Note {
    /// 主要进展 (the journal's `note`).
    Made,
    /// 存在问题.
    Problems,
    /// 下步打算.
    Next,
}

impl Note {
    pub const ALL: [Note; 3] = [Note::Made, Note::Problems, Note::Next];

    pub(super) fn index(self) -> usize {
        match self {
            Note::Made => 0,
            Note::Problems => 1,
            Note::Next => 2,
        }
    }
}

impl Field {
    /// The fields every editor has, after the targets' actual values.
    pub const ALL: [Field; 6] = [
        Field::Percent,
        Field::Status,
        Field::Note(Note::Made),
        Field::Note(Note::Problems),
        Field::Note(Note::Next),
        Field::Date,
    ];

    /// The field `d` steps down `fields` (negative: up), wrapping around.
    pub(super) fn step(self, fields: &[Field], d: isize) -> Field {
        let n = fields.len() as isize;
        let i = fields.iter().position(|f| *f == self).unwrap_or(0) as isize;
        fields
            .get(usize::try_from((i + d).rem_euclid(n.max(1))).unwrap_or(0))
            .copied()
            .unwrap_or(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_wrap_around() {
        assert_eq!(Field::Percent.step(&Field::ALL, -1), Field::Date);
        assert_eq!(Field::Date.step(&Field::ALL, 1), Field::Percent);
    }

    #[test]
    fn the_notes_follow_the_status_in_their_order() {
        assert_eq!(Field::Status.step(&Field::ALL, 1), Field::Note(Note::Made));
        assert_eq!(Field::Note(Note::Next).step(&Field::ALL, 1), Field::Date);
    }
}
