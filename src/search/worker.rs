//! Searching off the caller's thread, for datasets where a keystroke can
//! take longer than a frame.
//!
//! A [`Worker`] owns a [`Searcher`] on its own thread. Requests carry a
//! sequence number; when several are queued, only the newest is answered
//! (the ones before it are stale: the user has typed on). The caller drops
//! any reply whose number is not the one it last asked for.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::{Hit, Index, Kind, Searcher};

/// One query to answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Numbers the request; the reply carries it back.
    pub seq: u64,
    pub query: String,
    pub kind: Option<Kind>,
    pub limit: usize,
}

/// The answer to a [`Request`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub seq: u64,
    pub query: String,
    pub hits: Vec<Hit>,
    /// How long the search itself took.
    pub took: Duration,
}

/// A search thread. Dropping the worker ends the thread once it has
/// finished the search it is on.
pub struct Worker {
    requests: Option<Sender<Request>>,
    replies: Receiver<Reply>,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    /// Starts a thread searching `index`.
    pub fn spawn(index: Arc<Index>) -> std::io::Result<Worker> {
        let (request_tx, request_rx) = mpsc::channel::<Request>();
        let (reply_tx, reply_rx) = mpsc::channel::<Reply>();
        let thread = thread::Builder::new()
            .name("duban-search".into())
            .spawn(move || serve(Searcher::new(index), &request_rx, &reply_tx))?;
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

    /// A reply if one is ready.
    pub fn try_recv(&self) -> Option<Reply> {
        self.replies.try_recv().ok()
    }

    /// Waits up to `timeout` for a reply.
    pub fn recv_timeout(&self, timeout: Duration) -> Option<Reply> {
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

/// The thread's loop: take the newest queued request, answer it.
fn serve(mut searcher: Searcher, requests: &Receiver<Request>, replies: &Sender<Reply>) {
    while let Ok(mut request) = requests.recv() {
        loop {
            match requests.try_recv() {
                Ok(newer) => request = newer,
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => return,
            }
        }
        let started = Instant::now();
        let hits = searcher.search(&request.query, request.kind, request.limit);
        let reply = Reply {
            seq: request.seq,
            query: request.query,
            hits,
            took: started.elapsed(),
        };
        if replies.send(reply).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let searcher = Searcher::new(Arc::clone(&index));
        let thread = thread::spawn(move || serve(searcher, &request_rx, &reply_tx));
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
        assert!(worker.try_recv().is_none());
    }
}
