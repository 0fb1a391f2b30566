#![cfg(target_os = "linux")]
//! The dashboard's memory as Linux reports it (`/proc/PID/status`), and
//! how much of it its data accounts for.
//!
//! Part of what a process holds does not depend on its data: the pages of
//! the binary and the C library it runs (mapped from their files, shared
//! with every other process that maps them), the terminal's two screen
//! buffers, the threads' stacks. The memory report measures that part in
//! the same run, as the settled dashboard on a dataset of a few tasks, and
//! gives the ratio to the dataset both whole and for the data's part:
//! `(peak - fixed) / dataset`.

use std::io;

/// What `/proc/PID/status` says of a process's memory, in bytes.
#[derive(Debug, Clone, Copy)]
pub struct Memory {
    /// The peak resident set so far (`VmHWM`).
    pub peak: u64,
    /// The resident set now (`VmRSS`).
    pub resident: u64,
    /// Of it, the process's own pages: heap, stacks, written data
    /// (`RssAnon`).
    pub own: u64,
    /// Of it, pages mapped from files: the binary's and the libraries'
    /// code and read-only data (`RssFile`).
    pub files: u64,
}

impl Memory {
    pub fn of(pid: u32) -> io::Result<Memory> {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
        let field = |name: &str| {
            (status.lines())
                .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                .map(|kib| kib * 1024)
                .ok_or_else(|| io::Error::other(format!("no {name} in /proc/{pid}/status")))
        };
        Ok(Memory {
            peak: field("VmHWM")?,
            resident: field("VmRSS")?,
            own: field("RssAnon")?,
            files: field("RssFile")?,
        })
    }

    /// The sample with the median peak.
    pub fn median(mut samples: Vec<Memory>) -> Option<Memory> {
        samples.sort_by_key(|m| m.peak);
        samples.get(samples.len() / 2).copied()
    }
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// The fixed memory's line of the report.
pub fn fixed_line(tasks: usize, fixed: &Memory) -> String {
    format!(
        "fixed memory (settled dashboard, {tasks} tasks, median of 3): VmHWM {:.1} MiB; \
         settled VmRSS {:.1} MiB = {:.1} own (RssAnon) + {:.1} mapped files (RssFile)",
        mib(fixed.peak),
        mib(fixed.resident),
        mib(fixed.own),
        mib(fixed.files),
    )
}

/// One size's line of the report: the settled dashboard's memory against
/// its dataset's files (`dataset` bytes), whole and less `fixed`.
pub fn line(tasks: usize, dataset: u64, memory: &Memory, fixed: Option<&Memory>) -> String {
    let dataset = dataset.max(1);
    let ratio = |bytes: u64| bytes as f64 / dataset as f64;
    let mut line = format!(
        "{tasks} tasks: dashboard VmHWM {:.1} MiB, dataset files {:.1} MiB ({:.2}x); \
         settled VmRSS {:.1} MiB = {:.1} own + {:.1} mapped files",
        mib(memory.peak),
        mib(dataset),
        ratio(memory.peak),
        mib(memory.resident),
        mib(memory.own),
        mib(memory.files),
    );
    if let Some(fixed) = fixed {
        let data = memory.peak.saturating_sub(fixed.peak);
        line.push_str(&format!(
            "; less the fixed {:.1} MiB: {:.1} MiB, the data's part {:.2}x",
            mib(fixed.peak),
            mib(data),
            ratio(data),
        ));
    }
    line
}
