//! What a query without ASCII letters (Chinese, digits, punctuation)
//! scores on a text, told without the fuzzy matcher's matrix: where its
//! characters stand at no bonus place, the score is [`Plain::whole`] or
//! below.

use super::score::{
    BONUS_CONSECUTIVE, CharType, GAP_EXTENSION, SCORE_MATCH, Scorer, in_place_bonus,
};

/// A query without ASCII letters (Chinese, digits, punctuation): its
/// characters match only themselves, so on most texts its score is known
/// without the matrix.
///
/// Where no character of the query stands at a bonus place of a text (its
/// first character, or one after a separator or at a camel-case step),
/// every matched character earns the match score and at most the
/// consecutive bonus, so the score is at most [`Plain::whole`], and equals
/// it exactly when the query occurs in the text as a whole. A property test
/// holds the library to both.
#[derive(Debug, Clone)]
pub(crate) struct Plain {
    chars: Vec<char>,
}

/// What [`Plain::class`] tells about a text holding the query's
/// characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlainClass {
    /// A character of the query stands at a bonus place: score it.
    Bonus,
    /// The query occurs whole and at no bonus place: it scores
    /// [`Plain::whole`].
    Whole,
    /// Not whole and at no bonus place: below [`Plain::whole`], if it
    /// matches at all.
    Below,
}

impl Plain {
    /// `None` for an empty query or one with an ASCII letter (whose case
    /// the matcher may fold).
    pub fn new(query: &str) -> Option<Plain> {
        let chars: Vec<char> = query.chars().collect();
        let plain = !chars.is_empty() && !chars.iter().any(char::is_ascii_alphabetic);
        plain.then_some(Plain { chars })
    }

    /// The query's characters.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Whether no character of the query has case: each then matches
    /// itself only, and the index's lists of a character hold exactly the
    /// texts containing it.
    pub fn caseless(&self) -> bool {
        fn only(mut it: impl Iterator<Item = char>, c: char) -> bool {
            it.next() == Some(c) && it.next().is_none()
        }
        (self.chars.iter()).all(|&c| only(c.to_lowercase(), c) && only(c.to_uppercase(), c))
    }

    /// The best score the query can have on any text: its own, whole and
    /// alone (a property test holds the library to it).
    pub fn best(&self) -> i64 {
        Scorer::new(&self.chars.iter().collect::<String>())
            .score(&self.chars)
            .unwrap_or(i64::MAX)
    }

    /// The score of the query occurring whole at no bonus place.
    pub fn whole(&self) -> i64 {
        let n = self.chars.len() as i64;
        i64::from(GAP_EXTENSION + SCORE_MATCH)
            + (n - 1) * i64::from(SCORE_MATCH + BONUS_CONSECUTIVE)
    }

    pub fn class(&self, text: &[char]) -> PlainClass {
        let mut prev = CharType::Empty;
        for &c in text {
            let ty = CharType::of(c);
            if in_place_bonus(prev, ty) != 0 && self.chars.contains(&c) {
                return PlainClass::Bonus;
            }
            prev = ty;
        }
        let n = self.chars.len();
        let whole = if n == 1 {
            text.contains(&self.chars[0])
        } else {
            text.windows(n).any(|w| w == self.chars.as_slice())
        };
        if whole {
            PlainClass::Whole
        } else {
            PlainClass::Below
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::score::tests::{reference, text};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn a_plain_query_off_the_bonus_places_scores_whole_or_below(
            choice in text(40),
            pattern in text(4),
        ) {
            let Some(plain) = Plain::new(&pattern) else {
                return Ok(());
            };
            let chars: Vec<char> = choice.chars().collect();
            let score = reference(&choice, &pattern);
            match plain.class(&chars) {
                PlainClass::Whole => prop_assert_eq!(score, Some(plain.whole())),
                PlainClass::Below => prop_assert!(score.is_none_or(|s| s < plain.whole())),
                PlainClass::Bonus => {}
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn no_text_scores_above_a_plain_query_on_itself(
            choice in text(40),
            pattern in text(5),
        ) {
            let Some(plain) = Plain::new(&pattern) else {
                return Ok(());
            };
            if let Some(score) = reference(&choice, &pattern) {
                prop_assert!(score <= plain.best(), "{} > {}", score, plain.best());
            }
            prop_assert_eq!(reference(&pattern, &pattern), Some(plain.best()));
        }
    }

    #[test]
    fn a_whole_chinese_query_mid_text_scores_the_plain_whole() {
        let plain = Plain::new("企业").unwrap();
        let text: Vec<char> = "培育规上企业".chars().collect();
        assert_eq!(plain.class(&text), PlainClass::Whole);
        assert_eq!(Some(plain.whole()), reference("培育规上企业", "企业"));
        let text: Vec<char> = "企业培育".chars().collect();
        assert_eq!(plain.class(&text), PlainClass::Bonus);
        let text: Vec<char> = "(企业".chars().collect();
        assert_eq!(plain.class(&text), PlainClass::Bonus);
        let text: Vec<char> = "企划业".chars().collect();
        assert_eq!(plain.class(&text), PlainClass::Bonus);
        let text: Vec<char> = "规企划业".chars().collect();
        assert_eq!(plain.class(&text), PlainClass::Below);
        assert!(Plain::new("k2").is_none());
    }
}
