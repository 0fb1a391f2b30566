//! Whatever the bytes, loading returns a dataset or an error; never a
//! panic.

use std::fs;
use std::path::Path;

use duban::store::{self, FILES};
use proptest::prelude::*;

fn valid_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store/valid");
    FILES
        .iter()
        .map(|f| fs::read_to_string(dir.join(f)).expect("fixture"))
        .collect()
}

/// Loads the valid dataset with file `which` replaced by `text`. A failure
/// must be reported with at least one position in a dataset file.
fn load_with(which: usize, text: &str) -> Result<(), String> {
    let mut texts = valid_texts();
    texts[which] = text.to_string();
    let pairs: Vec<(&str, &str)> = FILES
        .iter()
        .zip(&texts)
        .map(|(f, t)| (*f, t.as_str()))
        .collect();
    match store::load_sources(&pairs) {
        Ok(_) => Ok(()),
        Err(err) => {
            let ds = err.diagnostics();
            let placed = |d: &store::Diagnostic| {
                d.line >= 1 && d.col >= 1 && FILES.contains(&d.file.as_str())
            };
            if !ds.is_empty() && ds.iter().all(placed) {
                Ok(())
            } else {
                Err(format!("badly placed error: {err}"))
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_in_any_file_is_an_error_not_a_panic(which in 0usize..4, text in "\\PC{0,200}") {
        prop_assert_eq!(load_with(which, &text), Ok(()));
    }

    #[test]
    fn a_damaged_valid_file_is_an_error_not_a_panic(
        which in 0usize..4,
        cut in 0.0f64..1.0,
        len in 0usize..40,
        insert in "[\\[\\](){}\",:#/*r a-z0-9市]{0,6}",
    ) {
        let text = &valid_texts()[which];
        let mut at = ((text.len() as f64) * cut) as usize;
        while !text.is_char_boundary(at) { at -= 1; }
        let mut end = (at + len).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let damaged = format!("{}{}{}", &text[..at], insert, &text[end..]);
        prop_assert_eq!(load_with(which, &damaged), Ok(()));
    }

    #[test]
    fn any_bytes_decode_or_report_a_position(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        match store::decode("f.ron", bytes.clone()) {
            Ok(text) => prop_assert_eq!(text.as_bytes(), bytes.as_slice()),
            Err(err) => prop_assert!(err.to_string().starts_with("f.ron:")),
        }
    }
}
