use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::common::*;

async fn add(sim: &maskline_sim::SimHandle, rule: serde_json::Value) {
    admin(sim, Method::POST, "/sim/admin/faults", Some(rule)).await;
}

#[tokio::test]
async fn injected_faults_then_recovery() {
    let sim = start().await;
    let c = Client::new(&sim, AXB, Scheme::Aksk);
    let q = format!("{AXB_URI}?subscriptionId=none");

    add(&sim, json!({"kind":"flowControl","next":2})).await;
    for _ in 0..2 {
        let (status, r) = c.call(Method::GET, &q, None).await;
        assert_eq!(
            (status, code(&r)),
            (StatusCode::FORBIDDEN, "1010010"),
            "{r}"
        );
    }
    let (_, r) = c.call(Method::GET, &q, None).await;
    assert_eq!(
        code(&r),
        "1012001",
        "flow control was for the next 2 requests only: {r}"
    );

    add(&sim, json!({"kind":"http5xx","next":1,"status":503})).await;
    let (status, _) = c.call(Method::GET, &q, None).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);

    add(&sim, json!({"kind":"reset","next":1})).await;
    let err = c.request(Method::GET, &q).send().await;
    assert!(
        err.is_err(),
        "the connection is reset, no HTTP answer: {err:?}"
    );

    add(&sim, json!({"kind":"latency","next":1,"latencyMs":20})).await;
    add(&sim, json!({"kind":"slowBody","next":1,"chunkDelayMs":5})).await;
    let (_, r) = c.call(Method::GET, &q, None).await;
    assert_eq!(
        code(&r),
        "1012001",
        "slow, delayed body arrives intact: {r}"
    );

    add(&sim, json!({"kind":"http5xx","probability":1.0})).await;
    let (status, _) = c.call(Method::GET, &q, None).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    admin(&sim, Method::DELETE, "/sim/admin/faults", None).await;
    let (_, r) = c.call(Method::GET, &q, None).await;
    assert_eq!(code(&r), "1012001", "faults cleared: {r}");
}
