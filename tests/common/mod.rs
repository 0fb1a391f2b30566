//! Shared helpers for the dashboard tests: datasets, progress, and driving
//! the app through `update` into a `TestBackend`.
#![allow(dead_code)] // each test binary uses a different part

use chrono::{DateTime, NaiveDate};
use duban::app::{self, Action, App, Lang, Progress};
use duban::model::{
    Dataset, Item, Leader, List, Name, Plan, ProgressEntry, Rules, Status, Task, TaskKind, Unit,
    UnitKind,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub mod editing;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 30).expect("a valid date")
}

fn unit(name: &str, kind: UnitKind, aliases: &[&str]) -> Unit {
    Unit {
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    }
}

fn names(list: &[&str]) -> List<Name> {
    list.iter().map(|&s| s.into()).collect()
}

fn task(
    id: &str,
    leader: Option<&str>,
    number: u32,
    text: &str,
    lead: &[&str],
    co: &[&str],
) -> Task {
    Task {
        id: id.into(),
        kind: TaskKind::Key,
        leader: leader.map(Into::into),
        number,
        title: None,
        text: text.into(),
        items: List::new(),
        lead: names(lead),
        co: names(co),
        co_members_of: List::new(),
        other_leaders: List::new(),
        section: List::new(),
        due: None,
        due_text: None,
        targets: List::new(),
    }
}

/// A small dataset with the shapes that matter: long Chinese text, a
/// working group's member units, aliases, sub-items, a project without a
/// leader and a unit name the registry does not know.
pub fn sample() -> Dataset {
    let mut k3 = task(
        "K2.1",
        Some("L2"),
        1,
        "推进平台攻坚大会战,新增规上企业100家,GDP增长7.5%以上。",
        &["市发改局"],
        &["市经信局"],
    );
    k3.co_members_of = names(&["市平台攻坚大会战指挥部"]);
    let mut m1 = task(
        "M1",
        Some("L1"),
        1,
        "农村饮用水安全提升工程。1.完成供水管道连通。2.保障供水人口20万以上。",
        &["市水投集团"],
        &["市财政局", "未登记单位"],
    );
    m1.kind = TaskKind::Project;
    m1.title = Some("农村饮用水安全提升工程".into());
    m1.items = List::from(vec![
        Item {
            id: "M1.1".into(),
            text: "完成供水管道连通。".into(),
        },
        Item {
            id: "M1.2".into(),
            text: "保障供水人口20万以上。".into(),
        },
    ]);
    let mut m2 = task(
        "M2",
        None,
        2,
        "新能源公共充电桩建设项目。",
        &["市交投集团"],
        &[],
    );
    m2.kind = TaskKind::Project;
    m2.title = Some("新能源公共充电桩建设项目".into());
    Dataset {
        plan: Plan {
            title: "关于印发2023年政府工作报告重点工作责任分解的通知".into(),
            issuer: "东阳市人民政府办公室".into(),
            doc_number: "东政办发[2023]3号".into(),
            issued: None,
            year: 2023,
            addressees: Vec::new(),
            by_section: false,
            rules: Rules {
                note: String::new(),
                first_listed_lead: true,
                co_unordered: true,
                default_co: names(&["各镇、乡人民政府", "各街道办事处"]).to_vec(),
            },
            leaders: vec![
                Leader {
                    id: "L1".into(),
                    name: "黄胜可".into(),
                    title: "市长".into(),
                },
                Leader {
                    id: "L2".into(),
                    name: "郭锦明".into(),
                    title: "常务副市长".into(),
                },
            ],
        },
        tasks: vec![
            task(
                "K1.1",
                Some("L1"),
                1,
                "全面完成2023年全市经济社会发展预期目标。其中,地区生产总值增长7.5%以上;财政总收入、一般公共预算收入分别增长13.8%和12%以上。",
                &["市发改局", "市财政局"],
                &[
                    "市经信局",
                    "市自然资源和规划局",
                    "横店影视文化产业集聚区管委会相关部门",
                ],
            ),
            task(
                "K1.2",
                Some("L1"),
                2,
                "推进政务公开。",
                &["市府办"],
                &["市发改局"],
            ),
            k3,
        ],
        projects: vec![m1, m2],
        units: vec![
            unit("市发改局", UnitKind::Department, &["发改局"]),
            unit("市财政局", UnitKind::Department, &[]),
            unit("市经信局", UnitKind::Department, &[]),
            unit(
                "市自然资源和规划局",
                UnitKind::Department,
                &["市自然资源局"],
            ),
            unit(
                "横店影视文化产业集聚区管委会相关部门",
                UnitKind::Collective,
                &[],
            ),
            unit("市府办", UnitKind::Department, &[]),
            unit("市平台攻坚大会战指挥部", UnitKind::WorkingGroup, &[]),
            unit("市水投集团", UnitKind::Enterprise, &[]),
            unit("市交投集团", UnitKind::Enterprise, &[]),
            unit("各镇、乡人民政府", UnitKind::Collective, &[]),
            unit("各街道办事处", UnitKind::Collective, &[]),
        ],
    }
}

