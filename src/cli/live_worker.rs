//! The dashboard's link to the shared store, on a thread of its own.
//!
//! The thread owns the connection; the journal stays with the UI thread.
//! It connects (trying again with a growing pause while the server cannot
//! be reached), pushes the outbox after every save the UI thread reports,
//! `LISTEN`s on the store's channel and, when another client's records
//! arrive, pulls them and hands them over. The UI thread saves them to the
//! journal and says so; only then does the outbox's pull cursor move past
//! them, so a dashboard that dies between the two pulls them again (the
//! journal skips what it has). Between events the thread blocks on the
//! server's socket, a quarter of a second at a time, looking for the UI
//! thread's word in between: an idle dashboard costs next to no CPU.
//!
//! The outbox is opened, under its lock, for each push and each mark, so
//! a `progress set` run beside the dashboard on the same machine waits
//! for it rather than losing a mark.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::thread;
use std::time::{Duration, Instant};

use postgres::fallible_iterator::FallibleIterator;

use crate::app::{Link, StoreStatus};
use crate::messages::{Lang, Localize};
use crate::progress::Record;
use crate::remote::{self, Client, Cursor, NOTIFY_CHANNEL, Outbox, StoreError, StoreUrl};

/// The store thread's name.
pub const THREAD_NAME: &str = "duban-store";

/// How long the thread blocks on the server's socket before it looks for
/// the UI thread's word: the most a save waits to be pushed.
const TICK: Duration = Duration::from_millis(250);

/// The first pause before trying an unreachable server again, and the
/// longest: the pause doubles after each failure.
const FIRST_PAUSE: Duration = Duration::from_millis(500);
const LONGEST_PAUSE: Duration = Duration::from_secs(10);

/// How long a connection attempt may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(2);

/// Records per pull.
const PULL_BATCH: i64 = 2000;

/// What the UI thread tells the store thread.
enum Word {
    /// The journal was saved: push what is pending.
    Saved,
    /// The records handed over up to this cursor are in the journal.
    Kept(Cursor),
}

/// What the store thread hands the UI thread.
#[derive(Debug)]
pub enum Report {
    /// The link changed: reachable or not, pending, refused.
    Status(StoreStatus),
    /// Records from the store, up to `cursor`: save them to the journal,
    /// then call [`Worker::kept`] with the cursor.
    Records {
        records: Vec<Record>,
        cursor: Cursor,
    },
}

/// The store thread, seen from the UI thread. Dropping it lets the thread
/// end at its next tick; the dashboard does not wait for it.
pub struct Worker {
    words: Sender<Word>,
    reports: Receiver<Report>,
}

impl Worker {
    /// Starts the thread for the store at `url` and the journal at
    /// `journal`; errors are said in `lang`.
    pub fn spawn(url: StoreUrl, journal: PathBuf, lang: Lang) -> std::io::Result<Worker> {
        let (words, word_rx) = mpsc::channel();
        let (report_tx, reports) = mpsc::channel();
        thread::Builder::new()
            .name(THREAD_NAME.into())
            .spawn(move || {
                let mut link = Linker::new(url, journal, lang, report_tx);
                link.run(&word_rx);
            })?;
        Ok(Worker { words, reports })
    }

    /// The journal was saved: push.
    pub fn saved(&self) {
        let _ = self.words.send(Word::Saved);
    }

    /// The records handed over up to `cursor` are saved in the journal.
    pub fn kept(&self, cursor: Cursor) {
        let _ = self.words.send(Word::Kept(cursor));
    }

    /// A report, if one has come.
    pub fn try_recv(&self) -> Option<Report> {
        self.reports.try_recv().ok()
    }
}

/// The thread's state.
struct Linker {
    url: StoreUrl,
    journal: PathBuf,
    lang: Lang,
    reports: Sender<Report>,
    client: Option<Client>,
    /// When to try connecting next, and the pause after the next failure.
    next_try: Instant,
    pause: Duration,
    /// Where the next pull starts: past what was handed over.
    cursor: Option<Cursor>,
    /// Batches handed over and not yet kept: their IDs and cursor.
    handed: VecDeque<(Vec<String>, Cursor)>,
    push: bool,
    pull: bool,
    shown: Option<StoreStatus>,
}

/// The UI thread is gone: the thread ends.
struct Ended;

impl Linker {
    fn new(url: StoreUrl, journal: PathBuf, lang: Lang, reports: Sender<Report>) -> Linker {
        Linker {
            url,
            journal,
            lang,
            reports,
            client: None,
            next_try: Instant::now(),
            pause: FIRST_PAUSE,
            cursor: None,
            handed: VecDeque::new(),
            push: true,
            pull: true,
            shown: None,
        }
    }

    fn run(&mut self, words: &Receiver<Word>) {
        while self.step(words).is_ok() {}
    }

    /// One turn: take the UI thread's words, connect or wait, push, pull.
    fn step(&mut self, words: &Receiver<Word>) -> Result<(), Ended> {
        loop {
            match words.try_recv() {
                Ok(word) => self.hear(word),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => return Err(Ended),
            }
        }
        if self.client.is_none() {
            let now = Instant::now();
            if now < self.next_try {
                // Offline: sleep until the next try, or until a save.
                match words.recv_timeout(self.next_try - now) {
                    Ok(Word::Saved) => {
                        self.next_try = Instant::now();
                        self.hear(Word::Saved);
                    }
                    Ok(word) => self.hear(word),
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => return Err(Ended),
                }
                return Ok(());
            }
            self.connect();
            return Ok(());
        }
        let result = self.exchange();
        if let Err(e) = result {
            self.lost(&e);
        }
        Ok(())
    }

