//! Scoring a query without ASCII letters (Chinese, digits, punctuation):
//! most texts' scores are known without the fuzzy matcher (see
//! [`Plain`]), and most texts need not be looked at at all.
//!
//! For a query of characters without case, the index knows which texts
//! hold a query character at a bonus place (its bonus lists): only those
//! are scored. Every other candidate scores [`Plain::whole`] if it holds
//! the query whole, less otherwise; among equal scores the ranking puts
//! shorter texts first, then by entry, which is the order documents are
//! numbered in. So the candidates are walked in order, and the walk stops
//! as soon as `limit` entries are known to beat every text not yet seen:
//! a single common character (`企`) looks at its bonus texts and about
//! `limit` others, whatever the dataset's size.

use std::collections::HashSet;

use super::index::{Index, retain_in};
use super::plain_query::{Plain, PlainClass};
use super::score::{self, Scorer};
use super::searcher::{decode, par_filter_map, score_all};

/// (document, score) pairs.
type Scored = Vec<(u32, i64)>;

/// Scores enough to rank the best entries, and how many documents have
/// their score settled.
type Found = (Scored, usize);

/// (document, score) for enough of `docs` (ascending) to rank the best
/// `limit` entries exactly, and how many of `docs` have their score
/// settled (all of them when the scores are complete).
pub(super) fn score(
    index: &Index,
    docs: &[u32],
    query: &str,
    plain: &Plain,
    limit: usize,
) -> (Vec<(u32, i64)>, usize) {
    if !plain.caseless() {
        return by_class(index, docs, query, plain, limit);
    }
    let whole = plain.whole();
    let bonus = bonus_candidates(index, docs, plain);
    let found = match plain.chars() {
        // Scoring a lone character costs little more than finding it:
        // each text is scored as it is read, no walk first sorting out
        // the texts it begins.
        [_] => best_first(index, &bonus, query, plain, limit, None),
        _ => match head_first(index, &bonus, query, plain, limit) {
            Ok(found) => Ok(found),
            Err(heads) => best_first(index, &bonus, query, plain, limit, heads.as_deref()),
        },
    };
    let mut scored = match found {
        Ok(found) => return found,
        Err(scored) => scored,
    };
    let scored_bonus = scored.len();
    let entry = |doc: u32| index.entry_of(doc);
    // Entries known to beat every text not walked yet.
    let mut reach: HashSet<u32> = (scored.iter())
        .filter(|&&(_, s)| s > whole)
        .map(|&(doc, _)| entry(doc))
        .collect();
    let mut below: Vec<u32> = Vec::new();
    let mut settled = bonus.len();
    let (mut b, mut s) = (0, 0);
    let one = plain.chars().len() == 1;
    for &doc in docs {
        if reach.len() >= limit {
            return (scored, settled);
        }
        if bonus.get(b) == Some(&doc) {
            b += 1;
            if s < scored_bonus && scored[s].0 == doc {
                // Scoring whole, it ranks above the texts after it.
                if scored[s].1 == whole {
                    reach.insert(entry(doc));
                }
                s += 1;
            }
            continue;
        }
        if one || index.text(doc).contains(query) {
            scored.push((doc, whole));
            reach.insert(entry(doc));
            settled += 1;
        } else {
            below.push(doc);
        }
    }
    if reach.len() < limit {
        scored.extend(score_all(index, &below, query));
        settled += below.len();
    }
    (scored, settled)
}

/// The texts beginning with the query's first character, scored in
/// document order, if `limit` entries reach the best score the query can
/// have ([`Plain::best`]) among them: those beat every other text (a text
/// not beginning so scores at most [`score::off_head_bound`], below the
/// best; a later one at most the best, and loses the tie). `新增` begins
/// thousands of texts: the walk stops after about `limit`. Queries of two
/// characters or more only: a lone character is scored as it is read
/// ([`best_first`]).
///
/// `Err` with every text beginning so, scored, when fewer reach the best;
/// `Err(None)` when a text not beginning so can score the best too.
fn head_first(
    index: &Index,
    bonus: &[u32],
    query: &str,
    plain: &Plain,
    limit: usize,
) -> Result<Found, Option<Scored>> {
    let Some(&first) = plain.chars().first() else {
        return Err(None);
    };
    let best = plain.best();
    if best <= score::off_head_bound(plain.chars().len()) {
        return Err(None);
    }
    let mut scorer = Scorer::new(query);
    let mut buf = Vec::new();
    let mut scored = Vec::new();
    let mut reach = HashSet::new();
    let mut examined = 0;
    for (doc, text) in index.texts_of(bonus) {
        if reach.len() >= limit {
            return Ok((scored, examined));
        }
        if !text.starts_with(first) {
            continue;
        }
        examined += 1;
        if let Some(s) = scorer.score_text(text, &mut buf) {
            if s >= best {
                reach.insert(index.entry_of(doc));
            }
            scored.push((doc, s));
        }
    }
    if reach.len() >= limit {
        Ok((scored, examined))
    } else {
        Err(Some(scored))
    }
}

