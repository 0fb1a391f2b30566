//! The bundled Dongyang 2023 dataset, imported from assets/source.

use std::path::Path;

use duban::import::{
    ImportOptions, LeadRule, TARGETS_FILE, TargetCuration, import_document, import_file,
    import_with, read_units,
};
use duban::model::{Cmp, Dataset, Task, UnitKind};
use duban::store::FILES;

const SOURCE: &str = "assets/source/dongyang-2023-key-tasks.md";
const DATA: &str = "data/dongyang-2023";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn dataset() -> Dataset {
    let text = std::fs::read_to_string(root().join(SOURCE)).expect("source document");
    let curated = read_units(&root().join(DATA).join("units.ron")).expect("committed units.ron");
    import_document(&text, SOURCE, Some(&curated)).expect("the source imports")
}

fn task<'a>(data: &'a Dataset, id: &str) -> &'a Task {
    data.task(id).unwrap_or_else(|| panic!("{id} exists"))
}

#[test]
fn counts_tasks_per_leader() {
    let data = dataset();
    let counts: Vec<usize> = data
        .plan
        .leaders
        .iter()
        .map(|l| {
            data.tasks
                .iter()
                .filter(|t| t.leader.as_deref() == Some(&l.id))
                .count()
        })
        .collect();
    assert_eq!(counts, [12, 35, 27, 5, 13, 17, 7, 20]);
    assert_eq!(data.tasks.len(), 136);
    assert_eq!(data.projects.len(), 10);
}

#[test]
fn reads_leaders_in_order() {
    let data = dataset();
    let leaders: Vec<(String, String, String)> = data
        .plan
        .leaders
        .iter()
        .map(|l| (l.id.to_string(), l.name.clone(), l.title.clone()))
        .collect();
    assert_eq!(leaders[0], ("L1".into(), "黄胜可".into(), "市长".into()));
    assert_eq!(
        leaders[1],
        ("L2".into(), "郭锦明".into(), "常务副市长".into())
    );
    assert_eq!(
        leaders[2],
        ("L3".into(), "李敢峰".into(), "常委副市长".into())
    );
    assert_eq!(leaders[7], ("L8".into(), "胡利群".into(), "副市长".into()));
}

#[test]
fn reads_the_front_matter_and_rules() {
    let plan = dataset().plan;
    assert_eq!(
        plan.title,
        "关于印发2023年政府工作报告重点工作责任分解和民生实事责任分解的通知"
    );
    assert_eq!(plan.issuer, "东阳市人民政府办公室");
    assert_eq!(plan.doc_number, "东政办发[2023]3号");
    assert_eq!(
        plan.issued.map(|d| d.to_string()).as_deref(),
        Some("2023-01-28")
    );
    assert_eq!(plan.year, 2023);
    assert_eq!(
        plan.addressees,
        ["各镇、乡人民政府", "各街道办事处", "市政府各部门"]
    );
    assert!(
        plan.rules
            .note
            .starts_with("列第一位者为工作牵头或汇总单位")
    );
    assert!(plan.rules.first_listed_lead && plan.rules.co_unordered);
    assert_eq!(plan.rules.default_co, ["各镇、乡人民政府", "各街道办事处"]);
}

#[test]
fn first_task_has_its_text_and_two_leads() {
    let data = dataset();
    let k = task(&data, "K1.1");
    assert!(
        k.text.starts_with("全面完成2023年全市经济社会发展预期目标"),
        "{}",
        k.text
    );
    assert_eq!(k.lead, ["市发改局", "市财政局"]);
}

#[test]
fn compound_collectives_stay_whole() {
    let data = dataset();
    let k = task(&data, "K1.2");
    assert_eq!(k.lead, ["市政府各部门"]);
    assert_eq!(k.co, ["各镇、乡人民政府", "各街道办事处"]);
}

#[test]
fn own_group_members_point_at_the_lead_group() {
    let data = dataset();
    assert_eq!(
        task(&data, "K2.9").co_members_of,
        ["市平台攻坚大会战指挥部"]
    );
    let k = task(&data, "K8.11");
    assert_eq!(k.co_members_of, k.lead);
}

