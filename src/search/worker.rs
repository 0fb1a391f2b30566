//! Searching off the caller's thread, for datasets where a keystroke can
//! take longer than a frame.
//!
//! A [`Worker`] owns a [`Searcher`] on its own thread. Requests carry a
//! sequence number; when several are queued, only the newest is answered
//! (the ones before it are stale: the user has typed on). The caller drops
//! any reply whose number is not the one it last asked for.
//!
//! A search that panics is answered with no hits and the thread goes on
//! with a fresh searcher; the thread is named [`THREAD_NAME`] so a panic
//! hook can leave the terminal alone for it.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::{self, JoinHandle};

use super::{Hit, Kind, Searcher, Shared};

/// The search thread's name.
pub const THREAD_NAME: &str = "duban-search";

/// One query to answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Numbers the request; the reply carries it back.
    pub seq: u64,
    pub query: String,
    pub kind: Option<Kind>,
    pub limit: usize,
}

impl Request {
    /// The reply carrying `hits` for this request.
    pub fn answered(self, hits: Vec<Hit>) -> Reply {
        Reply {
            seq: self.seq,
            query: self.query,
            hits,
        }
    }
}

/// The answer to a [`Request`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub seq: u64,
    pub query: String,
    pub hits: Vec<Hit>,
}

/// The search thread has ended: its answers will not come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gone;