/// The bonus texts scored in document order, in blocks (each on all
/// cores), until `limit` entries reach the best score the query can have
/// at all ([`Plain::best`]): those beat every other text (a later one at
/// best ties and loses; a text without a query character at a bonus place
/// scores at most [`Plain::whole`], below the best). For three characters
/// or more a match at a clause start can score the best too, so the head-
/// first walk does not apply; `深入推` is whole at the head or at a clause
/// start of thousands of texts, and this stops after about `limit` of
/// them. When every text beginning with the query's first character is
/// known (`heads`, [`head_first`]), the others score at most
/// [`score::off_head_bound`], and that is the score to reach. `Err` with
/// every bonus text scored when fewer reach it.
///
/// A query of one character comes here without heads: scoring a lone
/// character costs little more than finding it, so each bonus text is
/// read once, and scored as it is read. `新` begins thousands of texts
/// and the walk stops after about `limit` of them; `实` begins none but
/// follows a comma in thousands, each read once (a walk for the heads
/// first would read them twice).
fn best_first(
    index: &Index,
    bonus: &[u32],
    query: &str,
    plain: &Plain,
    limit: usize,
    heads: Option<&[(u32, i64)]>,
) -> Result<Found, Scored> {
    let best = match heads {
        Some(_) => score::off_head_bound(plain.chars().len()),
        None => plain.best(),
    };
    let mut scored = Vec::new();
    // Known heads above the bound beat every text not beginning so.
    let mut reach: HashSet<u32> = (heads.unwrap_or_default().iter())
        .filter(|&&(_, s)| s > best)
        .map(|&(doc, _)| index.entry_of(doc))
        .collect();
    let (mut at, mut block) = (0, FIRST_BLOCK);
    while at < bonus.len() {
        let part = &bonus[at..bonus.len().min(at + block)];
        let found = score_all(index, part, query);
        for &(doc, s) in &found {
            if s >= best {
                reach.insert(index.entry_of(doc));
            }
        }
        scored.extend(found);
        at += part.len();
        block = (block * 2).min(LARGEST_BLOCK);
        if reach.len() >= limit && at < bonus.len() {
            // The heads not walked yet, known already.
            let last = bonus[at - 1];
            let later = heads.unwrap_or_default().iter().filter(|&&(d, _)| d > last);
            scored.extend(later);
            return Ok((scored, at));
        }
    }
    Err(scored)
}

/// The first block of texts [`best_first`] scores; each next one is twice
/// as large, up to [`LARGEST_BLOCK`].
const FIRST_BLOCK: usize = 64;
const LARGEST_BLOCK: usize = 16 * 1024;

/// The documents of `docs` with a query character at a bonus place;
/// ascending.
fn bonus_candidates(index: &Index, docs: &[u32], plain: &Plain) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    let mut seen: Vec<char> = Vec::new();
    for &c in plain.chars() {
        if seen.contains(&c) {
            continue;
        }
        seen.push(c);
        let list = index.bonus_docs(c);
        let mut part = if list.len() <= docs.len() {
            let mut part = list.to_vec();
            retain_in(&mut part, docs);
            part
        } else {
            let mut part = docs.to_vec();
            retain_in(&mut part, list);
            part
        };
        out.append(&mut part);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// [`score`] for a query with a character that has case: one pass over
/// every candidate classes it. Texts holding the query whole, at no bonus
/// place, score [`Plain::whole`] without the matrix; texts with a query
/// character at a bonus place are scored; the rest score below the whole
/// ones and are scored only when fewer than `limit` entries reach
/// [`Plain::whole`].
fn by_class(
    index: &Index,
    docs: &[u32],
    query: &str,
    plain: &Plain,
    limit: usize,
) -> (Vec<(u32, i64)>, usize) {
    let whole = plain.whole();
    let classed: Vec<(u32, Option<i64>)> = par_filter_map(
        index,
        docs,
        || (Scorer::new(query), Vec::new()),
        |(scorer, buf), doc, text| {
            decode(text, buf);
            match plain.class(buf) {
                PlainClass::Bonus => scorer.score(buf).map(|s| (doc, Some(s))),
                PlainClass::Whole => Some((doc, Some(whole))),
                PlainClass::Below => Some((doc, None)),
            }
        },
    );
    let mut scored: Vec<(u32, i64)> = Vec::with_capacity(classed.len());
    let mut below: Vec<u32> = Vec::new();
    for (doc, score) in classed {
        match score {
            Some(s) => scored.push((doc, s)),
            None => below.push(doc),
        }
    }
    let mut reach = HashSet::new();
    for &(doc, s) in &scored {
        if s >= whole {
            reach.insert(index.entry_of(doc));
            if reach.len() >= limit {
                return (scored, docs.len() - below.len());
            }
        }
    }
    scored.extend(score_all(index, &below, query));
    (scored, docs.len())
}
