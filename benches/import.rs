//! Import speed: `duban import` of a generated 2,000-task document in the
//! section-grouped shape (labelled lines, trailing parentheticals,
//! deadlines, targets), against loading and checking the dataset it
//! writes (what `duban check` does) in the same run.
//!
//! `cargo bench --bench import`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use duban::import::import_file;
use duban::store::load_dir;

const TASKS: usize = 2000;
const SECTIONS: usize = 20;
const UNITS: [&str; 12] = [
    "市发改局",
    "市经信局",
    "市财政局",
    "市住建局",
    "市交通局",
    "市商务局",
    "市教育局",
    "市卫健局",
    "市水利局",
    "市农业农村局",
    "市生态环境局",
    "市统计局",
];
const DUE: [&str; 5] = ["5月底前", "年底前", "上半年", "三季度末", "长期坚持"];

/// A section-grouped document of `TASKS` tasks, half with labelled lines
/// and half with a trailing parenthetical.
fn document() -> String {
    let mut doc = String::from("示例市2024年重点工作任务分工方案\n\n列第一位者为牵头单位。\n\n");
    let per = TASKS / SECTIONS;
    for s in 0..SECTIONS {
        doc.push_str(&format!("{}、第{}部分工作\n\n", chinese(s + 1), s + 1));
        for t in 0..per {
            let n = s * per + t + 1;
            let u = |k: usize| UNITS[(n + k) % UNITS.len()];
            let text = format!(
                "推进第{n}项重点工作，投资增长{}%以上，新建项目{}个",
                n % 9 + 3,
                n % 40 + 1
            );
            if n.is_multiple_of(2) {
                doc.push_str(&format!(
                    "{n}. {text}。\n牵头单位：{}\n配合单位：{}、{}\n完成时限：{}\n\n",
                    u(0),
                    u(1),
                    u(2),
                    DUE[n % DUE.len()]
                ));
            } else {
                doc.push_str(&format!(
                    "{n}. {text}（{}牵头，{}、{}配合）。\n\n",
                    u(0),
                    u(3),
                    u(4)
                ));
            }
        }
    }
    doc
}

fn chinese(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[n - 10]),
        _ => format!("{}十{}", D[n / 10], D[n % 10]),
    }
}

fn import(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = dir.path().join("plan.md");
    std::fs::write(&source, document()).expect("write the document");
    let out = dir.path().join("data");
    let summary = import_file(&source, &out).expect("imports");
    assert_eq!(summary.tasks, TASKS);

    let mut g = c.benchmark_group("import_2000_tasks");
    g.bench_function("import", |b| {
        b.iter_batched(
            || (),
            |()| black_box(import_file(&source, &out).expect("imports")),
            BatchSize::PerIteration,
        )
    });
    g.bench_function("check_baseline", |b| {
        b.iter(|| black_box(load_dir(Path::new(&out)).expect("loads")))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(5));
    targets = import
}
criterion_main!(benches);
