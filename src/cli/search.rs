//! `duban search QUERY`: ranked results with IDs, as text or JSON, and
//! with `--timings` the latency of each keystroke of QUERY.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use super::args::{SearchArgs, SearchKind};
use super::{CliResult, Failure, Global};
use crate::messages::{
    Lang, SEARCH_CACHE_NOT_WRITTEN, SEARCH_EMPTY_QUERY, SEARCH_NONE, TIMINGS_INDEX, TIMINGS_KEY,
    TIMINGS_KEY_PINYIN, TIMINGS_LOAD, TIMINGS_RSS, TIMINGS_SEARCH_CACHE, TIMINGS_SUMMARY, Text,
};
use crate::msg;
use crate::search::{Hit, Index, IndexFrom, Kind, Searcher};
use crate::store::Cache;

/// Display columns of text shown per result line.
const TEXT_COLUMNS: usize = 60;

pub fn run(global: &Global, args: &SearchArgs) -> CliResult {
    let lang = global.lang;
    if args.query.trim().is_empty() {
        return Err(Text::from(SEARCH_EMPTY_QUERY).into());
    }
    let kind = args.kind.map(kind_of);
    let index = if args.timings {
        timed_index(global, args, kind)?
    } else {
        index_of(global.data.as_deref(), lang)?
    };
    let mut searcher = Searcher::new(index);
    let hits = searcher.search(&args.query, kind, args.limit);
    if args.json {
        let rows: Vec<JsonHit> = hits.iter().map(JsonHit::from).collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else if hits.is_empty() {
        println!(
            "{}",
            msg!(SEARCH_NONE, query = format!("{:?}", args.query)).render(lang)
        );
    } else {
        for hit in &hits {
            println!("{}", crate::text::printable(&line(hit)));
        }
    }
    Ok(())
}

/// The index of the dataset in `dir` (through the search cache), or of
/// the bundled one.
fn index_of(dir: Option<&Path>, lang: Lang) -> Result<Arc<Index>, Failure> {
    let Some(dir) = dir else {
        return Ok(Arc::new(Index::build(&crate::store::load(None)?)));
    };
    let (index, from) = crate::search::index_for(dir, &Cache::from_env())?;
    if let IndexFrom::NotWritten { path, error } = from {
        let text = msg!(
            SEARCH_CACHE_NOT_WRITTEN,
            path = path.display(),
            error = error
        );
        eprintln!(
            "duban: {}",
            crate::text::printable_lines(&text.render(lang))
        );
    }
    Ok(Arc::new(index))
}

/// `--timings`: the index as a search without the cache gets it (load,
/// then build), each step timed, and every keystroke of the query; or,
/// when the search cache holds the dataset, the time to read it.
fn timed_index(
    global: &Global,
    args: &SearchArgs,
    kind: Option<Kind>,
) -> Result<Arc<Index>, Failure> {
    let lang = global.lang;
    let started = Instant::now();
    let cached = match global.data.as_deref() {
        Some(dir) => Some(crate::search::index_for(dir, &Cache::from_env())?),
        None => None,
    };
    let index = match cached {
        Some((index, IndexFrom::Cache)) => {
            let time = ms(started.elapsed());
            println!("{}", msg!(TIMINGS_SEARCH_CACHE, time = time).render(lang));
            index
        }
        _ => {
            let started = Instant::now();
            let data = crate::store::load(global.data.as_deref())?;
            let loaded = started.elapsed();
            println!("{}", msg!(TIMINGS_LOAD, time = ms(loaded)).render(lang));
            let rss_before = rss_kib();
            let started = Instant::now();
            let index = Index::build(&data);
            let built = started.elapsed();
            let rss = match (rss_before, rss_kib()) {
                (Some(a), Some(b)) => msg!(TIMINGS_RSS, before = a / 1024, after = b / 1024),
                _ => Text::Plain(String::new()),
            };
            let built = msg!(
                TIMINGS_INDEX,
                time = ms(built),
                entries = index.len(),
                chars = index.distinct_chars(),
                mib = index.heap_bytes() / (1 << 20)
            )
            .with("rss", rss);
            println!("{}", built.render(lang));
            index
        }
    };
    let index = Arc::new(index);
    let mut searcher = Searcher::new(Arc::clone(&index));
    print_timings(&mut searcher, &args.query, kind, args.limit, lang);
    Ok(index)
}

fn kind_of(kind: SearchKind) -> Kind {
    match kind {
        SearchKind::Task => Kind::Task,
        SearchKind::Project => Kind::Project,
        SearchKind::Unit => Kind::Unit,
        SearchKind::Leader => Kind::Leader,
    }
}

/// Types `query` one character at a time into a fresh session and prints
/// each keystroke's latency, then the median and the maximum.
fn print_timings(
    searcher: &mut Searcher,
    query: &str,
    kind: Option<Kind>,
    limit: usize,
    lang: Lang,
) {
    searcher.reset();
    let mut typed = String::new();
    let mut times: Vec<Duration> = Vec::new();
    for c in query.chars() {
        typed.push(c);
        let started = Instant::now();
        let hits = searcher.search(&typed, kind, limit);
        let took = started.elapsed();
        times.push(took);
        let stats = searcher.stats();
        let counts = msg!(
            TIMINGS_KEY,
            shown = hits.len(),
            scored = stats.scored,
            candidates = stats.candidates
        );
        let p = stats.pinyin;
        let pinyin = if p.searched {
            msg!(
                TIMINGS_KEY_PINYIN,
                matched = p.matched,
                candidates = p.candidates
            )
            .render(lang)
        } else {
            String::new()
        };
        println!(
            "  {} {:>10}  {}{pinyin}",
            pad(&typed, 14),
            ms(took),
            counts.render(lang)
        );
    }
    searcher.reset();
    if let Some(max) = times.iter().max() {
        let mut sorted = times.clone();
        sorted.sort_unstable();
        let summary = msg!(
            TIMINGS_SUMMARY,
            median = ms(median(&sorted)),
            max = ms(*max),
            keys = times.len()
        );
        println!("{}", summary.render(lang));
    }
}

/// `s` followed by spaces up to `w` display columns (never cut).
fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(crate::text::width(s))))
}

