//! Synthetic progress journals for benchmarks and scale checks: entries
//! spread over a dataset's tasks, projects and sub-items and over its plan
//! year, in the journal's own format (so every check a real journal gets
//! applies). The same dataset, count and seed always give the same file.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};

use crate::model::{Dataset, Name, ProgressEntry, Reporter, Status};
use crate::progress::{HEADER, entry_line};
use crate::synth::{Rng, clause};

/// The journal text of `entries` entries over `data`. Entries come in time
/// order, each task's percent rising through the year; `at` is unique.
pub fn synth_journal(data: &Dataset, entries: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed ^ 0x006a_6f75_726e_616c);
    let tasks: Vec<(&str, &str)> = data
        .all_tasks()
        .flat_map(|t| {
            let lead = t.lead.first().map_or("", Name::as_str);
            std::iter::once((t.id.as_str(), lead))
                .chain(t.items.iter().map(move |i| (i.id.as_str(), lead)))
        })
        .collect();
    let offset = FixedOffset::east_opt(8 * 3600).expect("UTC+8");
    let year = data.plan.year;
    let start = NaiveDate::from_ymd_opt(year, 1, 1)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .expect("1 January")
        .and_local_timezone(offset)
        .single()
        .expect("a fixed offset");
    let days = if NaiveDate::from_ymd_opt(year, 12, 31).is_some_and(|d| d.leap_year()) {
        366
    } else {
        365
    };
    // Spread over the year's working hours (08:00 + up to 10 h a day).
    let span = TimeDelta::days(days).num_nanoseconds().unwrap_or(i64::MAX) / 24 * 10;
    let step = span / entries.max(1) as i64;
    let mut text = String::with_capacity(HEADER.len() + entries * 160);
    text.push_str(HEADER);
    for i in 0..entries {
        let (task, lead) = tasks[rng.below(tasks.len())];
        let at = moment(start, step * i as i64 + i as i64);
        let day = (at.date_naive() - start.date_naive()).num_days();
        let percent = (day * 100 / days) as u8 + rng.below(5) as u8;
        let percent = percent.min(100);
        let status = match (percent, rng.below(20)) {
            (100, _) => Status::Done,
            (0, _) => Status::NotStarted,
            (_, 0) => Status::Behind,
            (_, 1) => Status::Blocked,
            _ => Status::OnTrack,
        };
        let entry = ProgressEntry {
            task: task.to_string(),
            at,
            date: at.date_naive(),
            percent,
            status,
            note: clause(&mut rng),
            actuals: Vec::new(),
            reporter: (!lead.is_empty()).then(|| Reporter {
                unit: lead.to_string(),
                name: String::new(),
            }),
            problems: String::new(),
            next_steps: String::new(),
        };
        text.push_str(&entry_line(&entry));
        text.push('\n');
    }
    text
}

/// `start` plus `nanos` of working time: ten hours a day from 08:00.
fn moment(start: DateTime<FixedOffset>, nanos: i64) -> DateTime<FixedOffset> {
    const DAY: i64 = 10 * 3600 * 1_000_000_000;
    start + TimeDelta::days(nanos / DAY) + TimeDelta::nanoseconds(nanos % DAY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Record, parse_records};

    #[test]
    fn a_synthetic_journal_parses_and_spreads_over_tasks_and_the_year() {
        let data = crate::synth::synth(40, 3);
        let text = synth_journal(&data, 2000, 1);
        let records = parse_records(std::path::Path::new("p.ron"), text.as_bytes()).unwrap();
        let entries: Vec<ProgressEntry> = (records.into_iter())
            .filter_map(|r| match r {
                Record::Entry(e) => Some(e),
                Record::Retract(_) => None,
            })
            .collect();
        assert_eq!(entries.len(), 2000);
        let tasks: std::collections::HashSet<&str> =
            entries.iter().map(|e| e.task.as_str()).collect();
        assert!(tasks.len() > 40, "{} tasks", tasks.len());
        let months: std::collections::HashSet<u32> = entries
            .iter()
            .map(|e| chrono::Datelike::month(&e.date))
            .collect();
        assert_eq!(months.len(), 12);
        assert!(
            entries
                .iter()
                .all(|e| chrono::Datelike::year(&e.date) == 2023)
        );
        assert!(entries.windows(2).all(|w| w[0].at < w[1].at));
        for e in &entries {
            assert!(
                crate::progress::check_task_id(&data, &e.task).is_ok(),
                "{}",
                e.task
            );
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_journal() {
        let data = crate::synth::synth(20, 3);
        assert_eq!(synth_journal(&data, 300, 5), synth_journal(&data, 300, 5));
        assert_ne!(synth_journal(&data, 300, 5), synth_journal(&data, 300, 6));
    }
}
