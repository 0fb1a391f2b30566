//! The built `duban` in a real terminal: a tmux server of its own per
//! test, keys sent as a person types them, and the screen as they see it.
//!
//! Without tmux on the PATH every constructor returns `None` after a skip
//! notice (see `tests/external`), so a test begins
//! `let Some(t) = Tmux::start(…) else { return };`.
#![allow(dead_code)] // each test binary uses a different part

#[path = "../external/mod.rs"]
pub mod external;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_duban");

/// Servers started by this process, numbering their sockets.
static SERVERS: AtomicUsize = AtomicUsize::new(0);

/// How long a wait lasts before the test fails, unless told otherwise.
pub const WAIT: Duration = Duration::from_secs(10);

/// A tmux server running `duban` in window `t`; killed when dropped, even
/// when the test fails.
pub struct Tmux {
    /// The tmux program found on the PATH.
    program: PathBuf,
    socket: String,
    /// DUBAN_DATA_HOME when the session made its own.
    _home: Option<tempfile::TempDir>,
}

impl Tmux {
    /// `duban --today 2023-06-30 ARGS` in a `w`x`h` window, with progress
    /// kept in a temporary directory of its own; returns once the header
    /// is drawn. `None` (after a skip notice) without tmux.
    pub fn start(name: &str, w: u16, h: u16, args: &str) -> Option<Tmux> {
        let home = tempfile::tempdir().expect("a temp dir");
        let mut tmux = Tmux::launch(name, home.path(), w, h, args)?;
        tmux._home = Some(home);
        tmux.wait_for("2023-06-30");
        Some(tmux)
    }

    /// As [`Tmux::start`], with progress kept under `home`.
    pub fn start_in(name: &str, home: &Path, w: u16, h: u16, args: &str) -> Option<Tmux> {
        let tmux = Tmux::launch(name, home, w, h, args)?;
        tmux.wait_for("2023-06-30");
        Some(tmux)
    }

    /// Starts `duban` without waiting for it to draw. When it ends, the
    /// window shows `EXITED:<status>` and stays open.
    pub fn launch(name: &str, home: &Path, w: u16, h: u16, args: &str) -> Option<Tmux> {
        Tmux::launch_on(name, home, w, h, "2023-06-30", args)
    }

    /// As [`Tmux::launch`], with `--today TODAY`; the per-user config
    /// (`duban config`) is kept in `home/config`. Unless the test wrote
    /// one, that config says the reporter question was skipped, so the
    /// dashboard opens on its tabs (see [`Tmux::launch_asking`]).
    pub fn launch_on(
        name: &str,
        home: &Path,
        w: u16,
        h: u16,
        today: &str,
        args: &str,
    ) -> Option<Tmux> {
        let user = home.join("config").join(duban::user::USER_FILE);
        if !user.exists() {
            std::fs::create_dir_all(home.join("config")).expect("the config dir");
            std::fs::write(&user, "(skipped: true)\n").expect("the per-user config");
        }
        Tmux::launch_asking(name, home, w, h, today, args)
    }

    /// As [`Tmux::launch_on`], with the per-user config as the test left
    /// it: with none, the dashboard asks who reports. Load caches go to
    /// `home/cache`, never to the user's own cache directory.
    pub fn launch_asking(
        name: &str,
        home: &Path,
        w: u16,
        h: u16,
        today: &str,
        args: &str,
    ) -> Option<Tmux> {
        let cmd = format!(
            "DUBAN_DATA_HOME='{0}' DUBAN_CONFIG_HOME='{0}/config' DUBAN_CACHE_DIR='{0}/cache' {BIN} --today {today} {args}; echo EXITED:$?; exec sleep 600",
            home.display()
        );
        Tmux::shell(name, w, h, &cmd)
    }

    /// Runs the shell command `cmd` in a `w`x`h` window, without waiting.
    pub fn shell(name: &str, w: u16, h: u16, cmd: &str) -> Option<Tmux> {
        let tmux = Tmux {
            program: external::program(&["tmux"])?,
            // A fresh socket each time: a server just killed may still
            // hold the old one.
            socket: format!(
                "duban-{name}-{}-{}",
                std::process::id(),
                SERVERS.fetch_add(1, Ordering::Relaxed)
            ),
            _home: None,
        };
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
            "sh",
            "-c",
            cmd,
        ]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(tmux)
    }

    /// A tmux command on this session's server.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(&self.program)
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env("LANG", "C.UTF-8")
            .env("LC_ALL", "C.UTF-8")
            .output()
            .expect("tmux is installed")
    }

    /// The screen as it is now.
    pub fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// A pane format variable, e.g. `alternate_on` or `cursor_x`.
    pub fn flag(&self, name: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "t", &format!("#{{{name}}}")]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The terminal cursor: (column, row).
    pub fn cursor(&self) -> (u16, u16) {
        let num = |name| self.flag(name).parse().unwrap_or(u16::MAX);
        (num("cursor_x"), num("cursor_y"))
    }

    /// Keys by tmux name (`Enter`, `C-s`, `j`), one after another.
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "t", k]);
        }
    }

    /// Types text literally, as an input method hands it over.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }

    /// Pastes `text` as a terminal does: bracketed when the program asked
    /// for bracketed paste, else as typed keys.
    #[allow(dead_code)] // not every tmux test binary pastes
    pub fn paste(&self, text: &str) {
        self.run(&["set-buffer", "-b", "duban", "--", text]);
        self.run(&["paste-buffer", "-p", "-d", "-b", "duban", "-t", "t"]);
    }

    /// Waits (at most [`WAIT`]) until the screen shows `text`; returns it.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(|s| s.contains(text), text)
    }

    /// Waits (at most [`WAIT`]) until the screen satisfies `ok` and has
    /// stopped changing (a capture can catch a frame half drawn).
    pub fn wait_until(&self, ok: impl Fn(&str) -> bool, what: &str) -> String {
        self.wait_within(WAIT, ok, what)
    }

    /// As [`Tmux::wait_until`], waiting at most `limit`.
    pub fn wait_within(&self, limit: Duration, ok: impl Fn(&str) -> bool, what: &str) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let screen = self.capture();
            if ok(&screen) && screen == last {
                return screen;
            }
            last = screen;
            assert!(
                start.elapsed() < limit,
                "waited for {what:?}; screen:\n{last}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// The pid of the duban process (the child of the pane's shell);
    /// `None` (after a skip notice) without `pgrep`.
    pub fn duban_pid(&self) -> Option<String> {
        let shell = self.flag("pane_pid");
        let out = Command::new(external::program(&["pgrep"])?)
            .args(["-P", &shell])
            .output()
            .expect("pgrep");
        let pid = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string();
        Some(pid)
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}
