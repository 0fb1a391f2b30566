//! The fuzzy matcher's score, computed without its per-call allocations.
//!
//! [`Scorer::score`] returns exactly what a fresh
//! `SkimMatcherV2::default().fuzzy_match(choice, pattern)` returns
//! (fuzzy-matcher 0.3, default score configuration, smart case; a property
//! test holds it to that). It follows the same two-row dynamic programme,
//! but works on texts the index has decoded once, in reused buffers, and
//! skips the matrix set-up the library repeats per call. Positions for
//! highlighting still come from the library itself, for visible rows only.
//!
//! A fresh matcher is the reference because a reused one carries
//! consecutive-match bonuses over from earlier calls (its matrix is cached
//! per thread and not fully reset), so its score for a pattern of three or
//! more characters can depend on what was matched before. (`use_cache(false)`
//! would avoid that, but panics in fuzzy-matcher 0.3.7.)

use std::cmp::max;

const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
const NEG_INFINITY: i32 = i16::MIN as i32;

#[derive(Debug, Clone, Copy, PartialEq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

impl CharType {
    fn of(ch: char) -> CharType {
        match ch {
            '\0' => CharType::Empty,
            ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharType::HardSep,
            '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharType::SoftSep,
            '0'..='9' => CharType::Number,
            'A'..='Z' => CharType::Upper,
            _ => CharType::Lower,
        }
    }
}

