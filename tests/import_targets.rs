//! Targets on import: extraction from the task texts of a fixture document,
//! and hand curation in `DIR/targets.ron` that survives re-import.

use std::path::{Path, PathBuf};

use duban::import::{TARGETS_FILE, import_file};
use duban::model::{Cmp, Dataset, Target};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn t(name: &str, value: f64, unit: &str, cmp: Cmp) -> Target {
    Target {
        name: name.into(),
        value,
        unit: unit.into(),
        cmp,
    }
}

/// Imports targets.md into `dir` and loads what was written.
fn import_into(dir: &Path) -> Dataset {
    import_file(&fixture("targets.md"), dir).expect("imports");
    duban::store::load_dir(dir).expect("the written dataset loads")
}

fn targets_of<'a>(data: &'a Dataset, id: &str) -> &'a [Target] {
    &data
        .task(id)
        .unwrap_or_else(|| panic!("{id} exists"))
        .targets
}

const CURATION: &str = r#"#![enable(implicit_some)]
// K1.2 shares its numbers (分别); K1.3 counts before the noun.
[
    (task: "K1.2", targets: [
        (name: "地区生产总值增长", value: 6.5, unit: "%", cmp: at_least),
        (name: "财政总收入增长", value: 8, unit: "%", cmp: at_least),
        (name: "一般公共预算收入增长", value: 7, unit: "%", cmp: at_least),
    ]),
    (task: "K1.3", targets: [(name: "村庄征迁", value: 5, unit: "个", cmp: exact)]),
    (task: "M1", targets: []),
]
"#;

#[test]
fn import_extracts_targets_from_task_and_project_texts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = import_into(dir.path());
    assert_eq!(
        targets_of(&data, "K1.1"),
        [
            t("新增规上企业", 80.0, "家", Cmp::Exact),
            t("新增亿元企业", 12.0, "家", Cmp::Exact),
        ]
    );
    assert_eq!(
        targets_of(&data, "K1.2"),
        [
            t("地区生产总值增长", 6.5, "%", Cmp::AtLeast),
            t("财政总收入增长", 8.0, "%", Cmp::AtLeast),
            t("一般公共预算收入增长", 7.0, "%", Cmp::AtLeast),
        ],
        "the shared numbers (分别) give one target per name"
    );
    assert_eq!(targets_of(&data, "K1.3"), []);
    assert_eq!(
        targets_of(&data, "M1"),
        [
            t("新建水厂", 1.0, "座", Cmp::Exact),
            t("改造供水管网", 10.0, "公里", Cmp::AtLeast),
        ]
    );
}

#[test]
fn curated_targets_replace_extraction_and_survive_reimport() {
    let dir = tempfile::tempdir().expect("temp dir");
    import_into(dir.path());
    std::fs::write(dir.path().join(TARGETS_FILE), CURATION).expect("curate");
    for round in 0..2 {
        let data = import_into(dir.path());
        let names: Vec<&str> = targets_of(&data, "K1.2")
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(
            names,
            ["地区生产总值增长", "财政总收入增长", "一般公共预算收入增长"],
            "round {round}"
        );
        assert_eq!(
            targets_of(&data, "K1.3"),
            [t("村庄征迁", 5.0, "个", Cmp::Exact)]
        );
        assert_eq!(targets_of(&data, "M1"), [], "an empty list means none");
        assert_eq!(targets_of(&data, "K1.1").len(), 2, "uncurated: extracted");
    }
    let kept = std::fs::read_to_string(dir.path().join(TARGETS_FILE)).expect("kept");
    assert_eq!(kept, CURATION, "import never rewrites the curation");
}

#[test]
fn the_summary_counts_targets_and_curated_tasks() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(TARGETS_FILE), CURATION).expect("curate");
    let summary = import_file(&fixture("targets.md"), dir.path()).expect("imports");
    assert_eq!((summary.targets, summary.curated), (6, 3));
    assert!(
        summary
            .to_string()
            .contains("6 targets (3 tasks curated) → "),
        "{summary}"
    );
}

/// Imports with `curation` as targets.ron; the error text, and that
/// nothing was written.
fn curation_error(curation: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(TARGETS_FILE), curation).expect("curate");
    let e = import_file(&fixture("targets.md"), dir.path()).expect_err("refused");
    assert!(!dir.path().join("tasks.ron").exists(), "nothing written");
    e.to_string()
}

#[test]
fn a_curated_task_missing_from_the_document_is_an_error_at_its_line() {
    let e = curation_error(&CURATION.replace("\"K1.3\"", "\"K1.9\""));
    assert!(e.contains("targets.ron:9:12: "), "{e}");
    assert!(e.contains("task `K1.9` is not in the document"), "{e}");
}

#[test]
fn a_repeated_target_name_is_an_error_at_the_second() {
    let e = curation_error(&CURATION.replace("财政总收入增长", "地区生产总值增长"));
    assert!(e.contains("targets.ron:6:16: "), "{e}");
    assert!(
        e.contains("a second target named `地区生产总值增长`"),
        "{e}"
    );
}

#[test]
fn an_unknown_comparison_is_an_error_with_its_position() {
    let e = curation_error(&CURATION.replace("cmp: exact", "cmp: roughly"));
    assert!(e.contains("targets.ron:9:"), "{e}");
    assert!(e.contains("cannot read the curated targets"), "{e}");
}
