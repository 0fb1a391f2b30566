//! Ending the dashboard on a signal or when its terminal goes away.
//!
//! SIGINT, SIGTERM and SIGHUP set a flag and wake the event loop, which
//! restores the terminal and exits with 128 + the signal number.
//!
//! A terminal that is gone (its window closed, its tmux session killed) needs
//! more: crossterm's input reader spins inside `poll` on a hung-up tty and
//! never returns to the loop, burning a core forever. So after a signal the
//! loop gets a short grace period, and if the process is still alive then,
//! this module restores what it can and exits itself. And because a process
//! whose session leader ignores SIGHUP never gets one, a watcher thread
//! blocks in `poll(2)` on the terminal and treats a hang-up like SIGHUP.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
use signal_hook::iterator::Signals;

/// How long the event loop has to wind down by itself after a signal.
const GRACE: Duration = Duration::from_millis(500);

/// Starts the signal and hang-up watchers; `flag` receives the signal number.
pub fn watch(flag: Arc<AtomicI32>) -> io::Result<()> {
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    let on_signal = Arc::clone(&flag);
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            stop(&on_signal, sig);
        }
    });
    if is_tty(libc::STDIN_FILENO) {
        std::thread::spawn(move || {
            if hung_up(libc::STDIN_FILENO) {
                stop(&flag, SIGHUP);
            }
        });
    }
    Ok(())
}

/// Asks the loop to end, and ends the process if the loop cannot.
fn stop(flag: &AtomicI32, sig: i32) {
    flag.store(sig, Ordering::SeqCst);
    // crossterm turns SIGWINCH into a Resize event, which wakes the loop.
    let _ = signal_hook::low_level::raise(SIGWINCH);
    std::thread::sleep(GRACE);
    super::dashboard::restore_terminal();
    std::process::exit(128 + sig);
}

fn is_tty(fd: libc::c_int) -> bool {
    // SAFETY: isatty only inspects the descriptor.
    unsafe { libc::isatty(fd) == 1 }
}

/// Blocks until the terminal on `fd` hangs up (true), or until `poll`
/// itself fails (false: the watcher gives up, the dashboard goes on).
/// Asking for no events still reports POLLHUP, POLLERR and POLLNVAL, so
/// this never wakes for input.
fn hung_up(fd: libc::c_int) -> bool {
    let mut pfd = libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    };
    loop {
        // SAFETY: one valid pollfd, its count, and an infinite timeout.
        let n = unsafe { libc::poll(&mut pfd, 1, -1) };
        if n > 0 && pfd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return true;
        }
        if n < 0 && io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            return false;
        }
    }
}
