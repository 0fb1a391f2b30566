//! The journal reader on any bytes: records or a placed error, no panic;
//! every record read is written back to a line that reads the same.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match duban::progress::parse_records(Path::new("progress.ron"), bytes) {
        Ok(records) => {
            for record in records {
                let line = duban::progress::record_line(&record);
                let again = duban::progress::parse_records(Path::new("p"), line.as_bytes())
                    .expect("a written record reads back");
                assert_eq!(again, vec![record]);
            }
        }
        Err(duban::progress::ProgressError::Parse { line, col, .. }) => {
            assert!(line >= 1 && col >= 1);
        }
        Err(other) => panic!("{other}"),
    }
});
