//! One fixture per document shape under tests/fixtures/import/shapes/,
//! each imported as written and in the other punctuation (full-width ↔
//! ASCII), which must read the same.

use std::path::{Path, PathBuf};

use duban::import::{ImportOptions, Imported, LeadRule, import_with};
use duban::model::{Name, Task};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/shapes")
        .join(name)
}

const PAIRS: [(char, char); 5] = [
    ('，', ','),
    ('：', ':'),
    ('；', ';'),
    ('（', '('),
    ('）', ')'),
];

/// The text with full-width punctuation made ASCII, or the reverse.
fn swap_punctuation(text: &str) -> String {
    let full = text
        .chars()
        .filter(|c| PAIRS.iter().any(|p| p.0 == *c))
        .count();
    let ascii = text
        .chars()
        .filter(|c| PAIRS.iter().any(|p| p.1 == *c))
        .count();
    text.chars()
        .map(|c| {
            let found = PAIRS
                .iter()
                .find(|p| if full >= ascii { p.0 == c } else { p.1 == c });
            match found {
                Some(p) if full >= ascii => p.1,
                Some(p) => p.0,
                None => c,
            }
        })
        .collect()
}

fn import_text(text: &str, name: &str, options: ImportOptions) -> Imported {
    import_with(text, name, None, options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// What must not depend on punctuation: IDs, roles, leaders, deadlines.
type Reading = Vec<(
    String,
    Vec<String>,
    Vec<String>,
    Vec<String>,
    Option<String>,
)>;

fn reading(i: &Imported) -> Reading {
    let leader = |id: &Name| {
        i.data
            .leader(id)
            .map_or(id.to_string(), |l| format!("{}{}", l.name, l.title))
    };
    i.data
        .all_tasks()
        .map(|t| {
            (
                t.id.to_string(),
                t.lead.iter().map(String::from).collect(),
                t.co.iter().map(String::from).collect(),
                t.leaders().map(leader).collect(),
                t.due.map(|d| d.to_string()),
            )
        })
        .collect()
}

/// Imports a fixture both ways; asserts both read the same; returns the
/// reading as written.
fn both_ways(name: &str) -> Imported {
    let text = std::fs::read_to_string(fixture(name)).expect("fixture");
    let as_written = import_text(&text, name, ImportOptions::default());
    let swapped = import_text(&swap_punctuation(&text), name, ImportOptions::default());
    assert_eq!(
        reading(&as_written),
        reading(&swapped),
        "{name}: punctuation changes the reading"
    );
    as_written
}

fn task<'a>(i: &'a Imported, id: &str) -> &'a Task {
    i.data.task(id).unwrap_or_else(|| panic!("no task {id}"))
}

fn roles(t: &Task) -> (Vec<&str>, Vec<&str>) {
    (
        t.lead.iter().map(Name::as_str).collect(),
        t.co.iter().map(Name::as_str).collect(),
    )
}

#[test]
fn leader_grouped() {
    let i = both_ways("1_leader_grouped.md");
    assert_eq!(i.data.plan.leaders.len(), 2);
    assert!(!i.data.plan.by_section);
    assert_eq!(
        roles(task(&i, "K1.1")),
        (vec!["市经信局"], vec!["市发改局", "市统计局"])
    );
    // A plain 、-list: the whole group leads, and the import says so.
    assert_eq!(
        roles(task(&i, "K2.1")),
        (vec!["市住建局", "市园林中心"], vec![])
    );
    let assumed: Vec<&str> = i.assumed.iter().map(|a| a.task.as_str()).collect();
    assert_eq!(assumed, ["K2.1"]);
    assert_eq!(
        roles(task(&i, "K2.2")),
        (vec!["市住建局"], vec!["市财政局"])
    );
}

#[test]
fn section_grouped_with_labelled_lines() {
    let i = both_ways("2_labelled.md");
    let d = &i.data;
    assert!(d.plan.by_section);
    assert_eq!(d.plan.year, 2024);
    let ids: Vec<&str> = d.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["K1.1", "K1.2", "K1.3", "K2.1"]);
    assert_eq!(d.tasks[0].section, ["一、扩大有效投资", "（一）重大项目"]);
    assert_eq!(d.tasks[2].section, ["一、扩大有效投资", "（二）招商引资"]);
    assert_eq!(d.tasks[0].text, "开工建设滨江大道二期，完成投资5亿元。");
    assert_eq!(
        roles(&d.tasks[0]),
        (vec!["区发改局"], vec!["区财政局", "区住建局"])
    );
    // 协同责任单位 wrapped over two lines.
    assert_eq!(
        roles(&d.tasks[1]),
        (vec!["区经信局"], vec!["区自然资源局", "区生态环境分局"])
    );
    assert_eq!(
        d.tasks[1].due.map(|x| x.to_string()).as_deref(),
        Some("2024-09-30")
    );
    assert_eq!(d.tasks[1].due_text.as_deref(), Some("2024年9月底前"));
    // 牵头负责领导 on one task only: tasks keep their section grouping.
    let leader = d.tasks[2].leader.as_deref().and_then(|id| d.leader(id));
    assert_eq!(
        leader.map(|l| (l.name.as_str(), l.title.as_str())),
        Some(("郑三", "副区长"))
    );
    // 责任单位 alone: the first leads (no stated rule: the default).
    assert_eq!(
        roles(&d.tasks[2]),
        (vec!["区商务局"], vec!["区投资促进中心"])
    );
    // 责任单位 beside 配合单位 leads by the rule; 配合单位 cooperates.
    assert_eq!(
        roles(&d.tasks[3]),
        (vec!["区人社局"], vec!["各街道办事处", "区财政局"])
    );
    assert_eq!(
        d.tasks[3].due.map(|x| x.to_string()).as_deref(),
        Some("2024-12-31")
    );
}