fn in_place_bonus(prev: CharType, cur: CharType) -> i32 {
    match (prev, cur) {
        (CharType::Empty, _) | (CharType::HardSep, _) => BONUS_HEAD,
        (CharType::SoftSep, _) => BONUS_BREAK,
        (CharType::Lower, CharType::Upper) | (CharType::Number, CharType::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// Whether a character `cur` after `prev` (`'\0'` before the first)
/// stands at a place the matcher gives a bonus.
pub(crate) fn bonus_place(prev: char, cur: char) -> bool {
    in_place_bonus(CharType::of(prev), CharType::of(cur)) != 0
}

#[derive(Debug, Clone, Copy)]
struct Cell {
    m: i32,
    p: i32,
    bonus: i32,
}

const RESET: Cell = Cell {
    m: NEG_INFINITY,
    p: NEG_INFINITY,
    bonus: 0,
};

/// An upper bound on the score of a pattern of `n` characters on a text
/// whose first character does not match the pattern's first character.
///
/// Only a match on a text's first character earns the doubled head bonus;
/// every other matched character adds at most a match and the largest
/// bonus, and the first one a gap extension less. A property test holds
/// the library's scores to it. A match of one or two characters at the
/// head scores above it (31 and 51 against 23 and 47).
pub(crate) fn off_head_bound(n: usize) -> i64 {
    let n = i64::try_from(n).unwrap_or(i64::MAX / 64);
    n * i64::from(SCORE_MATCH + BONUS_HEAD) + i64::from(GAP_EXTENSION)
}

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

/// A prepared pattern and reusable buffers; one per thread.
#[derive(Debug, Default)]
pub(crate) struct Scorer {
    pattern: Vec<char>,
    case_sensitive: bool,
    first: Vec<usize>,
    bonus: Vec<i32>,
    cells: Vec<Cell>,
}

impl Scorer {
    pub fn new(pattern: &str) -> Scorer {
        Scorer {
            pattern: pattern.chars().collect(),
            case_sensitive: pattern.chars().any(|c| c.is_ascii_uppercase()),
            ..Scorer::default()
        }
    }

    fn equal(&self, c: char, p: char) -> bool {
        if self.case_sensitive {
            c == p
        } else {
            c.eq_ignore_ascii_case(&p)
        }
    }

    /// The score of the pattern on `choice` (decoded to characters, as the
    /// search index keeps its texts), or `None` when the pattern is not a
    /// subsequence of it.
    pub fn score(&mut self, choice: &[char]) -> Option<i64> {
        if self.pattern.is_empty() {
            return Some(0);
        }
        if let [p] = self.pattern[..] {
            return self.single(choice, p);
        }
        // Where each pattern character first matches, in order.
        self.first.clear();
        let mut next = 0;
        for (j, &c) in choice.iter().enumerate() {
            if next == self.pattern.len() {
                break;
            }
            if self.equal(c, self.pattern[next]) {
                self.first.push(j);
                next += 1;
            }
        }
        if next < self.pattern.len() {
            return None;
        }
        Some(self.matrix(choice) as i64)
    }

    /// [`Scorer::score`] on `text`, decoded into `buf` only when needed: a
    /// one-character pattern that is no ASCII letter (a Chinese character
    /// typed alone) is found in the text's bytes, and the character before
    /// each place it stands read from the byte before it (every character
    /// beyond ASCII is of one type).
    pub fn score_text(&mut self, text: &str, buf: &mut Vec<char>) -> Option<i64> {
        if let [p] = self.pattern[..]
            && !p.is_ascii_alphabetic()
        {
            let bytes = text.as_bytes();
            let at = |i: usize| {
                let prev = match i.checked_sub(1).map(|k| bytes[k]) {
                    None => CharType::Empty,
                    Some(b) if b.is_ascii() => CharType::of(char::from(b)),
                    Some(_) => CharType::Lower,
                };
                let head = if i == 0 { FIRST_CHAR_MULTIPLIER } else { 1 };
                GAP_EXTENSION + head * in_place_bonus(prev, CharType::of(p)) + SCORE_MATCH
            };
            return text
                .match_indices(p)
                .map(|(i, _)| at(i))
                .max()
                .map(i64::from);
        }
        buf.clear();
        buf.extend(text.chars());
        self.score(buf)
    }

    /// A one-character pattern: the matrix reduces to the best
    /// occurrence, `in-place bonus - 1 + match score`.
    fn single(&self, choice: &[char], p: char) -> Option<i64> {
        let mut best: Option<i32> = None;
        let mut prev = CharType::Empty;
        for (j, &c) in choice.iter().enumerate() {
            let ty = CharType::of(c);
            if self.equal(c, p) {
                let mut bonus = in_place_bonus(prev, ty);
                if j == 0 {
                    bonus *= FIRST_CHAR_MULTIPLIER;
                }
                let penalty = if !self.case_sensitive && c != p {
                    PENALTY_CASE_MISMATCH
                } else {
                    0
                };
                let score = GAP_EXTENSION + bonus + max(0, SCORE_MATCH + penalty);
                best = Some(best.map_or(score, |b| max(b, score)));
            }
            prev = ty;
        }
        best.map(i64::from)
    }

    fn matrix(&mut self, choice: &[char]) -> i32 {
        let cols = choice.len() + 1;
        let n = self.pattern.len();
        self.bonus.clear();
        self.bonus.push(0);
        let mut prev = '\0';
        for &c in choice {
            self.bonus
                .push(in_place_bonus(CharType::of(prev), CharType::of(c)));
            prev = c;
        }
        if cols > 1 {
            self.bonus[1] *= FIRST_CHAR_MULTIPLIER;
        }
        // Two rows, as a fresh matcher's matrix starts.
        self.cells.clear();
        self.cells.resize(2 * cols, RESET);
        let at = |row: usize, col: usize| row * cols + col;
        self.cells[at(1, self.first[0])] = RESET;
        for j in 0..cols {
            self.cells[at(0, j)] = Cell {
                p: GAP_EXTENSION,
                ..RESET
            };
        }
        for i in 0..n {
            let p_ch = self.pattern[i];
            let row = (i + 1) & 1;
            let row_prev = i & 1;
            for (j, &c_ch) in choice.iter().enumerate().skip(self.first[i]) {
                let (cur, last, diag) = (at(row, j + 1), at(row, j), at(row_prev, j));
                if self.equal(c_ch, p_ch) {
                    let matched = SCORE_MATCH
                        + if !self.case_sensitive && p_ch != c_ch {
                            PENALTY_CASE_MISMATCH
                        } else {
                            0
                        };
                    let in_place = self.bonus[j + 1];
                    let consecutive = max(self.cells[last].bonus, max(in_place, BONUS_CONSECUTIVE));
                    self.cells[last].bonus = consecutive;
                    let score_match = self.cells[diag].m + consecutive;
                    let score_skip = self.cells[diag].p + in_place;
                    self.cells[cur].m = max(score_match, score_skip) + max(0, matched);
                } else {
                    self.cells[cur].m = NEG_INFINITY;
                    self.cells[cur].bonus = 0;
                }
                let open = GAP_START + GAP_EXTENSION + self.cells[last].m;
                let extend = GAP_EXTENSION + self.cells[last].p;
                self.cells[cur].p = max(open, extend);
            }
        }
        let last_row = n & 1;
        (self.first[n - 1]..cols)
            .map(|j| self.cells[at(last_row, j)].m)
            .max()
            .unwrap_or(NEG_INFINITY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    fn reference(choice: &str, pattern: &str) -> Option<i64> {
        SkimMatcherV2::default().fuzzy_match(choice, pattern)
    }

    /// Our score of `pattern` on `choice`.
    fn ours(choice: &str, pattern: &str) -> Option<i64> {
        let chars: Vec<char> = choice.chars().collect();
        Scorer::new(pattern).score(&chars)
    }

    const ALPHABET: &[char] = &[
        '市', '发', '改', '局', '规', '上', '企', '业', '新', '增', 'a', 'b', 'A', 'B', 'k', 'K',
        '1', '2', '.', ',', ' ', '(', ')', '%', '/', '，', '。',
    ];

    fn text(max: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(ALPHABET), 0..max)
            .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn equals_the_fuzzy_matchers_score(choice in text(40), pattern in text(6)) {
            prop_assert_eq!(ours(&choice, &pattern), reference(&choice, &pattern));
        }

        #[test]
        fn no_match_off_the_head_scores_above_the_bound(choice in text(40), pattern in text(6)) {
            let lower = |s: &str| s.chars().flat_map(char::to_lowercase).next();
            prop_assume!(!pattern.is_empty() && lower(&choice) != lower(&pattern));
            if let Some(score) = reference(&choice, &pattern) {
                prop_assert!(
                    score <= off_head_bound(pattern.chars().count()),
                    "{} > {}", score, off_head_bound(pattern.chars().count())
                );
            }
        }

        #[test]
        fn a_whole_pattern_after_a_separator_scores_within_the_bound(
            before in text(10),
            sep in prop::sample::select(&[' ', '/', '(', ',', '.', '-', 'A'][..]),
            pattern in text(6),
            after in text(10),
        ) {
            // The best place off the head: right after a separator.
            let choice = format!("x{before}{sep}{pattern}{after}");
            prop_assume!(!pattern.is_empty() && !pattern.starts_with(['x', 'X']));
            let score = reference(&choice, &pattern);
            prop_assert!(score.is_some());
            prop_assert!(score <= Some(off_head_bound(pattern.chars().count())));
        }

        #[test]
        fn equals_the_fuzzy_matchers_score_for_one_character(choice in text(40), pattern in text(2)) {
            prop_assert_eq!(ours(&choice, &pattern), reference(&choice, &pattern));
            let on_text = Scorer::new(&pattern).score_text(&choice, &mut Vec::new());
            prop_assert_eq!(on_text, reference(&choice, &pattern));
        }
    }

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

    #[test]
    fn scores_a_chinese_substring_like_the_library() {
        let choice = "加快培育,新增规上企业100家。";
        assert_eq!(ours(choice, "规上企业"), reference(choice, "规上企业"));
        assert!(ours(choice, "规上企业").is_some());
    }

    #[test]
    fn a_match_of_one_or_two_characters_at_the_head_beats_the_bound() {
        // Those are the keystrokes that match most of a large dataset.
        for pattern in ["新", "新增", "f", "fg", "k2"] {
            let head = ours(&format!("{pattern}100家"), pattern);
            assert!(
                head > Some(off_head_bound(pattern.chars().count())),
                "{pattern}: {head:?}"
            );
        }
    }

    #[test]
    fn no_score_when_the_pattern_is_not_a_subsequence() {
        assert_eq!(ours("市发改局", "局发"), None);
    }
}
