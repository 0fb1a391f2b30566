//! Every command's `--help` and a list of error paths, run as the built
//! binary in both languages: under `--lang zh` no English word escapes
//! (except names the user types: options, commands, values, IDs, paths),
//! under `--lang en` no Chinese appears except the data's own.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use duban::messages::{Lang, all};
use duban::model::Status;

const BIN: &str = env!("CARGO_BIN_EXE_duban");

fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/dongyang-2023")
}

/// A copy of the bundled dataset in `dir`, with `edit` applied to one file.
fn dataset(dir: &Path, file: &str, edit: impl Fn(&str) -> String) -> String {
    std::fs::create_dir_all(dir).expect("dir");
    for entry in std::fs::read_dir(bundled()).expect("bundled dataset") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let text = if name == file { edit(&text) } else { text };
        std::fs::write(dir.join(&name), text).expect("write");
    }
    dir.display().to_string()
}

/// Every command path below `duban` (`progress set`), from clap's command.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        // clap's own `help` subcommand takes command names, not `--help`.
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut p = path.clone();
            p.push(sub.get_name().to_string());
            walk(sub, p, out);
        }
    }
    let mut out = Vec::new();
    walk(&duban::cli::command(Lang::En), Vec::new(), &mut out);
    out
}

/// Names that stay as typed in Chinese output: command names, option
/// names, possible values, status names and file formats, all read from
/// the program itself, plus words of the run's own arguments.
fn typed_names(argv: &[String]) -> HashSet<String> {
    fn walk(cmd: &clap::Command, out: &mut HashSet<String>) {
        out.insert(cmd.get_name().to_string());
        for arg in cmd.get_arguments() {
            for name in arg.get_long().into_iter().chain(
                arg.get_value_names()
                    .into_iter()
                    .flatten()
                    .map(|s| s.as_str()),
            ) {
                out.extend(
                    name.split(|c: char| !c.is_ascii_alphabetic())
                        .map(str::to_string),
                );
            }
            for v in arg.get_possible_values() {
                out.insert(v.get_name().to_string());
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, out);
        }
    }
    let mut names = HashSet::new();
    walk(&duban::cli::command(Lang::Zh), &mut names);
    for s in Status::ALL {
        names.extend(s.as_str().split('_').map(str::to_string));
    }
    for word in [
        "duban", "ron", "RON", "UTF", "JSON", "CSV", "YYYY", "MM", "DD", "MiB", "DUBAN", "LANG",
        "DATA", "HOME", "GDP", "markdown", "md", "html", "STORE",
    ] {
        names.insert(word.to_string());
    }
    for entry in std::fs::read_dir(bundled()).expect("bundled dataset") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        names.extend(name.split('.').map(str::to_string));
    }
    for arg in argv {
        names.extend(
            arg.split(|c: char| !c.is_ascii_alphabetic())
                .map(str::to_string),
        );
    }
    names.retain(|w| !w.is_empty());
    names
}

/// Lines that quote a file (`12 | text`, a caret line, the line above a
/// caret) show data, not words.
fn is_quoted_data(line: &str, next: Option<&str>) -> bool {
    let t = line.trim_start();
    let digits = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let caret = |l: &str| l.trim() == "^";
    digits.starts_with(" |") || digits.starts_with('|') || next.is_some_and(caret)
}

/// English words in `text`, ignoring typed names, code in backquotes and
/// the user's own values, which Chinese messages quote in “”.
fn english_words(text: &str, allowed: &HashSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let words_lines = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| !is_quoted_data(l, lines.get(i + 1).copied()))
        .map(|(_, l)| *l);
    for line in words_lines {
        let mut words = String::new();
        let mut depth = 0;
        for c in line.chars() {
            match c {
                '“' => depth += 1,
                '”' => depth -= 1,
                _ if depth == 0 => words.push(c),
                _ => {}
            }
        }
        for (i, part) in words.split('`').enumerate() {
            let code = i % 2 == 1;
            for word in part.split(|c: char| !c.is_ascii_alphabetic()) {
                let is_identifier = code && word.chars().all(|c| c.is_ascii_lowercase());
                if word.len() > 1 && !is_identifier && !allowed.contains(word) {
                    found.push(word.to_string());
                }
            }
        }
    }
    found
}