#[test]
fn inline_parentheticals() {
    let i = both_ways("3_inline.md");
    let d = &i.data;
    assert_eq!(
        d.plan.rules.note,
        "除标注“分别牵头”外，列第一位为牵头或汇总单位"
    );
    assert_eq!(i.rule, LeadRule::First);
    assert!(i.assumed.is_empty(), "the document states its rule");
    let t = |n: usize| &d.tasks[n];
    assert_eq!(t(0).text, "推动县域经济总量突破500亿元");
    assert_eq!(
        roles(t(0)),
        (vec!["县发改局"], vec!["县统计局", "县财政局"])
    );
    assert_eq!(roles(t(1)), (vec!["县经信局"], vec!["县市场监管局"]));
    assert_eq!(roles(t(2)), (vec!["县商务局"], vec!["县文旅局"]));
    assert_eq!(roles(t(3)), (vec!["县教育局"], vec![]));
    assert_eq!(roles(t(4)), (vec!["县水利局", "县住建局"], vec![]));
    assert_eq!(roles(t(5)), (vec!["县文旅局"], vec!["县住建局"]));
    assert_eq!(t(5).leaders().count(), 2);
    assert_eq!(
        t(5).due.map(|x| x.to_string()).as_deref(),
        Some("2024-10-31")
    );
    // The county prefix written once is completed.
    assert_eq!(
        roles(t(6)),
        (vec!["县交通局"], vec!["县农业农村局", "县财政局"])
    );
}

#[test]
fn the_task_is_the_section() {
    let i = both_ways("4_task_sections.md");
    let d = &i.data;
    assert_eq!(d.tasks.len(), 3);
    assert_eq!(roles(&d.tasks[0]), (vec!["镇经发办"], vec!["镇财政所"]));
    assert!(d.tasks[0].text.contains("△推进闲置厂房盘活"));
    assert!(
        d.tasks[1].text.contains("(4)建成美丽庭院示范户50户"),
        "{}",
        d.tasks[1].text
    );
    assert_eq!(roles(&d.tasks[2]), (vec!["镇综治办"], vec![]));
}

#[test]
fn markdown_table_with_spans_and_wrapped_cells() {
    let i = both_ways("5_table_markdown.md");
    let d = &i.data;
    assert_eq!(d.tasks.len(), 3);
    assert!(!d.plan.by_section, "every row has a leader");
    assert_eq!(d.tasks[0].text, "新建停车泊位2000个并完成智慧停车平台");
    assert_eq!(
        roles(&d.tasks[0]),
        (vec!["市住建局"], vec!["市交警大队", "市大数据局"])
    );
    assert_eq!(
        d.tasks[1].leader, d.tasks[0].leader,
        "an empty leader cell spans"
    );
    assert_eq!(d.tasks[1].due_text.as_deref(), Some("6月底前"));
    assert_eq!(d.tasks[2].due_text.as_deref(), Some("长期坚持"));
    assert_eq!(d.tasks[2].due, None);
    assert_eq!(d.tasks[2].id, "K2.1");
}

#[test]
fn box_drawing_table_with_spanning_cells() {
    let i = both_ways("5_table_box.txt");
    let d = &i.data;
    assert_eq!(d.tasks.len(), 3);
    assert_eq!(d.tasks[0].text, "新建中小学3所，新增学位2700个");
    assert_eq!(
        roles(&d.tasks[0]),
        (vec!["县教育局"], vec!["县住建局", "县自然资源局"])
    );
    let name = |t: &Task| {
        t.leader
            .as_deref()
            .and_then(|l| d.leader(l))
            .map(|l| l.name.clone())
    };
    assert_eq!(name(&d.tasks[0]).as_deref(), Some("冯九"));
    assert_eq!(name(&d.tasks[1]).as_deref(), Some("冯九"));
    assert_eq!(
        d.tasks[1].due.map(|x| x.to_string()).as_deref(),
        Some("2024-08-31")
    );
    assert_eq!(
        d.tasks[2].due.map(|x| x.to_string()).as_deref(),
        Some("2024-09-30")
    );
}

