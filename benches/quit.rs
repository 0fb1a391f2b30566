//! The real dashboard (the release binary) on a pseudo-terminal of its
//! own, without tmux or a shell: how long from `exec` to the first frame
//! on the terminal, and from `q` written to the terminal to `waitpid`
//! returning its exit, at 10,000 and 100,000 tasks, and at 1,000,000 when
//! the filter names them (`quit-1m`, `launch-1m`; or `DUBAN_BENCH_1M=1`;
//! see `benches/scale/`). Each size's dataset is written only if one of
//! its benches is selected. The dashboard is quit once it has settled (its
//! search index built, no CPU used for a tenth of a second), as a user
//! quits after looking. The baseline, in the same run and under the same
//! kind of terminal: a program that exits on one key (`stty raw; head -c
//! 1`), timed the same way from its start and from its key. The first
//! settled dashboard of each size prints its peak memory (VmHWM) beside
//! the size of its dataset's files, whole and less the program's fixed
//! memory: the settled dashboard's VmHWM on a dataset of 100 tasks,
//! measured in the same run (median of 3) before the first report.
//!
//! `key-SIZE` times a key pressed as soon as the first frame is up: from
//! `exec` to the first frame, then `j` (down in the leaders list) written
//! to the terminal, to the frame that answers it; against the launch alone
//! (`exec-to-first-frame`) in the same group. `j-after-first-frame` is the
//! key's part alone: from `j` written to its frame.
//!
//! `DUBAN_BENCH_BIN=PATH` times another build of duban instead of this
//! one's (for a comparison with main's in one run).
//!
//! `cargo bench --bench quit -- --warm-up-time 1 --measurement-time 5`
//! (Linux: the dashboard's quick exit and `/proc` are Linux's.)

#[cfg(target_os = "linux")]
mod memory;
#[cfg(target_os = "linux")]
mod pty;
#[cfg(target_os = "linux")]
mod scale;

#[cfg(target_os = "linux")]
mod linux {
    use std::path::PathBuf;
    use std::process::Command;
    use std::time::{Duration, Instant};

    use criterion::{Criterion, SamplingMode};

    use super::memory::Memory;
    use super::pty::Session;
    use super::scale::{Data, Lazy, wants_1m};

    const COLS: u16 = 160;
    const ROWS: u16 = 45;

    /// After the first frame the dashboard hides the cursor (ratatui does,
    /// after every frame it flushes); nothing is drawn before it.
    const FRAME_END: &[u8] = b"\x1b[?25l";
    /// The dashboard enters the alternate screen before its first frame.
    const ALT_SCREEN: &[u8] = b"\x1b[?1049h";
    /// What the one-key program prints once its terminal is raw.
    const READY: &[u8] = b"ready";
    /// The dataset whose settled dashboard is the program's fixed memory.
    const FIXED_TASKS: usize = 100;

    /// A dataset directory with a warm load cache, and the directories the
    /// dashboard keeps its state in (never the user's own).
    struct Setup {
        data: Data,
        home: tempfile::TempDir,
        /// How long to wait for a start.
        patience: Duration,
    }

    impl Setup {
        fn new(tasks: usize) -> Setup {
            let data = Data::new(tasks);
            let home = tempfile::tempdir().expect("temp dir");
            let config = home.path().join("config");
            std::fs::create_dir_all(&config).expect("config dir");
            // Not asking for the reporter: `q` quits at once.
            std::fs::write(config.join(duban::user::USER_FILE), "(skipped: true)")
                .expect("user config");
            let setup = Setup {
                data,
                home,
                patience: Duration::from_secs(30 + (tasks / 10_000) as u64),
            };
            let status = (setup.command("check"))
                .arg("--data")
                .arg(setup.data.path())
                .status()
                .expect("duban check");
            assert!(status.success(), "duban check: {status}");
            setup
        }

        fn dir(&self, name: &str) -> PathBuf {
            self.home.path().join(name)
        }

