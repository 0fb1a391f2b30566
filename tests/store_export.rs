//! The public export shape: field names, order, progress and CSV rows.

use std::path::Path;

use duban::export::{CSV_HEADER, Export, write_csv};
use duban::model::{Actual, Cmp, Dataset, ProgressEntry, Status, Target};
use duban::store;
use serde_json::Value;

fn valid() -> Dataset {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store/valid");
    store::load_dir(&dir).expect("valid fixture")
}

fn entry(task: &str, at: &str, percent: u8, note: &str) -> ProgressEntry {
    ProgressEntry {
        task: task.to_string(),
        at: at.parse().expect("timestamp"),
        date: at[..10].parse().expect("date"),
        percent,
        status: Status::OnTrack,
        note: note.to_string(),
        actuals: Vec::new(),
        reporter: None,
        problems: String::new(),
        next_steps: String::new(),
    }
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn tasks_are_key_tasks_then_projects_in_document_order() {
    let export = Export::new(&valid(), &[]);
    let ids: Vec<&str> = export.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["K1.1", "K1.2", "K2.1", "K2.2", "M1", "M2"]);
}

#[test]
fn json_has_the_documented_fields() {
    let json: Value =
        serde_json::from_str(&Export::new(&valid(), &[]).to_json().expect("json")).expect("parses");
    assert_eq!(keys(&json), ["leaders", "plan", "tasks", "units"]);
    assert_eq!(
        keys(&json["plan"]),
        ["doc_number", "issued", "issuer", "rules", "title", "year"]
    );
    assert_eq!(keys(&json["leaders"][0]), ["id", "name", "title"]);
    assert_eq!(
        keys(&json["tasks"][0]),
        [
            "co_members_of",
            "co_units",
            "due",
            "due_text",
            "id",
            "item_progress",
            "items",
            "kind",
            "lead_units",
            "leader",
            "leaders",
            "number",
            "progress",
            "section",
            "targets",
            "text",
            "title"
        ]
    );
    assert_eq!(
        keys(&json["units"][0]),
        ["aliases", "co", "kind", "lead", "name"]
    );
}

#[test]
fn key_tasks_have_null_title_and_projects_their_items() {
    let json = serde_json::to_value(Export::new(&valid(), &[])).expect("json");
    assert_eq!(json["tasks"][0]["kind"], "key");
    assert_eq!(json["tasks"][0]["title"], Value::Null);
    assert_eq!(json["tasks"][4]["kind"], "project");
    assert_eq!(json["tasks"][4]["title"], "城乡道路提升");
    assert_eq!(json["tasks"][4]["items"][1]["id"], "M1.2");
    assert_eq!(json["tasks"][5]["leader"], Value::Null);
}

#[test]
fn units_carry_their_lead_and_co_task_ids() {
    let export = Export::new(&valid(), &[]);
    let finance = export
        .units
        .iter()
        .find(|u| u.name == "市财政局")
        .expect("unit");
    assert_eq!(
        (finance.lead.as_slice(), finance.co.as_slice()),
        (&["K1.1".to_string()][..], &["M1".to_string()][..])
    );
    let office = export
        .units
        .iter()
        .find(|u| u.name == "市府办")
        .expect("unit");
    assert_eq!(office.aliases, ["市政府办公室"]);
}

#[test]
fn progress_is_the_latest_entry_by_time() {
    let entries = [
        entry("K1.1", "2023-05-01T09:00:00+08:00", 60, "later"),
        entry("K1.1", "2023-03-01T09:00:00+08:00", 20, "earlier"),
    ];
    let export = Export::new(&valid(), &entries);
    let progress = export.tasks[0].progress.as_ref().expect("progress");
    assert_eq!((progress.percent, progress.note.as_str()), (60, "later"));
    assert!(export.tasks[1].progress.is_none());
}

#[test]
fn progress_at_the_same_time_takes_the_last_in_file_order() {
    let entries = [
        entry("M1", "2023-05-01T09:00:00+08:00", 10, "first"),
        entry("M1", "2023-05-01T09:00:00+08:00", 30, "second"),
    ];
    let export = Export::new(&valid(), &entries);
    let progress = export.tasks[4].progress.as_ref().expect("progress");
    assert_eq!(progress.note, "second");
}

