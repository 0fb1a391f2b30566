//! Search speed: per keystroke on a small dataset and on 100,000 synthetic
//! tasks, against a naive full pass of the fuzzy matcher and a plain
//! substring scan; and the index build for 100,000 tasks.
//!
//! `cargo bench --bench search`; the short common queries alone:
//! `cargo bench --bench search -- 'synth-100k/.*/(企|新)'`. Each keystroke is measured on its own: the
//! searcher is first given the query without its last character, as it has
//! it while the user types. The naive pass is measured at every keystroke
//! too, so medians over a typed query can be compared.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use duban::model::Dataset;
use duban::search::{Index, Searcher};
use duban::synth::synth;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

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
    keystrokes(c, "synth-100k", &data, &["新增规上企业", "gsqy", "企业"]);
    let mut group = c.benchmark_group("synth-100k");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("index-build", |b| b.iter(|| Index::build(black_box(&data))));
    group.finish();
}

criterion_group!(benches, small, large);
criterion_main!(benches);
