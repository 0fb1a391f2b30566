//! A unit written in traditional script is found by simplified input and
//! by pinyin, and is shown as written.

use std::sync::Arc;

use duban::import::import_document;
use duban::search::{Index, Kind, Searcher, Target};

fn searcher() -> Searcher {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/shapes/6_mixed_traditional.md"
    );
    let text = std::fs::read_to_string(path).expect("fixture");
    let data = import_document(&text, "6_mixed_traditional.md", None).expect("imports");
    Searcher::new(Arc::new(Index::build(&data)))
}

fn first_unit(query: &str) -> Option<(String, String)> {
    let hits = searcher().search(query, Some(Kind::Unit), 10);
    hits.into_iter().find_map(|h| match h.target {
        Target::Unit(name) => Some((name, h.text)),
        _ => None,
    })
}

#[test]
fn simplified_input_finds_a_traditional_unit() {
    let (name, shown) = first_unit("经信局").expect("a hit");
    assert_eq!(name, "市經信局");
    assert_eq!(shown, "市經信局", "shown as written");
}

#[test]
fn traditional_input_finds_it_too() {
    assert_eq!(first_unit("經信").map(|h| h.0).as_deref(), Some("市經信局"));
}

#[test]
fn pinyin_finds_a_traditional_unit() {
    assert_eq!(
        first_unit("linye").map(|h| h.0).as_deref(),
        Some("市林業局")
    );
    assert_eq!(first_unit("sczj").map(|h| h.0).as_deref(), Some("市財政局"));
}
