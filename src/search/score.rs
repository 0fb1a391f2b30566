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

pub(super) const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
pub(super) const GAP_EXTENSION: i32 = -1;
const FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
pub(super) const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
const NEG_INFINITY: i32 = i16::MIN as i32;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

impl CharType {
    pub(super) fn of(ch: char) -> CharType {
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

pub(super) fn in_place_bonus(prev: CharType, cur: CharType) -> i32 {
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
pub(super) mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    pub(crate) fn reference(choice: &str, pattern: &str) -> Option<i64> {
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

    pub(crate) fn text(max: usize) -> impl Strategy<Value = String> {
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
