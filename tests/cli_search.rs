//! `duban search` and `duban synth`, run as the built binary on the bundled
//! Dongyang 2023 dataset and on a synthetic one.

use std::process::{Command, Output};

use serde_json::Value;

fn duban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(args)
        // These tests read the English messages; tests/cli_lang.rs the Chinese.
        .env("DUBAN_LANG", "en")
        .output()
        .expect("run duban")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("utf-8 stderr")
}

/// The first column (ID or unit name) of each result line.
fn ids(out: &Output) -> Vec<String> {
    stdout(out)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

#[test]
fn fgj_lists_the_development_and_reform_bureau_first_among_units() {
    let out = duban(&["search", "fgj", "--kind", "unit"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(ids(&out)[0], "市发改局");
}

#[test]
fn jxj_lists_the_economy_and_information_bureau_first_among_units() {
    let out = duban(&["search", "jxj", "--kind", "unit"]);
    assert_eq!(ids(&out)[0], "市经信局");
}

#[test]
fn a_chinese_phrase_finds_the_key_task_that_holds_it() {
    let out = duban(&["search", "规上企业"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids = ids(&out);
    assert!(ids[..3].contains(&"K2.16".to_string()), "{ids:?}");
    assert!(stdout(&out).contains("【规上企业】100家"));
}

#[test]
fn a_task_id_finds_that_task_first() {
    let out = duban(&["search", "K2.16"]);
    assert_eq!(ids(&out)[0], "K2.16");
}

#[test]
fn the_limit_caps_the_lines() {
    let out = duban(&["search", "市", "--limit", "4"]);
    assert_eq!(stdout(&out).lines().count(), 4);
}

#[test]
fn json_output_parses_with_ids_and_character_ranges() {
    let out = duban(&["search", "规上企业", "--json", "--kind", "task"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let hits: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let hits = hits.as_array().expect("an array");
    let k216 = hits
        .iter()
        .find(|h| h["id"] == "K2.16")
        .expect("K2.16 is a hit");
    assert_eq!(k216["kind"], "task");
    assert_eq!(k216["pinyin"], false);
    let text: Vec<char> = k216["text"].as_str().expect("text").chars().collect();
    let range = &k216["ranges"][0];
    let (a, b) = (
        range[0].as_u64().expect("start") as usize,
        range[1].as_u64().expect("end") as usize,
    );
    assert_eq!(text[a..b].iter().collect::<String>(), "规上企业");
}

#[test]
fn json_marks_pinyin_hits() {
    let out = duban(&["search", "fgj", "--kind", "unit", "--json"]);
    let hits: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(hits[0]["id"], "市发改局");
    assert_eq!(hits[0]["pinyin"], true);
}

#[test]
fn an_unknown_kind_is_a_usage_error() {
    let out = duban(&["search", "fgj", "--kind", "office"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid value 'office'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn no_results_is_said_plainly() {
    let out = duban(&["search", "zzzzqqqq"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("no results"));
}

#[test]
fn timings_print_each_keystroke_then_median_and_max() {
    let out = duban(&["search", "规上企业", "--timings"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for typed in ["规", "规上", "规上企", "规上企业"] {
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(&format!("{typed} "))),
            "no line for {typed}:\n{text}"
        );
    }
    assert!(text.contains("median"), "{text}");
    assert!(text.contains("index build"), "{text}");
    // One line a keystroke, its latency at the same display column
    // whatever the width of the query typed so far, and what was scored.
    let keystrokes: Vec<&str> = text.lines().filter(|l| l.contains(" ms  ")).collect();
    assert_eq!(keystrokes.len(), 4, "{text}");
    let columns: Vec<usize> = keystrokes
        .iter()
        .map(|l| {
            use unicode_width::UnicodeWidthStr;
            let end = l.find(" ms  ").expect("a latency");
            l[..end].width()
        })
        .collect();
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{text}");
    assert!(
        keystrokes.iter().all(|l| l.contains("texts scored")),
        "{text}"
    );
}

#[test]
fn a_missing_data_directory_is_an_error_not_a_panic() {
    let out = duban(&["search", "fgj", "--data", "/nonexistent/duban-data"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("duban: "), "{}", stderr(&out));
}

#[test]
fn synth_writes_a_dataset_that_check_accepts_and_search_reads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_dir = dir.path().join("synth");
    let path = out_dir.to_str().expect("utf-8 path");
    let out = duban(&["synth", "--tasks", "300", "--out", path]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("300 key tasks"));
    let check = duban(&["check", "--data", path]);
    assert!(check.status.success(), "{}", stderr(&check));
    let search = duban(&["search", "市发改局", "--kind", "unit", "--data", path]);
    assert_eq!(ids(&search)[0], "市发改局");
}

#[test]
fn timings_say_what_the_pinyin_walk_matched_for_letters_only() {
    let home = tempfile::tempdir().expect("cache dir");
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(["search", "fgj", "--timings"])
        .env("DUBAN_LANG", "en")
        .env(duban::store::CACHE_DIR_ENV, home.path())
        .output()
        .expect("run duban");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let line = |typed: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(&format!("{typed} ")))
            .unwrap_or_else(|| panic!("no line for {typed}:\n{text}"))
            .to_string()
    };
    // One letter is too few for pinyin; two are enough.
    assert!(!line("f").contains("pinyin"), "{text}");
    for typed in ["fg", "fgj"] {
        let l = line(typed);
        let (_, counts) = l.split_once("pinyin: ").expect("pinyin counts");
        let numbers: Vec<usize> = counts
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        assert_eq!(numbers.len(), 2, "{l}");
        assert!(numbers[0] <= numbers[1] && numbers[1] > 0, "{l}");
    }
}
