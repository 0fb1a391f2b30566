//! Search speed: per keystroke on a small dataset and on 100,000 synthetic
//! tasks, against a naive full pass of the fuzzy matcher and a plain
//! substring scan; and the index build for 100,000 tasks, against one
//! pass lowercasing its texts (`cargo bench --bench search --
//! synth-100k/index-build`; the index's heap bytes are printed too).
//!
//! Also `duban search` as a one-shot command against `fzf --filter`.
//!
//! `cargo bench --bench search`; each keystroke's maximum while typing:
//! `cargo bench --bench search -- typing-100k`; the short common queries alone:
//! `cargo bench --bench search -- 'synth-100k/.*/(企|新)'`. Each keystroke is measured on its own: the
//! searcher is first given the query without its last character, as it has
//! it while the user types. The naive pass is measured at every keystroke
//! too, so medians over a typed query can be compared.

use std::hint::black_box;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use duban::model::Dataset;
use duban::search::{Index, Searcher};
use duban::synth::synth;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

#[path = "../tests/typed/mod.rs"]
mod typed;
use typed::TYPED;

const LIMIT: usize = 50;

/// Every text the search covers, as the naive passes see them.
fn texts(data: &Dataset) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for task in data.all_tasks() {
        out.push(&task.id);
        out.push(&task.text);
        out.extend(task.title.as_deref());
        out.extend(task.items.iter().map(|i| i.text.as_str()));
    }
    for unit in &data.units {
        out.push(&unit.name);
        out.extend(unit.aliases.iter().map(String::as_str));
    }
    for leader in &data.plan.leaders {
        out.push(&leader.name);
        out.push(&leader.title);
    }
    out
}

fn keystrokes(c: &mut Criterion, name: &str, data: &Dataset, queries: &[&str]) {
    let index = Arc::new(Index::build(data));
    let texts = texts(data);
    let mut group = c.benchmark_group(name);
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let matcher = SkimMatcherV2::default();
    for query in queries {
        let chars: Vec<char> = query.chars().collect();
        for k in 1..=chars.len() {
            let typed: String = chars[..k].iter().collect();
            let before: String = chars[..k - 1].iter().collect();
            group.bench_function(format!("keystroke/{typed}"), |b| {
                b.iter_batched_ref(
                    || {
                        let mut s = Searcher::new(Arc::clone(&index));
                        s.search(&before, None, LIMIT);
                        s
                    },
                    |s| black_box(s.search(&typed, None, LIMIT)),
                    BatchSize::LargeInput,
                )
            });
            // The baseline: what a keystroke costs when every text is
            // matched afresh.
            group.bench_function(format!("naive-skim/{typed}"), |b| {
                b.iter(|| {
                    texts
                        .iter()
                        .filter_map(|t| matcher.fuzzy_match(t, &typed))
                        .count()
                })
            });
            // The floor: a plain substring scan of the same texts for what
            // is typed.
            group.bench_function(format!("substring/{typed}"), |b| {
                b.iter(|| texts.iter().filter(|t| t.contains(typed.as_str())).count())
            });
        }
    }
    group.finish();
}

fn small(c: &mut Criterion) {
    let data = synth(136, 2023);
    keystrokes(c, "small-136", &data, &["规上企业", "fgj"]);
}

fn large(c: &mut Criterion) {
    let data = synth(100_000, 2023);
    keystrokes(
        c,
        "synth-100k",
        &data,
        &[
            "新增规上企业",
            "gsqy",
            "企业",
            // Single common characters.
            "业",
            "建",
            // Pinyin initials of 企业; a unit name; a typo (新 for 兴)
            // that only a fuzzy match finds.
            "qy",
            "市发改局",
            "乡村振新",
        ],
    );
    let mut group = c.benchmark_group("synth-100k");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("index-build", |b| b.iter(|| Index::build(black_box(&data))));
    // The same run's baseline for the build: one pass lowercasing every
    // text it covers, the least any build does.
    let all = texts(&data);
    group.bench_function("index-build-baseline-lowercase", |b| {
        let mut buf: Vec<char> = Vec::new();
        b.iter(|| {
            for t in &all {
                buf.clear();
                buf.extend(t.chars().flat_map(char::to_lowercase));
                black_box(&buf);
            }
        })
    });
    group.finish();
    // What the index keeps, beside the dataset's own size in memory.
    let index = Index::build(&data);
    let texts: usize = all.iter().map(|t| t.len()).sum();
    eprintln!(
        "synth-100k: the index keeps {} bytes on the heap ({} bytes a task); its texts are {} bytes",
        index.heap_bytes(),
        index.heap_bytes() / data.tasks.len(),
        texts
    );
}