        /// `duban ARGS` with this setup's directories.
        fn command(&self, subcommand: &str) -> Command {
            // `DUBAN_BENCH_BIN`: another build of duban to time the same
            // way (main's, for a comparison in one run).
            let bin = std::env::var_os("DUBAN_BENCH_BIN")
                .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_duban")), PathBuf::from);
            let mut command = Command::new(bin);
            if !subcommand.is_empty() {
                command.arg(subcommand);
            }
            command
                .env("DUBAN_DATA_HOME", self.dir("data-home"))
                .env("DUBAN_CONFIG_HOME", self.dir("config"))
                .env("DUBAN_CACHE_DIR", self.dir("cache"))
                .env("TERM", "xterm-256color")
                .env("LANG", "C.UTF-8");
            command
        }

        fn dashboard(&self) -> Session {
            let mut command = self.command("");
            command
                .args(["--today", "2023-06-30", "--data"])
                .arg(self.data.path());
            Session::spawn(command, COLS, ROWS).expect("dashboard on a terminal")
        }

        /// Waits for the dashboard's first frame; the offset in its output
        /// just past it.
        fn first_frame(&self, session: &Session) -> usize {
            let at = (session.wait_for(ALT_SCREEN, 0, self.patience)).expect("alternate screen");
            session
                .wait_for(FRAME_END, at, self.patience)
                .expect("first frame")
        }

        /// Writes `j` (down in the leaders list) once the first frame, which
        /// ended at `at`, is up, and times it to the frame answering it
        /// (the leaders tab draws nothing else meanwhile).
        fn key_answered(&self, session: &mut Session, at: usize) -> Duration {
            let started = Instant::now();
            session.send(b"j").expect("j");
            session
                .wait_for(FRAME_END, at, self.patience)
                .expect("the frame answering j");
            started.elapsed()
        }
    }

    /// The baseline: a program that exits on one key, once its terminal is
    /// raw.
    fn one_key() -> Session {
        let mut command = Command::new("sh");
        command.args([
            "-c",
            "stty raw -echo; printf ready; exec head -c 1 >/dev/null",
        ]);
        let session = Session::spawn(command, COLS, ROWS).expect("sh on a terminal");
        session
            .wait_for(READY, 0, Duration::from_secs(10))
            .expect("ready");
        session
    }

    /// Times `q` written to `session` until `waitpid` returns.
    fn quit(mut session: Session) -> Duration {
        let started = Instant::now();
        session.send(b"q").expect("q");
        let status = session.wait().expect("waitpid");
        let took = started.elapsed();
        assert!(status.success(), "{status}");
        took
    }

    fn timed(iters: u64, mut one: impl FnMut() -> Duration) -> Duration {
        (0..iters).map(|_| one()).sum()
    }

    /// The program's fixed memory: the settled dashboard on a dataset of
    /// [`FIXED_TASKS`] tasks (median of 3 starts), printed once.
    fn fixed_memory() -> Option<Memory> {
        let setup = Setup::new(FIXED_TASKS);
        let samples = (0..3)
            .filter_map(|_| {
                let session = setup.dashboard();
                setup.first_frame(&session);
                (session.settle(Duration::from_millis(100), setup.patience)).expect("settled");
                let memory = Memory::of(session.pid()).ok();
                quit(session);
                memory
            })
            .collect();
        let fixed = Memory::median(samples)?;
        eprintln!("{}", super::memory::fixed_line(FIXED_TASKS, &fixed));
        Some(fixed)
    }

    /// Prints the dashboard's peak memory once per size, against the size
    /// of its dataset's files, whole and less the fixed memory.
    fn report_memory(setup: &Setup, session: &Session, tasks: usize, fixed: Option<&Memory>) {
        let files: u64 = (duban::store::FILES.iter())
            .filter_map(|f| std::fs::metadata(setup.data.path().join(f)).ok())
            .map(|m| m.len())
            .sum();
        if let Ok(memory) = Memory::of(session.pid()) {
            eprintln!("{}", super::memory::line(tasks, files, &memory, fixed));
        }
    }

