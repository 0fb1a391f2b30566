//! Collect speed: `duban collect` of 138 filled report sheets (the real
//! binary, as a supervision office runs it), against reading the same 138
//! files' report sheets with calamine alone, in the same run.
//!
//! The sheets: `duban template`'s workbook for every unit of the bundled
//! dataset that leads a task, for the second quarter (123 sheets), and for
//! the first quarter for as many more units as make 138; every row filled
//! in programmatically (rust_xlsxwriter, the writer duban uses) before
//! the file is saved.
//!
//! `cargo bench --bench collect`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use calamine::{Reader, open_workbook_auto};
use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use duban::collect::layout::{Column, REPORT_SHEET};
use duban::collect::{Template, write};
use duban::lights::{Calendar, Cycle};
use duban::model::{ProgressEntry, Status};
use duban::store::{self, Index};

const BIN: &str = env!("CARGO_BIN_EXE_duban");
const SHEETS: usize = 138;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, m, d).expect("date")
}

/// Writes the 138 filled sheets into `dir`; returns their paths.
fn filled_sheets(dir: &Path) -> Vec<PathBuf> {
    let data = store::load(None).expect("bundled dataset");
    let index = Index::new(&data);
    let calendar = Calendar::new(data.plan.year, None, Cycle::default());
    let entries: Vec<ProgressEntry> = Vec::new();
    let leading: Vec<&str> = data
        .units
        .iter()
        .map(|u| u.name.as_str())
        .filter(|u| index.duties(u).is_some_and(|d| !d.lead.is_empty()))
        .collect();
    let periods = [day(6, 10), day(3, 10)];
    let mut paths = Vec::new();
    for (n, (as_of, unit)) in periods
        .iter()
        .flat_map(|p| leading.iter().map(move |u| (*p, *u)))
        .take(SHEETS)
        .enumerate()
    {
        let template = Template::new(&data, &index, &entries, &calendar, unit, as_of);
        let mut book = write::workbook(&template, &calendar).expect("workbook");
        let sheet = book
            .worksheet_from_name(REPORT_SHEET)
            .expect("report sheet");
        for (i, row) in template.lead.iter().enumerate() {
            let r = i as u32 + 1;
            let percent = (i * 10 + n) % 100;
            sheet
                .write_number(r, Column::Percent.index(), percent as f64)
                .and_then(|s| s.write_string(r, Column::Status.index(), Status::OnTrack.label_zh()))
                .and_then(|s| {
                    let note = format!("{}：完成阶段目标{percent}%", row.id);
                    s.write_string(r, Column::Progress.index(), note)
                })
                .and_then(|s| s.write_string(r, Column::Problems.index(), "要素保障不足"))
                .and_then(|s| s.write_string(r, Column::NextSteps.index(), "加快推进"))
                .and_then(|s| s.write_string(r, Column::Reporter.index(), "联络员"))
                .expect("fill");
        }
        let path = dir.join(format!("{n:03}.xlsx"));
        duban::sheet::format::save(&mut book, &path).expect("save");
        paths.push(path);
    }
    assert_eq!(paths.len(), SHEETS);
    paths
}

/// A copy of the bundled dataset, for a journal of the bench's own.
fn dataset(dir: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dongyang-2023");
    let to = dir.join("data");
    std::fs::create_dir_all(&to).expect("mkdir");
    for file in std::fs::read_dir(&from).expect("read dataset").flatten() {
        std::fs::copy(file.path(), to.join(file.file_name())).expect("copy");
    }
    to
}

fn collect(data: &Path, sheets: &[PathBuf]) {
    let out = Command::new(BIN)
        .arg("--data")
        .arg(data)
        .args(["--today", "2023-07-05", "collect"])
        .args(sheets)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("run duban");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn clear_journal(data: &Path) {
    for file in std::fs::read_dir(data).expect("read").flatten() {
        if file
            .file_name()
            .to_string_lossy()
            .starts_with("progress.ron")
        {
            std::fs::remove_file(file.path()).expect("remove");
        }
    }
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let sheets_dir = tmp.path().join("sheets");
    std::fs::create_dir_all(&sheets_dir).expect("mkdir");
    let sheets = filled_sheets(&sheets_dir);
    let data = dataset(tmp.path());
    let mut group = c.benchmark_group("collect");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("calamine_read_138", |b| {
        b.iter(|| {
            for path in &sheets {
                let mut book = open_workbook_auto(path).expect("open");
                black_box(book.worksheet_range(REPORT_SHEET).expect("range"));
            }
        })
    });
    group.bench_function("collect_138_new", |b| {
        b.iter_batched(
            || clear_journal(&data),
            |()| collect(&data, &sheets),
            BatchSize::PerIteration,
        )
    });
    clear_journal(&data);
    collect(&data, &sheets);
    group.bench_function("collect_138_unchanged", |b| {
        b.iter(|| collect(&data, &sheets))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
