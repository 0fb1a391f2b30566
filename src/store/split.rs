//! Parsing a long top-level RON list on every core: the text is cut
//! between its elements into pieces, and each piece is parsed as a list of
//! its own, with the file's header (`#![enable(...)]`) in front.
//!
//! Only a fast path: the cuts come from a scan that knows RON's brackets,
//! strings (raw ones too), characters and comments, and whatever it cannot
//! be sure of (an unclosed string, brackets that do not match) means no
//! cut. If any piece fails to parse, the caller parses the whole text as
//! before, so every error is reported exactly where the plain parse
//! reports it.

use serde::de::DeserializeOwned;

use super::error::LoadError;

/// Lists of fewer bytes than this are parsed in one piece.
const MIN_PARALLEL: usize = 1 << 20;

/// The list in `text` (named `name`), parsed in pieces on every core when
/// it is long; `Err` with the plain parse's error otherwise.
pub(super) fn parse_list<T>((name, text): (&str, &str)) -> Result<Vec<T>, LoadError>
where
    T: DeserializeOwned + Send,
{
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if threads > 1
        && text.len() >= MIN_PARALLEL
        && let Some(list) = in_pieces(text, threads * 2)
    {
        return Ok(list);
    }
    super::load::parse((name, text))
}

/// The list parsed in about `pieces` pieces at once; `None` if the text
/// cannot be cut or a piece does not parse.
fn in_pieces<T: DeserializeOwned + Send>(text: &str, pieces: usize) -> Option<Vec<T>> {
    let cuts = cuts(text, pieces)?;
    let (open, close) = (cuts[0], cuts[cuts.len() - 1]);
    // The header and the opening bracket, then a piece, then `]`.
    let head = &text[..open];
    let parts: Vec<Option<Vec<T>>> = std::thread::scope(|s| {
        let handles: Vec<_> = (cuts.windows(2))
            .map(|w| {
                let piece = &text[w[0]..w[1].min(close)];
                s.spawn(move || {
                    let mut one = String::with_capacity(head.len() + piece.len() + 2);
                    one.push_str(head);
                    one.push_str(piece);
                    one.push_str("\n]");
                    crate::model::Names::interning(|| super::load::parse::<Vec<T>>(("", &one)).ok())
                })
            })
            .collect();
        (handles.into_iter())
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    let mut all = Vec::new();
    for part in parts {
        all.extend(part?);
    }
    Some(all)
}

/// Byte offsets: just after the list's `[`, then after the `,` that ends
/// an element at about every `len / pieces` bytes, then the list's `]`.
/// `None` when the text is not a list whose brackets, strings and
/// comments the scan can follow to the end.
fn cuts(text: &str, pieces: usize) -> Option<Vec<usize>> {
    let b = text.as_bytes();
    let step = (b.len() / pieces.max(1)).max(1);
    let mut cuts = Vec::with_capacity(pieces + 2);
    let mut depth = 0usize;
    let mut close = None;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => i = string_end(b, i + 1, 0)?,
            b'r' if !ident_before(b, i) && raw_start(b, i + 1).is_some() => {
                let (hashes, quote) = raw_start(b, i + 1)?;
                i = string_end(b, quote + 1, hashes)?;
            }
            b'\'' => i = char_end(b, i + 1)?,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = b[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(b.len(), |n| i + n);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => i = comment_end(b, i + 2)?,
            // An attribute before the list: `#![enable(implicit_some)]`.
            b'#' if depth == 0 && b[i..].starts_with(b"#![") => {
                i += b[i..].iter().position(|&c| c == b']')?;
            }
            b'[' | b'(' | b'{' => {
                depth += 1;
                if depth == 1 {
                    if b[i] != b'[' || !cuts.is_empty() {
                        return None;
                    }
                    cuts.push(i + 1);
                }
            }
            b']' | b')' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            b',' if depth == 1 && i + 1 - cuts[cuts.len() - 1] >= step => cuts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    let close = close?;
    if cuts.len() > 1 && text[cuts[cuts.len() - 1]..close].trim().is_empty() {
        cuts.pop();
    }
    // Nothing but blanks and comments may follow; leave that to the plain
    // parse otherwise.
    if !text[close + 1..].trim().is_empty() {
        return None;
    }
    cuts.push(close);
    (cuts.len() > 2).then_some(cuts)
}

/// Whether the byte before `i` continues an identifier (`bar` in `bar"`
/// is not a raw string).
fn ident_before(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

/// After an `r`: the number of `#`s and where the opening `"` is, if this
/// is a raw string.
fn raw_start(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let hashes = b[from..].iter().take_while(|&&c| c == b'#').count();
    (b.get(from + hashes) == Some(&b'"')).then_some((hashes, from + hashes))
}

/// The index of the `"` (followed by `hashes` `#`s) that ends a string
/// whose text starts at `from`; escapes count only in plain strings.
fn string_end(b: &[u8], from: usize, hashes: usize) -> Option<usize> {
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'\\' if hashes == 0 => i += 1,
            b'"' if b[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == b'#')
                .count()
                == hashes =>
            {
                return Some(i + hashes);
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index of the `'` that ends a character literal starting at `from`.
fn char_end(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < b.len() && i < from + 16 {
        match b[i] {
            b'\\' => i += 1,
            b'\'' => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index of the `/` that ends a block comment (RON's nest) whose text
/// starts at `from`.
fn comment_end(b: &[u8], from: usize) -> Option<usize> {
    let mut depth = 1;
    let mut i = from;
    while i + 1 < b.len() {
        match (b[i], b[i + 1]) {
            (b'/', b'*') => {
                depth += 1;
                i += 1;
            }
            (b'*', b'/') => {
                depth -= 1;
                i += 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_fall_between_elements_only() {
        let text = "#![enable(implicit_some)]\n[\n(a: \"x,]\", b: r#\"\"],\"#),\n// a, comment ]\n(a: 'c', b: [1, 2]),\n/* ], /* , */ */ (a: \"\\\",\"),\n]\n";
        let cuts = cuts(text, 100).expect("a list");
        let open = text.find("\n[").unwrap() + 2;
        assert_eq!(cuts[0], open);
        assert_eq!(*cuts.last().unwrap(), text.rfind(']').unwrap());
        let pieces: Vec<&str> = cuts.windows(2).map(|w| &text[w[0]..w[1]]).collect();
        assert_eq!(pieces.len(), 3, "{pieces:?}");
        assert!(pieces[0].trim_end().ends_with("\"#),"), "{pieces:?}");
        assert!(pieces[1].trim_end().ends_with("2]),"), "{pieces:?}");
    }

    #[test]
    fn a_written_tasks_file_is_cut_in_as_many_pieces_as_asked() {
        let data = crate::synth::synth(2000, 3);
        let files = crate::store::render_dataset(&data).unwrap();
        let (_, tasks) = files.iter().find(|(n, _)| *n == "tasks.ron").unwrap();
        let cuts = cuts(tasks, 4).expect("cut");
        assert_eq!(cuts.len(), 5, "{cuts:?}");
        let parsed: Vec<crate::model::Task> = in_pieces(tasks, 4).expect("parsed");
        assert_eq!(parsed, data.tasks);
    }

    #[test]
    fn what_the_scan_cannot_follow_is_not_cut() {
        for text in [
            "[(a: \"open),",
            "[(a: 1)))",
            "(a: 1)",
            "[(a: 1),] x",
            "[(a: 1)] [",
        ] {
            assert!(cuts(text, 4).is_none(), "{text}");
        }
    }
}
