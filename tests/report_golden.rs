//! Golden circulars on the report fixture as of 2023-06-30. Regenerate
//! with `UPDATE_GOLDEN=1 cargo test --test report_golden`; without it, any
//! difference fails.

mod report_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use duban::lights::Thresholds;
use duban::report::{
    Circular, Filter, Options, Settings, Words, write_csv, write_html, write_markdown,
};
use report_support::{AS_OF, as_of, data_dir, dataset, entries};

fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/report/golden")
        .join(name)
}

/// Compares `actual` with the golden file, or rewrites it under UPDATE_GOLDEN.
fn check_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its golden file at line {}:\n  golden: {:?}\n  actual: {:?}\n(run with UPDATE_GOLDEN=1 to accept)",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

/// The masthead settings the goldens are written with; the CLI test gives
/// the same as options.
fn options() -> Options {
    Options {
        since: None,
        full: false,
        settings: Settings {
            issuer: "东阳市人民政府督查室".into(),
            number: 3,
            copy_to: vec!["市委办公室".into(), "市人大常委会办公室".into()],
        },
    }
}

const OPTION_ARGS: [&str; 8] = [
    "--issuer",
    "东阳市人民政府督查室",
    "--number",
    "3",
    "--copy-to",
    "市委办公室",
    "--copy-to",
    "市人大常委会办公室",
];

fn render_with(filter: Filter, options: Options, words: &Words, format: &str) -> String {
    let (data, entries) = (dataset(), entries());
    let circular = Circular::with_options(
        &data,
        &entries,
        as_of(),
        &Thresholds::default(),
        filter,
        options,
    )
    .expect("circular");
    let mut out = Vec::new();
    match format {
        "md" => write_markdown(&circular, words, &mut out).expect("md"),
        "html" => write_html(&circular, words, &mut out).expect("html"),
        _ => write_csv(&circular, words, &mut out).expect("csv"),
    }
    String::from_utf8(out).expect("utf-8")
}

fn render(filter: Filter, words: &Words, format: &str) -> String {
    render_with(filter, options(), words, format)
}

fn duban(args: &[&str]) -> std::process::Output {
    let data = data_dir();
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .arg("--data")
        .arg(&data)
        .args(args)
        .output()
        .expect("run duban")
}

#[test]
fn markdown_circular_matches_its_golden_file() {
    check_golden("circular.md", &render(Filter::default(), &Words::ZH, "md"));
}

#[test]
fn html_circular_matches_its_golden_file() {
    check_golden(
        "circular.html",
        &render(Filter::default(), &Words::ZH, "html"),
    );
}

#[test]
fn csv_circular_matches_its_golden_file() {
    check_golden(
        "circular.csv",
        &render(Filter::default(), &Words::ZH, "csv"),
    );
}

#[test]
fn english_markdown_matches_its_golden_file() {
    check_golden(
        "circular-en.md",
        &render(Filter::default(), &Words::EN, "md"),
    );
}

#[test]
fn english_html_matches_its_golden_file() {
    check_golden(
        "circular-en.html",
        &render(Filter::default(), &Words::EN, "html"),
    );
}

#[test]
fn full_markdown_matches_its_golden_file() {
    let full = Options {
        full: true,
        ..options()
    };
    check_golden(
        "circular-full.md",
        &render_with(Filter::default(), full, &Words::ZH, "md"),
    );
}

#[test]
fn one_leaders_circular_matches_its_golden_file() {
    let filter = Filter {
        leader: Some("郭锦明".into()),
        unit: None,
    };
    check_golden("leader-L2.md", &render(filter, &Words::ZH, "md"));
}

#[test]
fn a_unit_filter_keeps_the_tasks_it_leads_or_cooperates_on() {
    let filter = Filter {
        leader: None,
        unit: Some("市住建局".into()),
    };
    let csv = render(filter, &Words::ZH, "csv");
    let ids: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(2))
        .collect();
    assert_eq!(ids, ["K3.1", "K3.2", "K3.3"]);
}

#[test]
fn red_items_come_first_within_each_leader() {
    let full = Options {
        full: true,
        ..options()
    };
    let md = render_with(Filter::default(), full, &Words::ZH, "md");
    let l2 = md.split("#### 郭锦明").nth(1).expect("L2 section");
    let done = l2.find("| K2.2 |").expect("K2.2 row");
    for red in ["| K2.1 |", "| K2.3 |"] {
        assert!(l2.find(red).expect("red row") < done, "{red}");
    }
}

#[test]
fn the_cli_writes_the_golden_markdown() {
    let mut args = vec!["report", "--format", "md", "--as-of", AS_OF];
    args.extend(OPTION_ARGS);
    let out = duban(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = std::fs::read_to_string(golden_path("circular.md")).expect("golden");
    assert!(
        String::from_utf8_lossy(&out.stdout) == expected,
        "`duban report --format md` differs from circular.md"
    );
}

#[test]
fn the_cli_rejects_an_unknown_leader() {
    let out = duban(&["--lang", "en", "report", "--as-of", AS_OF, "--leader", "L9"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no leader `L9`"), "{err}");
    assert!(err.contains("L2 郭锦明"), "{err}");
}

#[test]
fn the_cli_rejects_an_unknown_unit() {
    let out = duban(&[
        "--lang",
        "en",
        "report",
        "--as-of",
        AS_OF,
        "--unit",
        "市不存在局",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no unit `市不存在局`"), "{err}");
}

#[test]
fn the_cli_reports_a_bad_config_with_its_position() {
    let bad = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/report/config/unknown_field.ron");
    let out = duban(&[
        "report",
        "--as-of",
        AS_OF,
        "--config",
        &bad.to_string_lossy(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown_field.ron:4:9:"), "{err}");
}
