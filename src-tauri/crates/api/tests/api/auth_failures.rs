//! Authentication failures through `maskline-api` against the simulator, as typed errors with
//! the right code and an explanation that tells the user what to do: wrong secret, unknown key,
//! clock skew, another mode's API, and the IP lock after repeated failures (and its end).
//! A reused nonce cannot be produced through the client (every request gets a fresh one).

use crate::support::sim as common;

use std::time::Duration;

use common::*;
use maskline_api::ax::AxBindRequest;
use maskline_api::axb::AxbBindRequest;
use maskline_api::{ApiError, AuthScheme, Client};
use serde_json::json;

fn client_with_secret(
    sim: &maskline_sim::SimHandle,
    key: &'static str,
    secret: &'static str,
    scheme: AuthScheme,
) -> Client {
    let app = App { key, secret };
    Client::new(config(&sim.base_url(), app, scheme)).expect("client")
}

fn bind_req(i: u32) -> AxbBindRequest {
    AxbBindRequest::new(
        num(&format!("1380001{i:04}")),
        num(&format!("1390002{i:04}")),
    )
}

fn assert_warns_about_lock(e: &ApiError, why: &str) {
    let ex = e.explanation().expect("platform errors are explained");
    assert!(
        ex.action_en.contains("30 minutes") && ex.action_zh.contains("30 分钟"),
        "{why}: the advice must warn about the 30-minute IP lock in both languages: {ex:?}"
    );
}

async fn wrong_secret_and_unknown_key(scheme: AuthScheme) {
    let sim = sim().await;
    install_request_counter(&sim).await;
    let wrong = client_with_secret(&sim, AXB.key, "not-the-secret", scheme);
    let e = expect_code(
        wrong.axb_bind(&bind_req(1)).await,
        "1010012",
        "a wrong secret gives a wrong digest",
    );
    assert_warns_about_lock(&e, "wrong secret");

    let unknown = client_with_secret(&sim, "no-such-app", "whatever", scheme);
    let e = expect_code(
        unknown.axb_bind(&bind_req(2)).await,
        "1010003",
        "an unknown app key",
    );
    assert_warns_about_lock(&e, "unknown key");
    assert_eq!(
        requests_received(&sim).await,
        2,
        "authentication failures are never retried"
    );
    assert_eq!(binding_count(&sim, "axb").await, 0, "nothing was bound");
}

async fn clock_skew_is_explained(scheme: AuthScheme) {
    let sim = sim().await;
    install_request_counter(&sim).await;
    let c = client(&sim, AXB, scheme);
    admin_post(&sim, "auth/skew", json!({"seconds": 600})).await;
    let e = expect_code(
        c.axb_bind(&bind_req(1)).await,
        "1010013",
        "Created is 10 minutes off the platform clock",
    );
    let ex = e.explanation().expect("explained");
    assert!(
        ex.en.contains("clock") && ex.action_en.contains("clock") && ex.action_zh.contains("时间"),
        "the explanation must point at the computer's clock: {ex:?}"
    );
    assert_eq!(
        requests_received(&sim).await,
        1,
        "a skewed clock does not fix itself: no retry"
    );

    admin_post(&sim, "auth/skew", json!({"seconds": 0})).await;
    c.axb_bind(&bind_req(1))
        .await
        .expect("accepted once the clocks agree");
}

async fn another_modes_api_is_refused(scheme: AuthScheme) {
    let sim = sim().await;
    let axb_app = client(&sim, AXB, scheme);
    let mut req = AxBindRequest::new(num("13800010001"));
    req.area_code = Some("010".into());
    let e = expect_code(
        axb_app.ax_bind(&req).await,
        "1010040",
        "an AXB app may not call the AX API",
    );
    assert!(
        e.explanation()
            .is_some_and(|ex| ex.action_en.contains("mode")),
        "the advice names the app's mode: {e}"
    );
}

async fn repeated_failures_lock_the_ip(scheme: AuthScheme) {
    let sim = sim().await;
    let threshold = maskline_sim::AuthPolicy::default().lock_threshold;
    let wrong = client_with_secret(&sim, AXB.key, "not-the-secret", scheme);
    for i in 0..threshold {
        expect_code(
            wrong.axb_bind(&bind_req(i)).await,
            "1010012",
            "failures before the lock",
        );
    }
    let good = client(&sim, AXB, scheme);
    let e = expect_code(
        good.axb_bind(&bind_req(99)).await,
        "1020176",
        "after the threshold even the right secret is locked out",
    );
    assert_warns_about_lock(&e, "IP locked");

    sim.advance(Duration::from_secs(29 * 60));
    expect_code(
        good.axb_bind(&bind_req(99)).await,
        "1020176",
        "still locked after 29 simulated minutes",
    );
    sim.advance(Duration::from_secs(2 * 60));
    good.axb_bind(&bind_req(99))
        .await
        .expect("the lock ends after 30 simulated minutes");
    assert_eq!(
        binding_count(&sim, "axb").await,
        1,
        "only the accepted bind exists"
    );
}

both_schemes!(
    wrong_secret_and_unknown_key,
    clock_skew_is_explained,
    another_modes_api_is_refused,
    repeated_failures_lock_the_ip,
);
