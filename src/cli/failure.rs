//! A command's failure, printed in the user's language.

use std::fmt;

use crate::messages::{Lang, Localize};

/// Any error a command can fail with: every library error that has a
/// [`Localize`] rendering, and the commands' own [`crate::messages::Text`]s.
pub struct Failure(Box<dyn Localize>);

impl Failure {
    pub fn localize(&self, lang: Lang) -> String {
        self.0.localize(lang)
    }
}

impl<E: Localize + 'static> From<E> for Failure {
    fn from(error: E) -> Failure {
        Failure(Box::new(error))
    }
}

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::En))
    }
}
