//! `duban collect`: report sheets written by `duban template`, filled in and
//! re-saved by other programs (openpyxl, LibreOffice), read back as
//! progress; bad cells named `file!sheet!cell`; idempotence; `--check`.

#[path = "external/mod.rs"]
mod external;
#[path = "collect_support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::Scratch;

/// 市发改局's sheet for the second quarter (report date 2023-06-30), and a
/// python with openpyxl to fill it.
fn sheet() -> Option<(Scratch, PathBuf)> {
    let python = support::python()?;
    let s = Scratch::new();
    s.ok(&[
        "template",
        "--unit",
        "市发改局",
        "--as-of",
        "2023-06-10",
        "--out",
        "blank.xlsx",
    ]);
    Some((s, python))
}

/// Rows 2 and 3 (K1.1, K2.1) filled in as the unit would.
const GOOD: &[&str] = &[
    "D2=40",
    "E2=推进中",
    "F2=完成用地报批",
    "G2=资金未到位",
    "H2=督促拨付",
    "J2=王小明",
    "D3=100",
    "E3=已完成",
    "I3=date:2023-06-20",
    "J3=李四",
];

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_sheet_filled_and_resaved_by_openpyxl_is_recorded() {
    let Some((s, python)) = sheet() else { return };
    support::fill(&python, &s.path("blank.xlsx"), &s.path("filled.xlsx"), GOOD);
    let out = s.ok(&["collect", "filled.xlsx"]);
    assert!(
        out.contains("filled.xlsx：记录 2 条，未变 0 条，退回 0 条"),
        "{out}"
    );
    let entries = s.entries();
    assert_eq!(entries.len(), 2, "{entries:?}");
    let k11 = entries.iter().find(|e| e["task"] == "K1.1").expect("K1.1");
    assert_eq!(k11["percent"], 40);
    assert_eq!(k11["status"], "on_track");
    assert_eq!(k11["date"], "2023-06-30", "the sheet's report date");
    assert_eq!(k11["note"], "完成用地报批");
    assert_eq!(k11["problems"], "资金未到位");
    assert_eq!(k11["next_steps"], "督促拨付");
    assert_eq!(
        k11["reporter"],
        serde_json::json!({"unit": "市发改局", "name": "王小明"})
    );
    let k21 = entries.iter().find(|e| e["task"] == "K2.1").expect("K2.1");
    assert_eq!(
        (&k21["status"], &k21["date"]),
        (&"done".into(), &"2023-06-20".into())
    );
}

#[test]
fn collecting_the_same_sheet_twice_records_nothing_new() {
    let Some((s, python)) = sheet() else { return };
    support::fill(&python, &s.path("blank.xlsx"), &s.path("filled.xlsx"), GOOD);
    s.ok(&["collect", "filled.xlsx"]);
    let again = s.ok(&["collect", "filled.xlsx"]);
    assert!(again.contains("记录 0 条，未变 2 条，退回 0 条"), "{again}");
    assert_eq!(s.entries().len(), 2);
    // A changed row is new again; the unchanged one stays unchanged.
    let mut changed = GOOD.to_vec();
    changed[0] = "D2=45";
    support::fill(
        &python,
        &s.path("blank.xlsx"),
        &s.path("later.xlsx"),
        &changed,
    );
    let later = s.ok(&["collect", "later.xlsx"]);
    assert!(later.contains("记录 1 条，未变 1 条"), "{later}");
    assert_eq!(s.entries().len(), 3);
}

#[test]
fn check_reports_and_writes_nothing() {
    let Some((s, python)) = sheet() else { return };
    support::fill(&python, &s.path("blank.xlsx"), &s.path("filled.xlsx"), GOOD);
    let out = s.ok(&["collect", "--check", "filled.xlsx"]);
    assert!(out.contains("可记录 2 条"), "{out}");
    assert!(!s.has_journal(), "--check wrote a journal");
}

