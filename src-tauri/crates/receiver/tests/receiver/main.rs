//! The receiver against the simulator pushing for real: real HTTP, real SQLite file.

mod common;
mod hygiene;
mod keyring;
mod kill;
mod tls_check;

use std::path::Path;
use std::time::Duration;

use common::*;
use maskline_domain::AuthScheme;
use maskline_receiver::{Receiver, ReceiverHandle, config};
use serde_json::Value;

async fn start_receiver(dir: &Path) -> ReceiverHandle {
    let db = dir.join("maskline.db");
    let text = config_text(dir, "127.0.0.1:0", &db);
    let cfg_path = dir.join("receiver.toml");
    std::fs::write(&cfg_path, text).expect("config");
    let c = config::load(&cfg_path).expect("config parses");
    assert!(
        maskline_receiver::check(&c).is_empty(),
        "{:?}",
        maskline_receiver::check(&c)
    );
    Receiver::start(c).await.expect("receiver starts")
}

fn base(r: &ReceiverHandle) -> String {
    format!("http://{}", r.addr())
}

/// POSTs `body` to the receiver, signed for `app` with `scheme` and the given nonce/created.
async fn post(
    r: &ReceiverHandle,
    path: &str,
    app: (&str, &str),
    scheme: AuthScheme,
    nonce: &str,
    created: &str,
    body: &str,
) -> reqwest::StatusCode {
    let h = maskline_api::sign::sign(scheme, app.0, app.1, nonce, created);
    http()
        .post(format!("{}{path}", base(r)))
        .header("Authorization", h.authorization)
        .header(h.token_name, h.token_value)
        .header("Content-Type", "application/json;charset=UTF-8")
        .body(body.to_string())
        .send()
        .await
        .expect("receiver answers")
        .status()
}

fn created_at(offset_secs: i64) -> String {
    maskline_api::sign::format_created(
        time::OffsetDateTime::now_utc() + time::Duration::seconds(offset_secs),
    )
}

