//! Every keystroke of the queries the typing bench times, typed into one
//! searcher over a synthetic dataset, against what a plain pass over every
//! text finds: the fuzzy matcher on each text, and the full ranking.

use std::collections::HashSet;
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
