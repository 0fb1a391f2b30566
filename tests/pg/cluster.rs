#![cfg(unix)] // started through unix tools (runuser, pg_ctl, sh); see the module above
//! A throwaway PostgreSQL cluster: `initdb` in a temporary directory, the
//! server on a free local port with its socket in that directory, run as
//! the `postgres` user when we are root (initdb refuses root).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// pg_hba.conf of the test clusters: trust, except members of the
/// password group over TCP.
pub const HBA: &str = "local all all trust
host all +duban_pw 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
";

/// A running cluster of this process. Dropping it stops the server and
/// removes its directory.
pub struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
    as_postgres: bool,
    watchdog: Option<std::process::Child>,
}

/// The directory of PostgreSQL's server programs: `initdb` on the PATH
/// (its real location), else the newest `/usr/lib/postgresql/*/bin`.
pub fn bin_dir() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    if let Some(initdb) = crate::external::find_in(&path, "initdb")
        && let Ok(real) = std::fs::canonicalize(&initdb)
        && let Some(dir) = real.parent()
        && dir.join("pg_ctl").exists()
    {
        return Some(dir.to_path_buf());
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin)
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

impl Cluster {
    /// Makes and starts a cluster, or reports PostgreSQL missing (a loud
    /// skip) and gives `None`.
    pub fn start() -> Option<Cluster> {
        let Some(bin) = bin_dir() else {
            crate::external::missing(
                "PostgreSQL's initdb (not on PATH nor in /usr/lib/postgresql/*/bin)",
            );
            return None;
        };
        let dir = tempfile::Builder::new()
            .prefix("duban-pg-")
            .tempdir()
            .expect("a temporary directory")
            .keep();
        let as_postgres = is_root();
        let mut cluster = Cluster {
            bin,
            dir,
            port: free_port(),
            as_postgres,
            watchdog: None,
        };
        if as_postgres {
            let status = Command::new("chown")
                .args(["-R", "postgres:", &cluster.dir.display().to_string()])
                .status()
                .expect("run chown");
            assert!(
                status.success(),
                "chown the cluster's directory to postgres"
            );
        }
        cluster.watch();
        cluster.run(
            "initdb",
            &[
                "-D",
                &cluster.data().display().to_string(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
        );
        std::fs::write(cluster.data().join("pg_hba.conf"), HBA).expect("write pg_hba.conf");
        cluster.start_server();
        Some(cluster)
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// `postgres://postgres@127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// A fresh database on this cluster.
    pub fn database(&self) -> super::Db {
        super::create_database(&self.base())
    }

    fn command(&self, program: &str) -> Command {
        let exe = self.bin.join(program);
        if self.as_postgres {
            let mut cmd = Command::new("runuser");
            cmd.args(["-u", "postgres", "--"]).arg(exe);
            cmd
        } else {
            Command::new(exe)
        }
    }

    fn run(&self, program: &str, args: &[&str]) {
        let out = self
            .command(program)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("run {program}: {e}"));
        assert!(
            out.status.success(),
            "{program} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn start_server(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off -c max_connections=100",
            self.port,
            self.dir.display()
        );
        let data = self.data().display().to_string();
        let log = self.dir.join("log").display().to_string();
        self.run(
            "pg_ctl",
            &[
                "-D", &data, "-l", &log, "-o", &options, "-w", "-t", "60", "start",
            ],
        );
    }

    /// Stops the server (fast: connections are cut).
    pub fn stop(&self) {
        let data = self.data().display().to_string();
        self.run("pg_ctl", &["-D", &data, "-m", "fast", "-w", "stop"]);
    }

    /// Starts the stopped server again on the same port.
    pub fn restart(&self) {
        self.start_server();
    }

    /// A process that stops the server and removes the directory once
    /// this test binary is gone, however it ends.
    fn watch(&mut self) {
        let stop = format!(
            "{} '{}' -D '{}' -m immediate stop",
            if self.as_postgres {
                "runuser -u postgres --"
            } else {
                ""
            },
            self.bin.join("pg_ctl").display(),
            self.data().display()
        );
        let script = format!(
            "while kill -0 {parent} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf '{dir}'",
            parent = std::process::id(),
            dir = self.dir.display()
        );
        self.watchdog = Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok();
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data().display().to_string();
        let _ = self
            .command("pg_ctl")
            .args(["-D", &data, "-m", "immediate", "-w", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
        if let Some(mut watchdog) = self.watchdog.take() {
            let _ = watchdog.kill();
            let _ = watchdog.wait();
        }
    }
}
