#![cfg(unix)]
//! Quitting a large dashboard at once (Linux).
//!
//! When a process exits, the kernel frees its memory before the shell
//! learns of the exit: at 100,000 tasks about a quarter of a second of
//! unmapping pages, more than a second at 1,000,000, all of it after the
//! terminal is restored and every entry is saved. So, once its first frame
//! is drawn, the dashboard starts a helper process that shares its memory
//! (`clone` with `CLONE_VM`: the same address space, then and later): the
//! memory is then freed when the helper ends, not when the dashboard does.
//! The helper holds nothing else: it blocks every signal, closes every
//! file descriptor it was given (so no pipe or terminal waits on it), and
//! waits on a pidfd of the dashboard for it to be gone; then it ends, and
//! the kernel frees the memory. If it cannot be started or cannot watch
//! the dashboard, the dashboard exits as before. It never outlives the
//! dashboard by more than the freeing.
//!
//! It is started early rather than at `q`: a new process can wait for a
//! core for tens of milliseconds on a busy machine, and the exit would
//! wait with it (47 ms at 100,000 tasks under load average 8, against
//! 2 ms for a program that exits on one key).
//!
//! The helper runs on a small stack of its own and makes raw system calls
//! only: no allocation, no locks, nothing of the dashboard's state.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::{Duration, Instant};

/// The helper's name, as `ps` shows it.
const NAME: &[u8; 11] = b"duban-exit\0";

/// 0 until the helper watches the dashboard (1) or has given up (2).
static READY: AtomicI32 = AtomicI32::new(0);

/// Whether the helper was started (or could not be).
static STARTED: AtomicBool = AtomicBool::new(false);

/// How long the dashboard waits for the helper before exiting anyway.
const WAIT: Duration = Duration::from_millis(50);

const STACK: usize = 64 * 1024;

/// The helper's niceness: the lowest priority.
const NICEST: libc::c_int = 19;

/// Starts the helper that frees the process's memory after the process
/// has exited, once; it waits, using no CPU, until then. Call once the
/// dashboard is up.
pub fn start_helper() {
    if STARTED.swap(true, Ordering::AcqRel) {
        return;
    }
    // The stack lives in the shared memory and is left with the rest.
    let stack = Box::leak(vec![0u8; STACK].into_boxed_slice());
    // SAFETY: getpid cannot fail.
    let parent = unsafe { libc::getpid() };
    // SAFETY: one past the end of the live allocation above.
    let top = unsafe { stack.as_mut_ptr().add(STACK) };
    let top = (top as usize & !15) as *mut libc::c_void;
    // SAFETY: the stack top is 16-byte aligned inside an allocation that is
    // never freed; the helper uses only that stack, its argument (a pid
    // passed by value) and `READY`, through system calls and atomics.
    let child = unsafe {
        libc::clone(
            helper,
            top,
            libc::CLONE_VM,
            parent as usize as *mut libc::c_void,
        )
    };
    if child == -1 {
        READY.store(2, Ordering::Release);
    }
}

/// Right before exiting: hands the process's memory to the helper,
/// starting it if it was not, and waits (briefly) until it has let go of
/// the files it was given. Call only right before exiting.
pub fn hand_over_memory() {
    start_helper();
    let started = Instant::now();
    while READY.load(Ordering::Acquire) == 0 && started.elapsed() < WAIT {
        std::thread::yield_now();
    }
}

/// The helper: let go of everything but the memory, wait for the parent
/// to be gone, end.
extern "C" fn helper(arg: *mut libc::c_void) -> libc::c_int {
    let parent = arg as usize as libc::pid_t;
    // SAFETY: raw system calls on the helper's own state (its signal mask,
    // its copy of the file table, its name), and atomics.
    unsafe {
        let all: u64 = !0;
        libc::syscall(
            libc::SYS_rt_sigprocmask,
            libc::SIG_SETMASK,
            &all as *const u64,
            std::ptr::null_mut::<u64>(),
            8usize,
        );
        libc::syscall(libc::SYS_prctl, libc::PR_SET_NAME, NAME.as_ptr());
        // The freeing gives way to everything else: woken with the exit,
        // it would otherwise take a core from the shell that waits for it.
        libc::syscall(libc::SYS_setpriority, libc::PRIO_PROCESS, 0, NICEST);
        if libc::syscall(libc::SYS_close_range, 0u32, u32::MAX, 0u32) != 0 {
            for fd in 0..4096 {
                libc::syscall(libc::SYS_close, fd);
            }
        }
        let pidfd = libc::syscall(libc::SYS_pidfd_open, parent, 0u32);
        if pidfd < 0 {
            READY.store(2, Ordering::Release);
            libc::syscall(libc::SYS_exit, 0);
        }
        READY.store(1, Ordering::Release);
        let mut watch = libc::pollfd {
            fd: pidfd as libc::c_int,
            events: libc::POLLIN,
            revents: 0,
        };
        // Readable once the whole process (every thread) has exited; an
        // error ends the wait too (the dashboard then frees what is left).
        while libc::syscall(
            libc::SYS_ppoll,
            &mut watch as *mut libc::pollfd,
            1usize,
            std::ptr::null::<libc::timespec>(),
            std::ptr::null::<u64>(),
            0usize,
        ) == 0
        {}
        libc::syscall(libc::SYS_exit, 0);
    }
    0
}
