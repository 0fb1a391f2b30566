//! A long tasks.ron is parsed in pieces on every core: the result is
//! exactly the one-piece parse's, texts that hold brackets, commas,
//! quotes and comment marks included, and an error anywhere is reported
//! where the one-piece parse reports it.

use std::fs;
use std::path::{Path, PathBuf};

use duban::model::Dataset;
use duban::store::{self, Cache, CacheUse, LoadError};
use duban::synth::synth;

/// Tasks enough for a tasks.ron past 1 MiB, the size from which the list
/// is cut.
const LONG: usize = 5000;

fn written(data: &Dataset) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    store::write_dataset(dir.path(), data).expect("write dataset");
    let len = fs::metadata(dir.path().join("tasks.ron")).unwrap().len();
    assert!(len >= 1 << 20, "tasks.ron is {len} bytes");
    dir
}

/// `data` written, with the path and text of its tasks.ron.
fn with_tasks_text(data: &Dataset) -> (tempfile::TempDir, PathBuf, String) {
    let dir = written(data);
    let path = dir.path().join("tasks.ron");
    let text = fs::read_to_string(&path).unwrap();
    (dir, path, text)
}

fn plain(dir: &Path) -> Result<Dataset, LoadError> {
    store::load_dir_cached(dir, &Cache::off()).map(|(data, used)| {
        assert!(matches!(used, CacheUse::Off), "{used:?}");
        data
    })
}

#[test]
fn a_long_list_parses_to_the_dataset_written() {
    let data = synth(LONG, 21);
    let dir = written(&data);
    assert_eq!(plain(dir.path()).expect("loads"), data);
}

#[test]
fn texts_that_look_like_ron_do_not_mislead_the_cuts() {
    let mut data = synth(LONG, 22);
    let tricky = [
        "含\"引号\"，以及 ], ( 和 ) 的文字",
        "逗号,在这里],[又一个(",
        "// 不是注释, ]",
        "/* 也不是注释 */ ),",
        "反斜杠\\\"和 r#\"原始\"# 字样",
        "'单引号', ']'",
    ];
    for (i, task) in data.tasks.iter_mut().enumerate() {
        task.text = format!("{}{}", tricky[i % tricky.len()], task.text).into();
    }
    let dir = written(&data);
    let text = fs::read_to_string(dir.path().join("tasks.ron")).unwrap();
    assert!(text.contains("r#\""), "raw strings in the file");
    assert_eq!(plain(dir.path()).expect("loads"), data);
}

#[test]
fn comments_between_tasks_are_skipped() {
    let data = synth(LONG, 23);
    let (dir, path, text) = with_tasks_text(&data);
    let commented = text.replace("),\n(\n", "),\n// 下一项, ] (\n/* ( [ */\n(\n");
    assert_ne!(commented, text);
    fs::write(&path, commented).unwrap();
    assert_eq!(plain(dir.path()).expect("loads"), data);
}

/// The line and column a syntax error names.
fn syntax_at(err: &LoadError) -> (String, usize, usize) {
    match err {
        LoadError::Syntax(d) => (d.file.clone(), d.line, d.col),
        other => panic!("expected a syntax error, got {other}"),
    }
}

#[test]
fn an_error_deep_in_a_long_list_is_reported_where_it_is() {
    let data = synth(LONG, 24);
    let (dir, path, text) = with_tasks_text(&data);
    // A field name misspelt about two thirds of the way down.
    let at = text[text.len() * 2 / 3..].find("number:").unwrap() + text.len() * 2 / 3;
    let broken = format!("{}numbr:{}", &text[..at], &text[at + "number:".len()..]);
    fs::write(&path, &broken).unwrap();
    let line = broken[..at].matches('\n').count() + 1;
    let err = plain(dir.path()).expect_err("a misspelt field");
    let (file, got_line, _) = syntax_at(&err);
    assert!(file.ends_with("tasks.ron"), "{file}");
    assert_eq!(got_line, line, "{err}");
}

#[test]
fn a_missing_comma_between_tasks_is_reported_where_it_is() {
    let data = synth(LONG, 25);
    let (dir, path, text) = with_tasks_text(&data);
    let at = text[text.len() / 2..].find("\n),\n").unwrap() + text.len() / 2;
    // `),` becomes `)` at the end of a task half-way down.
    let broken = format!("{}\n){}", &text[..at], &text[at + "\n),".len()..]);
    fs::write(&path, &broken).unwrap();
    let line = broken[..at].matches('\n').count() + 2;
    let err = plain(dir.path()).expect_err("a missing comma");
    assert_eq!(syntax_at(&err).1, line, "{err}");
}
