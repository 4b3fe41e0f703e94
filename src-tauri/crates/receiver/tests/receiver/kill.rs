//! The receiver binary killed (SIGKILL) in the middle of a stream of pushes and started again
//! while the simulator retries: nothing lost, nothing doubled.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::common::*;

/// The child process, killed when dropped (also when an assertion fails).
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(cfg: &Path) -> Running {
    Running(
        Command::new(env!("CARGO_BIN_EXE_maskline-receiver"))
            .arg("run")
            .arg("--config")
            .arg(cfg)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("receiver binary starts"),
    )
}

async fn wait_healthy(base: &str) {
    let end = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(r) = http().get(format!("{base}/healthz")).send().await
            && r.status() == 200
        {
            return;
        }
        assert!(std::time::Instant::now() < end, "receiver did not come up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn inbox_rows(db: &Path) -> u64 {
    if !db.exists() {
        return 0;
    }
    count(db, "SELECT count(*) FROM receiver_inbox")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_mid_stream_and_restarted_while_the_platform_retries_loses_and_doubles_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("maskline.db");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let cfg = dir.path().join("receiver.toml");
    std::fs::write(
        &cfg,
        config_text(dir.path(), &format!("127.0.0.1:{port}"), &db),
    )
    .expect("config");

    let mut child = spawn(&cfg);
    wait_healthy(&base).await;
    let sim = sim().await;
    bind_all(&sim).await;
    for (key, _) in ALL {
        point(&sim, key, &base, scheme_of(key)).await;
    }
    for (key, _) in ALL {
        sim.generate_calls(key, 150, 0).expect("calls");
    }
    let total = deliveries(&sim).await.len() as u64;
    // Kill it once a part of the stream is in, the rest still coming.
    until(60, "a part of the stream to arrive", || {
        inbox_rows(&db) >= total / 4
    })
    .await;
    // std's kill() is SIGKILL on Unix: no shutdown code runs.
    child.0.kill().expect("SIGKILL");
    let _ = child.0.wait();
    let at_kill = inbox_rows(&db);
    assert!(
        at_kill < total,
        "killed in the middle: {at_kill} of {total}"
    );
    // The simulator keeps pushing into a closed port: those fail and wait for their retry.
    tokio::time::sleep(Duration::from_millis(500)).await;

    let child = spawn(&cfg);
    wait_healthy(&base).await;
    let mut ds = Vec::new();
    for _ in 0..200 {
        ds = deliveries(&sim).await;
        if ds.iter().all(|d| d["status"] == "delivered") {
            break;
        }
        assert!(
            ds.iter().all(|d| d["status"] != "failed"),
            "the simulator gave up on a push"
        );
        // The platform's retry schedule, on the simulated clock.
        sim.advance(Duration::from_secs(61));
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        ds.iter().all(|d| d["status"] == "delivered"),
        "every push delivered in the end"
    );
    until(60, "the inbox to be parsed", || {
        count(
            &db,
            "SELECT count(*) FROM receiver_inbox WHERE status = 'pending'",
        ) == 0
    })
    .await;
    drop(child);

    let mut cdrs = 0;
    let mut events = 0;
    for (key, _) in ALL {
        let (c, e) = sent(&ds, key);
        cdrs += c;
        events += e;
    }
    assert_eq!(
        count(&db, "SELECT count(*) FROM calls"),
        cdrs,
        "every CDR once"
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM call_events"),
        events,
        "every call event once"
    );
    assert!(
        count(&db, "SELECT count(*) FROM receiver_inbox") >= total,
        "every push stored at least once (a retry of a push whose 200 was lost twice)"
    );
    let retried = ds
        .iter()
        .filter(|d| d["attempts"].as_u64() > Some(1))
        .count();
    assert!(retried > 0, "some pushes were retried after the kill");
    eprintln!(
        "{total} pushes ({cdrs} CDRs, {events} events); killed with {at_kill} stored; {retried} retried; inbox rows at the end: {}",
        count(&db, "SELECT count(*) FROM receiver_inbox")
    );
}