/// Runs of Chinese characters in `text` that appear neither in the data
/// nor in the English side of the message table.
fn chinese_words(text: &str, data: &str, argv: &[String]) -> Vec<String> {
    let english: String = all().map(|m| m.en).collect::<Vec<_>>().join("\n");
    let argv = argv.join(" ");
    let is_cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) || "，。：；“”（）、".contains(c);
    let mut found = Vec::new();
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_cjk(c) {
            run.push(c);
        } else if !run.is_empty() {
            let known = [data, english.as_str(), argv.as_str()]
                .iter()
                .any(|t| t.contains(&run));
            if !known {
                found.push(run.clone());
            }
            run.clear();
        }
    }
    found
}

struct Run {
    argv: Vec<String>,
    /// Whether the command is expected to fail.
    fails: bool,
}

/// `words` split at spaces, then `more` (arguments that hold spaces or
/// paths).
fn run(words: &str, more: &[&str], fails: bool) -> Run {
    let argv = words
        .split_whitespace()
        .chain(more.iter().copied())
        .map(str::to_string)
        .collect();
    Run { argv, fails }
}

fn runs(tmp: &Path) -> Vec<Run> {
    let data = bundled().display().to_string();
    let unknown_field = dataset(&tmp.join("field"), "tasks.ron", |t| {
        t.replacen("id:", "idd:", 1)
    });
    let unknown_unit = dataset(&tmp.join("unit"), "tasks.ron", |t| {
        t.replacen("lead: [\"", "lead: [\"无此单位", 1)
    });
    let cut = dataset(&tmp.join("cut"), "plan.ron", |t| {
        t[..t.len() / 2].to_string()
    });
    // Dates in a dataset file that are no date: said by duban's own date
    // parser, whose words must follow the language too.
    let no_such_day = dataset(&tmp.join("day"), "plan.ron", |t| {
        t.replacen("issued: \"2023-01-28\"", "issued: \"2023-02-30\"", 1)
    });
    let short_date = dataset(&tmp.join("form"), "plan.ron", |t| {
        t.replacen("issued: \"2023-01-28\"", "issued: \"2023-1-28\"", 1)
    });
    let scratch = dataset(&tmp.join("scratch"), "", str::to_string);
    let bad_doc = tmp.join("bad.md");
    std::fs::write(&bad_doc, "一份没有标题的文件。\n随便写的一行。\n").expect("write");
    let bad_doc = bad_doc.display().to_string();
    // Malformed documents of the import corpus, and a curation naming a
    // task the document does not have.
    let bad_docs = [
        "err_leader_order.md",
        "err_missing_units.md",
        "err_project_leader.md",
        "err_project_without_units.md",
        "err_skipped_number.md",
        "err_text_before_leader.md",
        "err_trailing_text.md",
    ]
    .map(|name| import_fixture(name).display().to_string());
    let curated = tmp.join("curated");
    std::fs::create_dir_all(&curated).expect("dir");
    std::fs::write(
        curated.join("targets.ron"),
        "[\n    (task: \"K1.9\", targets: []),\n]\n",
    )
    .expect("write");
    let curated = curated.display().to_string();
    let targets_doc = import_fixture("targets.md").display().to_string();
    // Datasets whose journal is malformed.
    let journals = JOURNALS.map(|name| {
        let dir = dataset(&tmp.join(name), "", str::to_string);
        std::fs::copy(progress_fixture(name), Path::new(&dir).join("progress.ron"))
            .expect("journal");
        dir
    });
    let out = tmp.join("out").display().to_string();
    let missing = tmp.join("missing").display().to_string();
    let sheet = tmp.join("sheet.xlsx").display().to_string();
    let mut list: Vec<Run> = command_paths()
        .into_iter()
        .map(|path| run(&path.join(" "), &["--help"], false))
        .collect();
    list.extend([
        run("check", &["--data", &data], false),
        run("check", &["--data", &missing], true),
        run("check", &["--data", &unknown_field], true),
        run("check", &["--data", &unknown_unit], true),
        run("check", &["--data", &cut], true),
        run("check", &["--data", &no_such_day], true),
        run("check", &["--data", &short_date], true),
        run("search 没有这样的词语组合", &["--data", &data], false),
        run("search", &["", "--data", &data], true),
        run("search", &[], true),
        run("search x --limit lots", &[], true),
        run(
            "progress set K9.99 --percent 10",
            &["--data", &scratch],
            true,
        ),
        run("progress set Q1 --percent 10", &["--data", &scratch], true),
        run(
            "progress set K1.1 --percent abc",
            &["--data", &scratch],
            true,
        ),
        run(
            "progress set K1.1 --percent 101",
            &["--data", &scratch],
            true,
        ),
        run(
            "progress set K1.1 --percent 10 --date 2023-02-30",
            &["--data", &scratch],
            true,
        ),
        run(
            "progress set K1.1 --percent 10 --date 2019-05-01",
            &["--data", &scratch],
            true,
        ),
        run(
            "progress set K1.1 --percent 10 --status wobbly",
            &["--data", &scratch],
            true,
        ),
        run(
            "progress set K1.1 --actual nothing",
            &["--data", &scratch],
            true,
        ),
        run(
            "progress set K1.1 --percent 50 --status done",
            &["--data", &scratch],
            true,
        ),
        run(
            "progress set K1.1 --percent 10 --today 2023-06-30",
            &["--data", &scratch],
            false,
        ),
        run(
            "progress set K1.2 --percent 10 --note 开工 --problems 缺地 --next-steps 征地",
            &["--today", "2023-06-30", "--data", &scratch],
            false,
        ),
        run("progress log", &["--data", &scratch], false),
        run("progress set", &[], true),
        run("progress", &[], true),
        run("frob", &[], true),
        run("--frob", &[], true),
        run("check --lang-of-choice", &[], true),
        run("import", &[&bad_doc, "--out", &out], true),
        run("import", &[&missing, "--out", &out], true),
        run("import", &[&targets_doc, "--out", &curated], true),
        run("report --leader nobody", &["--data", &data], true),
        run("report --unit 无此单位", &["--data", &data], true),
        run("report --format pdf", &[], true),
        run(
            "report --format pdf --today 2023-06-30",
            &["--data", &data],
            true,
        ),
        run(
            "report --as-of 2023-06-30 --since 2023-07-01",
            &["--data", &data],
            true,
        ),
        run("report --config", &[&missing, "--data", &data], true),
        run("export --format xml", &[], true),
        run("synth --tasks many --out", &[&out], true),
        run("where", &["--data", &data], false),
        run("remind --as-of 2023-03-01", &["--data", &data], false),
        run("remind --as-of 2023-07-01", &["--data", &scratch], false),
        run(
            "remind --format md --as-of 2023-10-08 --unit 市发改局",
            &["--data", &data],
            false,
        ),
        run("remind --unit 无此单位", &["--data", &data], true),
        run(
            "template --unit 无此单位 --out",
            &[&sheet, "--data", &data],
            true,
        ),
        run("template --out", &[&sheet, "--data", &data], true),
        run(
            "template --unit 市发改局 --as-of 2023-06-10 --out",
            &[&sheet, "--data", &data],
            false,
        ),
        run("collect --check", &[&sheet, "--data", &data], false),
        run("collect", &[&missing, "--data", &data], true),
        run("collect", &[], true),
        run("store status", &["--data", &data], true),
        run(
            "store status --store mysql://ann:pw@db/duban",
            &["--data", &data],
            true,
        ),
        run(
            "store grant --role liaison --store postgres://ann@127.0.0.1:1/duban",
            &["--data", &data],
            true,
        ),
        run(
            "store grant --role liaison --unit 无此单位 --store postgres://ann@127.0.0.1:1/duban",
            &["--data", &data],
            true,
        ),
        run(
            "store status --store postgres://ann:pw@127.0.0.1:1/duban",
            &["--data", &scratch],
            false,
        ),
        run(
            "progress set K1.3 --percent 10 --today 2023-06-30 --store postgres://ann@127.0.0.1:1/duban",
            &["--data", &scratch],
            false,
        ),
    ]);
    list.extend(
        bad_docs
            .iter()
            .map(|doc| run("import", &[doc, "--out", &out], true)),
    );
    list.extend(
        journals
            .iter()
            .map(|dir| run("progress log", &["--data", dir], true)),
    );
    list
}