/// A search thread. Dropping the worker ends the thread once it has
/// finished the search it is on.
pub struct Worker {
    requests: Option<Sender<Request>>,
    replies: Receiver<Reply>,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    /// Starts a thread searching `index`.
    pub fn spawn(index: impl Into<Shared>) -> std::io::Result<Worker> {
        let index: Shared = index.into();
        let (request_tx, request_rx) = mpsc::channel::<Request>();
        let (reply_tx, reply_rx) = mpsc::channel::<Reply>();
        let thread = thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || {
                let mut searcher = Searcher::new(index.clone());
                let search = |request: &Request| {
                    contained(|| searcher.search(&request.query, request.kind, request.limit))
                        .unwrap_or_else(|| {
                            // Its narrowing state may be half updated.
                            searcher = Searcher::new(index.clone());
                            Vec::new()
                        })
                };
                serve(search, &request_rx, &reply_tx)
            })?;
        Ok(Worker {
            requests: Some(request_tx),
            replies: reply_rx,
            thread: Some(thread),
        })
    }

    /// Queues a request. Returns false if the thread has ended (it only
    /// ends on a panic), so the caller can search itself instead.
    pub fn send(&self, request: Request) -> bool {
        self.requests
            .as_ref()
            .is_some_and(|tx| tx.send(request).is_ok())
    }

    /// A reply if one is ready; [`Gone`] once the thread has ended and
    /// every reply has been taken.
    pub fn try_recv(&self) -> Result<Option<Reply>, Gone> {
        match self.replies.try_recv() {
            Ok(reply) => Ok(Some(reply)),
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Err(Gone),
        }
    }

    /// Waits up to `timeout` for a reply.
    #[cfg(test)]
    fn recv_timeout(&self, timeout: std::time::Duration) -> Option<Reply> {
        self.replies.recv_timeout(timeout).ok()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing the channel ends the thread's loop.
        self.requests = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Where the search popup's background searches run: a [`Worker`], or,
/// if none can be started or its thread has ended, the caller's thread.
pub struct Background {
    worker: Option<Worker>,
    /// Searches here once the thread is gone, narrowing as it goes.
    inline: Searcher,
    /// The last request handed to the thread, answered here if the thread
    /// ends before answering it.
    last: Option<Request>,
}

impl Background {
    /// Searches over `index`, on a thread of their own if `thread` and one
    /// can be started.
    pub fn new(index: impl Into<Shared>, thread: bool) -> Background {
        let index: Shared = index.into();
        let worker = if thread {
            Worker::spawn(index.clone()).ok()
        } else {
            None
        };
        Background {
            worker,
            inline: Searcher::new(index),
            last: None,
        }
    }

    /// Whether searches run on a thread.
    pub fn has_thread(&self) -> bool {
        self.worker.is_some()
    }

    /// Hands `request` to the thread; answers it at once if there is none.
    pub fn start(&mut self, request: Request) -> Option<Reply> {
        if let Some(worker) = &self.worker
            && worker.send(request.clone())
        {
            self.last = Some(request);
            return None;
        }
        self.worker = None;
        Some(self.answer(request))
    }

    /// An answer, if one has come back. If the thread has ended, the last
    /// request it was given is answered here.
    pub fn ready(&mut self) -> Option<Reply> {
        match self.worker.as_ref()?.try_recv() {
            Ok(Some(reply)) => {
                if self.last.as_ref().is_some_and(|r| r.seq == reply.seq) {
                    self.last = None;
                }
                Some(reply)
            }
            Ok(None) => None,
            Err(Gone) => {
                self.worker = None;
                self.last.take().map(|request| self.answer(request))
            }
        }
    }

    fn answer(&mut self, request: Request) -> Reply {
        let hits = (self.inline).search(&request.query, request.kind, request.limit);
        request.answered(hits)
    }
}

/// What `f` returns, or `None` if it panics.
fn contained<T>(f: impl FnOnce() -> T) -> Option<T> {
    catch_unwind(AssertUnwindSafe(f)).ok()
}

/// The thread's loop: take the newest queued request, answer it with
/// `search`.
fn serve(
    mut search: impl FnMut(&Request) -> Vec<Hit>,
    requests: &Receiver<Request>,
    replies: &Sender<Reply>,
) {
    while let Ok(mut request) = requests.recv() {
        loop {
            match requests.try_recv() {
                Ok(newer) => request = newer,
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => return,
            }
        }
        let hits = search(&request);
        if replies.send(request.answered(hits)).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use super::*;
    use crate::search::Index;

    fn request(seq: u64, query: &str) -> Request {
        Request {
            seq,
            query: query.into(),
            kind: None,
            limit: 20,
        }
    }

    fn index() -> Arc<Index> {
        Arc::new(Index::build(&crate::synth::synth(400, 7)))
    }

    #[test]
    fn a_reply_holds_what_the_searcher_finds() {
        let index = index();
        let worker = Worker::spawn(Arc::clone(&index)).expect("a thread");
        assert!(worker.send(request(1, "规上")));
        let reply = worker
            .recv_timeout(Duration::from_secs(30))
            .expect("a reply");
        let mut inline = Searcher::new(index);
        assert_eq!(reply.seq, 1);
        assert_eq!(reply.query, "规上");
        assert!(!reply.hits.is_empty());
        assert_eq!(reply.hits, inline.search("规上", None, 20));
    }

    #[test]
    fn queued_requests_are_answered_newest_only() {
        let index = index();
        let (request_tx, request_rx) = mpsc::channel();
        let (reply_tx, reply_rx) = mpsc::channel();
        for (seq, query) in [(1, "规"), (2, "规上"), (3, "规上企")] {
            request_tx.send(request(seq, query)).expect("queued");
        }
        // Every request is queued before the loop starts, so only the
        // newest is answered.
        let mut searcher = Searcher::new(index.clone());
        let search = move |r: &Request| searcher.search(&r.query, r.kind, r.limit);
        let thread = thread::spawn(move || serve(search, &request_rx, &reply_tx));
        let first = reply_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("a reply");
        drop(request_tx);
        thread
            .join()
            .expect("the loop ends when the channel closes");
        let replies: Vec<Reply> = std::iter::once(first).chain(reply_rx.try_iter()).collect();
        assert_eq!(
            replies.iter().map(|r| r.seq).collect::<Vec<_>>(),
            vec![3],
            "stale requests were answered"
        );
        assert_eq!(
            replies[0].hits,
            Searcher::new(index).search("规上企", None, 20)
        );
    }

    #[test]
    fn requests_in_turn_are_each_answered_in_order() {
        let worker = Worker::spawn(index()).expect("a thread");
        for (seq, query) in [(1, "新"), (2, "新增")] {
            assert!(worker.send(request(seq, query)));
            let reply = worker
                .recv_timeout(Duration::from_secs(30))
                .expect("a reply");
            assert_eq!(reply.seq, seq);
        }
        assert_eq!(worker.try_recv(), Ok(None));
    }

    #[test]
    fn a_search_that_panics_is_answered_with_no_hits_and_the_next_is_answered() {
        let (request_tx, request_rx) = mpsc::channel();
        let (reply_tx, reply_rx) = mpsc::channel();
        let thread = thread::spawn(move || {
            let search = |r: &Request| {
                assert!(r.query != "boom", "a search that panics");
                vec![]
            };
            serve(
                |r: &Request| contained(|| search(r)).unwrap_or_default(),
                &request_rx,
                &reply_tx,
            )
        });
        for (seq, query) in [(1, "boom"), (2, "规上")] {
            request_tx.send(request(seq, query)).expect("queued");
            let reply = reply_rx
                .recv_timeout(Duration::from_secs(30))
                .expect("a reply");
            assert_eq!((reply.seq, reply.hits.len()), (seq, 0));
        }
        drop(request_tx);
        thread.join().expect("the loop survives the panic");
    }

    #[test]
    fn without_a_thread_a_request_is_answered_at_once() {
        let index = index();
        let mut background = Background::new(Arc::clone(&index), false);
        assert!(!background.has_thread());
        let reply = background.start(request(4, "规上")).expect("an answer");
        assert_eq!(reply.seq, 4);
        assert_eq!(reply.hits, Searcher::new(index).search("规上", None, 20));
        assert_eq!(background.ready(), None);
    }

    #[test]
    fn with_a_thread_the_answer_comes_later() {
        let mut background = Background::new(index(), true);
        assert!(background.has_thread());
        assert_eq!(background.start(request(5, "规上")), None);
        let started = Instant::now();
        let reply = loop {
            if let Some(reply) = background.ready() {
                break reply;
            }
            assert!(started.elapsed() < Duration::from_secs(30), "no answer");
            thread::sleep(Duration::from_millis(1));
        };
        assert_eq!((reply.seq, reply.query.as_str()), (5, "规上"));
    }

    #[test]
    fn when_the_thread_has_ended_its_last_request_is_answered_here() {
        let index = index();
        let (reply_tx, replies) = mpsc::channel::<Reply>();
        let (requests, request_rx) = mpsc::channel::<Request>();
        let mut background = Background {
            worker: Some(Worker {
                requests: Some(requests),
                replies,
                thread: None,
            }),
            inline: Searcher::new(index.clone()),
            last: None,
        };
        assert_eq!(background.start(request(7, "新增")), None);
        // The thread ends without answering.
        drop((reply_tx, request_rx));
        let reply = background.ready().expect("answered here");
        assert_eq!(reply.seq, 7);
        assert_eq!(reply.hits, Searcher::new(index).search("新增", None, 20));
        assert!(!background.has_thread());
        // Later requests are answered at once.
        assert!(background.start(request(8, "新增规")).is_some());
    }

    #[test]
    fn a_worker_whose_thread_ended_says_so() {
        let (reply_tx, replies) = mpsc::channel::<Reply>();
        drop(reply_tx);
        let worker = Worker {
            requests: None,
            replies,
            thread: None,
        };
        assert_eq!(worker.try_recv(), Err(Gone));
        assert!(!worker.send(request(1, "规")));
    }
}
