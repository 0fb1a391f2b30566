//! The terminator that ends every record line duban writes, so a line cut
//! short by an interrupted save is told apart from one written whole.

use std::fmt::Write as _;

/// What ends every record line duban writes: ` //#crc32:` and the CRC-32
/// of the record text before it, in eight hex digits. A last line without
/// it was cut short while being written (or written by hand); a line with
/// it was written whole. A RON comment, so the line stays plain RON.
pub(super) const MARK: &str = " //#crc32:";

/// CRC-32 (IEEE 802.3, as in zip and PNG) of `bytes`.
pub(super) fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xedb8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// How a line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    /// No terminator (a file written before terminators, or by hand).
    None,
    /// A terminator cut short: the line was being written.
    Partial,
    /// A whole terminator; whether its checksum matches the text.
    Whole { matches: bool },
}

/// A line split into its record text and how it ends.
pub(super) fn split_mark(line: &str) -> (&str, Mark) {
    let Some(at) = line.rfind(" //#") else {
        return (line, Mark::None);
    };
    let (body, rest) = (&line[..at], &line[at..]);
    let Some(hex) = rest.strip_prefix(MARK) else {
        return if MARK.starts_with(rest) {
            (body, Mark::Partial)
        } else {
            (line, Mark::None)
        };
    };
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) || hex.len() > 8 {
        return (line, Mark::None);
    }
    if hex.len() < 8 {
        return (body, Mark::Partial);
    }
    let matches = u32::from_str_radix(hex, 16).is_ok_and(|crc| crc == crc32(body.as_bytes()));
    (body, Mark::Whole { matches })
}

/// Ends a record's text with its terminator (without the newline).
pub(super) fn terminate(line: &mut String) {
    let crc = crc32(line.as_bytes());
    let _ = write!(line, "{MARK}{crc:08x}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_the_ieee_one() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    }
}