/// `duban search QUERY` as a command at 100,000 tasks, with its search
/// cache written, against `fzf --filter QUERY` over the same texts (one a
/// line, from a file), in the same run. Skipped, saying so, without fzf.
fn one_shot(c: &mut Criterion) {
    let Some(fzf) = program("fzf") else {
        eprintln!("one-shot: fzf not found on PATH; not measured");
        return;
    };
    let data = synth(100_000, 2023);
    let dir = tempfile::tempdir().expect("temp dir");
    let home = tempfile::tempdir().expect("cache dir");
    duban::store::write_dataset(dir.path(), &data).expect("write dataset");
    let lines: String = texts(&data)
        .iter()
        .map(|t| format!("{}\n", t.replace('\n', " ")))
        .collect();
    let list = dir.path().join("texts.txt");
    std::fs::write(&list, lines).expect("write texts");
    let duban = |query: &str| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
        cmd.args(["search", query, "--data"])
            .arg(dir.path())
            .env(duban::store::CACHE_DIR_ENV, home.path())
            .stdout(Stdio::null());
        cmd
    };
    // The first run writes the caches.
    run(&mut duban("企业"));
    let mut group = c.benchmark_group("one-shot-100k");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(4));
    for query in ["企业", "新增规上企业", "gsqy"] {
        group.bench_function(format!("duban/{query}"), |b| {
            b.iter(|| run(&mut duban(query)))
        });
        group.bench_function(format!("fzf/{query}"), |b| {
            b.iter(|| {
                let input = std::fs::File::open(&list).expect("texts");
                run(Command::new(&fzf)
                    .args(["--filter", query])
                    .stdin(input)
                    .stdout(Stdio::null()))
            })
        });
    }
    group.finish();
}

fn run(cmd: &mut Command) {
    // fzf exits 1 when nothing matches; either way it has answered.
    let status = cmd.status().expect("run");
    assert!(status.code().is_some_and(|c| c <= 1), "{cmd:?}: {status}");
}

/// The program `name` on PATH.
fn program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Each query typed as a user types it, into one searcher from its first
/// keystroke; each keystroke timed on its own, over every run criterion
/// makes (warm-up included), and the same for the substring scan of what
/// is typed. Criterion reports the whole query; the table printed at the
/// end gives each keystroke's median and maximum.
fn typing(c: &mut Criterion) {
    use std::cell::RefCell;
    use std::collections::BTreeMap;
    use std::time::Instant;

    let data = synth(100_000, 2023);
    let index = Arc::new(Index::build(&data));
    let texts = texts(&data);
    let times: RefCell<BTreeMap<(String, &str), Vec<Duration>>> = RefCell::default();
    let record = |typed: &str, what: &'static str, took: Duration| {
        (times.borrow_mut().entry((typed.to_string(), what)))
            .or_default()
            .push(took)
    };
    let mut group = c.benchmark_group("typing-100k");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    for query in TYPED {
        let prefixes: Vec<String> = (1..=query.chars().count())
            .map(|k| query.chars().take(k).collect())
            .collect();
        group.bench_function(format!("engine/{query}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let mut s = Searcher::new(Arc::clone(&index));
                    for typed in &prefixes {
                        let start = Instant::now();
                        black_box(s.search(typed, None, LIMIT));
                        let took = start.elapsed();
                        record(typed, "engine", took);
                        total += took;
                    }
                }
                total
            })
        });
        group.bench_function(format!("substring/{query}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    for typed in &prefixes {
                        let start = Instant::now();
                        black_box(texts.iter().filter(|t| t.contains(typed.as_str())).count());
                        let took = start.elapsed();
                        record(typed, "substring", took);
                        total += took;
                    }
                }
                total
            })
        });
    }
    group.finish();
    let times = times.into_inner();
    if times.is_empty() {
        return;
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "\ntyping-100k, per keystroke (ms): engine median / max, substring median / max, runs"
    );
    for query in TYPED {
        for typed in (1..=query.chars().count()).map(|k| query.chars().take(k).collect::<String>())
        {
            let stat = |what| {
                let mut v = times
                    .get(&(typed.clone(), what))
                    .cloned()
                    .unwrap_or_default();
                v.sort();
                let median = v.get(v.len() / 2).copied().map_or(f64::NAN, ms);
                let max = v.last().copied().map_or(f64::NAN, ms);
                (median, max, v.len())
            };
            let (e, s) = (stat("engine"), stat("substring"));
            if e.2 > 0 {
                println!(
                    "{typed}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{}",
                    e.0, e.1, s.0, s.1, e.2
                );
            }
        }
    }
}

criterion_group!(benches, small, large, typing, one_shot);
criterion_main!(benches);
