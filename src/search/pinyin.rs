//! Pinyin: readings per distinct character, and matching a Latin query
//! against runs of consecutive Chinese characters.
//!
//! Each character of a run consumes a non-empty prefix of one of its
//! readings, so `fgj` (initials), `fagai` (full syllables), `fagaiju` and
//! `fgju` (mixed) all match 发改局. A character with several readings (重
//! zhong/chong, 行 xing/hang) matches any of them.

use pinyin::ToPinyinMulti;

/// Tone-less readings of one character, lowercase ASCII (ü is written v).
#[derive(Debug, Clone, Default)]
pub struct Readings {
    syllables: Box<[Box<str>]>,
    /// Bit `b` is set when a reading starts with letter `b` (a = 0).
    initials: u32,
}

impl Readings {
    /// The readings of `c`; empty for a character without pinyin.
    pub fn of(c: char) -> Readings {
        let mut syllables: Vec<Box<str>> = Vec::new();
        if let Some(multi) = c.to_pinyin_multi() {
            for reading in multi {
                let plain: String = reading
                    .plain()
                    .chars()
                    .map(|ch| match ch {
                        'ü' => 'v',
                        'ê' => 'e',
                        other => other,
                    })
                    .filter(char::is_ascii_lowercase)
                    .collect();
                if !plain.is_empty() && !syllables.iter().any(|s| **s == *plain) {
                    syllables.push(plain.into());
                }
            }
        }
        let initials = syllables
            .iter()
            .filter_map(|s| s.bytes().next())
            .fold(0, |mask, b| mask | letter_bit(b));
        Readings {
            syllables: syllables.into(),
            initials,
        }
    }

    pub fn syllables(&self) -> impl Iterator<Item = &str> {
        self.syllables.iter().map(|s| &**s)
    }

    /// Bit `b` is set when a reading starts with letter `b` (a = 0).
    pub fn initials(&self) -> u32 {
        self.initials
    }

    fn starts_with_letter(&self, b: u8) -> bool {
        self.initials & letter_bit(b) != 0
    }
}

fn letter_bit(b: u8) -> u32 {
    if b.is_ascii_lowercase() {
        1 << (b - b'a')
    } else {
        0
    }
}

/// A query that may be matched by pinyin: ASCII letters only, lowercased.
pub fn pinyin_query(query: &str) -> Option<Vec<u8>> {
    let q: Vec<u8> = query.bytes().map(|b| b.to_ascii_lowercase()).collect();
    (!q.is_empty() && q.iter().all(u8::is_ascii_lowercase)).then_some(q)
}

/// The fewest characters a pinyin match must cover, so that a few letters
/// cannot match nearly every text.
pub const MIN_CHARS: usize = 2;

/// What a match at the start of a text adds to its score.
pub const START_BONUS: i64 = 16;

/// A pinyin match of a query on one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinyinMatch {
    /// Character index of the first matched character.
    pub start: usize,
    /// How many consecutive characters the query covers.
    pub len: usize,
    /// How many of them were matched by a whole syllable.
    pub full_syllables: usize,
}

impl PinyinMatch {
    /// A score in the spirit of the fuzzy matcher's: more letters and whole
    /// syllables score higher, a match at the start of the text highest.
    /// Pinyin hits are ranked below direct hits whatever this says.
    pub fn score(&self, letters: usize) -> i64 {
        let start_bonus = if self.start == 0 { START_BONUS } else { 0 };
        (16 * letters + 8 * self.full_syllables) as i64 + start_bonus - self.len as i64
    }
}

/// The best match of `query` (lowercase letters) over runs of `text`, a
/// text given as character IDs into `table`.
pub fn find(query: &[u8], text: &[u32], table: &[Readings]) -> Option<PinyinMatch> {
    let first = *query.first()?;
    let readings = |i: usize| table.get(text[i] as usize);
    let mut best: Option<PinyinMatch> = None;
    for start in 0..text.len() {
        if !readings(start).is_some_and(|r| r.starts_with_letter(first)) {
            continue;
        }
        if let Some((len, full)) = run(query, &text[start..], table, 0) {
            let found = PinyinMatch {
                start,
                len,
                full_syllables: full,
            };
            if best
                .as_ref()
                .is_none_or(|b| found.score(query.len()) > b.score(query.len()))
            {
                best = Some(found);
            }
        }
    }
    best
}

/// The match of `query` on the run at the start of `text`, as [`find`]
/// would give it there (only the first `query.len()` characters of the
/// text are read: each character takes a letter at least).
pub fn at_start(query: &[u8], text: &[u32], table: &[Readings]) -> Option<PinyinMatch> {
    run(query, text, table, 0).map(|(len, full_syllables)| PinyinMatch {
        start: 0,
        len,
        full_syllables,
    })
}

/// Matches all of `query` against characters from `used` on. Returns
/// (characters covered, whole syllables), preferring whole syllables;
/// `None` when no split covers at least [`MIN_CHARS`].
fn run(query: &[u8], text: &[u32], table: &[Readings], used: usize) -> Option<(usize, usize)> {
    if query.is_empty() {
        return (used >= MIN_CHARS).then_some((used, 0));
    }
    let readings = table.get(*text.get(used)? as usize)?;
    let mut best: Option<(usize, usize)> = None;
    for syllable in readings.syllables() {
        let s = syllable.as_bytes();
        let common = s.iter().zip(query).take_while(|(a, b)| a == b).count();
        for take in (1..=common).rev() {
            if let Some((len, full)) = run(&query[take..], text, table, used + 1) {
                let full = full + usize::from(take == s.len());
                if best.is_none_or(|(_, f)| full > f) {
                    best = Some((len, full));
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find_in(query: &str, text: &str) -> Option<PinyinMatch> {
        let table: Vec<Readings> = text.chars().map(Readings::of).collect();
        let ids: Vec<u32> = (0..table.len() as u32).collect();
        find(&pinyin_query(query)?, &ids, &table)
    }

    #[test]
    fn initials_match_a_run() {
        let m = find_in("fgj", "市发改局").unwrap();
        assert_eq!((m.start, m.len), (1, 3));
    }

    #[test]
    fn full_syllables_match() {
        let m = find_in("fagai", "市发改局").unwrap();
        assert_eq!((m.start, m.len, m.full_syllables), (1, 2, 2));
    }

    #[test]
    fn mixed_initials_and_syllables_match() {
        assert_eq!(find_in("fagaij", "市发改局").unwrap().len, 3);
        assert_eq!(find_in("fgju", "市发改局").unwrap().len, 3);
    }

    #[test]
    fn both_readings_of_a_polyphone_match() {
        assert!(find_in("zhongd", "重点工作").is_some());
        assert!(find_in("chongd", "重点工作").is_some());
        assert!(find_in("chongf", "重复建设").is_some());
        assert!(find_in("yh", "银行").is_some());
        assert!(find_in("yinhang", "银行").is_some());
        assert!(find_in("xingz", "行政审批").is_some());
    }

    #[test]
    fn characters_must_be_consecutive() {
        assert!(find_in("fj", "市发改局").is_none());
    }

    #[test]
    fn one_character_is_not_enough() {
        assert!(find_in("fa", "发").is_none());
        assert!(find_in("ji", "市经信局").is_none());
    }

    #[test]
    fn non_letters_are_not_pinyin_queries() {
        assert!(pinyin_query("k2").is_none());
        assert!(pinyin_query("规上").is_none());
        assert_eq!(pinyin_query("FGJ").unwrap(), b"fgj");
    }

    #[test]
    fn u_umlaut_is_written_v() {
        assert!(find_in("lvh", "绿化").is_some());
    }
}
