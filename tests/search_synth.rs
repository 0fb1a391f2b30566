//! Synthetic datasets go through the store like real ones.

use duban::store::{load_dir, write_dataset};
use duban::synth::synth;

#[test]
fn a_written_synthetic_dataset_loads_back_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = synth(500, 11);
    write_dataset(dir.path(), &data).expect("write");
    let loaded = load_dir(dir.path()).expect("load");
    assert_eq!(loaded, data);
}

#[test]
fn synthetic_task_texts_are_as_long_as_real_ones() {
    let data = synth(2000, 1);
    let chars: usize = data.tasks.iter().map(|t| t.text.chars().count()).sum();
    let mean = chars / data.tasks.len();
    assert!((35..=80).contains(&mean), "mean task length {mean}");
}
