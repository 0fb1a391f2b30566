//! Helpers shared by the progress tests.
#![allow(dead_code)] // each test binary uses a different part

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};
use duban::model::{ProgressEntry, Status};

/// An entry on `task` made at second `second` of a fixed morning.
pub fn entry(task: &str, second: u32, percent: u8, note: &str) -> ProgressEntry {
    ProgressEntry {
        task: task.to_string(),
        at: at(second),
        date: NaiveDate::from_ymd_opt(2023, 5, 4).expect("date"),
        percent,
        status: if percent == 100 {
            Status::Done
        } else {
            Status::OnTrack
        },
        note: note.to_string(),
        actuals: Vec::new(),
        reporter: None,
        problems: String::new(),
        next_steps: String::new(),
    }
}

pub fn at(second: u32) -> DateTime<FixedOffset> {
    let text = format!("2023-05-04T09:{:02}:{:02}+08:00", second / 60, second % 60);
    DateTime::parse_from_rfc3339(&text).expect("timestamp")
}

pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read the progress file")
}

/// The notes of a task's history, oldest first.
pub fn notes(journal: &duban::progress::Journal, task: &str) -> Vec<String> {
    journal
        .history(task)
        .into_iter()
        .map(|e| e.note.clone())
        .collect()
}
