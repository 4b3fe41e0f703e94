//! Binding failures through `maskline-api` against the simulator, each as the documented
//! platform code: conflicts (1012010, 1011005, 1016002), not found (1012001, AX 1011004),
//! unbinding twice, an X that is not the app's, expiry on the simulated clock, and invalid
//! requests that are refused before anything is sent.

use crate::support::sim as common;

use std::time::Duration;

use common::*;
use maskline_api::ax::{AxBindRequest, AxKey};
use maskline_api::axb::{AxbBindRequest, AxbQuery, AxbUnbind};
use maskline_api::axe::{AxeBindRequest, AxeKey};
use maskline_api::axyb::{AxybAxRequest, AxybYbRequest};
use maskline_api::{ApiError, AreaMatchMode, AuthScheme, Client, Page};

const SCHEME: AuthScheme = AuthScheme::Aksk;
/// AXB demo X in 010, and the AX demo app's two numbers in 0512.
const AXB_X: &str = "+8617000100000";
const AX_0512: [&str; 2] = ["+8617105121000", "+8617105121001"];

fn axb_on(x: &str, a: &str, b: &str) -> AxbBindRequest {
    let mut r = AxbBindRequest::new(num(a), num(b));
    r.relation_num = Some(num(x));
    r
}

fn ax_in_0512(a: &str) -> AxBindRequest {
    let mut r = AxBindRequest::new(num(a));
    r.area_code = Some("0512".into());
    r.area_match_mode = Some(AreaMatchMode::Strict);
    r
}

#[tokio::test]
async fn axb_conflicts_unknown_x_and_double_unbind() {
    let sim = sim().await;
    let c = client(&sim, AXB, SCHEME);
    let first = c
        .axb_bind(&axb_on(AXB_X, "13800010001", "13900020001"))
        .await
        .expect("bind");
    expect_code(
        c.axb_bind(&axb_on(AXB_X, "13800010001", "13900020009"))
            .await,
        "1012010",
        "A already has a pair on this X",
    );
    expect_code(
        c.axb_bind(&axb_on(AXB_X, "13800010009", "13900020001"))
            .await,
        "1012010",
        "B already has a pair on this X",
    );
    expect_code(
        c.axb_bind(&axb_on("+8617199999999", "13800010002", "13900020002"))
            .await,
        "1012001",
        "an X that is not the app's",
    );
    let unbind = AxbUnbind::Subscription(first.subscription_id);
    c.axb_unbind(&unbind).await.expect("first unbind");
    expect_code(
        c.axb_unbind(&unbind).await,
        "1012001",
        "unbind is not idempotent",
    );
    assert_eq!(
        binding_count(&sim, "axb").await,
        0,
        "no conflicting bind was stored"
    );
}

#[tokio::test]
async fn ax_taken_exhausted_existing_and_double_unbind() {
    let sim = sim().await;
    let c = client(&sim, AX, SCHEME);
    let one = c
        .ax_bind(&ax_in_0512("13800010001"))
        .await
        .expect("1st 0512 number");
    c.ax_bind(&ax_in_0512("13800010002"))
        .await
        .expect("2nd 0512 number");
    expect_code(
        c.ax_bind(&ax_in_0512("13800010003")).await,
        "1011005",
        "0512 has two numbers and strict matching allows no other city",
    );
    let mut taken = AxBindRequest::new(num("13800010004"));
    taken.private_num = Some(num(&one.private_num));
    expect_code(
        c.ax_bind(&taken).await,
        "1011005",
        "X is bound to another A",
    );
    let mut again = AxBindRequest::new(num("13800010001"));
    again.private_num = Some(num(&one.private_num));
    expect_code(
        c.ax_bind(&again).await,
        "1016002",
        "the same A and X are already bound",
    );
    assert!(
        AX_0512.contains(&one.private_num.as_str()),
        "strict 0512: {}",
        one.private_num
    );

    let key = AxKey::Subscription(one.subscription_id);
    c.ax_unbind(&key).await.expect("first unbind");
    expect_code(
        c.ax_unbind(&key).await,
        "1011004",
        "AX reports a missing binding as 1011004",
    );
}

