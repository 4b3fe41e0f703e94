//! AXYB through `maskline-api` against the simulator, under both auth schemes: the AX step,
//! the YB step, query by id and by X (with `app_key` in the query string), unbinding only the
//! YB part (by Y and by B) and then the whole relation.

use crate::support::sim as common;

use common::*;
use maskline_api::AuthScheme;
use maskline_api::axyb::{AxybAxRequest, AxybQuery, AxybUnbind, AxybYbRequest};

/// The AXYB demo app's numbers in 0571 are `+8616705713000` and `+8616705713001`.
const X_0571: &str = "+8616705713";

fn yb(subscription_id: &str, b: &str) -> AxybYbRequest {
    AxybYbRequest {
        subscription_id: subscription_id.to_string(),
        b: num(b),
        area_code: Some("0571".into()),
        area_match_mode: None,
        yb_duration_secs: None,
        pre_voice_y: None,
    }
}

async fn axyb_lifecycle(scheme: AuthScheme) {
    let sim = sim().await;
    let c = client(&sim, AXYB, scheme);

    let mut ax = AxybAxRequest::new(num("13800010001"));
    ax.area_code = Some("0571".into());
    ax.duration_secs = Some(3600);
    ax.yb_duration_secs = Some(600);
    let step1 = c.axyb_bind_ax(&ax).await.expect("AXYB step 1 (AX)");
    let x = step1.relation_number.clone();
    assert!(
        x.starts_with(X_0571),
        "areaCode 0571 picks a 0571 X, got {x}"
    );
    let id = step1.subscription_id.clone();

    let step2 = c
        .axyb_bind_yb(&yb(&id, "13900020002"))
        .await
        .expect("AXYB step 2 (YB)");
    assert_eq!(
        step2.subscription_id, id,
        "step 2 extends the same relation"
    );
    let y = step2.relation_number.clone();
    assert_ne!(y, x, "Y is a different private number from X");

    let rel = c
        .axyb_query(&AxybQuery::Subscription(id.clone()))
        .await
        .expect("query by id");
    assert_eq!(rel.len(), 1, "one relation per id: {rel:?}");
    assert_eq!(
        (
            rel[0].a.as_deref(),
            rel[0].x.as_deref(),
            rel[0].y.as_deref(),
            rel[0].b.as_deref()
        ),
        (
            Some("+8613800010001"),
            Some(x.as_str()),
            Some(y.as_str()),
            Some("+8613900020002")
        ),
        "the relation holds A, X, Y and B"
    );
    // xyRelationNumInfo (privatenumber_axyb_0019): lifetimes as sent, in seconds, and the
    // time the relation was set.
    assert_eq!(
        (rel[0].duration_secs, rel[0].yb_duration_secs),
        (Some(3600), Some(600))
    );
    assert_eq!(rel[0].record, Some(false), "recordFlag defaults to false");
    assert!(
        rel[0].subscribe_time.is_some(),
        "subscribeTime is reported: {rel:?}"
    );
    let on_x = c
        .axyb_query(&AxybQuery::RelationNum(num(&x)))
        .await
        .expect("query by X");
    assert_eq!(on_x.len(), 1, "one relation on X: {on_x:?}");
    assert_eq!(on_x[0].subscription_id, id);

    c.axyb_unbind(&AxybUnbind::YbByY {
        subscription_id: id.clone(),
        y: num(&y),
    })
    .await
    .expect("unbind only YB, by Y");
    let rel = c
        .axyb_query(&AxybQuery::Subscription(id.clone()))
        .await
        .expect("query");
    assert_eq!(
        (rel[0].y.as_deref(), rel[0].b.as_deref()),
        (None, None),
        "YB is gone"
    );
    assert_eq!(
        rel[0].x.as_deref(),
        Some(x.as_str()),
        "AX stays after a YB-only unbind"
    );

    c.axyb_bind_yb(&yb(&id, "13900020003"))
        .await
        .expect("a new YB on the same AX");
    c.axyb_unbind(&AxybUnbind::YbByB {
        subscription_id: id.clone(),
        b: num("13900020003"),
    })
    .await
    .expect("unbind only YB, by B");
    let rel = c
        .axyb_query(&AxybQuery::Subscription(id.clone()))
        .await
        .expect("query");
    assert_eq!(rel[0].b, None, "the second YB is gone too");

    c.axyb_unbind(&AxybUnbind::Relation(id.clone()))
        .await
        .expect("unbind the whole relation");
    expect_code(
        c.axyb_query(&AxybQuery::Subscription(id.clone())).await,
        "1012001",
        "an unbound relation is not found",
    );
    expect_code(
        c.axyb_unbind(&AxybUnbind::Relation(id)).await,
        "1012001",
        "unbinding twice fails: unbind is not idempotent",
    );
    assert_eq!(binding_count(&sim, "axyb").await, 0, "the relation is gone");
}

both_schemes!(axyb_lifecycle);

/// The platform lets one A hold at most 5 X at once (privatenumber_04_0009); the simulator
/// refuses the 6th AX step with 1011003, which the client explains in plain words.
#[tokio::test]
async fn a_sixth_x_for_one_a_is_refused_and_explained() {
    let sim = sim().await;
    let c = client(&sim, AXYB, AuthScheme::Aksk);
    let mut ax = AxybAxRequest::new(num("13800010061"));
    ax.area_code = Some("0571".into());
    ax.area_match_mode = Some(maskline_api::AreaMatchMode::Relaxed);
    let mut ids = Vec::new();
    for i in 0..5 {
        let b = c
            .axyb_bind_ax(&ax)
            .await
            .unwrap_or_else(|e| panic!("AX step {i}: {e}"));
        ids.push(b.subscription_id);
    }
    let sixth = c.axyb_bind_ax(&ax).await.expect_err("a sixth X for one A");
    let code = sixth.result_code().expect("a platform code").clone();
    assert_eq!(code.code(), "1011003", "{sixth:?}");
    assert!(code.explanation().en.contains("at most 5"));
    c.axyb_unbind(&AxybUnbind::Relation(ids.remove(0)))
        .await
        .expect("unbind one");
    c.axyb_bind_ax(&ax).await.expect("room for one X again");
}
