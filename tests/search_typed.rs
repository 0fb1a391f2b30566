//! Every keystroke of the queries the typing bench times, typed into one
//! searcher over a synthetic dataset, against what a plain pass over every
//! text finds: the fuzzy matcher on each text, and the full ranking.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use duban::model::{Dataset, TaskKind};
use duban::search::{Hit, Index, Searcher, Target, Via};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

#[path = "typed/mod.rs"]
mod typed;

const LIMIT: usize = 50;

/// Every searchable text with the target it leads to.
fn texts(data: &Dataset) -> Vec<(Target, &str)> {
    let mut out = Vec::new();
    for task in data.all_tasks() {
        let target = match task.kind {
            TaskKind::Key => Target::Task(task.id.to_string()),
            TaskKind::Project => Target::Project(task.id.to_string()),
        };
        out.push((target.clone(), &*task.text));
        out.extend(task.title.as_deref().map(|t| (target.clone(), t)));
        for item in &task.items {
            out.push((Target::Item(item.id.to_string()), &*item.text));
        }
    }
    for unit in &data.units {
        let target = Target::Unit(unit.name.to_string());
        out.push((target.clone(), &*unit.name));
        out.extend(unit.aliases.iter().map(|a| (target.clone(), a.as_str())));
    }
    for leader in &data.plan.leaders {
        let target = Target::Leader(leader.id.to_string());
        out.push((target.clone(), &*leader.name));
        out.push((target, &*leader.title));
    }
    out
}

fn targets(hits: &[Hit], via: Via) -> HashSet<Target> {
    (hits.iter().filter(|h| h.via == via))
        .map(|h| h.target.clone())
        .collect()
}

#[test]
fn every_keystroke_of_the_typed_queries_agrees_with_a_plain_scan() {
    let data = duban::synth::synth(1500, 2023);
    let index = Arc::new(Index::build(&data));
    let texts = texts(&data);
    let matcher = SkimMatcherV2::default();
    for query in typed::TYPED {
        let mut typing = Searcher::new(Arc::clone(&index));
        let mut typed = String::new();
        for c in query.chars() {
            typed.push(c);
            let few = typing.search(&typed, None, LIMIT);
            let all = Searcher::new(Arc::clone(&index)).search(&typed, None, usize::MAX);
            assert_eq!(few, &all[..LIMIT.min(all.len())], "{typed}");
            // The entries the fuzzy matcher finds in some text, each hit
            // with the matcher's own score on the text it shows.
            let matched: HashSet<Target> = (texts.iter())
                .filter(|(_, t)| matcher.fuzzy_match(t, &typed).is_some())
                .map(|(target, _)| target.clone())
                .collect();
            let (direct, ids) = (targets(&all, Via::Direct), targets(&all, Via::Id));
            assert!(direct.is_subset(&matched), "{typed}");
            assert!(
                matched.is_subset(&direct.union(&ids).cloned().collect()),
                "{typed}"
            );
            for hit in all.iter().filter(|h| h.via == Via::Direct) {
                let score = matcher.fuzzy_match(&hit.text, &typed);
                assert_eq!(Some(hit.score), score, "{typed} on {}", hit.text);
            }
        }
    }
}

/// Characters typed alone: the most and least common of the dataset's
/// texts, those beginning a text, those after a comma, a space or a
/// bracket, and ASCII digits, letters and punctuation.
fn lone_characters(texts: &[(Target, &str)]) -> Vec<char> {
    let mut count: HashMap<char, usize> = HashMap::new();
    let mut placed: BTreeSet<char> = BTreeSet::new();
    for (_, text) in texts {
        let chars: Vec<char> = text.chars().collect();
        placed.extend(chars.first());
        for pair in chars.windows(2) {
            if [',', '，', '、', ' ', '(', '（', '.'].contains(&pair[0]) {
                placed.insert(pair[1]);
            }
        }
        for c in chars {
            *count.entry(c).or_default() += 1;
        }
    }
    let mut by_count: Vec<(usize, char)> = count.into_iter().map(|(c, n)| (n, c)).collect();
    by_count.sort_unstable();
    let rare = by_count.iter().take(10);
    let common = by_count.iter().rev().take(20);
    let mut out: BTreeSet<char> = rare.chain(common).map(|&(_, c)| c).collect();
    out.extend(placed.into_iter().take(40));
    out.extend(['1', '2', '%', '.', 'a', 'x', 'K']);
    out.into_iter().collect()
}

#[test]
fn a_lone_character_ranks_as_a_plain_scan_of_every_text() {
    let data = duban::synth::synth(1500, 2023);
    let index = Arc::new(Index::build(&data));
    let texts = texts(&data);
    let matcher = SkimMatcherV2::default();
    let chars = lone_characters(&texts);
    assert!(chars.len() > 50, "{chars:?}");
    for c in chars {
        let query = c.to_string();
        // Each target's best (score, length) on its texts, best first.
        let mut best: HashMap<&Target, (i64, usize)> = HashMap::new();
        for (target, text) in &texts {
            if let Some(score) = matcher.fuzzy_match(text, &query) {
                let this = (score, text.chars().count());
                let kept = best.entry(target).or_insert(this);
                if (this.0, std::cmp::Reverse(this.1)) > (kept.0, std::cmp::Reverse(kept.1)) {
                    *kept = this;
                }
            }
        }
        let mut plain: Vec<(i64, usize)> = best.into_values().collect();
        plain.sort_unstable_by_key(|&(score, len)| (std::cmp::Reverse(score), len));
        for limit in [5, LIMIT] {
            let hits = Searcher::new(Arc::clone(&index)).search(&query, None, limit);
            let found: Vec<(i64, usize)> = (hits.iter())
                .filter(|h| h.via == Via::Direct)
                .map(|h| (h.score, h.text.chars().count()))
                .collect();
            assert_eq!(
                found,
                &plain[..limit.min(plain.len())],
                "{query} limit {limit}"
            );
        }
    }
}