#[tokio::test]
async fn axe_and_axyb_conflicts() {
    let sim = sim().await;
    let axe = client(&sim, AXE, SCHEME);
    let mut req = AxeBindRequest::new(num("13800010001"));
    req.area_code = Some("020".into());
    req.extend_num = Some("77".into());
    let bound = axe.axe_bind(&req).await.expect("AXE bind");
    let mut dup = AxeBindRequest::new(num("13800010002"));
    dup.virtual_num = bound.virtual_num.as_deref().map(num);
    dup.extend_num = Some("77".into());
    expect_code(
        axe.axe_bind(&dup).await,
        "1012010",
        "extension 77 is taken on this X",
    );
    let key = AxeKey::Subscription(bound.subscription_id);
    axe.axe_unbind(&key).await.expect("first unbind");
    expect_code(axe.axe_unbind(&key).await, "1012001", "AXE unbind twice");

    let axyb = client(&sim, AXYB, SCHEME);
    let mut ax = AxybAxRequest::new(num("13800010001"));
    ax.area_code = Some("0571".into());
    let rel = axyb.axyb_bind_ax(&ax).await.expect("AX step");
    let yb = AxybYbRequest {
        subscription_id: rel.subscription_id,
        b: num("13900020002"),
        area_code: Some("0571".into()),
        area_match_mode: None,
        yb_duration_secs: None,
        pre_voice_y: None,
    };
    axyb.axyb_bind_yb(&yb).await.expect("YB step");
    expect_code(
        axyb.axyb_bind_yb(&yb).await,
        "1016002",
        "the relation already has a YB",
    );
}

#[tokio::test]
async fn bindings_expire_on_the_simulated_clock() {
    let sim = sim().await;
    let c = client(&sim, AXB, SCHEME);
    let mut req = axb_on(AXB_X, "13800010001", "13900020001");
    req.duration_secs = Some(3600);
    let bound = c.axb_bind(&req).await.expect("a one-hour binding");
    let by_x = AxbQuery::Number {
        relation_num: num(AXB_X),
        caller: None,
        callee: None,
        page: Page::default(),
    };
    sim.advance(Duration::from_secs(3599));
    let page = c.axb_query(&by_x).await.expect("query before expiry");
    assert_eq!(
        page.total_count, 1,
        "still bound one second before its hour is up"
    );
    sim.advance(Duration::from_secs(2));
    let page = c.axb_query(&by_x).await.expect("query after expiry");
    assert_eq!(page.total_count, 0, "gone after its duration: {page:?}");
    expect_code(
        c.axb_query(&AxbQuery::Subscription(bound.subscription_id))
            .await,
        "1012001",
        "an expired binding is not found",
    );
    c.axb_bind(&axb_on(AXB_X, "13800010001", "13900020001"))
        .await
        .expect("the pair is free again");
}

/// Every request here is invalid; none may reach the platform.
async fn invalid_requests(c: &Client) -> Vec<ApiError> {
    let page = |index, size| AxbQuery::Number {
        relation_num: num(AXB_X),
        caller: None,
        callee: None,
        page: Page { index, size },
    };
    let mut no_x = AxBindRequest::new(num("13800010001"));
    no_x.area_match_mode = Some(AreaMatchMode::Relaxed);
    let mut long_ext = AxeBindRequest::new(num("13800010001"));
    long_ext.area_code = Some("020".into());
    long_ext.extend_num = Some("12345".into());
    let mut short = AxybAxRequest::new(num("13800010001"));
    short.duration_secs = Some(30);
    vec![
        c.axb_query(&page(1, 5))
            .await
            .expect_err("page size below 10"),
        c.axb_query(&page(0, 10)).await.expect_err("page index 0"),
        c.ax_bind(&no_x)
            .await
            .expect_err("AX without X or areaCode"),
        c.axe_bind(&long_ext).await.expect_err("5-digit extension"),
        c.axyb_bind_ax(&short)
            .await
            .expect_err("AXYB duration under 60 s"),
        c.stop_call("  ").await.expect_err("empty session id"),
        c.recording_url("", "d").await.expect_err("empty file name"),
    ]
}

#[tokio::test]
async fn invalid_requests_are_refused_before_sending() {
    let sim = sim().await;
    install_request_counter(&sim).await;
    for e in invalid_requests(&client(&sim, AXB, SCHEME)).await {
        assert!(
            matches!(e, ApiError::InvalidInput { .. }),
            "caught by validation: {e:?}"
        );
    }
    assert_eq!(
        requests_received(&sim).await,
        0,
        "no invalid request reached the simulator"
    );

    // The same requests to a closed port: still InvalidInput, never a connection error.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        l.local_addr().expect("its address")
    };
    let c = Client::new(config(&format!("http://{closed}"), AXB, SCHEME)).expect("client");
    for e in invalid_requests(&c).await {
        assert!(
            matches!(e, ApiError::InvalidInput { .. }),
            "validated without a network: {e:?}"
        );
    }
    let refused = c
        .axb_bind(&axb_on(AXB_X, "13800010001", "13900020001"))
        .await;
    assert!(
        matches!(&refused, Err(e @ ApiError::Transport { request_sent: false, .. }) if e.surely_not_sent()),
        "a refused connection is a transport error that surely was not sent: {refused:?}"
    );
}
