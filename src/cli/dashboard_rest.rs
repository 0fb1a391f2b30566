//! The rest of the dashboard's start-up on a thread of its own (see
//! `app::start`): started once the first frame is drawn, its answer given
//! to the app as an action, waited for only by an action that needs it.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use crate::app::{self, App, update};

/// The thread's name.
pub(super) const THREAD_NAME: &str = "duban-rest";

/// How often the loop looks for the answer while the thread works.
pub(super) const POLL: Duration = Duration::from_millis(8);

/// The thread working out the rest, while it works.
#[derive(Default)]
pub(super) struct Rest {
    answer: Option<Receiver<app::Rested>>,
}

impl Rest {
    /// Starts working out what `app` lacks, unless a thread is at it or
    /// nothing is lacking. Without a thread the app works it out itself,
    /// now.
    pub(super) fn start(&mut self, app: &mut App) {
        if self.answer.is_some() {
            return;
        }
        let Some(job) = app.rest_job() else {
            return;
        };
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || {
                yield_to_keys();
                let _ = tx.send(job.run());
            });
        match spawned {
            Ok(_) => self.answer = Some(rx),
            Err(_) => app.finish_start(),
        }
    }

    /// Whether the thread is at work.
    pub(super) fn working(&self) -> bool {
        self.answer.is_some()
    }

    /// Gives the answer to `app` if it is in (`wait`: waiting for it);
    /// whether one was given. An answer the app has moved on from is
    /// dropped by the app, and [`Rest::start`] starts again.
    pub(super) fn take(&mut self, app: &mut App, wait: bool) -> bool {
        let Some(rx) = &self.answer else {
            return false;
        };
        let answer = if wait {
            rx.recv().ok()
        } else {
            match rx.try_recv() {
                Ok(answer) => Some(answer),
                Err(TryRecvError::Empty) => return false,
                Err(TryRecvError::Disconnected) => None,
            }
        };
        self.answer = None;
        // A thread that panicked gave nothing: the app works it out itself.
        let Some(answer) = answer else {
            return false;
        };
        update(app, app::Action::Rested(Box::new(answer)));
        true
    }
}

/// Gives this thread a lower priority than the UI thread's, so a key
/// pressed while it works gets a core first (Linux: a thread's niceness is
/// its own).
fn yield_to_keys() {
    #[cfg(target_os = "linux")]
    // SAFETY: a system call on this thread's own priority, with no memory
    // passed; a failure leaves the priority as it was.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, NICER);
    }
}

/// The thread's niceness (Linux): below the UI thread's, above the exit
/// helper's lowest.
#[cfg(target_os = "linux")]
const NICER: libc::c_int = 10;