    fn at(c: &mut Criterion, tasks: usize, name: &str, fixed: &dyn Fn() -> Option<Memory>) {
        let setup = Lazy::new(|| Setup::new(tasks));
        let settle = |setup: &Setup, s: &Session| {
            (s.settle(Duration::from_millis(100), setup.patience)).expect("settled");
        };
        let mut reported = false;

        let mut group = c.benchmark_group(format!("quit-{name}"));
        group.sampling_mode(SamplingMode::Flat).sample_size(10);
        if tasks >= 1_000_000 {
            group.measurement_time(Duration::from_secs(60));
        }
        group.bench_function("one-key-program", |b| {
            b.iter_custom(|iters| timed(iters, || quit(one_key())))
        });
        group.bench_function("dashboard", |b| {
            let setup = setup.get();
            b.iter_custom(|iters| {
                timed(iters, || {
                    let session = setup.dashboard();
                    setup.first_frame(&session);
                    settle(setup, &session);
                    if !std::mem::replace(&mut reported, true) {
                        report_memory(setup, &session, tasks, fixed().as_ref());
                    }
                    quit(session)
                })
            })
        });
        group.finish();

        let mut group = c.benchmark_group(format!("launch-{name}"));
        group.sampling_mode(SamplingMode::Flat).sample_size(10);
        if tasks >= 1_000_000 {
            group.measurement_time(Duration::from_secs(60));
        }
        group.bench_function("one-key-program", |b| {
            b.iter_custom(|iters| {
                timed(iters, || {
                    let started = Instant::now();
                    let session = one_key();
                    let took = started.elapsed();
                    quit(session);
                    took
                })
            })
        });
        group.bench_function("exec-to-first-frame", |b| {
            let setup = setup.get();
            b.iter_custom(|iters| {
                timed(iters, || {
                    let started = Instant::now();
                    let session = setup.dashboard();
                    setup.first_frame(&session);
                    let took = started.elapsed();
                    // Not timed: the next start finds the machine idle.
                    settle(setup, &session);
                    if !std::mem::replace(&mut reported, true) {
                        report_memory(setup, &session, tasks, fixed().as_ref());
                    }
                    quit(session);
                    took
                })
            })
        });
        group.finish();

        let mut group = c.benchmark_group(format!("key-{name}"));
        group.sampling_mode(SamplingMode::Flat).sample_size(10);
        if tasks >= 1_000_000 {
            group.measurement_time(Duration::from_secs(60));
        }
        // The baseline (the launch alone, as `launch-SIZE` times it), the
        // launch and the key, and the key alone.
        for (name, key, whole) in [
            ("exec-to-first-frame", false, true),
            ("exec-first-frame-then-j", true, true),
            ("j-after-first-frame", true, false),
        ] {
            group.bench_function(name, |b| {
                let setup = setup.get();
                b.iter_custom(|iters| {
                    timed(iters, || {
                        let started = Instant::now();
                        let mut session = setup.dashboard();
                        let at = setup.first_frame(&session);
                        let mut took = started.elapsed();
                        if key {
                            let answered = setup.key_answered(&mut session, at);
                            took = if whole { started.elapsed() } else { answered };
                        }
                        settle(setup, &session);
                        quit(session);
                        took
                    })
                })
            });
        }
        group.finish();
    }

    pub fn benches(c: &mut Criterion) {
        let fixed = Lazy::new(fixed_memory);
        let fixed = || *fixed.get();
        at(c, 10_000, "10k", &fixed);
        at(c, 100_000, "100k", &fixed);
        if wants_1m() {
            at(c, 1_000_000, "1m", &fixed);
        }
    }
}

#[cfg(target_os = "linux")]
criterion::criterion_group!(benches, linux::benches);
#[cfg(target_os = "linux")]
criterion::criterion_main!(benches);

#[cfg(not(target_os = "linux"))]
fn main() {}
