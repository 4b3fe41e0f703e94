//! Runs the real `maskline` binary from the cross-crate tests: finds (and, once per test
//! binary, builds) it, gives each test a data dir and a keyring namespace of its own, and
//! opens the database the way a second process would (plain SQLite, no migrations, no
//! backups) to watch progress and check what survived.
//!
//! The binary is not a dependency of this crate (a package cannot depend on another's binary
//! on stable Cargo), so it is built with `cargo build -p maskline-cli` into the same target
//! dir: a no-op when `cargo test --workspace` has just built it.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// False (with a note) unless `scripts/test.sh` provided an unlocked keyring.
pub fn keyring_available(test: &str) -> bool {
    if std::env::var_os("MASKLINE_TEST_KEYRING").is_some() {
        return true;
    }
    eprintln!("{test}: skipped: needs a keyring (run scripts/test.sh)");
    false
}

/// `target/<profile>`: this test executable lives in its `deps/`.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows its own path");
    exe.parent()
        .and_then(Path::parent)
        .expect("test executables live in target/<profile>/deps")
        .to_path_buf()
}

/// The path of the `maskline` binary, built (once per test process) from the current sources.
pub fn maskline_bin() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let dir = profile_dir();
            let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
            let mut build = Command::new(cargo);
            build.args(["build", "-q", "-p", "maskline-cli", "--bin", "maskline"]);
            if dir.file_name().is_some_and(|n| n == "release") {
                build.arg("--release");
            }
            if let Some(target) = dir.parent() {
                build.arg("--target-dir").arg(target);
            }
            let status = build.status().expect("cargo runs");
            assert!(
                status.success(),
                "building the maskline CLI failed; the crash tests run the real binary"
            );
            let bin = dir.join(format!("maskline{}", std::env::consts::EXE_SUFFIX));
            assert!(bin.exists(), "cargo build put the CLI at {}", bin.display());
            bin
        })
        .clone()
}

pub fn show(out: &Output) -> String {
    format!(
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// One user of the CLI: a data dir with the database, and a keyring namespace.
pub struct CliHome {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    service: String,
    accounts: std::cell::RefCell<Vec<String>>,
    extra_env: Vec<(String, String)>,
}

impl CliHome {
    pub fn new(test: &str) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("maskline.db");
        CliHome {
            db,
            dir,
            service: format!("maskline-test-{}-{test}", std::process::id()),
            accounts: Default::default(),
            extra_env: Vec::new(),
        }
    }

    /// Adds an environment variable to every command (e.g. log settings).
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.extra_env.push((key.into(), value.into()));
        self
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(maskline_bin());
        c.arg("--db")
            .arg(&self.db)
            .args(args)
            .env("MASKLINE_KEYRING_SERVICE", &self.service)
            .current_dir(self.dir.path());
        for (k, v) in &self.extra_env {
            c.env(k, v);
        }
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run maskline")
    }

    /// Runs, fails the test on a non-zero exit, and parses stdout as JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "maskline {args:?} failed: {}",
            show(&out)
        );
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("maskline {args:?} printed no JSON ({e}): {}", show(&out)))
    }

    /// Starts the CLI in the background with stdout and stderr sent to files in the data dir.
    pub fn spawn(&self, args: &[&str], log_name: &str) -> Child {
        let out = std::fs::File::create(self.dir.path().join(format!("{log_name}.stdout")))
            .expect("stdout file");
        let err = std::fs::File::create(self.dir.path().join(format!("{log_name}.stderr")))
            .expect("stderr file");
        self.command(args)
            .stdout(out)
            .stderr(err)
            .spawn()
            .expect("spawn maskline")
    }

    /// `account add NAME --secret-stdin`, the secret written to the child's standard input.
    pub fn add_account(&self, name: &str, args: &[&str], secret: &str) -> Output {
        let mut full = vec!["account", "add", name];
        full.extend_from_slice(args);
        full.push("--secret-stdin");
        let mut child = self
            .command(&full)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(format!("{secret}\n").as_bytes())
            .expect("write the secret");
        drop(stdin);
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "account add failed: {}", show(&out));
        self.accounts.borrow_mut().push(name.to_string());
        out
    }

    /// A plain SQLite connection to the database, as another process would open it.
    pub fn sqlite(&self) -> rusqlite::Connection {
        let c = rusqlite::Connection::open(&self.db).expect("open the database");
        c.busy_timeout(Duration::from_secs(10))
            .expect("busy timeout");
        c
    }
}

impl Drop for CliHome {
    fn drop(&mut self) {
        // Leave nothing in the keyring.
        for name in self.accounts.borrow().iter() {
            let _ = self.run(&["account", "remove", name]);
        }
    }
}

/// `PRAGMA integrity_check` of a database no other connection has open (the first opener
/// replays the WAL, as after a crash).
pub fn integrity(db: &Path) -> String {
    let c = rusqlite::Connection::open(db).expect("open the database after the kill");
    let rows: Vec<String> = c
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<_, _>>()
        })
        .expect("integrity_check runs");
    rows.join("; ")
}

pub fn count(c: &rusqlite::Connection, sql: &str) -> i64 {
    c.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Polls `probe` until it returns `Some`, or panics naming `what` if the child exits first
/// or nothing happens for a generous while (a hang guard, not a timing assertion).
pub fn wait_for<T>(child: &mut Child, what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    let guard = Instant::now();
    loop {
        if let Some(v) = probe() {
            return v;
        }
        if let Some(status) = child.try_wait().expect("child status") {
            panic!(
                "the CLI exited ({status}) before {what}: the workload must outlast the kill point"
            );
        }
        assert!(
            guard.elapsed() < Duration::from_secs(300),
            "no progress towards {what} for 5 minutes: the CLI seems stuck"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// SIGKILL (no chance to clean up) and reap.
pub fn kill9(child: &mut Child) {
    child.kill().expect("SIGKILL the CLI");
    let status = child.wait().expect("reap the CLI");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            status.signal(),
            Some(9),
            "the CLI died of SIGKILL, not of its own accord"
        );
    }
    let _ = status;
}