#[test]
fn named_group_members_point_at_that_group() {
    let data = dataset();
    assert_eq!(task(&data, "K2.34").co_members_of, ["市安委会"]);
    assert_eq!(
        task(&data, "K4.2").co_members_of,
        ["市常态化扫黑除恶斗争领导小组"]
    );
    assert_eq!(
        task(&data, "K7.5").co_members_of,
        ["市健康东阳建设领导小组"]
    );
    let group = data
        .unit("中国木雕竹编工艺美术博览会组委会")
        .expect("registered");
    assert_eq!(group.kind, UnitKind::WorkingGroup);
}

#[test]
fn glued_task_number_starts_the_next_task() {
    let data = dataset();
    assert_eq!(task(&data, "K2.9").co, Vec::<String>::new());
    let k = task(&data, "K2.10");
    assert_eq!(k.number, 10);
    assert!(k.text.starts_with("统筹推进经济开发区"), "{}", k.text);
    assert!(task(&data, "K3.7").text.starts_with("深化\"大综合一体化\""));
}

#[test]
fn expected_number_splits_number_from_text() {
    let data = dataset();
    assert!(
        task(&data, "K2.8")
            .text
            .starts_with("50个省市县三级重大项目")
    );
    assert!(task(&data, "K5.6").text.contains("人才新政3.0版"));
}

#[test]
fn bold_marks_leads_across_a_comma() {
    let data = dataset();
    assert_eq!(task(&data, "K4.5").lead, ["市委政法委", "市公安局"]);
}

/// The six cells that are one 、-list with no comma and no bold: the
/// whole group leads (as 40 of the 41 bold cells bold exactly the group
/// before the first comma), and the import names each of them.
#[test]
fn list_without_comma_is_led_by_the_whole_group() {
    let data = dataset();
    let k = task(&data, "K7.2");
    assert_eq!(
        (k.lead.as_slice(), k.co.as_slice()),
        (&["市残联".into(), "市红十字会".into()][..], &[][..])
    );
    let text = std::fs::read_to_string(root().join(SOURCE)).expect("source");
    let imported = import_with(&text, SOURCE, None, ImportOptions::default()).expect("import");
    let assumed: Vec<&str> = imported.assumed.iter().map(|a| a.task.as_str()).collect();
    assert_eq!(assumed, ["K2.24", "K3.17", "K6.9", "K6.16", "K7.2", "K7.4"]);
}

#[test]
fn lead_rule_first_restores_the_first_unit_reading() {
    let text = std::fs::read_to_string(root().join(SOURCE)).expect("source");
    let options = ImportOptions {
        lead_rule: Some(LeadRule::First),
    };
    let imported = import_with(&text, SOURCE, None, options).expect("import");
    let k = imported.data.task("K7.2").expect("K7.2");
    assert_eq!(k.lead, ["市残联"]);
    assert_eq!(k.co, ["市红十字会"]);
    assert!(imported.assumed.is_empty());
}

#[test]
fn task_texts_are_clean() {
    let data = dataset();
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    for t in &data.tasks {
        for bad in ["#", "**", "责任单位", "<sub>"] {
            assert!(!t.text.contains(bad), "{}: {bad} in {}", t.id, t.text);
        }
        let chars: Vec<char> = t.text.chars().collect();
        let spaced = chars
            .windows(3)
            .any(|w| cjk(w[0]) && w[1].is_whitespace() && cjk(w[2]));
        assert!(
            !spaced,
            "{}: space between Chinese characters: {}",
            t.id, t.text
        );
        assert!(!t.text.starts_with("事处"), "{}", t.id);
    }
}

#[test]
fn no_unit_is_a_fragment_or_a_member_reference() {
    let data = dataset();
    for u in &data.units {
        assert!(!u.name.contains("成员单位"), "{}", u.name);
        assert!(u.name != "事处" && u.name != "各街道办", "{}", u.name);
    }
}

#[test]
fn every_referenced_unit_is_registered() {
    let data = dataset();
    for t in data.all_tasks() {
        for name in t.lead.iter().chain(&t.co).chain(&t.co_members_of) {
            assert!(data.unit(name).is_some(), "{}: {name} not in units", t.id);
        }
    }
}

