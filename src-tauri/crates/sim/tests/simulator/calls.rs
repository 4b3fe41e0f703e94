use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use reqwest::Method;
use serde_json::{Value, json};

use crate::common::*;

#[derive(Clone, Default)]
struct Received {
    bodies: Arc<Mutex<Vec<(HeaderMap, String)>>>,
    fail_first: Arc<AtomicU32>,
}

async fn handler(State(r): State<Received>, headers: HeaderMap, body: String) -> StatusCode {
    if r.fail_first.load(Ordering::SeqCst) > 0 {
        r.fail_first.fetch_sub(1, Ordering::SeqCst);
        return StatusCode::INTERNAL_SERVER_ERROR;
    }
    r.bodies.lock().expect("lock").push((headers, body));
    StatusCode::OK
}

/// A callback receiver on 127.0.0.1:0 that fails its first `fail_first` requests.
async fn receiver(fail_first: u32) -> (String, Received) {
    let r = Received::default();
    r.fail_first.store(fail_first, Ordering::SeqCst);
    let app = axum::Router::new()
        .route("/cb", post(handler))
        .with_state(r.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{addr}/cb"), r)
}

/// Verify a callback signed with `scheme` (`Authorization` word and `X-WSSE`/`X-AKSK` token)
/// with this file's own digest code.
pub fn signed_by(headers: &HeaderMap, scheme: Scheme, key: &str, secret: &str) -> bool {
    let (word, name) = match scheme {
        Scheme::Wsse => ("WSSE ", "x-wsse"),
        Scheme::Aksk => ("AKSK ", "x-aksk"),
    };
    let authz = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !authz.starts_with(word) {
        return false;
    }
    let token = headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let attr = |name: &str| {
        let start = token
            .find(&format!("{name}=\""))
            .map(|i| i + name.len() + 2)?;
        let end = token[start..].find('"')? + start;
        Some(token[start..end].to_string())
    };
    let (Some(user), Some(d), Some(n), Some(c)) = (
        attr("Username"),
        attr("PasswordDigest"),
        attr("Nonce"),
        attr("Created"),
    ) else {
        return false;
    };
    user == key && d == digest(scheme, secret, &n, &c)
}

async fn bind_axb(c: &Client, a: &str, b: &str, record: bool, dir: i64) -> String {
    let r = ok(c
        .post(
            AXB_URI,
            json!({"callerNum":a,"calleeNum":b,"recordFlag":record,"callDirection":dir}),
        )
        .await);
    r["subscriptionId"].as_str().unwrap_or_default().to_string()
}

#[tokio::test]
async fn generated_calls_deliver_signed_events_and_batched_cdrs() {
    let sim = start().await;
    let c = Client::new(&sim, AXB, Scheme::Aksk);
    bind_axb(&c, "+8613800000001", "+8613900000002", true, 0).await;
    bind_axb(&c, "+8613800000003", "+8613900000004", false, 1).await;
    let (url, rx) = receiver(0).await;
    admin(
        &sim,
        Method::PUT,
        &format!("/sim/admin/apps/{}/callbacks", AXB.0),
        Some(json!({"callbackUrl":url})),
    )
    .await;

    let r = admin(
        &sim,
        Method::POST,
        "/sim/admin/calls/generate",
        Some(json!({"appKey":AXB.0,"count":60})),
    )
    .await;
    let calls = r["calls"].as_array().cloned().unwrap_or_default();
    assert_eq!(calls.len(), 60, "{r}");
    let outcomes: std::collections::HashSet<&str> =
        calls.iter().filter_map(|c| c["outcome"].as_str()).collect();
    assert!(
        outcomes.contains("answered") && outcomes.len() >= 4,
        "a realistic mix: {outcomes:?}"
    );
    assert!(
        outcomes.contains("directionForbidden"),
        "B→A on a callDirection=1 binding fails with 8016: {outcomes:?}"
    );

    let bodies = eventually(|| {
        let rx = rx.clone();
        async move {
            let got = rx.bodies.lock().expect("lock").clone();
            let fees: usize = got
                .iter()
                .filter_map(|(_, b)| serde_json::from_str::<Value>(b).ok())
                .filter(|v| v["eventType"] == "fee")
                .map(|v| v["feeLst"].as_array().map_or(0, Vec::len))
                .sum();
            (fees == 60).then_some(got)
        }
    })
    .await
    .expect("all 60 CDRs are delivered");

    let mut per_session: HashMap<String, Vec<Value>> = HashMap::new();
    for (headers, body) in &bodies {
        assert!(
            signed_by(headers, Scheme::Wsse, AXB.0, AXB.1),
            "callbacks are WSSE-signed (X-WSSE) with the app's key by default, like the captured platform push: {headers:?}"
        );
        assert!(
            !body.contains(":null"),
            "absent fields are omitted, not null: {body}"
        );
        let v: Value = serde_json::from_str(body).expect("JSON body");
        if v["eventType"] == "fee" {
            let n = v["feeLst"].as_array().map_or(0, Vec::len);
            assert!((1..=50).contains(&n), "feeLst batches hold at most 50");
            for f in v["feeLst"].as_array().into_iter().flatten() {
                assert_eq!(f["serviceType"], "004");
                assert!(f["ulFailReason"].is_i64());
            }
        } else {
            let s = v["statusInfo"]["sessionId"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            per_session.entry(s).or_default().push(v);
        }
    }
    for call in &calls {
        let evs = &per_session[call["sessionId"].as_str().unwrap_or_default()];
        let kinds: Vec<&str> = evs.iter().filter_map(|e| e["eventType"].as_str()).collect();
        let last = &evs[evs.len() - 1]["statusInfo"];
        match call["outcome"].as_str() {
            Some("answered") => {
                assert_eq!(
                    kinds,
                    ["callin", "callout", "alerting", "answer", "disconnect"]
                );
                assert_eq!(last["stateCode"], 0);
            }
            Some("busy") => {
                assert_eq!(kinds, ["callin", "callout", "disconnect"]);
                assert_eq!(last["stateCode"], 8102);
            }
            Some("directionForbidden") => assert_eq!(last["stateCode"], 8016),
            _ => assert_eq!(kinds.last(), Some(&"disconnect")),
        }
    }
}

#[tokio::test]
async fn failed_callbacks_are_retried_on_the_platform_schedule() {
    let sim = start().await;
    let c = Client::new(&sim, AXB, Scheme::Aksk);
    bind_axb(&c, "+8613800000001", "+8613900000002", false, 0).await;
    let (url, rx) = receiver(2).await;
    admin(
        &sim,
        Method::PUT,
        &format!("/sim/admin/apps/{}/callbacks", AXB.0),
        Some(json!({"callbackUrl":url})),
    )
    .await;
    sim.generate_calls(AXB.0, 1, 0)
        .expect("a call on the binding");

    let deliveries = || async {
        let v = admin(&sim, Method::GET, "/sim/admin/deliveries", None).await;
        v["deliveries"].as_array().cloned().unwrap_or_default()
    };
    let first_round = eventually(|| async {
        let d = deliveries().await;
        let settled = d.iter().all(|i| i["attempts"].as_u64() >= Some(1));
        settled.then_some(d)
    })
    .await
    .expect("every notification attempted once");
    let pending: Vec<_> = first_round
        .iter()
        .filter(|i| i["status"] == "pending")
        .collect();
    assert_eq!(
        pending.len(),
        2,
        "the two failed deliveries wait for their retry: {first_round:?}"
    );

    sim.advance(Duration::from_secs(61));
    let done = eventually(|| async {
        let d = deliveries().await;
        d.iter().all(|i| i["status"] == "delivered").then_some(d)
    })
    .await
    .expect("retried one simulated minute later");
    assert_eq!(done.iter().filter(|i| i["attempts"] == 2).count(), 2);
    assert_eq!(rx.bodies.lock().expect("lock").len(), done.len());
}

#[tokio::test]
async fn notifications_can_be_written_to_a_folder() {
    let sim = start().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let c = Client::new(&sim, AX, Scheme::Aksk);
    ok(c.post(
        AX_URI,
        json!({"origNum":"+8613800000001","areaCode":"010","privateNumType":"mobile-virtual"}),
    )
    .await);
    admin(
        &sim,
        Method::PUT,
        &format!("/sim/admin/apps/{}/callbacks", AX.0),
        Some(json!({"deliverDir":dir.path()})),
    )
    .await;
    sim.generate_calls(AX.0, 3, 0).expect("calls");
    let files = eventually(|| async {
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        let has_fee = names
            .iter()
            .any(|p| p.to_string_lossy().ends_with("-fee.json"));
        has_fee.then_some(names)
    })
    .await
    .expect("a CDR file appears");
    for f in files {
        let v: Value =
            serde_json::from_str(&std::fs::read_to_string(&f).expect("read")).expect("JSON file");
        assert!(v["eventType"].is_string());
    }
}

#[tokio::test]
async fn stop_call_ends_an_ongoing_call_once() {
    let sim = start().await;
    let c = Client::new(&sim, AXB, Scheme::Aksk);
    bind_axb(&c, "+8613800000001", "+8613900000002", false, 0).await;
    let calls = sim.generate_calls(AXB.0, 1, 1).expect("an ongoing call");
    assert!(calls[0].ongoing);
    let body = json!({"sessionid":calls[0].session_id,"signal":"call_stop"});
    ok(c.post("/rest/httpsessions/callStop/v2.0", body.clone())
        .await);
    let again = c.post("/rest/httpsessions/callStop/v2.0", body).await;
    assert_eq!(code(&again), "1016001", "the call is already over: {again}");
}

#[tokio::test]
async fn callbacks_are_signed_with_aksk_when_configured() {
    let sim = start().await;
    let c = Client::new(&sim, AXB, Scheme::Aksk);
    bind_axb(&c, "+8613800000001", "+8613900000002", false, 0).await;
    let (url, rx) = receiver(0).await;
    admin(
        &sim,
        Method::PUT,
        &format!("/sim/admin/apps/{}/callbacks", AXB.0),
        Some(json!({"callbackUrl":url,"callbackAuth":"aksk"})),
    )
    .await;
    sim.generate_calls(AXB.0, 1, 0)
        .expect("a call on the binding");
    let got = eventually(|| {
        let rx = rx.clone();
        async move {
            let got = rx.bodies.lock().expect("lock").clone();
            got.iter()
                .any(|(_, b)| b.contains("\"fee\""))
                .then_some(got)
        }
    })
    .await
    .expect("the CDR arrives");
    for (headers, _) in &got {
        assert!(
            signed_by(headers, Scheme::Aksk, AXB.0, AXB.1),
            "AKSK-signed when callbackAuth is aksk: {headers:?}"
        );
        assert!(headers.get("x-wsse").is_none(), "{headers:?}");
    }
}
