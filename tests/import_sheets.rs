//! `duban import` of plan tables kept as spreadsheets: files written by
//! openpyxl and converted by LibreOffice, read back into datasets.

mod sheets_support;

use std::path::Path;
use std::process::{Command, Output};

use duban::model::Dataset;
use sheets_support::{fixture, libreoffice, openpyxl};

fn duban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(args)
        .output()
        .expect("duban runs")
}

fn import(source: &Path, out: &Path, more: &[&str]) -> Output {
    let mut args = vec![
        "import",
        source.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
    ];
    args.extend(more);
    duban(&args)
}

fn imported(source: &Path, out: &Path) -> Dataset {
    let run = import(source, out, &[]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    duban::store::load_dir(out).expect("the imported dataset loads")
}

/// Tasks as `(id, section, text, lead, co, due)` for comparing.
fn tasks(data: &Dataset) -> Vec<(String, String, String, String, String, String)> {
    data.tasks
        .iter()
        .map(|t| {
            (
                t.id.to_string(),
                t.section.join("/"),
                t.text.to_string(),
                t.lead.join("、"),
                t.co.join("、"),
                t.due.map(|d| d.to_string()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn an_openpyxl_plan_table_with_merges_and_title_rows_imports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let xlsx = dir.path().join("plan.xlsx");
    if openpyxl("plan_table.py", &[&xlsx]).is_none() {
        return;
    }
    let data = imported(&xlsx, &dir.path().join("data"));
    assert_eq!(data.plan.year, 2025);
    assert_eq!(
        data.plan.title,
        "青溪市2025年政府工作报告重点工作任务分解表"
    );
    let leaders: Vec<&str> = data.plan.leaders.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(leaders, ["王明", "李华"]);
    let row = |id: &str| {
        tasks(&data)
            .into_iter()
            .find(|t| t.0 == id)
            .unwrap_or_else(|| panic!("no task {id}"))
    };
    // The merged leader cell covers three tasks; the merged deadline two.
    assert_eq!(data.tasks[2].leader.as_deref(), Some("L1"));
    assert_eq!(row("K1.2").5, "2025-12-31");
    // A cell of two lines: one task text; one unit list.
    assert_eq!(row("K1.3").2, "引进亿元以上产业项目20个。");
    assert_eq!(row("K1.1").4, "市自然资源局、市住建局");
    // Blank cells under a task repeat the lead unit and deadline above.
    assert_eq!(row("K2.2").3, "市教育局");
    assert_eq!(row("K2.2").5, "2025-08-31");
    // Heading rows are sections.
    assert_eq!(row("K1.1").1, "一、产业发展");
    assert_eq!(row("K2.1").1, "二、民生保障");
    assert_eq!(data.tasks.len(), 5);
}

#[test]
fn a_plan_csv_reads_the_same_as_libreoffice_ods_xlsx_and_xls_made_from_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = fixture("plan.csv");
    let from_csv = tasks(&imported(&csv, &dir.path().join("csv")));
    assert_eq!(
        from_csv[0],
        (
            "K1.1".to_string(),
            "一、城市建设".to_string(),
            "新建口袋公园6个，改造老旧小区12个。".to_string(),
            "市住建局".to_string(),
            "市财政局".to_string(),
            "2025-11-30".to_string(),
        )
    );
    assert_eq!(from_csv[1].4, "市住建局、市公安局");
    assert_eq!(from_csv[1].5, "2025-11-30", "a blank deadline repeats");
    // UTF-8, comma-separated, double-quoted text.
    let utf8 = Some("CSV:44,34,76,1");
    for format in ["ods", "xlsx", "xls"] {
        let Some(sheet) = libreoffice(&csv, format, dir.path(), utf8) else {
            return;
        };
        let data = imported(&sheet, &dir.path().join(format));
        assert_eq!(tasks(&data), from_csv, "{format}");
    }
}

#[test]
fn problems_name_the_file_sheet_and_cell_and_write_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let xlsx = dir.path().join("plan.xlsx");
    if openpyxl("plan_table.py", &[&xlsx]).is_none() {
        return;
    }
    let out = dir.path().join("data");
    let stderr = |run: Output| {
        assert_eq!(run.status.code(), Some(1));
        String::from_utf8(run.stderr).expect("utf-8")
    };
    let missing = stderr(import(&xlsx, &out, &["--sheet", "进度"]));
    assert!(missing.contains("没有名为“进度”的工作表"), "{missing}");
    assert!(missing.contains("分工表、说明"), "{missing}");
    let no_header = stderr(import(&xlsx, &out, &["--sheet", "说明"]));
    assert!(
        no_header.contains("plan.xlsx!说明：找不到表头行"),
        "{no_header}"
    );

    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, "序号,工作任务,牵头单位\n1,修建公园一座。,\n").expect("write");
    let en = Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(["--lang", "en", "import"])
        .arg(&csv)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("duban runs");
    let en = stderr(en);
    assert!(en.contains("bad.csv!A2: no task"), "{en}");
    assert!(!out.exists(), "nothing written");
}