/// The median of ascending durations (the mean of the middle two for an
/// even count).
fn median(sorted: &[Duration]) -> Duration {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// Resident memory of this process in KiB, where /proc tells it.
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// One result line: ID, kind, score and text with matches in 【】.
fn line(hit: &Hit) -> String {
    let via = if hit.pinyin_match { "  (拼音)" } else { "" };
    format!(
        "{:<8} {:<7} {:>5}  {}{via}",
        hit.target.key(),
        hit.kind.as_str(),
        hit.score,
        marked(hit)
    )
}

/// The hit's text, cut to [`TEXT_COLUMNS`] display columns around the
/// first match, with matched runs in 【】.
fn marked(hit: &Hit) -> String {
    let chars: Vec<char> = hit.text.chars().collect();
    let first = hit.ranges.first().map_or(0, |r| r.start);
    let start = first.saturating_sub(8);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut width = 0;
    for (i, &c) in chars.iter().enumerate().skip(start) {
        width += c.width().unwrap_or(0);
        if width > TEXT_COLUMNS {
            out.push('…');
            break;
        }
        if hit.ranges.iter().any(|r| r.start == i) {
            out.push('【');
        }
        out.push(c);
        if hit.ranges.iter().any(|r| r.end == i + 1) {
            out.push('】');
        }
    }
    out
}

#[derive(Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    kind: &'static str,
    field: String,
    score: i64,
    text: &'a str,
    /// Character-index ranges `[start, end)` into `text`.
    ranges: Vec<[usize; 2]>,
    pinyin: bool,
}

impl<'a> From<&'a Hit> for JsonHit<'a> {
    fn from(hit: &'a Hit) -> JsonHit<'a> {
        JsonHit {
            id: hit.target.key(),
            kind: hit.kind.as_str(),
            field: format!("{:?}", hit.field).to_lowercase(),
            score: hit.score,
            text: &hit.text,
            ranges: hit.ranges.iter().map(|r| [r.start, r.end]).collect(),
            pinyin: hit.pinyin_match,
        }
    }
}
