//! Small documents, one per variant of the source format and one per
//! error, under tests/fixtures/import/.

use std::path::{Path, PathBuf};

use duban::import::{import_document, import_file};
use duban::model::{Dataset, Name, Task};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn import(name: &str) -> Dataset {
    let text = std::fs::read_to_string(fixture(name)).expect("fixture");
    import_document(&text, name, None).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn roles(t: &Task) -> (Vec<&str>, Vec<&str>) {
    (
        t.lead.iter().map(Name::as_str).collect(),
        t.co.iter().map(Name::as_str).collect(),
    )
}

#[test]
fn heading_forms_and_county_titles() {
    let data = import("heading_forms.txt");
    let leaders: Vec<(&str, &str)> = data
        .plan
        .leaders
        .iter()
        .map(|l| (l.name.as_str(), l.title.as_str()))
        .collect();
    assert_eq!(
        leaders,
        [
            ("张三", "县长"),
            ("李四", "常务副县长"),
            ("王五", "副区长"),
            ("赵六", "常委副市长")
        ]
    );
}

#[test]
fn plain_text_front_matter() {
    let plan = import("heading_forms.txt").plan;
    assert_eq!(plan.doc_number, "某政办发〔2024〕7号");
    assert_eq!(plan.issuer, "某某县人民政府办公室");
    assert_eq!(
        plan.issued.map(|d| d.to_string()).as_deref(),
        Some("2024-02-01")
    );
    assert_eq!(plan.addressees, ["各乡镇人民政府", "县政府各部门"]);
    assert_eq!(plan.year, 2024);
}

#[test]
fn three_numbering_styles() {
    let data = import("numbering.md");
    let numbers: Vec<u32> = data.tasks.iter().map(|t| t.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(data.tasks[1].text, "第二项任务,含3.0版升级。");
    assert_eq!(data.tasks[2].lead, ["市商务局"]);
}

#[test]
fn full_width_and_ascii_colons_and_commas() {
    let data = import("colons_and_commas.md");
    assert_eq!(
        roles(&data.tasks[0]),
        (vec!["市发改局", "市财政局"], vec!["市经信局", "市科技局"])
    );
    assert_eq!(
        roles(&data.tasks[1]),
        (vec!["市商务局"], vec!["市交通局", "市水务局"])
    );
}

#[test]
fn bold_marks_the_leads() {
    let data = import("colons_and_commas.md");
    assert_eq!(
        roles(&data.tasks[2]),
        (vec!["市委政法委", "市公安局"], vec!["市司法局"])
    );
}

#[test]
fn without_a_comma_the_whole_list_leads() {
    let data = import("no_comma.md");
    assert_eq!(
        roles(&data.tasks[0]),
        (vec!["市残联", "市红十字会"], vec![])
    );
    assert_eq!(roles(&data.tasks[1]), (vec!["市金融办"], vec![]));
    assert_eq!(
        roles(&data.tasks[2]),
        (
            vec!["市政府各部门"],
            vec!["各镇、乡人民政府", "各街道办事处"]
        )
    );
}

#[test]
fn projects_with_county_leaders() {
    let data = import("projects_with_leaders.md");
    let m1 = &data.projects[0];
    assert_eq!(m1.title.as_deref(), Some("饮用水提升工程"));
    assert_eq!(m1.leader.as_deref(), Some("L2"));
    assert_eq!(
        roles(m1),
        (vec!["县水务局"], vec!["县财政局", "县住建局", "各乡镇"])
    );
    let items: Vec<&str> = m1.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(items, ["新建水厂1座。", "改造管网10公里,升级到2.0版。"]);
    assert_eq!(data.projects[1].leader.as_deref(), Some("L1"));
}

#[test]
fn projects_without_leaders() {
    let data = import("projects_without_leaders.md");
    assert!(data.projects.iter().all(|p| p.leader.is_none()));
    assert_eq!(
        roles(&data.projects[0]),
        (vec!["市民政局"], vec!["市财政局", "各镇乡街道"])
    );
    assert_eq!(roles(&data.projects[1]), (vec!["市文广旅体局"], vec![]));
    assert_eq!(data.projects[1].text, "新建城市书房10家。");
}

#[test]
fn a_project_without_units_is_an_error_at_its_line() {
    let text = std::fs::read_to_string(fixture("err_project_without_units.md")).expect("fixture");
    let err = import_document(&text, "err_project_without_units.md", None)
        .expect_err("a project no unit leads")
        .to_string();
    assert!(err.starts_with("err_project_without_units.md:15:"), "{err}");
    assert!(err.contains("M2 has no lead unit"), "{err}");
}

#[test]
fn pdf_artefacts_are_repaired() {
    let data = import("artefacts.md");
    let ids: Vec<&str> = data.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        ["K1.1", "K1.2", "K1.3", "K1.4", "K1.5", "K1.6", "K2.1"]
    );
    assert_eq!(
        data.tasks[0].text,
        "全面完成2024年目标,增长7.5%以上,PM2.5浓度低于22 ug/m³。"
    );
    assert_eq!(data.tasks[0].co, ["各镇、乡人民政府", "各街道办事处"]);
    assert_eq!(
        data.tasks[1].text,
        "自觉站在群众的角度思考谋划推进工作,让群众也办不成的事办成。"
    );
    assert_eq!(
        data.tasks[1].co,
        ["市经信局", "市自然资源和规划局", "市税务局"]
    );
    assert_eq!(data.tasks[2].text, "持续释放人才新政3.0版政策红利。");
    assert_eq!(data.tasks[6].text, "50个重大项目开工。");
}

#[test]
fn member_references_resolve_to_groups() {
    let data = import("artefacts.md");
    assert_eq!(data.tasks[3].co_members_of, ["市平台攻坚大会战指挥部"]);
    assert_eq!(
        data.tasks[4].co_members_of,
        ["市常态化扫黑除恶斗争领导小组"]
    );
    assert!(data.units.iter().all(|u| !u.name.contains("成员单位")));
}

#[test]
fn spellings_fold_into_canonical_units() {
    let data = import("artefacts.md");
    assert_eq!(
        roles(&data.tasks[5]),
        (vec!["市市场监管局"], vec!["市\"五水共治\"办"])
    );
    assert_eq!(data.tasks[2].lead, ["市委组织部", "市科技局"]);
    let org = data
        .units
        .iter()
        .find(|u| u.name == "市委组织部")
        .expect("registered");
    assert_eq!(org.aliases, ["市委组织部(人才办)"]);
}

/// Importing fixture `name` fails with a message holding every part.
fn assert_error(name: &str, parts: &[&str]) {
    let out = tempfile::tempdir().expect("temp dir");
    let e = match import_file(&fixture(name), out.path()) {
        Ok(summary) => panic!("{name} imported: {summary}"),
        Err(e) => e.to_string(),
    };
    for part in parts {
        assert!(e.contains(part), "`{part}` not in: {e}");
    }
}

#[test]
fn error_text_before_the_first_leader() {
    assert_error(
        "err_text_before_leader.md",
        &[
            "err_text_before_leader.md:3:1: text before the first leader heading",
            "expected a leader heading like `一、XXX市长牵头的重点工作`",
            "这一段文字不属于任何市领导。",
        ],
    );
}

#[test]
fn error_task_without_units() {
    assert_error(
        "err_missing_units.md",
        &[
            "err_missing_units.md:9:1: task 2 of leader 一、 has no unit list",
            "expected a `责任单位:` line after the text of task 2",
        ],
    );
}

#[test]
fn error_numbering_skips() {
    assert_error(
        "err_skipped_number.md",
        &[
            "err_skipped_number.md:13:1: task 4 where task 3 should come",
            "expected task 3 (`3.`)",
        ],
    );
}

#[test]
fn error_text_after_the_last_list() {
    assert_error(
        "err_trailing_text.md",
        &[
            "err_trailing_text.md:9:1: cannot place this text",
            "以上任务请各单位认真抓好落实。",
        ],
    );
}

#[test]
fn error_leader_out_of_order() {
    assert_error(
        "err_leader_order.md",
        &[
            "err_leader_order.md:9:4: leader heading 三、 out of order",
            "expected the heading of leader 二、",
        ],
    );
}

#[test]
fn error_project_leader_unknown() {
    assert_error(
        "err_project_leader.md",
        &[
            "err_project_leader.md:13:7: `王五` is not a leader of the key tasks",
            "expected one of 张三",
        ],
    );
}

#[test]
fn error_file_is_not_utf8() {
    assert_error("err_not_utf8.md", &["err_not_utf8.md:3: not UTF-8 text"]);
}

#[test]
fn error_file_is_missing() {
    assert_error("no_such_file.md", &["no_such_file.md: cannot read"]);
}

#[test]
fn curation_survives_reimport() {
    let out = tempfile::tempdir().expect("temp dir");
    import_file(&fixture("artefacts.md"), out.path()).expect("first import");
    let units = out.path().join("units.ron");
    let text = std::fs::read_to_string(&units).expect("units.ron");
    let curated = text.replacen(
        "name: \"市发改局\",\n    kind: department,",
        "name: \"市发改局\",\n    kind: other,\n    aliases: [\"发改局\"],",
        1,
    );
    assert_ne!(curated, text, "the edit applies");
    std::fs::write(&units, curated).expect("curate");
    import_file(&fixture("artefacts.md"), out.path()).expect("re-import");
    let again = std::fs::read_to_string(&units).expect("units.ron");
    assert!(
        again.contains("name: \"市发改局\",\n    kind: other,\n    aliases: [\"发改局\"],"),
        "{again}"
    );
    assert!(
        again.contains("aliases: [\"市委组织部(人才办)\"]"),
        "{again}"
    );
}

#[test]
fn curated_alias_maps_a_spelling() {
    let text = std::fs::read_to_string(fixture("no_comma.md")).expect("fixture");
    let curated = [duban::model::Unit {
        name: "东阳市残疾人联合会".into(),
        kind: duban::model::UnitKind::Other,
        aliases: vec!["市残联".into()],
    }];
    let data = import_document(&text, "no_comma.md", Some(&curated)).expect("imports");
    assert_eq!(data.tasks[0].lead, ["东阳市残疾人联合会", "市红十字会"]);
    assert!(data.units.iter().all(|u| u.name != "市残联"));
}

#[test]
fn unreadable_curation_is_an_error() {
    let out = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        out.path().join("units.ron"),
        "[ (name: \"x\", kind: nonsense) ]",
    )
    .expect("write");
    let e = import_file(&fixture("numbering.md"), out.path())
        .expect_err("bad units.ron")
        .to_string();
    assert!(e.contains("units.ron:1:"), "{e}");
    assert!(e.contains("cannot read the curated unit registry"), "{e}");
}