#[test]
fn mixed_punctuation_and_traditional_script() {
    let i = both_ways("6_mixed_traditional.md");
    let d = &i.data;
    assert_eq!(
        roles(&d.tasks[0]),
        (vec!["市經信局"], vec!["市發改局", "市科技局"])
    );
    assert_eq!(roles(&d.tasks[1]), (vec!["市住建局"], vec!["市人社局"]));
    assert_eq!(roles(&d.tasks[2]), (vec!["市林業局"], vec!["市財政局"]));
    assert_eq!(d.tasks[2].section, ["二、生態環境"]);
}

#[test]
fn noise_around_and_inside_the_text() {
    let i = both_ways("7_noise.txt");
    let d = &i.data;
    assert_eq!(d.plan.title, "关于印发2024年重点工作任务分工的通知");
    assert_eq!(d.plan.year, 2024);
    assert_eq!(d.tasks.len(), 3);
    assert_eq!(
        d.tasks[0].text,
        "全年完成固定资产投资增长6%，新开工亿元以上项目80个。"
    );
    assert_eq!(
        roles(&d.tasks[0]),
        (vec!["市发改委"], vec!["市国土房管局", "市统计局"])
    );
    assert_eq!(roles(&d.tasks[2]), (vec!["市住建局"], vec!["市财政局"]));
    assert_eq!(i.assumed.len(), 1, "the default rule read one plain list");
}

#[test]
fn lead_rule_override() {
    let text = std::fs::read_to_string(fixture("7_noise.txt")).expect("fixture");
    let read = |rule| {
        let i = import_text(
            &text,
            "7_noise.txt",
            ImportOptions {
                lead_rule: Some(rule),
            },
        );
        assert!(i.assumed.is_empty(), "an override assumes nothing");
        i.data.tasks[0].lead.clone()
    };
    assert_eq!(read(LeadRule::First), ["市发改委"]);
    assert_eq!(read(LeadRule::Group), ["市发改委", "市国土房管局"]);
    assert_eq!(
        read(LeadRule::All),
        ["市发改委", "市国土房管局", "市统计局"]
    );
}

#[test]
fn export_carries_leaders_section_and_deadline() {
    let i = both_ways("2_labelled.md");
    let export = duban::export::Export::new(&i.data, &[]);
    let json: serde_json::Value =
        serde_json::from_str(&export.to_json().expect("json")).expect("parses");
    let tasks = json["tasks"].as_array().expect("tasks");
    assert_eq!(tasks[0]["leader"], serde_json::Value::Null);
    assert_eq!(tasks[0]["leaders"], serde_json::json!([]));
    assert_eq!(
        tasks[0]["section"],
        serde_json::json!(["一、扩大有效投资", "（一）重大项目"])
    );
    assert_eq!(tasks[1]["due"], "2024-09-30");
    assert_eq!(tasks[1]["due_text"], "2024年9月底前");
    assert_eq!(tasks[2]["leader"], "L1");
    assert_eq!(tasks[2]["leaders"], serde_json::json!(["L1"]));
    let mut csv = Vec::new();
    duban::export::write_csv(&export, &mut csv).expect("csv");
    let csv = String::from_utf8(csv).expect("utf-8");
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .expect("header")
            .ends_with(",leaders,section,due,due_text,reporter_unit,reporter_name")
    );
    assert!(
        lines
            .nth(1)
            .expect("row")
            .ends_with(",,一、扩大有效投资 / （一）重大项目,2024-09-30,2024年9月底前,,"),
        "{csv}"
    );
}

/// A deadline the task's own sentence states is carried (`6月底前`), in
/// either punctuation; a period measured (`全年`) is none.
#[test]
fn a_deadline_stated_in_the_sentence_is_carried() {
    let text = "某某区2024年重点工作分工\n\n一、城市建设\n\n\
        1. 力争6月底前建成城东停车场（区住建局牵头，区交通局配合）。\n\n\
        2. 全年新增绿地10公顷（区园林局负责）。\n\n\
        3. 年底前完成老旧小区改造12个，三季度末前完成招标（区住建局负责）。\n";
    let as_written = import_text(text, "due.md", ImportOptions::default());
    let swapped = import_text(&swap_punctuation(text), "due.md", ImportOptions::default());
    assert_eq!(reading(&as_written), reading(&swapped));
    let d = &as_written.data;
    let due = |i: usize| d.tasks[i].due.map(|x| x.to_string());
    assert_eq!(due(0).as_deref(), Some("2024-06-30"));
    assert_eq!(d.tasks[0].due_text.as_deref(), Some("6月底前"));
    assert_eq!(due(1), None);
    assert_eq!(d.tasks[1].due_text, None);
    assert_eq!(due(2).as_deref(), Some("2024-12-31"), "the later of two");
}
