use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::common::*;

const BODY: &str = r#"{"callerNum":"+8613800000001","calleeNum":"+8613900000002"}"#;

async fn send(sim: &maskline_sim::SimHandle, headers: &[(&str, String)]) -> (StatusCode, Value) {
    send_body(sim, BODY.to_string(), headers).await
}

async fn send_body(
    sim: &maskline_sim::SimHandle,
    body: String,
    headers: &[(&str, String)],
) -> (StatusCode, Value) {
    let mut req = http()
        .post(format!("{}{AXB_URI}", sim.base_url()))
        .body(body);
    for (k, v) in headers {
        req = req.header(*k, v);
    }
    let resp = req.send().await.expect("request");
    let status = resp.status();
    (status, resp.json().await.expect("JSON body"))
}

/// Flip one character of the digest (keeping it valid Base64).
fn corrupt(d: &str) -> String {
    let mut b = d.as_bytes().to_vec();
    b[3] = if b[3] == b'A' { b'B' } else { b'A' };
    String::from_utf8(b).expect("ascii")
}

#[tokio::test]
async fn both_schemes_with_tolerated_header_variants() {
    let sim = start().await;
    let (key, secret) = AXB;
    let variants = [
        // Lower-case header names, ", " separators, AKSK.
        (
            Scheme::Aksk,
            "authorization",
            "AKSK realm=\"SDP\", profile=\"UsernameToken\", type=\"Appkey\"",
            "x-aksk",
            ", ",
        ),
        // Demo style: dsl= instead of type=, "," separators, WSSE.
        (
            Scheme::Wsse,
            "Authorization",
            "WSSE realm=\"SDP\", profile=\"UsernameToken\", dsl=\"Appkey\"",
            "X-WSSE",
            ",",
        ),
        // Attribute order shuffled.
        (
            Scheme::Wsse,
            "AUTHORIZATION",
            "WSSE type=\"Appkey\",profile=\"UsernameToken\",realm=\"SDP\"",
            "X-Wsse",
            ",",
        ),
    ];
    for (i, (scheme, an, av, tn, sep)) in variants.into_iter().enumerate() {
        let (n, c) = (nonce(), created_now());
        let d = digest(scheme, secret, &n, &c);
        let token = if i == 2 {
            format!(
                "UsernameToken Created=\"{c}\"{sep}Nonce=\"{n}\"{sep}PasswordDigest=\"{d}\"{sep}Username=\"{key}\""
            )
        } else {
            format!(
                "UsernameToken Username=\"{key}\"{sep}PasswordDigest=\"{d}\"{sep}Nonce=\"{n}\"{sep}Created=\"{c}\""
            )
        };
        let pair = format!(r#"{{"callerNum":"+861380000000{i}","calleeNum":"+861390000000{i}"}}"#);
        let (status, body) = send_body(&sim, pair, &[(an, av.to_string()), (tn, token)]).await;
        assert_eq!(
            (status, code(&body)),
            (StatusCode::OK, "0"),
            "variant {i} must be accepted: {body}"
        );
    }
}

#[tokio::test]
async fn auth_failures_have_the_documented_codes() {
    let sim = start().await;
    let (key, secret) = AXB;
    let signed = |scheme, key: &str, secret: &str, created: String| {
        let (a, n, v) = headers(scheme, key, secret, &nonce(), &created);
        vec![("Authorization", a), (n, v)]
    };
    // Missing Authorization.
    let (status, body) = send(&sim, &[]).await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::BAD_REQUEST, "1023006"),
        "{body}"
    );
    // Bad digest: one changed byte.
    let (n, c) = (nonce(), created_now());
    let d = corrupt(&digest(Scheme::Aksk, secret, &n, &c));
    let token = format!(
        "UsernameToken Username=\"{key}\",PasswordDigest=\"{d}\",Nonce=\"{n}\",Created=\"{c}\""
    );
    let (_, body) = send(
        &sim,
        &[
            (
                "Authorization",
                "AKSK realm=\"SDP\",profile=\"UsernameToken\",type=\"Appkey\"".into(),
            ),
            ("X-AKSK", token),
        ],
    )
    .await;
    assert_eq!(code(&body), "1010012", "wrong digest: {body}");
    // Unknown app key.
    let (_, body) = send(&sim, &signed(Scheme::Wsse, "nobody", "x", created_now())).await;
    assert_eq!(code(&body), "1010003", "{body}");
    // Created ten minutes off.
    let stale = time::OffsetDateTime::now_utc() - time::Duration::minutes(10);
    let stale = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        stale.year(),
        u8::from(stale.month()),
        stale.day(),
        stale.hour(),
        stale.minute(),
        stale.second()
    );
    let (_, body) = send(&sim, &signed(Scheme::Aksk, key, secret, stale)).await;
    assert_eq!(code(&body), "1010013", "stale Created: {body}");
    // Nonce replay.
    let h = signed(Scheme::Aksk, key, secret, created_now());
    let (_, first) = send(&sim, &h).await;
    assert_eq!(code(&first), "0", "{first}");
    let (_, replay) = send(&sim, &h).await;
    assert_eq!(
        code(&replay),
        "1010012",
        "a reused nonce is refused: {replay}"
    );
    // Wrong mode: an AX app calling the AXB API.
    let (_, body) = send(&sim, &signed(Scheme::Aksk, AX.0, AX.1, created_now())).await;
    assert_eq!(code(&body), "1010040", "{body}");
    // Wrong realm.
    let (n, c) = (nonce(), created_now());
    let (_, tn, tv) = headers(Scheme::Wsse, key, secret, &n, &c);
    let (_, body) = send(
        &sim,
        &[
            (
                "Authorization",
                "WSSE realm=\"X\",profile=\"UsernameToken\",type=\"Appkey\"".into(),
            ),
            (tn, tv),
        ],
    )
    .await;
    assert_eq!(code(&body), "1023009", "{body}");
}

#[tokio::test]
async fn repeated_failures_lock_the_ip_for_thirty_simulated_minutes() {
    let mut cfg = maskline_sim::SimConfig {
        seed: 1,
        ..Default::default()
    };
    cfg.auth.lock_threshold = 3;
    let sim = start_with(cfg).await;
    let bad = Client {
        secret: "wrong".into(),
        ..Client::new(&sim, AXB, Scheme::Aksk)
    };
    let good = Client::new(&sim, AXB, Scheme::Aksk);
    for _ in 0..3 {
        let (_, r) = bad.call(Method::POST, AXB_URI, Some(json!({}))).await;
        assert_eq!(code(&r), "1010012", "{r}");
    }
    let (_, r) = good
        .call(Method::GET, &format!("{AXB_URI}?relationNum=x"), None)
        .await;
    assert_eq!(
        code(&r),
        "1020176",
        "locked even with a good signature: {r}"
    );
    sim.advance(Duration::from_secs(31 * 60));
    let (_, r) = good
        .call(Method::GET, &format!("{AXB_URI}?subscriptionId=none"), None)
        .await;
    assert_eq!(
        code(&r),
        "1012001",
        "lock over; the request reaches the handler: {r}"
    );
}