#[test]
fn misspellings_fold_into_one_unit() {
    let data = dataset();
    let market = data.unit("市市场监管局").expect("registered");
    assert!(market.aliases.iter().any(|a| a == "市场监管局(木雕红木局)"));
    let water = data.unit("市\"五水共治\"办").expect("registered");
    assert_eq!(water.aliases, ["市\"五水共治办\""]);
    assert!(data.unit("市文化艺术中心(体育中心)项目指挥部").is_some());
}

#[test]
fn curation_in_units_ron_is_kept() {
    let data = dataset();
    assert_eq!(
        data.unit("市供销总社").map(|u| u.kind),
        Some(UnitKind::Other)
    );
}

#[test]
fn projects_have_titles_items_and_leaders() {
    let data = dataset();
    let m1 = task(&data, "M1");
    assert_eq!(m1.title.as_deref(), Some("农村饮用水安全提升工程"));
    assert!(m1.items.is_empty());
    let m2 = task(&data, "M2");
    assert_eq!(m2.items.len(), 2, "培训2.0版 is not an item");
    let m3 = task(&data, "M3");
    let ids: Vec<&str> = m3.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["M3.1", "M3.2"]);
    assert!(
        m3.items[0]
            .text
            .ends_with("(吴宁二中、巍山高中、横店一中、南马镇中、西宅小学、歌山中心小学)。")
    );
    assert!(m3.items[1].text.contains("(南马高中、防军小学、歌山一中"));
    assert_eq!(task(&data, "M9").leader.as_deref(), Some("L2"));
    assert_eq!(task(&data, "M9").lead, ["市消防救援大队"]);
}

#[test]
fn committed_dataset_is_what_import_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    for curation in ["units.ron", TARGETS_FILE] {
        std::fs::copy(root().join(DATA).join(curation), dir.path().join(curation))
            .expect("seed the curation");
    }
    import_file(&root().join(SOURCE), dir.path()).expect("import");
    for name in FILES {
        let written = std::fs::read_to_string(dir.path().join(name)).expect("written");
        let committed = std::fs::read_to_string(root().join(DATA).join(name)).expect("committed");
        assert!(
            written == committed,
            "{name} differs from {DATA}/{name}; re-run the import"
        );
    }
}

#[test]
fn extraction_reads_the_issue_sentences() {
    let data = dataset();
    let first = |id: &str| {
        let t = &task(&data, id).targets[0];
        (t.name.clone(), t.value, t.unit.clone(), t.cmp)
    };
    assert_eq!(
        first("K2.16"),
        ("新增规上企业".into(), 100.0, "家".into(), Cmp::Exact)
    );
    assert_eq!(
        first("K1.1"),
        ("地区生产总值增长".into(), 7.5, "%".into(), Cmp::AtLeast)
    );
    assert_eq!(
        first("K3.25"),
        (
            "筹集保障性租赁住房".into(),
            5000.0,
            "套".into(),
            Cmp::AtLeast
        )
    );
    assert_eq!(
        first("K3.24"),
        (
            "新建新能源汽车公用充电桩".into(),
            300.0,
            "个".into(),
            Cmp::Exact
        )
    );
}

#[test]
fn committed_curation_fills_what_extraction_misses() {
    let mut data = dataset();
    assert_eq!(
        task(&data, "K1.1").targets.len(),
        3,
        "分别 gives a target per name"
    );
    assert!(
        task(&data, "M10").targets.is_empty(),
        "300个充电桩: count first"
    );
    let curation =
        TargetCuration::read(&root().join(DATA).join(TARGETS_FILE)).expect("committed curation");
    curation
        .apply(&mut data)
        .expect("every curated ID is in the document");
    let names: Vec<&str> = task(&data, "K1.1")
        .targets
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["地区生产总值增长", "财政总收入增长", "一般公共预算收入增长"]
    );
    let pm = &task(&data, "K8.9").targets[1];
    assert_eq!(
        (pm.value, pm.unit.as_str(), pm.cmp),
        (22.0, "ug/m³", Cmp::AtMost)
    );
    assert_eq!(task(&data, "M10").targets[0].name, "建设充电桩");
}

#[test]
fn target_names_are_unique_within_each_task() {
    let loaded = duban::store::load_dir(&root().join(DATA)).expect("bundled data loads");
    for t in loaded.all_tasks() {
        let mut names: Vec<&str> = t.targets.iter().map(|x| x.name.as_str()).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before, "{}: repeated target name", t.id);
    }
}