/// Malformed journals of the progress corpus.
const JOURNALS: [&str; 6] = [
    "bad_date.ron",
    "bad_timestamp.ron",
    "percent_not_a_byte.ron",
    "syntax_missing_paren.ron",
    "unknown_field.ron",
    "invalid_utf8.ron",
];

fn import_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn progress_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/progress")
        .join(name)
}

fn output(lang: &str, argv: &[String], home: &Path) -> (bool, String) {
    let out = Command::new(BIN)
        .args(argv)
        .args(["--lang", lang])
        .env("DUBAN_DATA_HOME", home)
        .env_remove("DUBAN_LANG")
        .output()
        .expect("run duban");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn no_english_word_escapes_under_zh() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut escaped = Vec::new();
    for r in runs(tmp.path()) {
        let (ok, text) = output("zh", &r.argv, tmp.path());
        if ok == r.fails {
            escaped.push(format!("duban {}: exit status\n{text}", r.argv.join(" ")));
        }
        let words = english_words(&text, &typed_names(&r.argv));
        if !words.is_empty() {
            escaped.push(format!("duban {}: {words:?}\n{text}", r.argv.join(" ")));
        }
    }
    assert!(
        escaped.is_empty(),
        "English under --lang zh:\n{}",
        escaped.join("\n\n")
    );
}

