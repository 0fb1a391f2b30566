#![cfg(unix)]
//! The real binary under a pseudo-terminal of its own, as a user's
//! terminal runs it, without tmux or a shell in between: the bench writes
//! keys to the terminal's master side, reads everything the program draws
//! (so it never blocks on a full terminal) and waits for it with
//! `waitpid`, so the times are the program's own.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::fd::BorrowedFd;
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

/// What the program wrote to its terminal so far, and whether it is done.
#[derive(Default)]
struct Screen {
    bytes: Vec<u8>,
    closed: bool,
}

/// A program running on a terminal of `cols` x `rows`.
pub struct Session {
    master: File,
    child: Child,
    output: Arc<(Mutex<Screen>, Condvar)>,
}

impl Session {
    /// Starts `command` as the session leader of a new terminal (so it is
    /// its controlling terminal, as in a terminal window).
    pub fn spawn(mut command: Command, cols: u16, rows: u16) -> io::Result<Session> {
        let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)?;
        grantpt(&master)?;
        unlockpt(&master)?;
        let name = ptsname(&master, Vec::new())?;
        let slave = OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(libc::O_NOCTTY)
            .open(name.to_str().map_err(io::Error::other)?)?;
        let size = Winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        tcsetwinsize(&slave, size)?;
        command
            .stdin(slave.try_clone()?)
            .stdout(slave.try_clone()?)
            .stderr(slave);
        // SAFETY: between fork and exec only two system calls, no
        // allocation: a new session, and descriptor 0 (the terminal) as
        // its controlling terminal.
        unsafe {
            command.pre_exec(|| {
                rustix::process::setsid()?;
                rustix::process::ioctl_tiocsctty(BorrowedFd::borrow_raw(0))?;
                Ok(())
            });
        }
        let child = command.spawn()?;
        // The child holds the terminal's side now; ours goes with `command`.
        drop(command);
        let master = File::from(master);
        let output = Arc::new((Mutex::new(Screen::default()), Condvar::new()));
        let mut reader = master.try_clone()?;
        let filled = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 64 * 1024];
            loop {
                // EIO once every holder of the terminal's side is gone.
                let n = match reader.read(&mut buf) {
                    Ok(0) | Err(_) => 0,
                    Ok(n) => n,
                };
                let (lock, changed) = &*filled;
                let mut screen = lock.lock().unwrap_or_else(|e| e.into_inner());
                screen.bytes.extend_from_slice(&buf[..n]);
                screen.closed |= n == 0;
                changed.notify_all();
                if n == 0 {
                    return;
                }
            }
        });
        Ok(Session {
            master,
            child,
            output,
        })
    }

    /// The process ID of the program.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits until the program has written `needle` at or after byte
    /// `from` of its output; the offset just past it.
    pub fn wait_for(&self, needle: &[u8], from: usize, timeout: Duration) -> io::Result<usize> {
        let deadline = Instant::now() + timeout;
        let (lock, changed) = &*self.output;
        let mut screen = lock.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let hay = screen.bytes.get(from..).unwrap_or_default();
            if let Some(at) = hay.windows(needle.len()).position(|w| w == needle) {
                return Ok(from + at + needle.len());
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if screen.closed || left.is_zero() {
                let tail = String::from_utf8_lossy(
                    &screen.bytes[screen.bytes.len().saturating_sub(400)..],
                );
                return Err(io::Error::other(format!(
                    "{:?} not seen (closed: {}); last output: {tail:?}",
                    String::from_utf8_lossy(needle),
                    screen.closed
                )));
            }
            screen = (changed.wait_timeout(screen, left))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// Types `keys`.
    pub fn send(&mut self, keys: &[u8]) -> io::Result<()> {
        self.master.write_all(keys)
    }

    /// Waits until the program (every thread of it) has used no CPU for
    /// `quiet`: its start-up work, on any thread, is over.
    pub fn settle(&self, quiet: Duration, timeout: Duration) -> io::Result<()> {
        let deadline = Instant::now() + timeout;
        let mut last = cpu_ticks(self.pid())?;
        let mut since = Instant::now();
        while Instant::now() < deadline {
            std::thread::sleep(quiet / 4);
            let now = cpu_ticks(self.pid())?;
            if now != last {
                (last, since) = (now, Instant::now());
            } else if since.elapsed() >= quiet {
                return Ok(());
            }
        }
        Err(io::Error::other("the program did not settle"))
    }

    /// Waits for the program to end (`waitpid`).
    pub fn wait(&mut self) -> io::Result<ExitStatus> {
        self.child.wait()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// User plus system CPU time of a process, in clock ticks (`/proc`).
fn cpu_ticks(pid: u32) -> io::Result<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // Fields after the command name (which may hold spaces), from field 3.
    let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok());
    match (tick(11), tick(12)) {
        (Some(user), Some(system)) => Ok(user + system),
        _ => Err(io::Error::other(format!("unreadable /proc/{pid}/stat"))),
    }
}
