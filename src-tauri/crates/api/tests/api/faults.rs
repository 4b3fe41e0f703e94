//! Faults injected by the simulator and the client's retry rules: reads survive transient 5xx,
//! resets, timeouts and slow bodies (retried); writes that may have arrived are never resent
//! (at most one binding); flow control is retried even for writes; the overall timeout holds.
//! Every fault fires for the "next N" requests, so nothing here depends on chance.

use crate::support::sim as common;

use std::time::Duration;

use common::*;
use maskline_api::axb::{AxbBindRequest, AxbQuery};
use maskline_api::{ApiError, AuthScheme, Client, Timeouts};
use maskline_sim::SimHandle;
use serde_json::json;

fn bind_req(i: u32) -> AxbBindRequest {
    AxbBindRequest::new(
        num(&format!("1380001{i:04}")),
        num(&format!("1390002{i:04}")),
    )
}

/// A simulator with one AXB binding (so queries have an answer) and the request counter.
async fn sim_with_binding() -> (SimHandle, Client, AxbQuery) {
    let sim = sim().await;
    let c = client(&sim, AXB, AuthScheme::Aksk);
    let bound = c
        .axb_bind(&bind_req(0))
        .await
        .expect("bind before any fault");
    install_request_counter(&sim).await;
    (sim, c, AxbQuery::Subscription(bound.subscription_id))
}

/// A client whose whole-request timeout is short, for the latency and slow-body faults.
fn impatient(sim: &SimHandle) -> Client {
    let mut cfg = config(&sim.base_url(), AXB, AuthScheme::Aksk);
    cfg.timeouts = Timeouts {
        connect: Duration::from_secs(5),
        overall: Duration::from_secs(2),
    };
    Client::new(cfg).expect("client")
}

#[tokio::test]
async fn a_query_survives_transient_5xx_and_resets() {
    let (sim, c, query) = sim_with_binding().await;
    add_fault(&sim, json!({"kind": "http5xx", "status": 503, "next": 2})).await;
    let page = c
        .axb_query(&query)
        .await
        .expect("the third attempt succeeds");
    assert_eq!(page.total_count, 1);
    assert_eq!(requests_received(&sim).await, 3, "two 503s, each retried");

    add_fault(&sim, json!({"kind": "reset", "next": 1})).await;
    c.axb_query(&query)
        .await
        .expect("a GET is resent after a reset");
    assert_eq!(requests_received(&sim).await, 5, "one reset, one retry");
}

#[tokio::test]
async fn a_bind_is_not_resent_after_a_reset_or_5xx() {
    let (sim, c, _) = sim_with_binding().await;
    add_fault(&sim, json!({"kind": "reset", "next": 1})).await;
    let reset = c.axb_bind(&bind_req(1)).await;
    assert!(
        matches!(
            &reset,
            Err(ApiError::Transport {
                request_sent: true,
                ..
            })
        ),
        "a reset after sending may have bound: the error must say so: {reset:?}"
    );
    assert!(
        !reset.as_ref().is_err_and(ApiError::surely_not_sent),
        "not safe to resend blindly"
    );
    assert_eq!(requests_received(&sim).await, 1, "the POST was not resent");

    add_fault(&sim, json!({"kind": "http5xx", "next": 1})).await;
    let e = expect_code(
        c.axb_bind(&bind_req(2)).await,
        "1010001",
        "an internal error on a bind",
    );
    assert!(
        matches!(e, ApiError::Platform { status: 500, .. }),
        "HTTP 500 is kept: {e:?}"
    );
    assert_eq!(
        requests_received(&sim).await,
        2,
        "a POST answered 5xx is not resent"
    );
    assert_eq!(
        binding_count(&sim, "axb").await,
        1,
        "only the binding made before the faults"
    );
}