#[test]
fn sub_item_progress_is_exported_and_rolls_up_into_its_project() {
    let mut made = entry("M1.2", "2023-05-02T09:00:00+08:00", 50, "铺设中");
    made.problems = "雨季".into();
    made.next_steps = "抢工期".into();
    let entries = [
        entry("M1", "2023-05-01T09:00:00+08:00", 10, "项目自报"),
        made,
    ];
    let export = Export::new(&valid(), &entries);
    let m1 = &export.tasks[4];
    let rolled = m1.progress.as_ref().expect("rolled up");
    assert_eq!((rolled.percent, rolled.from_items), (25, true));
    assert_eq!(m1.item_progress[0].progress, None);
    let item = m1.item_progress[1].progress.as_ref().expect("M1.2");
    assert_eq!(
        (item.percent, item.note.as_str(), item.problems.as_str()),
        (50, "铺设中", "雨季")
    );
    let rows = csv_rows(&export);
    let row: Vec<&str> = rows[7].iter().collect();
    assert_eq!(&row[..2], ["M1.2", "item"]);
    assert_eq!(
        &row[10..17],
        [
            "50",
            "on_track",
            "2023-05-02",
            "铺设中",
            "",
            "雨季",
            "抢工期"
        ]
    );
}

#[test]
fn a_projects_own_newer_entry_outranks_its_sub_items() {
    let entries = [
        entry("M1.2", "2023-05-01T09:00:00+08:00", 50, ""),
        entry("M1", "2023-05-02T09:00:00+08:00", 10, "项目自报"),
    ];
    let export = Export::new(&valid(), &entries);
    let own = export.tasks[4].progress.as_ref().expect("own");
    assert_eq!(
        (own.percent, own.from_items, own.note.as_str()),
        (10, false, "项目自报")
    );
}

fn csv_rows(export: &Export) -> Vec<csv::StringRecord> {
    let mut out = Vec::new();
    write_csv(export, &mut out).expect("csv");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(out.as_slice())
        .records()
        .collect::<Result<_, _>>()
        .expect("parses back")
}

#[test]
fn csv_has_a_header_and_a_row_per_task_and_sub_item() {
    let rows = csv_rows(&Export::new(&valid(), &[]));
    assert_eq!(rows.len(), 1 + 6 + 2);
    assert_eq!(rows[0].iter().collect::<Vec<_>>(), CSV_HEADER);
}

#[test]
fn csv_joins_units_and_fills_leader_and_progress() {
    let mut reported = entry("K1.1", "2023-05-01T09:00:00+08:00", 60, "过半");
    reported.reporter = Some(duban::model::Reporter {
        unit: "市发改局".into(),
        name: "周敏".into(),
    });
    let entries = [reported];
    let rows = csv_rows(&Export::new(&valid(), &entries));
    let row: Vec<&str> = rows[1].iter().collect();
    assert_eq!(
        row,
        [
            "K1.1",
            "key",
            "L1",
            "黄胜可",
            "1",
            "",
            "全面完成 2023 年全市经济社会发展预期目标。",
            "市发改局、市财政局",
            "市经信局、市税务局",
            "",
            "60",
            "on_track",
            "2023-05-01",
            "过半",
            "",
            "",
            "",
            "L1",
            "",
            "",
            "",
            "市发改局",
            "周敏"
        ]
    );
}

#[test]
fn csv_targets_cell_shows_each_target_with_its_comparison_and_actual() {
    let mut data = valid();
    let target = |name: &str, value: f64, unit: &str, cmp: Cmp| Target {
        name: name.into(),
        value,
        unit: unit.into(),
        cmp,
    };
    data.tasks[0].targets = vec![
        target("地区生产总值增长", 7.5, "%", Cmp::AtLeast),
        target("PM2.5平均浓度", 22.0, "ug/m³", Cmp::AtMost),
        target("粮食播种面积", 25.6, "万亩", Cmp::About),
        target("国企资产", 1200.0, "亿元", Cmp::Aim),
    ]
    .into();
    let mut e = entry("K1.1", "2023-05-01T09:00:00+08:00", 60, "");
    e.actuals = vec![
        Actual {
            target: "地区生产总值增长".into(),
            value: 6.8,
        },
        Actual {
            target: "国企资产".into(),
            value: 900.0,
        },
    ];
    let rows = csv_rows(&Export::new(&data, &[e]));
    let column = CSV_HEADER
        .iter()
        .position(|h| *h == "targets")
        .expect("column");
    assert_eq!(
        &rows[1][column],
        "地区生产总值增长 7.5% 以上 (实际 6.8)、PM2.5平均浓度 22ug/m³ 以下、\
         粮食播种面积 25.6万亩 左右、国企资产 1200亿元 力争 (实际 900)"
    );
    assert_eq!(&rows[2][column], "", "a task without targets");
}
