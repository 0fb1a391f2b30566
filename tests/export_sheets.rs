//! The CSV and xlsx outputs of `export` and `report` as another program
//! sees them: LibreOffice converts the CSV with its default import
//! options, openpyxl reads the xlsx back.

mod sheets_support;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use sheets_support::{libreoffice, openpyxl};

/// A note a spreadsheet would run as a formula if it were not neutralised.
const FORMULA: &str = "=1+1";

/// A copy of the bundled dataset with one entry on K1.1, reported by a
/// unit and a person, whose note looks like a formula.
fn dataset() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = duban::store::load(None).expect("bundled dataset");
    duban::store::write_dataset(dir.path(), &data).expect("write dataset");
    let set = duban(
        dir.path(),
        &[
            "progress",
            "set",
            "K1.1",
            "--percent",
            "40",
            "--date",
            "2023-05-01",
            "--note",
            FORMULA,
            "--unit",
            "市发改局",
            "--by",
            "周敏",
        ],
    );
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    dir
}

fn duban(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(["--today", "2023-06-01", "--data"])
        .arg(dir)
        .args(args)
        .output()
        .expect("duban runs")
}

/// Writes `duban ARGS --out NAME` into the dataset directory.
fn written(dir: &Path, args: &[&str], name: &str) -> std::path::PathBuf {
    let out = dir.join(name);
    let mut all = args.to_vec();
    all.extend(["--out", out.to_str().expect("utf-8 path")]);
    let run = duban(dir, &all);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    out
}

/// What openpyxl sees in `xlsx` (see `read_back.py`), or `None` without it.
fn inspect(xlsx: &Path) -> Option<Value> {
    let json = openpyxl("read_back.py", &[xlsx])?;
    Some(serde_json::from_slice(&json).expect("json"))
}

/// The coordinate of the first cell of row 1 named `header`.
fn column(sheet: &Value, header: &str) -> String {
    let cells = sheet["cells"].as_object().expect("cells");
    let (at, _) = cells
        .iter()
        .find(|(at, c)| at.ends_with('1') && at.len() <= 3 && c["value"] == header)
        .unwrap_or_else(|| panic!("no column {header}"));
    at.trim_end_matches('1').to_string()
}

/// The cell of column `header` in the row whose column `key_header` is `key`.
fn cell<'a>(sheet: &'a Value, header: &str, key_header: &str, key: &str) -> &'a Value {
    let key_col = column(sheet, key_header);
    let cells = sheet["cells"].as_object().expect("cells");
    let row = (2..2000)
        .find(|r| {
            cells
                .get(&format!("{key_col}{r}"))
                .is_some_and(|c| c["value"] == key)
        })
        .unwrap_or_else(|| panic!("no row {key}"));
    &cells[&format!("{}{row}", column(sheet, header))]
}

#[test]
fn csv_outputs_open_in_libreoffice_with_its_dialog_defaults() {
    let dir = dataset();
    let export = written(dir.path(), &["export", "--format", "csv"], "export.csv");
    let report = written(dir.path(), &["report", "--format", "csv"], "report.csv");
    assert!(
        std::fs::read(&export)
            .expect("read")
            .starts_with(b"\xEF\xBB\xBF")
    );
    for (csv, unit) in [(&export, "牵头单位"), (&report, "牵头单位")] {
        // Comma, double quote, and the character set left for LibreOffice
        // to detect, as its import dialog does (headless LibreOffice 7.4
        // given no options at all reads the locale's 8-bit set instead).
        let detect = Some("CSV:44,34,,1");
        let Some(xlsx) = libreoffice(csv, "xlsx", dir.path(), detect) else {
            return;
        };
        let Some(sheet) = inspect(&xlsx) else { return };
        let lead = cell(&sheet, unit, "编号", "K1.1");
        assert_eq!(lead["value"], "市发改局、市财政局", "{}", csv.display());
        let note = cell(&sheet, "主要进展", "编号", "K1.1");
        assert_eq!(note["data_type"], "s", "{note}");
        assert!(
            note["value"].as_str().expect("text").contains(FORMULA),
            "{note}"
        );
    }
}

