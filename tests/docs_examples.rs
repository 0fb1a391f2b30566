//! Every `duban` command shown in README.md and docs/**/*.md runs, verbatim,
//! on the bundled dataset (see `tests/docs` for which lines count and the
//! `# exit N` convention).
//!
//! Each page gets a sandbox: a working directory holding copies of
//! `assets/source/` and `data/`, its own `DUBAN_DATA_HOME`, and a `duban` on
//! the PATH that runs the built binary and records its exit status. A
//! command runs in `sh` as a reader would paste it (redirections, pipes and
//! quotes included) with the real date; its page's commands run in order,
//! so a `progress log` sees the `progress set` above it. A command that
//! opens the dashboard runs in tmux and is quit with `q`.
#![cfg(unix)] // the examples are shell lines

mod docs;
mod tmux;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use docs::Example;
use tmux::{Tmux, external};

struct Sandbox {
    _dir: tempfile::TempDir,
    bin: PathBuf,
    work: PathBuf,
    home: PathBuf,
    statuses: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (bin, work, home) = (
            dir.path().join("bin"),
            dir.path().join("work"),
            dir.path().join("home"),
        );
        for d in [&bin, &work, &home] {
            std::fs::create_dir(d).expect("mkdir");
        }
        let statuses = dir.path().join("statuses");
        let wrapper = bin.join("duban");
        std::fs::write(
            &wrapper,
            format!(
                "#!/bin/sh\n'{}' \"$@\"\nstatus=$?\necho $status >> '{}'\nexit $status\n",
                env!("CARGO_BIN_EXE_duban"),
                statuses.display()
            ),
        )
        .expect("write the wrapper");
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        copy_dir(
            &docs::root().join("assets/source"),
            &work.join("assets/source"),
        );
        copy_dir(&docs::root().join("data"), &work.join("data"));
        Sandbox {
            _dir: dir,
            bin,
            work,
            home,
            statuses,
        }
    }

    /// PATH with the wrapper first.
    fn path(&self) -> std::ffi::OsString {
        let rest = std::env::var_os("PATH").unwrap_or_default();
        let mut dirs = vec![self.bin.clone()];
        dirs.extend(std::env::split_paths(&rest));
        std::env::join_paths(dirs).expect("a PATH")
    }

    /// Runs one example; `Err` says what went wrong. `Ok(false)` when it
    /// was skipped because a program it needs is missing.
    fn run(&self, example: &Example) -> Result<bool, String> {
        let _ = std::fs::remove_file(&self.statuses);
        for program in other_programs(&example.command) {
            if external::program(&[&program]).is_none() {
                return Ok(false);
            }
        }
        let (shell_ok, output) = if opens_dashboard(&example.command) {
            match self.in_tmux(example)? {
                Some(screen) => (true, screen),
                None => return Ok(false),
            }
        } else {
            let out = Command::new("sh")
                .args(["-c", &example.command])
                .current_dir(&self.work)
                .env("PATH", self.path())
                .env("DUBAN_DATA_HOME", &self.home)
                .env("DUBAN_CONFIG_HOME", self.home.join("config"))
                .env("DUBAN_CACHE_DIR", self.home.join("cache"))
                .stdin(Stdio::null())
                .output()
                .map_err(|e| format!("sh: {e}"))?;
            let text = format!(
                "{}{}",
                tail(&String::from_utf8_lossy(&out.stdout)),
                tail(&String::from_utf8_lossy(&out.stderr))
            );
            (out.status.success() || example.exit != 0, text)
        };
        let statuses: Vec<i32> = std::fs::read_to_string(&self.statuses)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.trim().parse().ok())
            .collect();
        if statuses.is_empty() {
            return Err(format!("duban never ran\n{output}"));
        }
        if statuses.iter().any(|&s| s != example.exit) || !shell_ok {
            return Err(format!(
                "exit {statuses:?}, expected {}\n{output}",
                example.exit
            ));
        }
        Ok(true)
    }

    /// The dashboard in a 120x36 tmux window until it draws, then `q`.
    /// `None` without tmux.
    fn in_tmux(&self, example: &Example) -> Result<Option<String>, String> {
        // The reporter question (asked once when no unit is configured)
        // counts as answered, so the dashboard opens on its tabs.
        let user = self.home.join("config").join(duban::user::USER_FILE);
        if !user.exists() {
            std::fs::create_dir_all(self.home.join("config")).map_err(|e| e.to_string())?;
            std::fs::write(&user, "(skipped: true)\n").map_err(|e| e.to_string())?;
        }
        let script = format!(
            "cd '{}' && PATH='{}' DUBAN_DATA_HOME='{}' DUBAN_CONFIG_HOME='{2}/config' DUBAN_CACHE_DIR='{2}/cache' && export PATH DUBAN_DATA_HOME DUBAN_CONFIG_HOME DUBAN_CACHE_DIR && {}; \
             echo EXITED:$?; exec sleep 600",
            self.work.display(),
            self.path().to_string_lossy(),
            self.home.display(),
            example.command
        );
        let Some(t) = Tmux::shell(&format!("docs-{}", example.line), 120, 36, &script) else {
            return Ok(None);
        };
        let drawn = t.wait_until(
            |s| s.contains("EXITED:") || (s.contains('┌') && s.contains('┘')),
            "the dashboard drawn",
        );
        if !drawn.contains("EXITED:") {
            t.keys(&["q"]);
        }
        Ok(Some(t.wait_for("EXITED:")))
    }
}

