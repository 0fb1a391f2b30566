//! The dataset loader on any four texts (split at 0xff bytes): a dataset
//! or errors placed in a file, no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let mut parts: Vec<String> = bytes
        .split(|b| *b == 0xff)
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    parts.resize(4, String::new());
    let pairs: Vec<(&str, &str)> = duban::store::FILES
        .iter()
        .zip(&parts)
        .map(|(f, t)| (*f, t.as_str()))
        .collect();
    if let Err(err) = duban::store::load_sources(&pairs) {
        assert!(!err.diagnostics().is_empty() || err.to_string().contains("not found"));
    }
});
