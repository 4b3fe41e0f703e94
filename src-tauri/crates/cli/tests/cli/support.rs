//! Runs the real `maskline` binary against a simulator started in this process, with a
//! temp database and a keyring namespace of its own (`MASKLINE_KEYRING_SERVICE`).

#![allow(dead_code)]

use std::cell::RefCell;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use maskline_sim::{SimConfig, SimHandle, Simulator};
use serde_json::Value;

/// False (with a note) unless `scripts/test.sh` provided an unlocked keyring.
pub fn keyring_available(test: &str) -> bool {
    if std::env::var_os("MASKLINE_TEST_KEYRING").is_some() {
        return true;
    }
    eprintln!("{test}: skipped: needs a keyring (run scripts/test.sh)");
    false
}

pub fn maskline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_maskline"))
}

pub struct Cli {
    pub sim: SimHandle,
    // Serves the simulator while the test thread runs the binary.
    _rt: tokio::runtime::Runtime,
    _dir: tempfile::TempDir,
    db: PathBuf,
    service: String,
    accounts: RefCell<Vec<String>>,
}

impl Cli {
    pub fn start(test: &str) -> Self {
        Self::start_with(test, SimConfig::default())
    }

    /// Like [`Cli::start`] with a simulator configured by `config`.
    pub fn start_with(test: &str, config: SimConfig) -> Self {
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        let sim = rt
            .block_on(Simulator::start(config))
            .expect("start the simulator");
        let dir = tempfile::tempdir().expect("tempdir");
        Cli {
            sim,
            _rt: rt,
            db: dir.path().join("maskline.db"),
            _dir: dir,
            service: format!("maskline-test-{}-{test}", std::process::id()),
            accounts: RefCell::new(Vec::new()),
        }
    }

    /// The database file.
    pub fn db(&self) -> &std::path::Path {
        &self.db
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = maskline();
        c.arg("--db")
            .arg(&self.db)
            .args(args)
            .env("MASKLINE_KEYRING_SERVICE", &self.service);
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run maskline")
    }

    /// Runs and parses stdout as JSON, failing the test on a non-zero exit.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "maskline {args:?} failed: {}",
            show(&out)
        );
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("maskline {args:?} printed no JSON ({e}): {}", show(&out)))
    }

    /// Adds the simulator's demo app of `mode` (e.g. "axb") as account `mode`, secret on stdin.
    pub fn add_account(&self, mode: &str) {
        let key = format!("demo-{mode}-key");
        let base = self.sim.base_url();
        let mut child = self
            .command(&[
                "account",
                "add",
                mode,
                "--mode",
                mode,
                "--base-url",
                &base,
                "--app-key",
                &key,
                "--secret-stdin",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let secret = format!("demo-{mode}-secret\n");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(secret.as_bytes()).expect("write secret");
        drop(stdin);
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "account add failed: {}", show(&out));
        self.accounts.borrow_mut().push(mode.to_string());
    }

    /// The `i`-th X number of a demo app, as E.164 text.
    pub fn x(&self, mode: &str, i: usize) -> String {
        let key = format!("demo-{mode}-key");
        let app = self.sim.apps().into_iter().find(|a| a.key == key);
        app.expect("demo app").numbers[i].number.clone()
    }
}

impl Drop for Cli {
    fn drop(&mut self) {
        // Leave nothing in the keyring.
        for name in self.accounts.borrow().iter() {
            let _ = self.run(&["account", "remove", name]);
        }
    }
}

pub fn show(out: &Output) -> String {
    format!(
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