fn pending(db: &Path) -> u64 {
    count(
        db,
        "SELECT count(*) FROM receiver_inbox WHERE status = 'pending'",
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_modes_events_and_cdrs_are_stored_exactly_once_and_a_repeated_push_is_a_no_op() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("maskline.db");
    let r = start_receiver(dir.path()).await;
    let sim = sim().await;
    bind_all(&sim).await;
    for (key, _) in ALL {
        point(&sim, key, &base(&r), scheme_of(key)).await;
        sim.generate_calls(key, 40, 0)
            .expect("calls on the binding");
    }
    let mut ds = Vec::new();
    for _ in 0..300 {
        ds = deliveries(&sim).await;
        if !ds.is_empty() && ds.iter().all(|d| d["status"] == "delivered") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        ds.iter().all(|d| d["status"] == "delivered"),
        "every push answered 200: {:?}",
        ds.iter().find(|d| d["status"] != "delivered")
    );
    until(30, "the inbox to be parsed", || pending(&db) == 0).await;

    let mut total_cdrs = 0;
    let mut total_events = 0;
    for (key, _) in ALL {
        let (cdrs, events) = sent(&ds, key);
        assert!(
            cdrs >= 40 && events >= 40,
            "{key}: {cdrs} CDRs, {events} events"
        );
        let stored = count(
            &db,
            &format!("SELECT count(*) FROM calls WHERE app_key = '{key}'"),
        );
        assert_eq!(
            stored, cdrs,
            "{key}: every CDR the simulator sent is one call"
        );
        total_cdrs += cdrs;
        total_events += events;
    }
    assert_eq!(count(&db, "SELECT count(*) FROM calls"), total_cdrs);
    assert_eq!(count(&db, "SELECT count(*) FROM call_events"), total_events);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM receiver_inbox WHERE status = 'parsed'"
        ),
        ds.len() as u64
    );
    // The same import history as file imports: every call points at a finished import row.
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM calls c JOIN imports i ON i.id = c.import_id
             WHERE i.status = 'done' AND i.path LIKE 'maskline-receiver:%'"
        ),
        total_cdrs
    );
    let c = r.counters();
    assert_eq!(c.received, ds.len() as u64);
    assert_eq!(c.refused, 0);
    assert_eq!(c.records_new, total_cdrs + total_events);

    // The platform retrying a push it already delivered (a lost 200): a no-op.
    let fee = ds.iter().find(|d| d["kind"] == "fee").expect("a CDR push");
    let body = fee["body"].as_str().expect("body");
    let key = fee["appKey"].as_str().expect("key");
    let secret = ALL.iter().find(|a| a.0 == key).expect("app").1;
    let scheme = if scheme_of(key) == "wsse" {
        AuthScheme::Wsse
    } else {
        AuthScheme::Aksk
    };
    let st = post(
        &r,
        "/maskline/cdr",
        (key, secret),
        scheme,
        "AGAIN0001",
        &created_at(0),
        body,
    )
    .await;
    assert_eq!(st, 200);
    until(10, "the repeat to be parsed", || pending(&db) == 0).await;
    assert_eq!(count(&db, "SELECT count(*) FROM calls"), total_cdrs);
    assert_eq!(count(&db, "SELECT count(*) FROM call_events"), total_events);
    let c = r.counters();
    assert_eq!(c.duplicate, 1, "{c:?}");
    assert_eq!(c.records_new, total_cdrs + total_events, "{c:?}");
    let status = r.status().await;
    assert_eq!(status["counters"]["duplicate"], 1);
    r.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_signatures_stale_created_and_replayed_nonces_are_refused_counted_and_not_stored() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("maskline.db");
    let r = start_receiver(dir.path()).await;
    let body = r#"{"eventType":"callin","statusInfo":{"sessionId":"s-1","timestamp":"2026-12-07 10:00:00","caller":"+8613800000001","called":"+8617000000001"}}"#;
    let ev = "/maskline/events";
    // Wrong secret.
    let st = post(
        &r,
        ev,
        (AXB.0, "not-the-secret"),
        AuthScheme::Wsse,
        "N1",
        &created_at(0),
        body,
    )
    .await;
    assert_eq!(st, 401);
    // Created outside the window, both ways.
    let st = post(
        &r,
        ev,
        AXB,
        AuthScheme::Wsse,
        "N2",
        &created_at(-301 - 5),
        body,
    )
    .await;
    assert_eq!(st, 401);
    let st = post(&r, ev, AXB, AuthScheme::Wsse, "N3", &created_at(400), body).await;
    assert_eq!(st, 401);
    // Unknown app, and an app configured for WSSE signing with AKSK.
    let st = post(
        &r,
        ev,
        ("someone-else", "x"),
        AuthScheme::Wsse,
        "N4",
        &created_at(0),
        body,
    )
    .await;
    assert_eq!(st, 401);
    let st = post(&r, ev, AXB, AuthScheme::Aksk, "N5", &created_at(0), body).await;
    assert_eq!(st, 401);
    // No signature at all.
    let st = http()
        .post(format!("{}{ev}", base(&r)))
        .body(body)
        .send()
        .await
        .expect("answer")
        .status();
    assert_eq!(st, 401);
    // A good push once, then the very same headers again: replayed.
    let created = created_at(0);
    let st = post(&r, ev, AXB, AuthScheme::Wsse, "N6", &created, body).await;
    assert_eq!(st, 200);
    let st = post(&r, ev, AXB, AuthScheme::Wsse, "N6", &created, body).await;
    assert_eq!(st, 401);
    // AKSK apps verify with AKSK.
    let st = post(&r, ev, AXE, AuthScheme::Aksk, "N7", &created_at(0), body).await;
    assert_eq!(st, 200);

    let c = r.counters();
    assert_eq!(c.refused, 7, "{c:?}");
    assert_eq!(c.received, 9, "{c:?}");
    let codes: Vec<&str> = r.last_refusals().iter().map(|e| e.code).collect();
    assert_eq!(
        codes,
        [
            "bad_digest",
            "stale_created",
            "stale_created",
            "unknown_app",
            "wrong_scheme",
            "no_authorization",
            "replayed_nonce"
        ]
    );
    assert!(r.last_refusals().iter().all(|e| !e.reason_zh.is_empty()));
    until(10, "the good pushes to be parsed", || pending(&db) == 0).await;
    assert_eq!(
        count(&db, "SELECT count(*) FROM receiver_inbox"),
        2,
        "only the two verified pushes are stored"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM call_events"), 1);
    let status = r.status().await;
    assert_eq!(status["counters"]["refused"], 7);
    assert_eq!(status["lastRefusals"].as_array().map(Vec::len), Some(7));
    r.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_and_truncated_bodies_are_kept_as_rejected_with_their_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("maskline.db");
    let r = start_receiver(dir.path()).await;
    let garbage = "this is not JSON";
    let truncated = r#"{"eventType":"fee","feeLst":[{"direction":1,"spId":"sp","appKey":"demo-axb-key","icid":"ic-1","bindNum":"+86170"#;
    let no_record = r#"{"hello":"world"}"#;
    for (i, b) in [garbage, truncated, no_record].iter().enumerate() {
        let st = post(
            &r,
            "/maskline/cdr",
            AXB,
            AuthScheme::Wsse,
            &format!("M{i}"),
            &created_at(0),
            b,
        )
        .await;
        assert_eq!(st, 200, "stored, so the platform does not retry it");
    }
    until(10, "the bodies to be parsed", || pending(&db) == 0).await;
    let conn = rusqlite_open(&db);
    let rows = maskline_store::inbox::recent(&conn, 10).expect("rows");
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert_eq!(
            row.status,
            maskline_store::inbox::InboxStatus::Rejected,
            "{row:?}"
        );
        assert!(
            row.reason.as_deref().is_some_and(|s| !s.is_empty()),
            "{row:?}"
        );
    }
    let bodies: Vec<Vec<u8>> = rows.iter().rev().map(|r| r.body.clone()).collect();
    assert_eq!(
        bodies,
        [garbage, truncated, no_record].map(|s| s.as_bytes().to_vec()),
        "kept byte for byte"
    );
    let truncated_reason = rows[1].reason.clone().unwrap_or_default();
    assert!(truncated_reason.contains("truncated"), "{truncated_reason}");
    assert_eq!(count(&db, "SELECT count(*) FROM calls"), 0);
    assert_eq!(r.counters().rejected, 3);
    // The import history shows them too.
    assert_eq!(
        count(&db, "SELECT coalesce(sum(rejected), 0) FROM imports"),
        3
    );
    assert!(count(&db, "SELECT count(*) FROM import_issues") >= 3);
    let _: Value = r.status().await;
    r.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pushes_left_pending_by_a_crash_are_parsed_at_start() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("maskline.db");
    {
        // What a crash between storing and parsing leaves behind.
        let conn = rusqlite_open(&db);
        let body = r#"{"eventType":"answer","statusInfo":{"sessionId":"s-9","timestamp":"2026-12-07 10:00:05","caller":"+8613800000001","called":"+8617000000001"}}"#;
        maskline_store::inbox::insert(
            &conn,
            AXB.0,
            maskline_store::inbox::PushKind::Event,
            body.as_bytes(),
            1,
        )
        .expect("insert");
    }
    let r = start_receiver(dir.path()).await;
    until(10, "the pending push to be parsed", || pending(&db) == 0).await;
    assert_eq!(count(&db, "SELECT count(*) FROM call_events"), 1);
    r.shutdown().await;
}

#[tokio::test]
async fn plain_http_off_loopback_is_refused_at_start() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("maskline.db");
    let text = config_text(dir.path(), "0.0.0.0:0", &db);
    let c: config::Config = toml::from_str(&text).expect("toml");
    let e = Receiver::start(c).await.err().expect("refused");
    assert!(e.to_string().contains("plain HTTP"), "{e}");
    assert!(e.to_string().contains("明文"), "{e}");
}
