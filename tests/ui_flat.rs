//! A frame's work does not grow with the data: every screen of
//! `tests/frames`, drawn on 1,000 and on 10,000 tasks, looks up about as
//! many tasks and progress histories (counted by debug builds, see
//! `duban::app::lookups`) and makes about as many allocations, of about as
//! many bytes. Counts, not times: a walk over a leader's tasks, a unit's duties
//! or the red items would multiply them by ten.

mod frames;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use duban::app::{App, lookups};
use frames::{H, W, by_section, cases, open, progress_for, reset, section_cases};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The system allocator, counting on each thread the allocations made and
/// the bytes asked for.
struct Counting;

thread_local! {
    static ALLOCS: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

fn count(bytes: usize) {
    // `try_with`: the thread's counter may be gone while it exits.
    let _ = ALLOCS.try_with(|c| {
        let (n, b) = c.get();
        c.set((n + 1, b + bytes as u64));
    });
}

// SAFETY: every call goes to `System` unchanged; counting only reads the
// sizes and touches a thread-local cell that never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: the caller's layout, passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size.saturating_sub(layout.size()));
        // SAFETY: the caller's pointer and layout, passed on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// What a frame did: tasks and histories looked up, allocations, bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Work {
    lookups: u64,
    allocs: u64,
    bytes: u64,
}

fn counters() -> (u64, u64, u64) {
    let (allocs, bytes) = ALLOCS.with(Cell::get);
    let lookups = lookups::count().expect("tests run in a debug build, which counts lookups");
    (lookups, allocs, bytes)
}

/// The work of one full frame of `app` as it is, and of `more` done with
/// it (the control: work that does grow with the data).
fn frame_work(app: &App, more: impl Fn(&App)) -> Work {
    let mut terminal = Terminal::new(TestBackend::new(W, H)).expect("terminal");
    // A first frame, uncounted, so both sizes start from the same buffers.
    terminal.draw(|f| duban::ui::draw(f, app)).expect("draw");
    terminal.clear().expect("clear");
    let before = counters();
    terminal
        .draw(|f| {
            duban::ui::draw(f, app);
            more(app);
        })
        .expect("draw");
    let after = counters();
    Work {
        lookups: after.0 - before.0,
        allocs: after.1 - before.1,
        bytes: after.2 - before.2,
    }
}

/// Every screen's frame work on a dataset of `tasks` tasks, by name (those
/// named `only`, when given).
fn every_screen(
    tasks: usize,
    only: Option<&str>,
    more: impl Fn(&App) + Copy,
) -> Vec<(&'static str, Work)> {
    let data = duban::synth::synth(tasks, 2023);
    let progress = progress_for(&data);
    let mut out = Vec::new();
    let sectioned = by_section(&data);
    for (data, cases) in [(data, cases()), (sectioned, section_cases())] {
        if only.is_some_and(|o| cases.iter().all(|(name, _)| *name != o)) {
            continue;
        }
        let mut app = open(data, &progress);
        let nav = app.nav.clone();
        for (name, setup) in cases {
            if only.is_some_and(|o| o != name) {
                continue;
            }
            reset(&mut app, &nav);
            setup(&mut app);
            out.push((name, frame_work(&app, more)));
        }
    }
    out
}

const SMALL: usize = 1_000;
const LARGE: usize = 10_000;

/// Whether the large dataset's frame did about the small one's work, each
/// count within a fifth: the rows shown are other tasks, with other
/// lights, entries and IDs a digit longer, but as many. Work over the
/// data grows tenfold.
fn flat(small: Work, large: Work) -> bool {
    let near = |s: u64, l: u64| l <= s + s / 5 + 8;
    near(small.lookups, large.lookups)
        && near(small.allocs, large.allocs)
        && near(small.bytes, large.bytes)
}

#[test]
fn every_screen_does_the_same_work_on_ten_times_the_tasks() {
    let small = every_screen(SMALL, None, |_| {});
    let large = every_screen(LARGE, None, |_| {});
    assert_eq!(small.len(), large.len());
    let mut grew = Vec::new();
    for ((name, s), (_, l)) in small.iter().zip(&large) {
        // Every screen draws something from the data.
        assert!(s.allocs > 0, "{name}: {s:?}");
        if !flat(*s, *l) {
            grew.push(format!("{name}: {s:?} -> {l:?}"));
        }
    }
    assert!(
        grew.is_empty(),
        "frames whose work grew:\n{}",
        grew.join("\n")
    );
}

#[test]
fn the_task_rows_shown_are_looked_up_and_no_others() {
    let work = every_screen(SMALL, None, |_| {});
    let of = |name: &str| work.iter().find(|(n, _)| *n == name).map(|(_, w)| *w);
    // The leaders tab shows about forty of the leader's 125 tasks (45
    // rows less borders, headers, tabs and bars): each looked up two or
    // three times (the row, its progress, the detail).
    let leaders = of("leaders").expect("the leaders case");
    assert!(leaders.lookups >= 40, "{leaders:?}");
    assert!(leaders.lookups < 125, "{leaders:?}");
}

#[test]
fn a_walk_over_a_leaders_tasks_shows_in_the_counts() {
    // The check above must be able to fail: a frame that also walked the
    // selected leader's tasks and wrote out their IDs.
    let walk = |app: &App| {
        let ids: Vec<String> = (app.leader_tasks().iter())
            .filter_map(|r| app.task(*r))
            .map(|t| t.id.to_string())
            .collect();
        std::hint::black_box(ids);
    };
    let small = every_screen(SMALL, Some("leaders"), walk);
    let large = every_screen(LARGE, Some("leaders"), walk);
    assert_eq!(small.len(), 1);
    for ((name, s), (_, l)) in small.iter().zip(&large) {
        assert!(!flat(*s, *l), "{name}: {s:?} -> {l:?}");
    }
}