pub fn entry(task: &str, at: &str, percent: u8, status: Status, note: &str) -> ProgressEntry {
    let at = DateTime::parse_from_rfc3339(at).expect("a valid timestamp");
    ProgressEntry {
        task: task.into(),
        at,
        date: at.date_naive(),
        percent,
        status,
        note: note.into(),
        actuals: Vec::new(),
        reporter: None,
        problems: String::new(),
        next_steps: String::new(),
    }
}

/// The bundled plan as the dashboard opens it (`App::opened`: the search
/// index and the rest of the start left for after the first frame).
pub fn opened() -> App {
    App::opened(
        bundled(),
        progress(),
        Lang::Zh,
        today(),
        &duban::lights::Config::default(),
    )
}

/// The bundled plan's first task reported done: its ID and the entry.
pub fn first_done() -> (String, ProgressEntry) {
    let id = bundled().tasks[0].id.to_string();
    let done = entry(&id, "2023-06-20T10:00:00+08:00", 100, Status::Done, "完成");
    (id, done)
}

/// Progress on a few IDs that exist in both the sample and the bundled
/// dataset, with a history for K1.1.
pub fn progress() -> Progress {
    Progress::from_entries([
        entry(
            "K1.1",
            "2023-03-31T17:00:00+08:00",
            20,
            Status::OnTrack,
            "一季度地区生产总值增长6.8%。",
        ),
        entry(
            "K1.1",
            "2023-06-30T17:00:00+08:00",
            45,
            Status::Behind,
            "上半年增长7.1%,略低于目标进度。",
        ),
        entry("K1.2", "2023-06-30T17:00:00+08:00", 100, Status::Done, ""),
        entry(
            "M1.1",
            "2023-05-10T09:00:00+08:00",
            60,
            Status::OnTrack,
            "管道连通完成六成。",
        ),
        entry(
            "M2.1",
            "2023-05-10T09:00:00+08:00",
            80,
            Status::OnTrack,
            "已完成9家。",
        ),
        entry(
            "M2",
            "2023-06-01T09:00:00+08:00",
            10,
            Status::Blocked,
            "选址未定。",
        ),
    ])
}

pub fn app(data: Dataset, lang: Lang) -> App {
    App::new(data, progress(), lang, today())
}

/// Sizes the app, applies the actions through `update`, draws one frame.
pub fn render(app: &mut App, w: u16, h: u16, actions: &[Action]) -> Terminal<TestBackend> {
    app::update(app, Action::Resize(w, h));
    for a in actions {
        app::update(app, a.clone());
    }
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    terminal
        .draw(|f| duban::ui::draw(f, app))
        .expect("drawing to a test backend");
    terminal
}

/// The screen as a person sees it: one line per row, a wide glyph's
/// second cell left out.
pub fn screen(terminal: &Terminal<TestBackend>) -> String {
    use unicode_width::UnicodeWidthStr;
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            if skip == 0 {
                out.push_str(sym);
            }
            skip = skip.max(sym.width()).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// The bundled Dongyang 2023 dataset (read once per test binary).
pub fn bundled() -> Dataset {
    static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATA.get_or_init(read_bundled).clone()
}

fn read_bundled() -> Dataset {
    duban::store::load(None).expect("the bundled dataset loads")
}

/// A plan numbered by section, without leader headings (the import
/// fixture `2_labelled.md`): the first tab's groups, and so the group
/// standings, are its sections.
pub fn sectioned() -> Dataset {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/shapes/2_labelled.md"
    );
    let text = std::fs::read_to_string(path).expect("fixture");
    let data = duban::import::import_document(&text, "2_labelled.md", None).expect("imports");
    assert!(data.plan.by_section, "the fixture is numbered by section");
    data
}