    fn hear(&mut self, word: Word) {
        match word {
            Word::Saved => {
                self.push = true;
                if self.client.is_none() {
                    // Offline: the header's count follows the save.
                    self.recount(Link::Offline);
                }
            }
            Word::Kept(cursor) => {
                if let Err(e) = self.mark_kept(cursor) {
                    self.failed(&e);
                }
            }
        }
    }

    fn connect(&mut self) {
        let connected = Client::connect(&self.url, CONNECT_TIMEOUT).and_then(|mut client| {
            let listen = format!("LISTEN {NOTIFY_CHANNEL}");
            (client.connection().batch_execute(&listen))
                .map_err(|e| StoreError::from_pg(&self.url, &e))?;
            Ok(client)
        });
        match connected {
            Ok(client) => {
                self.client = Some(client);
                self.pause = FIRST_PAUSE;
                self.push = true;
                self.pull = true;
            }
            Err(e) => self.lost(&e),
        }
    }

    /// Connected: push and pull what is wanted, then wait on the socket.
    fn exchange(&mut self) -> Result<(), StoreError> {
        if self.push {
            self.push = false;
            self.push_pending()?;
        }
        if self.pull {
            self.pull = false;
            self.pull_new()?;
        }
        let Some(client) = self.client.as_mut() else {
            return Ok(());
        };
        let url = self.url.clone();
        let fail = |e: postgres::Error| StoreError::from_pg(&url, &e);
        let mut heard = client.connection().notifications();
        if heard.timeout_iter(TICK).next().map_err(fail)?.is_some() {
            // Others may have come at once: one pull for all of them.
            while heard.iter().next().map_err(fail)?.is_some() {}
            self.pull = true;
        }
        drop(heard);
        if client.connection().is_closed() {
            return Err(StoreError::Unreachable {
                url: url.to_string(),
                detail: "the connection closed".into(),
            });
        }
        Ok(())
    }

    /// Pushes the outbox's pending records and reports the link.
    fn push_pending(&mut self) -> Result<(), StoreError> {
        let Some(client) = self.client.as_mut() else {
            return Ok(());
        };
        let _lock = remote::lock(&self.journal)?;
        let mut outbox = Outbox::open(&self.journal)?;
        remote::push_pending(&mut outbox, client)?;
        let status = StoreStatus {
            link: Link::Online,
            pending: outbox.pending_count()?,
            refused: outbox.refused().len(),
        };
        self.show(status);
        Ok(())
    }

    /// Pulls the records after the cursor and hands them over.
    fn pull_new(&mut self) -> Result<(), StoreError> {
        let Some(client) = self.client.as_mut() else {
            return Ok(());
        };
        let cursor = match self.cursor {
            Some(c) => c,
            None => {
                let mut outbox = Outbox::open(&self.journal)?;
                outbox.use_store(client.url().masked());
                outbox.cursor()
            }
        };
        let batch = client.pull(cursor, PULL_BATCH)?;
        if batch.cursor == cursor {
            self.cursor = Some(cursor);
            return Ok(());
        }
        // A full batch: more may wait.
        self.pull = batch.records.len() + batch.unreadable >= PULL_BATCH as usize;
        self.cursor = Some(batch.cursor);
        let ids = batch.records.iter().map(remote::record_id).collect();
        self.handed.push_back((ids, batch.cursor));
        let report = Report::Records {
            records: batch.records,
            cursor: batch.cursor,
        };
        // The UI thread is gone when this fails; the next turn ends.
        let _ = self.reports.send(report);
        Ok(())
    }

    /// The batches up to `cursor` are in the journal: the outbox knows
    /// their records and pulls from past them next time.
    fn mark_kept(&mut self, cursor: Cursor) -> Result<(), StoreError> {
        let mut ids = Vec::new();
        while let Some((_, c)) = self.handed.front()
            && *c <= cursor
        {
            if let Some((batch, _)) = self.handed.pop_front() {
                ids.extend(batch);
            }
        }
        let _lock = remote::lock(&self.journal)?;
        let mut outbox = Outbox::open(&self.journal)?;
        outbox.use_store(self.url.masked());
        outbox.pulled(&ids, cursor)?;
        Ok(())
    }

    /// The pending and refused counts from the outbox, with `link`.
    fn recount(&mut self, link: Link) {
        let counted = remote::lock(&self.journal).and_then(|_lock| {
            let mut outbox = Outbox::open(&self.journal)?;
            Ok((outbox.pending_count()?, outbox.refused().len()))
        });
        match counted {
            Ok((pending, refused)) => self.show(StoreStatus {
                link,
                pending,
                refused,
            }),
            Err(e) => self.failed(&e),
        }
    }

    /// The connection failed or was lost: offline (or failed, for an
    /// error waiting will not mend), try again after a pause.
    fn lost(&mut self, error: &StoreError) {
        self.client = None;
        self.next_try = Instant::now() + self.pause;
        self.pause = (self.pause * 2).min(LONGEST_PAUSE);
        self.push = true;
        self.pull = true;
        if error.is_offline() {
            self.recount(Link::Offline);
        } else {
            self.failed(error);
        }
    }

    /// Something other than the network: said in the header.
    fn failed(&mut self, error: &StoreError) {
        let text = crate::text::printable(&error.localize(self.lang)).into_owned();
        let first = text.lines().next().unwrap_or_default().into();
        let old = self.shown.clone().unwrap_or_default();
        self.show(StoreStatus {
            link: Link::Failed(first),
            ..old
        });
    }

    /// Reports `status` if it is news.
    fn show(&mut self, status: StoreStatus) {
        if self.shown.as_ref() != Some(&status) {
            self.shown = Some(status.clone());
            let _ = self.reports.send(Report::Status(status));
        }
    }
}
