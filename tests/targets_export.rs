//! Targets in the dataset files and in `duban export`.

mod report_support;

use duban::export::Export;
use duban::model::Cmp;
use report_support::{dataset, entries};

#[test]
fn export_gives_each_target_the_latest_actual() {
    let (data, entries) = (dataset(), entries());
    let export = Export::new(&data, &entries);
    let k21 = export.tasks.iter().find(|t| t.id == "K2.1").expect("K2.1");
    let got: Vec<(&str, f64, Cmp, Option<f64>)> = k21
        .targets
        .iter()
        .map(|t| (t.name.as_str(), t.value, t.cmp, t.actual))
        .collect();
    assert_eq!(
        got,
        [
            ("新增规上企业", 100.0, Cmp::Exact, Some(20.0)),
            ("新增亿元企业", 20.0, Cmp::Exact, Some(3.0)),
        ]
    );
    let k31 = export.tasks.iter().find(|t| t.id == "K3.1").expect("K3.1");
    assert_eq!(k31.targets[0].actual, None);
}

#[test]
fn export_json_has_the_documented_target_fields() {
    let (data, entries) = (dataset(), entries());
    let json = serde_json::to_value(Export::new(&data, &entries)).expect("json");
    let target = &json["tasks"][2]["targets"][0];
    let mut keys: Vec<&str> = target
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["actual", "cmp", "name", "unit", "value"]);
    assert_eq!(target["cmp"], "exact");
    assert_eq!(target["actual"], 20.0);
    assert_eq!(json["tasks"][1]["targets"], serde_json::json!([]));
}

#[test]
fn targets_survive_writing_and_reloading_the_dataset() {
    let data = dataset();
    let dir = tempfile::tempdir().expect("tempdir");
    duban::store::write_dataset(dir.path(), &data).expect("write");
    let again = duban::store::load_dir(dir.path()).expect("reload");
    assert_eq!(again, data);
    assert_eq!(again.task("K2.2").expect("K2.2").targets[0].name, "专项债");
}

#[test]
fn an_unknown_comparison_is_a_load_error_at_its_position() {
    let dir = tempfile::tempdir().expect("tempdir");
    duban::store::write_dataset(dir.path(), &dataset()).expect("write");
    let path = dir.path().join("tasks.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text.replacen("cmp: at_least", "cmp: more_or_less", 1),
    )
    .expect("write");
    let err = duban::store::load_dir(dir.path()).expect_err("bad cmp");
    let message = err.to_string();
    assert!(message.contains("tasks.ron:"), "{message}");
    assert!(message.contains("at_least"), "{message}");
}

fn target(value: f64, cmp: Cmp) -> duban::model::Target {
    duban::model::Target {
        name: "新增规上企业".into(),
        value,
        unit: "家".into(),
        cmp,
    }
}

#[test]
fn an_actual_gives_the_share_of_a_counting_target() {
    assert_eq!(target(100.0, Cmp::Exact).percent_of(85.0), Some(85));
    assert_eq!(target(7.5, Cmp::AtLeast).percent_of(6.8), Some(90));
    assert_eq!(target(100.0, Cmp::AtLeast).percent_of(130.0), Some(100));
    assert_eq!(target(100.0, Cmp::AtMost).percent_of(50.0), Some(100));
    assert_eq!(target(100.0, Cmp::AtMost).percent_of(101.0), Some(0));
    assert_eq!(target(0.0, Cmp::Exact).percent_of(5.0), None);
}

#[test]
fn targets_read_back_as_the_document_words_them() {
    assert_eq!(target(100.0, Cmp::Exact).phrase_zh(), "新增规上企业100家");
    assert_eq!(
        target(1.2, Cmp::AtLeast).phrase_zh(),
        "新增规上企业1.2家以上"
    );
    assert_eq!(target(3.0, Cmp::Aim).phrase_zh(), "力争新增规上企业3家");
    assert!(target(100.0, Cmp::About).is_met(96.0));
    assert!(!target(100.0, Cmp::About).is_met(94.0));
    assert!(target(22.0, Cmp::AtMost).is_met(21.0));
}
