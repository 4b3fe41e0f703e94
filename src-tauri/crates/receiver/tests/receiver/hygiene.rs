//! Secrets never reach the log, the answers or the database: the binary at TRACE level takes
//! good, refused and replayed pushes, then its log, its answers and every database file are
//! searched for each app secret (raw and base64).

use std::process::{Command, Stdio};
use std::time::Duration;

use maskline_domain::AuthScheme;

use crate::common::*;

fn b64(s: &str) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let b = s.as_bytes();
    let mut out = String::new();
    for c in b.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..=c.len() {
            out.push(T[(n >> (18 - 6 * i)) as usize & 63] as char);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_in_the_log_the_answers_or_the_database() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("maskline.db");
    let port = free_port();
    let cfg = dir.path().join("receiver.toml");
    std::fs::write(
        &cfg,
        config_text(dir.path(), &format!("127.0.0.1:{port}"), &db),
    )
    .expect("config");
    let log = dir.path().join("receiver.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_maskline-receiver"))
        .args(["run", "--config"])
        .arg(&cfg)
        .env("RUST_LOG", "trace")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log file"))
        .spawn()
        .expect("runs");
    let base = format!("http://127.0.0.1:{port}");
    let mut up = false;
    for _ in 0..300 {
        if http().get(format!("{base}/healthz")).send().await.is_ok() {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let body = r#"{"eventType":"fee","feeLst":[{"direction":1,"spId":"sp","appKey":"demo-axe-key","icid":"hy-1","bindNum":"+8617000000001","sessionId":"hy-s1","callerNum":"+8613800000001","calleeNum":"+8617000000001","fwdDstNum":"+8613900000002","callInTime":"2026-12-07 10:00:00","callEndTime":"2026-12-07 10:01:00"}]}"#;
    let mut answers = String::new();
    let now = maskline_api::sign::format_created(time::OffsetDateTime::now_utc());
    let stale = maskline_api::sign::format_created(
        time::OffsetDateTime::now_utc() - time::Duration::hours(1),
    );
    for (app, scheme, nonce, created) in [
        (AXE, AuthScheme::Aksk, "H1", now.as_str()),
        (AXE, AuthScheme::Aksk, "H1", now.as_str()),
        ((AXE.0, "wrong"), AuthScheme::Aksk, "H2", now.as_str()),
        (AXB, AuthScheme::Aksk, "H3", now.as_str()),
        (AX, AuthScheme::Wsse, "H4", stale.as_str()),
    ] {
        let h = maskline_api::sign::sign(scheme, app.0, app.1, nonce, created);
        if let Ok(r) = http()
            .post(format!("{base}/maskline/cdr"))
            .header("Authorization", h.authorization)
            .header(h.token_name, h.token_value)
            .body(body)
            .send()
            .await
        {
            answers.push_str(&r.text().await.unwrap_or_default());
        }
    }
    if let Ok(r) = http().get(format!("{base}/status")).send().await {
        answers.push_str(&r.text().await.unwrap_or_default());
    }
    until(10, "the push to be parsed", || {
        db.exists() && count(&db, "SELECT count(*) FROM calls") == 1
    })
    .await;
    // The counters reach the log every status_log_secs (1 s here).
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let _ = child.kill();
    let _ = child.wait();
    assert!(up, "receiver came up");
    assert!(
        answers.contains("bad_digest") && answers.contains("stale_created"),
        "{answers}"
    );

    let mut places: Vec<(String, Vec<u8>)> = vec![
        ("log".into(), std::fs::read(&log).expect("log")),
        ("answers".into(), answers.into_bytes()),
    ];
    for e in std::fs::read_dir(dir.path()).expect("dir").flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with("maskline.db") {
            places.push((name, std::fs::read(e.path()).expect("db file")));
        }
    }
    assert!(places.len() >= 3, "the log, the answers and the database");
    let log_text = String::from_utf8_lossy(&places[0].1).to_string();
    assert!(
        log_text.contains("refused"),
        "the log says what was refused: {log_text}"
    );
    assert!(
        log_text.contains("received 5 · stored 1 · duplicate 0 · refused 4 · rejected 0"),
        "the counters are in the log: {log_text}"
    );
    for (_, secret) in ALL {
        for needle in [secret.to_string(), b64(secret)] {
            for (place, bytes) in &places {
                assert!(
                    !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                    "{needle:?} found in {place}"
                );
            }
        }
    }
}
