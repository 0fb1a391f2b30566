//! Target extraction reads full-width text as it reads ASCII text, and
//! the forms real documents use: 以内, shared numbers, thresholds inside a
//! name, ug/m³.

use duban::import::import_document;
use duban::model::{Cmp, Target};
use duban::targets::extract;

const ASCII_TO_FULL: [(char, char); 5] = [
    (',', '，'),
    (';', '；'),
    (':', '：'),
    ('(', '（'),
    (')', '）'),
];

fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| ASCII_TO_FULL.iter().find(|p| p.0 == c).map_or(c, |p| p.1))
        .collect()
}

fn t(name: &str, value: f64, unit: &str, cmp: Cmp) -> Target {
    Target {
        name: name.into(),
        value,
        unit: unit.into(),
        cmp,
    }
}

#[test]
fn the_whole_dongyang_source_gives_the_same_targets_either_way() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/source/dongyang-2023-key-tasks.md"
    );
    let source = std::fs::read_to_string(path).expect("source");
    let ascii = import_document(&source, "ascii", None).expect("ASCII import");
    let full = import_document(&full_width(&source), "full", None).expect("full-width import");
    assert_eq!(ascii.tasks.len(), full.tasks.len());
    let mut compared = 0;
    for (a, f) in ascii.all_tasks().zip(full.all_tasks()) {
        assert_eq!(a.id, f.id);
        assert_eq!(a.targets, f.targets, "{}: {}", a.id, f.text);
        compared += a.targets.len();
    }
    assert!(compared > 100, "only {compared} targets compared");
}

#[test]
fn at_most_with_yinei() {
    assert_eq!(
        extract("城镇调查失业率控制在5%以内。"),
        [t("城镇调查失业率", 5.0, "%", Cmp::AtMost)]
    );
}

#[test]
fn numbers_shared_by_fenbie() {
    assert_eq!(
        extract("规上工业增加值、数字经济核心产业增加值分别增长13.8%和12%以上"),
        [
            t("规上工业增加值增长", 13.8, "%", Cmp::AtLeast),
            t("数字经济核心产业增加值增长", 12.0, "%", Cmp::AtLeast),
        ]
    );
}

#[test]
fn numbers_shared_by_jun() {
    assert_eq!(
        extract("旅游人次、旅游收入均增长10%以上。"),
        [
            t("旅游人次增长", 10.0, "%", Cmp::AtLeast),
            t("旅游收入增长", 10.0, "%", Cmp::AtLeast),
        ]
    );
    assert_eq!(
        extract("人均可支配收入增长6%"),
        [t("人均可支配收入增长", 6.0, "%", Cmp::Exact)]
    );
}

#[test]
fn a_threshold_inside_a_name() {
    assert_eq!(
        extract("村级集体经济年收入30万元以上行政村占比达到80%"),
        [t(
            "村级集体经济年收入30万元以上行政村占比",
            80.0,
            "%",
            Cmp::Exact
        )]
    );
}

#[test]
fn micrograms_per_cubic_metre() {
    assert_eq!(
        extract("PM2.5平均浓度低于22 ug/m³，空气优良率稳定在90%"),
        [
            t("PM2.5平均浓度", 22.0, "ug/m³", Cmp::AtMost),
            t("空气优良率", 90.0, "%", Cmp::About),
        ]
    );
}

#[test]
fn two_targets_of_one_name_keep_both() {
    let data = import_document(
        "2024年任务\n一、发展\n1. 新增规上企业100家，新增规上企业20家（县经信局牵头）\n",
        "doc",
        None,
    )
    .expect("imports");
    let names: Vec<&str> = data.tasks[0]
        .targets
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["新增规上企业", "新增规上企业(2)"]);
}
