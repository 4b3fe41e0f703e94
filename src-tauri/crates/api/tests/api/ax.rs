//! AX through `maskline-api` against the simulator, under both auth schemes: bind by area code
//! and by explicit X, query by subscription / A / X, modify by id and by pair, temporary callee
//! (set, then expired on the simulated clock), unbind by pair and by id.

use crate::support::sim as common;

use std::time::Duration;

use common::*;
use maskline_api::ax::{AxBindRequest, AxKey, AxModifyRequest, AxQuery, AxTempCalleeRequest};
use maskline_api::{ApiError, AuthScheme, CallDirection};

/// The AX demo app's numbers in 010 are `+8617100101000` to `+8617100101003`.
const X_010: &str = "+8617100101";
const AX_PATH: &str = "/rest/provision/caas/privatenumber/v1.0";

async fn ax_lifecycle(scheme: AuthScheme) {
    let sim = sim().await;
    let c = client(&sim, AX, scheme);

    let mut by_area = AxBindRequest::new(num("13800010001"));
    by_area.area_code = Some("010".into());
    by_area.user_data = Some("a-1".into());
    let first = c.ax_bind(&by_area).await.expect("AX bind by area code");
    assert!(
        first.private_num.starts_with(X_010),
        "areaCode 010 picks a 010 number, got {}",
        first.private_num
    );
    assert_eq!(first.orig_num, "+8613800010001");

    let x2 = num(&format!("{X_010}003"));
    let mut explicit = AxBindRequest::new(num("13800010002"));
    explicit.private_num = Some(x2.clone());
    let second = c
        .ax_bind(&explicit)
        .await
        .expect("AX bind on an explicit X");
    assert_eq!(second.private_num, x2.as_str(), "the requested X is used");

    for (q, what) in [
        (AxQuery::Subscription(first.subscription_id.clone()), "id"),
        (AxQuery::Orig(num("13800010001")), "A"),
        (AxQuery::PrivateNum(num(&first.private_num)), "X"),
    ] {
        let found = c.ax_query(&q).await.expect("AX query");
        assert_eq!(
            found.len(),
            1,
            "query by {what} finds the one binding: {found:?}"
        );
        assert_eq!(found[0].subscription_id, first.subscription_id);
        assert_eq!(found[0].user_data.as_deref(), Some("a-1"));
    }

    let mut by_id = AxModifyRequest::new(AxKey::Subscription(first.subscription_id.clone()));
    by_id.call_direction = Some(CallDirection::CallerToCallee);
    by_id.user_data = Some("a-2".into());
    c.ax_modify(&by_id).await.expect("modify by subscription");
    let mut by_pair = AxModifyRequest::new(AxKey::Pair {
        orig: num("13800010002"),
        private_num: x2.clone(),
    });
    by_pair.max_duration_mins = Some(30);
    c.ax_modify(&by_pair).await.expect("modify by A and X");
    let one = &c
        .ax_query(&AxQuery::Subscription(first.subscription_id.clone()))
        .await
        .expect("query after modify")[0];
    assert_eq!(one.call_direction, Some(CallDirection::CallerToCallee));
    assert_eq!(one.user_data.as_deref(), Some("a-2"));
    let two = &c
        .ax_query(&AxQuery::PrivateNum(x2.clone()))
        .await
        .expect("query X2")[0];
    assert_eq!(
        two.max_duration_mins,
        Some(30),
        "modified through the pair key"
    );

    let temp = AxTempCalleeRequest {
        key: AxKey::Subscription(first.subscription_id.clone()),
        callee: num("13900020002"),
        duration_secs: Some(600),
        user_data: None,
    };
    c.ax_set_temp_callee(&temp)
        .await
        .expect("set a temporary callee");
    // The typed AX answer has no temporary-callee field; read the platform's JSON directly.
    let path = format!("{AX_PATH}?subscriptionId={}", first.subscription_id);
    let raw = raw_get(&sim, AX, scheme, &path).await;
    assert_eq!(
        raw["privateNumList"][0]["calleeNum"], "+8613900020002",
        "A's calls now go to the temporary callee: {raw}"
    );
    sim.advance(Duration::from_secs(601));
    let raw = raw_get(&sim, AX, scheme, &path).await;
    assert!(
        raw["privateNumList"][0]["calleeNum"].is_null(),
        "the temporary callee lapses after its 600 s: {raw}"
    );
    let same_as_a = AxTempCalleeRequest {
        key: AxKey::Pair {
            orig: num("13800010002"),
            private_num: x2.clone(),
        },
        callee: num("13800010002"),
        duration_secs: None,
        user_data: None,
    };
    assert!(
        matches!(
            c.ax_set_temp_callee(&same_as_a).await,
            Err(ApiError::InvalidInput {
                field: "calleeNum",
                ..
            })
        ),
        "A cannot be its own temporary callee (checked before sending)"
    );

    c.ax_unbind(&AxKey::Pair {
        orig: num("13800010002"),
        private_num: x2,
    })
    .await
    .expect("unbind by A and X");
    c.ax_unbind(&AxKey::Subscription(first.subscription_id.clone()))
        .await
        .expect("unbind by subscription");
    expect_code(
        c.ax_query(&AxQuery::Subscription(first.subscription_id))
            .await,
        "1011004",
        "AX reports a missing binding as 1011004",
    );
    assert_eq!(
        binding_count(&sim, "ax").await,
        0,
        "both AX bindings are gone"
    );
}

both_schemes!(ax_lifecycle);

/// privatenumber_02_0011: "1个A号码同时只能绑定5个X号码"; the refusal is 1011003
/// (pn_faq_1011003), explained in plain words. `turnFlag` is sent as on/off and the query
/// reports it back with `privateNumType`.
#[tokio::test]
async fn five_x_per_a_and_turn_flag() {
    let sim = sim().await;
    let c = client(&sim, AX, AuthScheme::Aksk);
    let mut r = AxBindRequest::new(num("13800010071"));
    r.area_code = Some("010".into());
    r.area_match_mode = Some(maskline_api::AreaMatchMode::Relaxed);
    r.turn_flag = Some(false);
    let mut ids = Vec::new();
    for i in 0..5 {
        let b = c
            .ax_bind(&r)
            .await
            .unwrap_or_else(|e| panic!("bind {i}: {e}"));
        ids.push(b.subscription_id);
    }
    let found = c
        .ax_query(&AxQuery::Subscription(ids[0].clone()))
        .await
        .expect("query");
    assert_eq!(found[0].turned_on, Some(false), "turnFlag off is kept");
    assert_eq!(found[0].private_num_type.as_deref(), Some("mobile-virtual"));
    let e = expect_code(c.ax_bind(&r).await, "1011003", "a sixth X for one A");
    let x = e.result_code().expect("code").explanation();
    assert!(
        x.en.contains("at most 5") && x.zh.contains("5 个 X 号码"),
        "{x:?}"
    );
    c.ax_unbind(&AxKey::Subscription(ids.remove(0)))
        .await
        .expect("unbind one");
    c.ax_bind(&r).await.expect("room for one X again");
}
