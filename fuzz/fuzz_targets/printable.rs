//! The command line's sanitiser: no control character but tab survives.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let shown = duban::text::printable(&text);
    assert!(!shown.chars().any(|c| c != '\t' && c.is_control()));
});