#[test]
fn no_chinese_ui_text_under_en() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let runs = runs(tmp.path());
    // The data: the bundled dataset and the broken copies made from it.
    let mut data = String::new();
    for dir in
        std::iter::once(bundled()).chain(["unit", "field", "cut"].map(|d| tmp.path().join(d)))
    {
        for entry in std::fs::read_dir(dir).expect("dataset") {
            data.push_str(&std::fs::read_to_string(entry.expect("entry").path()).expect("read"));
        }
    }
    data.push_str(&std::fs::read_to_string(tmp.path().join("bad.md")).expect("read"));
    // The malformed documents and journals the runs read.
    for dir in ["tests/fixtures/import", "tests/fixtures/progress"] {
        for entry in
            std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).expect("fixtures")
        {
            let path = entry.expect("entry").path();
            if path.is_file() {
                let text =
                    String::from_utf8_lossy(&std::fs::read(path).expect("read")).into_owned();
                // A unit list that runs on is quoted with its lines joined.
                data.push_str(&text.replace('\n', ""));
                data.push_str(&text);
            }
        }
    }
    // What earlier runs recorded (notes typed on the command line) is data too.
    for r in &runs {
        data.push_str(&r.argv.join(" "));
    }
    let mut leaked = Vec::new();
    for r in runs {
        let (ok, text) = output("en", &r.argv, tmp.path());
        if ok == r.fails {
            leaked.push(format!("duban {}: exit status\n{text}", r.argv.join(" ")));
        }
        let words = chinese_words(&text, &data, &r.argv);
        if !words.is_empty() {
            leaked.push(format!("duban {}: {words:?}\n{text}", r.argv.join(" ")));
        }
    }
    assert!(
        leaked.is_empty(),
        "Chinese under --lang en:\n{}",
        leaked.join("\n\n")
    );
}

#[test]
fn the_language_is_known_before_arguments_are_parsed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let env_en = Command::new(BIN)
        .arg("--frob")
        .env("DUBAN_LANG", "en")
        .env("DUBAN_DATA_HOME", tmp.path())
        .output()
        .expect("run duban");
    let text = String::from_utf8_lossy(&env_en.stderr);
    assert!(text.contains("unexpected argument '--frob'"), "{text}");
    let check = Command::new(BIN)
        .args(["check"])
        .env("DUBAN_LANG", "en")
        .output()
        .expect("run duban");
    let text = String::from_utf8_lossy(&check.stdout);
    assert!(text.contains("8 leaders, 136 key tasks"), "{text}");
    let (_, zh) = output("zh", &[String::from("--frob")], tmp.path());
    assert!(zh.contains("未知的选项或参数“--frob”"), "{zh}");
    let (_, zh_help) = output("zh", &[String::from("--help")], tmp.path());
    assert!(zh_help.contains("用法：duban [选项] [命令]"), "{zh_help}");
}