/// A bad percent, an unknown status, a date outside the plan's range, a
/// task the unit does not lead.
fn bad_cells(s: &Scratch, python: &Path) {
    let co_task = support::inspect(python, &s.path("blank.xlsx"))["info"]["配合任务"]["rows"][1][0]
        .as_str()
        .expect("a cooperating duty")
        .to_string();
    let mut cells = GOOD.to_vec();
    let foreign = format!("A5={co_task}");
    cells.extend([
        "D4=150",
        "E4=推进中",
        "D5=20",
        foreign.as_str(),
        "D6=30",
        "E6=进行中",
        "D7=10",
        "I7=date:2024-05-01",
    ]);
    support::fill(python, &s.path("blank.xlsx"), &s.path("bad.xlsx"), &cells);
}

#[test]
fn bad_cells_are_named_and_the_file_records_nothing() {
    let Some((s, python)) = sheet() else { return };
    bad_cells(&s, &python);
    let out = s.run(&["collect", "bad.xlsx"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    for (cell, words) in [
        ("bad.xlsx!填报!D4", "0 到 100 的整数，而不是“150”"),
        ("bad.xlsx!填报!A5", "不由“市发改局”牵头"),
        ("bad.xlsx!填报!E6", "没有“进行中”这种状态"),
        ("bad.xlsx!填报!I7", "2024-05-01 不在计划允许的范围内"),
    ] {
        assert!(
            err.contains(&format!("{cell}：")) && err.contains(words),
            "{cell} {words}: {err}"
        );
    }
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains("记录 0 条，未变 0 条，退回 6 条"),
        "{summary}"
    );
    assert!(!s.has_journal(), "a file with errors recorded something");
}

#[test]
fn skip_bad_rows_records_the_good_ones() {
    let Some((s, python)) = sheet() else { return };
    bad_cells(&s, &python);
    let out = s.run(&["--lang", "en", "collect", "--skip-bad-rows", "bad.xlsx"]);
    assert!(!out.status.success(), "errors still fail the run");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains("bad.xlsx: 2 recorded, 0 unchanged, 4 rejected"),
        "{summary}"
    );
    assert!(stderr(&out).contains("bad.xlsx!填报!D4: progress must be a whole number"));
    assert_eq!(s.entries().len(), 2);
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let Some((s, python)) = sheet() else { return };
    support::fill(&python, &s.path("blank.xlsx"), &s.path("filled.xlsx"), GOOD);
    std::fs::write(s.path("notes.xlsx"), "not a workbook").unwrap();
    let out = s.run(&["collect", "notes.xlsx", "filled.xlsx", "missing.xlsx"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("notes.xlsx") && err.contains("missing.xlsx"),
        "{err}"
    );
    assert!(err.contains("2 个文件有错误"), "{err}");
    assert_eq!(s.entries().len(), 2);
}

#[test]
fn a_sheet_that_duban_did_not_write_is_refused() {
    let Some((s, python)) = sheet() else { return };
    let make = "import openpyxl, sys\nb = openpyxl.Workbook()\nb.active.title = '填报'\nb.save(sys.argv[1])\n";
    let ran = Command::new(&python)
        .args(["-c", make])
        .arg(s.path("own.xlsx"))
        .status()
        .unwrap();
    assert!(ran.success());
    let out = s.run(&["collect", "own.xlsx"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("不是督办生成的填报表"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_sheet_resaved_by_libreoffice_is_recorded() {
    let Some((s, python)) = sheet() else { return };
    let Some(soffice) = external::program(&["soffice", "libreoffice"]) else {
        return;
    };
    support::fill(&python, &s.path("blank.xlsx"), &s.path("filled.xlsx"), GOOD);
    for format in ["ods", "xlsx"] {
        let out_dir = s.path(format);
        let converted = Command::new(&soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                s.path("lo-profile").display()
            ))
            .args(["--headless", "--convert-to", format, "--outdir"])
            .arg(&out_dir)
            .arg(s.path("filled.xlsx"))
            .output()
            .unwrap();
        assert!(converted.status.success(), "{}", stderr(&converted));
    }
    let ods = s.ok(&["collect", "ods/filled.ods"]);
    assert!(ods.contains("记录 2 条"), "{ods}");
    let xlsx = s.ok(&["collect", "xlsx/filled.xlsx"]);
    assert!(xlsx.contains("记录 0 条，未变 2 条"), "{xlsx}");
    assert_eq!(s.entries().len(), 2);
}
