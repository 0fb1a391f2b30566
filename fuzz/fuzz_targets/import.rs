//! The importer on any text: a dataset or an error naming the document.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    if let Err(e) = duban::import::import_document(&text, "doc.md", None) {
        assert!(e.to_string().starts_with("doc.md:"));
    }
});
