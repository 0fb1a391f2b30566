//! Bounded fuzzing in `cargo test`: a few thousand damaged inputs each for
//! the dataset loader, the importer and the journal reader. Each must give
//! a value or a placed error, never a panic; the journal must never lose a
//! byte. (Longer runs: the cargo-fuzz targets in `fuzz/`.)

mod progress_support;

use std::fs;
use std::path::Path;

use duban::progress::{Journal, ProgressError};
use duban::store::{self, FILES};
use proptest::prelude::*;

/// A change to a text: cut at, insert a byte at, copy a span to, or
/// replace a byte at a position (taken modulo the length).
#[derive(Debug, Clone)]
enum Damage {
    Cut(usize),
    Insert(usize, u8),
    Repeat(usize, usize, usize),
    Replace(usize, u8),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<usize>().prop_map(Damage::Cut),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Damage::Insert(a, b)),
        (any::<usize>(), 0usize..40, any::<usize>()).prop_map(|(a, n, b)| Damage::Repeat(a, n, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Damage::Replace(a, b)),
    ]
}

fn apply(bytes: &mut Vec<u8>, damages: &[Damage]) {
    for d in damages {
        let len = bytes.len().max(1);
        match *d {
            Damage::Cut(at) => bytes.truncate(at % len),
            Damage::Insert(at, b) => bytes.insert(at % (bytes.len() + 1), b),
            Damage::Repeat(from, n, to) => {
                let from = from % len;
                let span: Vec<u8> = bytes.iter().skip(from).take(n).copied().collect();
                let to = to % (bytes.len() + 1);
                bytes.splice(to..to, span);
            }
            Damage::Replace(at, b) => {
                if !bytes.is_empty() {
                    let i = at % bytes.len();
                    bytes[i] = b;
                }
            }
        }
    }
}

fn valid_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store/valid");
    FILES
        .iter()
        .map(|f| fs::read_to_string(dir.join(f)).expect("fixture"))
        .collect()
}

/// A temporary directory in memory where there is one: thousands of
/// flushed saves would otherwise wait on the disk.
fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().unwrap()
}

/// A valid journal of a few entries, a retraction and actuals (made once).
fn valid_journal() -> Vec<u8> {
    static MADE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    MADE.get_or_init(make_journal).clone()
}

fn make_journal() -> Vec<u8> {
    let dir = scratch();
    let path = dir.path().join("progress.ron");
    let mut journal = Journal::open(&path).unwrap();
    for (i, note) in ["完成征地", "", "a \"quoted\"\nnote", "推进中"]
        .iter()
        .enumerate()
    {
        let mut e = progress_support::entry("K2.16", i as u32, 10 * i as u8, note);
        if i == 1 {
            e.actuals = vec![duban::model::Actual {
                target: "新增规上企业".into(),
                value: 60.0,
            }];
        }
        journal.commit(e).unwrap();
    }
    journal.undo_last_of_session().unwrap().saved.unwrap();
    fs::read(&path).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_damaged_dataset_loads_or_is_a_placed_error(
        which in 0usize..4,
        damages in prop::collection::vec(damage(), 1..4),
    ) {
        let mut texts = valid_texts();
        let mut bytes = texts[which].clone().into_bytes();
        apply(&mut bytes, &damages);
        texts[which] = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let err = store::decode(FILES[which], e.into_bytes()).unwrap_err();
                prop_assert!(!err.diagnostics().is_empty(), "{err}");
                return Ok(());
            }
        };
        let pairs: Vec<(&str, &str)> =
            FILES.iter().zip(&texts).map(|(f, t)| (*f, t.as_str())).collect();
        if let Err(err) = store::load_sources(&pairs) {
            let ds = err.diagnostics();
            prop_assert!(!ds.is_empty(), "{err}");
            prop_assert!(ds.iter().all(|d| d.line >= 1 && d.col >= 1), "{err}");
        }
    }

    #[test]
    fn a_damaged_document_imports_or_is_an_error_naming_it(
        damages in prop::collection::vec(damage(), 1..4),
    ) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import/colons_and_commas.md");
        let mut bytes = fs::read(path).unwrap();
        apply(&mut bytes, &damages);
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = duban::import::import_document(&text, "doc.md", None) {
            prop_assert!(e.to_string().starts_with("doc.md:"), "{e}");
        }
    }

}

proptest! {
    // Each case writes and flushes a file: fewer cases, same seconds.
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// Whatever the file holds, opening it gives entries or an error at a
    /// line and column inside it; a commit then either leaves the file as
    /// it was or keeps every byte (the cut tail in a side file).
    #[test]
    fn a_damaged_journal_opens_or_is_placed_and_no_byte_is_lost(
        damages in prop::collection::vec(damage(), 1..4),
    ) {
        let mut bytes = valid_journal();
        apply(&mut bytes, &damages);
        let dir = scratch();
        let path = dir.path().join("progress.ron");
        fs::write(&path, &bytes).unwrap();
        let lines = bytes.split(|b| *b == b'\n').count();
        match Journal::open(&path) {
            Err(ProgressError::Parse { line, col, .. }) => {
                prop_assert!(line >= 1 && line <= lines && col >= 1, "{line}:{col}");
                let mut journal = Journal::read_only(&path);
                let _ = journal.commit(progress_support::entry("K1.1", 59, 5, "x"));
                prop_assert_eq!(fs::read(&path).unwrap(), bytes);
            }
            Err(other) => prop_assert!(false, "{other}"),
            Ok(mut journal) => {
                let torn = journal.interrupted_save().is_some();
                journal.commit(progress_support::entry("K1.1", 59, 5, "x")).unwrap();
                let after = fs::read(&path).unwrap();
                let mut kept = Vec::new();
                for e in fs::read_dir(dir.path()).unwrap() {
                    let p = e.unwrap().path();
                    if p.to_string_lossy().contains(".torn-") {
                        kept = fs::read(p).unwrap();
                    }
                }
                prop_assert_eq!(torn, !kept.is_empty());
                let before_len = bytes.len() - kept.len();
                prop_assert_eq!(&after[..before_len], &bytes[..before_len]);
                prop_assert_eq!(&bytes[before_len..], &kept[..]);
            }
        }
    }
}