/// The last part of a command's output, enough to see what went wrong.
fn tail(text: &str) -> String {
    let start = text.char_indices().rev().nth(1500).map_or(0, |(i, _)| i);
    text[start..].to_string()
}

/// Whether `command` is `duban` with global options only, which opens the
/// dashboard.
fn opens_dashboard(command: &str) -> bool {
    let mut words = command.split_whitespace().skip(1);
    while let Some(word) = words.next() {
        match word {
            "--data" | "--lang" | "--today" | "--store" => {
                words.next();
            }
            "--no-mouse" => {}
            w if w.starts_with("--data=") || w.starts_with("--lang=") => {}
            w if w.starts_with("--today=") => {}
            _ => return false,
        }
    }
    true
}

/// Programs besides duban that a command pipes into.
fn other_programs(command: &str) -> Vec<String> {
    let mut programs = Vec::new();
    let mut quote: Option<char> = None;
    let mut segment_start = true;
    let mut word = String::new();
    for c in command.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '|') => segment_start = true,
            (None, '#') => break,
            (None, c) if c.is_whitespace() => {
                if segment_start && !word.is_empty() {
                    programs.push(std::mem::take(&mut word));
                    segment_start = false;
                }
            }
            (None, c) if segment_start => word.push(c),
            (None, _) => {}
        }
    }
    if segment_start && !word.is_empty() {
        programs.push(word);
    }
    programs.retain(|p| p != "duban");
    programs
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

#[test]
fn every_duban_command_in_the_docs_runs() {
    let mut failures = Vec::new();
    let mut ran = 0;
    for page in docs::pages() {
        let text = std::fs::read_to_string(&page).expect("read the page");
        let examples = docs::examples(&text);
        if examples.is_empty() {
            continue;
        }
        let shown = page
            .strip_prefix(docs::root())
            .unwrap_or(&page)
            .to_path_buf();
        let sandbox = Sandbox::new();
        for example in &examples {
            match sandbox.run(example) {
                Ok(true) => ran += 1,
                Ok(false) => {
                    let _ = writeln!(
                        std::io::stderr(),
                        "SKIPPED: {}:{}: {}",
                        shown.display(),
                        example.line,
                        example.command
                    );
                }
                Err(why) => failures.push(format!(
                    "{}:{}: {}\n  {}",
                    shown.display(),
                    example.line,
                    example.command,
                    why.trim_end().replace('\n', "\n  ")
                )),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples failed:\n\n{}",
        failures.len(),
        ran + failures.len(),
        failures.join("\n\n")
    );
    assert!(ran > 10, "only {ran} examples ran");
}

/// `command` as a page's sh block shows it.
fn example(command: &str) -> Example {
    docs::examples(&format!("```sh\n{command}\n```\n"))[0].clone()
}

#[test]
fn a_failing_example_is_reported_and_exit_marks_are_honoured() {
    let sandbox = Sandbox::new();
    assert_eq!(sandbox.run(&example("duban check")), Ok(true));
    let unknown = sandbox.run(&example(
        "duban progress set NOPE --percent 5 --date 2023-06-01",
    ));
    assert!(unknown.is_err(), "{unknown:?}");
    let marked = example("duban progress set NOPE --percent 5 --date 2023-06-01   # exit 1");
    assert_eq!(sandbox.run(&marked), Ok(true));
    // A redirection runs as written, in the working directory.
    assert_eq!(
        sandbox.run(&example("duban export --format csv > out.csv")),
        Ok(true)
    );
    let csv = std::fs::read_to_string(sandbox.work.join("out.csv")).expect("out.csv");
    assert!(csv.contains("K2.16"), "{csv}");
    // The last command of a pipe failing fails the example.
    assert!(sandbox.run(&example("duban where | false")).is_err());
}

#[test]
fn a_dashboard_example_runs_in_tmux_and_quits_with_q() {
    let sandbox = Sandbox::new();
    // Ok(false): no tmux, skipped (or failed above under DUBAN_TEST_REQUIRE_ALL).
    match sandbox.run(&example("duban --no-mouse")) {
        Ok(false) => return,
        drawn => assert_eq!(drawn, Ok(true)),
    }
    let refused = sandbox.run(&example("duban --lang xx"));
    assert!(
        refused.as_ref().is_err_and(|e| e.contains("exit [2]")),
        "{refused:?}"
    );
}

#[test]
fn only_global_options_open_the_dashboard() {
    assert!(opens_dashboard("duban"));
    assert!(opens_dashboard("duban --lang en --no-mouse"));
    assert!(!opens_dashboard("duban --lang en check"));
    assert!(!opens_dashboard(
        "duban --today 2023-06-01 progress set K1.1"
    ));
    assert_eq!(
        other_programs("duban export | jq '.tasks[] | .id' | head -3"),
        ["jq", "head"]
    );
    assert!(other_programs("duban search 'a|b'  # x | y").is_empty());
}
