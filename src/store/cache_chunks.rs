//! The key tasks of a cache file, in chunks: written one after another,
//! read back on every core at once, each chunk straight into its place in
//! the one list of tasks (no chunk lists copied together afterwards).
//!
//! Each chunk is read on its own (its bytes are let go as soon as it is
//! decoded, so the whole file is never in memory beside the dataset) and
//! checked against its checksum before it is decoded.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::mem::MaybeUninit;
use std::sync::Mutex;

use xxhash_rust::xxh3::xxh3_64;

use super::cache_form::{ChunkForm, Names, TaskForm};
use crate::model::{Name, Task, TaskKind};

/// Key tasks per chunk: enough chunks for every core at 10,000 tasks and
/// more, each large enough that starting it costs nothing next to it.
pub(super) const CHUNK_TASKS: usize = 2048;

/// The bytes of `tasks` as chunks: the chunks' descriptions and their
/// bytes, back to back; the names they repeat go to `names`.
pub(super) fn encode(tasks: &[Task], names: &mut Names) -> (Vec<ChunkForm>, Vec<u8>) {
    let mut forms = Vec::new();
    let mut body = Vec::new();
    for chunk in tasks.chunks(CHUNK_TASKS) {
        let start = body.len();
        for task in chunk {
            // Serializing owned mirror types into a Vec cannot fail.
            body = postcard::to_extend(&TaskForm::of(task, names), body).unwrap_or_default();
        }
        forms.push(ChunkForm {
            tasks: chunk.len() as u32,
            len: (body.len() - start) as u64,
            sum: xxh3_64(&body[start..]),
        });
    }
    (forms, body)
}

/// One chunk to decode: where its tasks go and where its bytes are.
struct Job<'a> {
    slots: &'a mut [MaybeUninit<Task>],
    at: u64,
    chunk: ChunkForm,
}

/// The key tasks in the chunks that start at byte `start` of `file`, or
/// `None` if any chunk cannot be read, does not match its checksum or
/// does not decode to exactly its count of tasks. The caller has checked
/// that the chunks end where the file ends.
pub(super) fn decode(
    file: File,
    start: u64,
    chunks: &[ChunkForm],
    names: &[Name],
) -> Option<Vec<Task>> {
    let total = chunks
        .iter()
        .try_fold(0usize, |n, c| n.checked_add(c.tasks as usize))?;
    // A task takes some bytes: garbage counts cannot ask for a huge list.
    if chunks.iter().any(|c| u64::from(c.tasks) > c.len) {
        return None;
    }
    let mut tasks: Vec<Task> = Vec::with_capacity(total);
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, chunks.len().max(1));
    let mut jobs: Vec<Vec<Job>> = (0..threads).map(|_| Vec::new()).collect();
    let mut rest = &mut tasks.spare_capacity_mut()[..total];
    let mut at = start;
    for (i, chunk) in chunks.iter().enumerate() {
        let (slots, after) = rest.split_at_mut(chunk.tasks as usize);
        rest = after;
        jobs[i % threads].push(Job {
            slots,
            at,
            chunk: *chunk,
        });
        at = at.checked_add(chunk.len)?;
    }
    let file = Mutex::new(file);
    // Per thread: how many tasks each of its jobs wrote, and whether all
    // went well.
    let done: Vec<(Vec<usize>, bool)> = std::thread::scope(|s| {
        let handles: Vec<_> = (jobs.into_iter())
            .map(|jobs| s.spawn(|| run(jobs, &file, names)))
            .collect();
        (handles.into_iter())
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    if done.iter().all(|(_, ok)| *ok) {
        // SAFETY: every job succeeded, so each of the `total` slots, split
        // among the jobs above, was written exactly once.
        unsafe { tasks.set_len(total) };
        return Some(tasks);
    }
    // Drop what the jobs wrote before the failure; the list stays empty.
    let mut begins = Vec::with_capacity(chunks.len());
    let mut begin = 0;
    for chunk in chunks {
        begins.push(begin);
        begin += chunk.tasks as usize;
    }
    for (t, (written, _)) in done.iter().enumerate() {
        for (j, &n) in written.iter().enumerate() {
            let first = begins[t + j * threads];
            // SAFETY: job j of thread t wrote its first `n` slots, which
            // start at `first` in the list's capacity, and nothing else
            // owns or drops them (the length is still 0).
            unsafe {
                let written = tasks.as_mut_ptr().add(first);
                std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(written, n));
            }
        }
    }
    None
}

/// One thread's jobs, in order: how many tasks each wrote (stopping at
/// the first that fails), and whether all went well.
fn run(jobs: Vec<Job>, file: &Mutex<File>, names: &[Name]) -> (Vec<usize>, bool) {
    let mut written = Vec::with_capacity(jobs.len());
    for job in jobs {
        let (n, ok) = one(job, file, names);
        written.push(n);
        if !ok {
            return (written, false);
        }
    }
    (written, true)
}

/// Reads, checks and decodes one chunk into its slots: how many slots were
/// written, and whether the chunk was whole.
fn one(job: Job, file: &Mutex<File>, names: &[Name]) -> (usize, bool) {
    let Some(bytes) = read_at(file, job.at, job.chunk.len) else {
        return (0, false);
    };
    if xxh3_64(&bytes) != job.chunk.sum {
        return (0, false);
    }
    let mut rest = bytes.as_slice();
    for (n, slot) in job.slots.iter_mut().enumerate() {
        let task = postcard::take_from_bytes::<TaskForm>(rest)
            .ok()
            .and_then(|(form, after)| {
                rest = after;
                form.into_task(TaskKind::Key, names)
            });
        match task {
            Some(task) => {
                slot.write(task);
            }
            None => return (n, false),
        }
    }
    (job.slots.len(), rest.is_empty())
}

/// `len` bytes of `file` from byte `at`.
fn read_at(file: &Mutex<File>, at: u64, len: u64) -> Option<Vec<u8>> {
    let mut bytes = vec![0; usize::try_from(len).ok()?];
    let mut file = file.lock().ok()?;
    file.seek(SeekFrom::Start(at)).ok()?;
    file.read_exact(&mut bytes).ok()?;
    Some(bytes)
}
