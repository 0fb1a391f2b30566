//! Lookups derived from a loaded dataset, and the one loading path shared
//! by the bundled dataset and a directory.

use std::fs;
use std::path::{Path, PathBuf};

use duban::model::Dataset;
use duban::store::{self, FILES, Index};

fn valid_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store/valid")
}

fn valid() -> Dataset {
    store::load_dir(&valid_dir()).expect("valid fixture")
}

#[test]
fn sources_and_directory_load_the_same_dataset() {
    let texts: Vec<(String, String)> = FILES
        .iter()
        .map(|f| {
            (
                format!("x/{f}"),
                fs::read_to_string(valid_dir().join(f)).expect("read"),
            )
        })
        .collect();
    let pairs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    assert_eq!(store::load_sources(&pairs).expect("sources"), valid());
}

#[test]
fn the_bundled_dataset_loads() {
    let data = store::load(None).expect("bundled dataset");
    assert!(!data.tasks.is_empty() && !data.units.is_empty());
}

#[test]
fn an_alias_finds_its_canonical_unit() {
    let data = valid();
    let index = Index::new(&data);
    assert_eq!(index.canonical(&data, "市政府办公室"), Some("市府办"));
    assert_eq!(index.canonical(&data, "市府办"), Some("市府办"));
    assert_eq!(index.canonical(&data, "市长办"), None);
}

#[test]
fn a_unit_has_its_lead_and_co_tasks_in_document_order() {
    let data = valid();
    let index = Index::new(&data);
    let duties = index.duties("市发改局").expect("unit");
    assert_eq!(duties.lead, ["K1.1", "K2.1"]);
    assert!(duties.co.is_empty());
    let finance = index.duties("市财政局").expect("unit");
    assert_eq!(
        (finance.lead.as_slice(), finance.co.as_slice()),
        (&["K1.1".to_string()][..], &["M1".to_string()][..])
    );
}

#[test]
fn an_alias_has_the_duties_of_its_unit() {
    let data = valid();
    let index = Index::new(&data);
    assert_eq!(index.duties("市政府办公室"), index.duties("市府办"));
    assert_eq!(index.duties("市府办").expect("unit").lead, ["K1.2"]);
}

#[test]
fn a_leader_has_key_tasks_then_projects() {
    let data = valid();
    let index = Index::new(&data);
    assert_eq!(index.leader_tasks("L2"), ["K2.1", "K2.2", "M1"]);
    assert!(index.leader_tasks("L9").is_empty());
}