#[tokio::test]
async fn flow_control_is_retried_even_for_a_bind() {
    let (sim, c, _) = sim_with_binding().await;
    add_fault(&sim, json!({"kind": "flowControl", "next": 2})).await;
    c.axb_bind(&bind_req(1))
        .await
        .expect("the bind goes through after two 1010010");
    assert_eq!(
        requests_received(&sim).await,
        3,
        "1010010 means nothing was done: retried"
    );
    assert_eq!(
        binding_count(&sim, "axb").await,
        2,
        "exactly one new binding"
    );

    add_fault(&sim, json!({"kind": "flowControl", "next": 10})).await;
    let e = expect_code(
        c.axb_bind(&bind_req(2)).await,
        "1010010",
        "flow control persists",
    );
    assert!(e.is_flow_control(), "typed as flow control: {e:?}");
    let retries = config(&sim.base_url(), AXB, AuthScheme::Aksk)
        .retry
        .max_retries;
    assert_eq!(
        requests_received(&sim).await,
        3 + 1 + u64::from(retries),
        "gives up after max_retries"
    );
}

#[tokio::test]
async fn latency_beyond_the_overall_timeout() {
    let sim = sim().await;
    let c = impatient(&sim);
    add_fault(
        &sim,
        json!({"kind": "latency", "latencyMs": 60_000, "next": 1}),
    )
    .await;
    install_request_counter(&sim).await;
    let slow = c.axb_bind(&bind_req(1)).await;
    assert!(
        matches!(
            slow,
            Err(ApiError::Timeout {
                during_connect: false
            })
        ),
        "a minute of latency exceeds the 2 s overall timeout: {slow:?}"
    );
    assert_eq!(
        requests_received(&sim).await,
        1,
        "a bind that timed out is not resent"
    );
    assert!(binding_count(&sim, "axb").await <= 1, "at most one binding");

    let bound = client(&sim, AXB, AuthScheme::Aksk)
        .axb_bind(&bind_req(2))
        .await
        .expect("bind");
    restart_faults_with(
        &sim,
        json!({"kind": "latency", "latencyMs": 60_000, "next": 1}),
    )
    .await;
    let query = AxbQuery::Subscription(bound.subscription_id);
    c.axb_query(&query)
        .await
        .expect("a GET that timed out is retried");
    assert_eq!(requests_received(&sim).await, 2, "one timeout, one retry");
}

/// Clears every fault rule, adds `rule`, then a fresh request counter (which must come after a
/// latency rule for that rule to take effect).
async fn restart_faults_with(sim: &SimHandle, rule: serde_json::Value) {
    let resp = reqwest::Client::new()
        .delete(format!("{}/sim/admin/faults", sim.base_url()))
        .send()
        .await
        .expect("the admin endpoint answers");
    assert!(resp.status().is_success(), "faults cleared: {resp:?}");
    add_fault(sim, rule).await;
    install_request_counter(sim).await;
}

#[tokio::test]
async fn slow_bodies() {
    let (sim, c, query) = sim_with_binding().await;
    add_fault(
        &sim,
        json!({"kind": "slowBody", "chunkDelayMs": 5, "next": 1}),
    )
    .await;
    let page = c
        .axb_query(&query)
        .await
        .expect("a slow but timely body is read whole");
    assert_eq!(
        page.total_count, 1,
        "the chunks reassemble into the same answer"
    );

    let c = impatient(&sim);
    add_fault(
        &sim,
        json!({"kind": "slowBody", "chunkDelayMs": 60_000, "next": 1}),
    )
    .await;
    let slow = c.axb_bind(&bind_req(1)).await;
    assert!(
        matches!(
            slow,
            Err(ApiError::Timeout {
                during_connect: false
            })
        ),
        "a body that stalls for a minute times out: {slow:?}"
    );
    assert_eq!(
        binding_count(&sim, "axb").await,
        2,
        "the platform did bind: a write timeout means 'unknown', never 'not done'"
    );
    add_fault(
        &sim,
        json!({"kind": "slowBody", "chunkDelayMs": 60_000, "next": 1}),
    )
    .await;
    c.axb_query(&query)
        .await
        .expect("a GET whose body stalled is retried");
    assert_eq!(
        requests_received(&sim).await,
        4,
        "1 + 1 bind + a query retried once"
    );
}