#[test]
fn the_export_csv_names_columns_and_labels_in_the_users_language() {
    let dir = dataset();
    let zh = duban(dir.path(), &["export", "--format", "csv"]);
    let en = duban(
        dir.path(),
        &["--lang", "en", "export", "--format", "csv", "--no-bom"],
    );
    let zh = String::from_utf8(zh.stdout).expect("utf-8");
    let en = String::from_utf8(en.stdout).expect("utf-8");
    assert!(zh.starts_with("\u{feff}编号,类别,"), "{}", &zh[..40]);
    assert!(
        zh.contains(",重点工作,") && zh.contains(",推进中,"),
        "labels in Chinese"
    );
    assert!(zh.contains(",市发改局,周敏\n"), "the reporter columns");
    assert!(en.starts_with("id,kind,"), "{}", &en[..20]);
    assert!(en.contains(",key,") && en.contains(",on_track,"));
    let report = duban(dir.path(), &["report", "--format", "csv", "--no-bom"]);
    let report = String::from_utf8(report.stdout).expect("utf-8");
    assert!(
        report.starts_with("领导编号,牵头领导,编号,灯号,"),
        "{report}"
    );
}

#[test]
fn xlsx_outputs_have_a_frozen_filtered_header_fills_dates_and_numbers() {
    let dir = dataset();
    let export = written(dir.path(), &["export", "--format", "xlsx"], "export.xlsx");
    let Some(sheet) = inspect(&export) else {
        return;
    };
    assert_eq!(sheet["freeze"], "A2");
    assert!(
        sheet["filter"]
            .as_str()
            .expect("autofilter")
            .starts_with("A1:")
    );
    let percent = cell(&sheet, "进度(%)", "编号", "K1.1");
    assert_eq!(percent["type"], "int", "{percent}");
    assert_eq!(percent["value"], 40);
    let date = cell(&sheet, "填报日期", "编号", "K1.1");
    assert_eq!(date["type"], "datetime", "{date}");
    assert_eq!(date["value"], "2023-05-01");
    let text = cell(&sheet, "工作任务", "编号", "K1.1");
    assert_eq!(text["wrap"], true);
    assert_eq!(cell(&sheet, "填报人", "编号", "K1.1")["value"], "周敏");
    // A wide Chinese column is wider than a short code column.
    let width = |col: String| sheet["widths"][&col].as_f64().unwrap_or(0.0);
    assert!(width(column(&sheet, "牵头单位")) > width(column(&sheet, "编号")));

    let report = written(dir.path(), &["report", "--format", "xlsx"], "report.xlsx");
    let Some(sheet) = inspect(&report) else {
        return;
    };
    assert_eq!(sheet["title"], "通报");
    assert_eq!(sheet["freeze"], "A2");
    let light = cell(&sheet, "灯号说明", "编号", "K1.2");
    assert_eq!(light["value"], "逾期未报");
    assert!(
        light["fill"].as_str().expect("a fill").ends_with("FFC7CE"),
        "{light}"
    );
    let done = cell(&sheet, "进度(%)", "编号", "K1.1");
    assert_eq!(done["value"], 40);
}

#[test]
fn xlsx_needs_an_out_file_and_replaces_it_whole() {
    let dir = dataset();
    let run = duban(dir.path(), &["--lang", "en", "export", "--format", "xlsx"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--format xlsx needs --out FILE"));
    let out = dir.path().join("old.xlsx");
    std::fs::write(&out, "an older file").expect("write");
    written(dir.path(), &["report", "--format", "xlsx"], "old.xlsx");
    let grid = duban::sheet::read_sheet(&out, None).expect("a workbook now");
    assert_eq!(grid.get(duban::sheet::CellRef::new(0, 2)).text, "编号");
}
