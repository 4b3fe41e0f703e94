//! AXE and AXYB use cases against the real simulator, including the two-step AXYB bind and
//! its rollback.

use crate::support;

use maskline_services::ServiceError;
use maskline_services::bindings::*;
use support::{env, num};

#[tokio::test]
async fn axe_bind_modify_query_unbind() {
    let env = env().await;
    let s = env.session("axe");
    let x = env.x("axe", 0);
    let mut req = AxeBindRequest::new(num("13800138000"));
    req.virtual_num = Some(x.clone());
    let bound = s.axe_bind(&req).await.expect("bind");
    let ext = bound.extend_num.clone().expect("an extension is allocated");
    assert!((1..=4).contains(&ext.len()), "{ext:?}");

    let key = AxeKey::Extension {
        virtual_num: x,
        extend_num: ext,
    };
    let mut m = AxeModifyRequest::new(key.clone());
    m.user_data = Some("ticket-7".into());
    s.axe_modify(&m).await.expect("modify");
    let found = s
        .axe_query(&AxeKey::Subscription(bound.subscription_id.clone()))
        .await
        .expect("query");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].user_data.as_deref(), Some("ticket-7"));
    assert_eq!(found[0].bind_num.as_deref(), Some("+8613800138000"));

    s.axe_unbind(&key).await.expect("unbind");
    let err = s.axe_query(&key).await.expect_err("gone");
    assert!(matches!(err, ServiceError::Api(_)), "{err:?}");
}

#[tokio::test]
async fn axyb_two_step_bind_query_unbind() {
    let env = env().await;
    let s = env.session("axyb");
    let mut ax = AxybAxRequest::new(num("13800138000"));
    ax.area_code = Some("010".into());
    let mut yb = YbStep::new(num("13900139000"));
    yb.area_code = Some("010".into());
    let pair = s.axyb_bind(&ax, &yb).await.expect("both steps");
    assert_eq!(pair.ax.subscription_id, pair.yb.subscription_id);
    assert_ne!(pair.ax.relation_number, pair.yb.relation_number, "X ≠ Y");

    let id = pair.ax.subscription_id.clone();
    let rel = s
        .axyb_query(&AxybQuery::Subscription(id.clone()))
        .await
        .expect("query");
    assert_eq!(rel.len(), 1, "{rel:?}");
    assert_eq!(rel[0].a.as_deref(), Some("+8613800138000"));
    assert_eq!(rel[0].b.as_deref(), Some("+8613900139000"));

    s.axyb_unbind(&AxybUnbind::Relation(id.clone()))
        .await
        .expect("unbind");
    let gone = s.axyb_query(&AxybQuery::Subscription(id)).await;
    assert!(
        gone.as_ref().map_or(true, Vec::is_empty),
        "relation gone: {gone:?}"
    );
}

#[tokio::test]
async fn axyb_single_steps_and_rollback_when_b_cannot_be_bound() {
    let env = env().await;
    let s = env.session("axyb");
    let mut ax = AxybAxRequest::new(num("13800138000"));
    ax.area_code = Some("0755".into());
    let first = s.axyb_bind_ax(&ax).await.expect("step 1");
    let second = s
        .axyb_bind_yb(&AxybYbRequest {
            subscription_id: first.subscription_id.clone(),
            b: num("13900139000"),
            area_code: Some("0755".into()),
            area_match_mode: None,
            yb_duration_secs: None,
            pre_voice_y: None,
        })
        .await
        .expect("step 2");
    assert_eq!(second.subscription_id, first.subscription_id);

    // No Y can be found in 0999: the half-made relation (A2 on some X) must not stay behind.
    let mut ax2 = AxybAxRequest::new(num("13700137000"));
    ax2.area_code = Some("0755".into());
    let mut yb = YbStep::new(num("13600136000"));
    yb.area_code = Some("0999".into());
    yb.area_match_mode = Some(AreaMatchMode::Strict);
    let err = s.axyb_bind(&ax2, &yb).await.expect_err("no Y in 0999");
    assert!(matches!(err, ServiceError::Api(_)), "rolled back: {err:?}");
    assert!(err.result_code().is_some(), "{err}");
    let mut relations = Vec::new();
    for i in 0..30 {
        let on_x = s
            .axyb_query(&AxybQuery::RelationNum(env.x("axyb", i)))
            .await;
        relations.extend(on_x.unwrap_or_default());
    }
    assert!(
        relations
            .iter()
            .any(|r| r.subscription_id == first.subscription_id),
        "the query sees relations at all: {relations:?}"
    );
    assert!(
        relations
            .iter()
            .all(|r| r.a.as_deref() != Some("+8613700137000")),
        "no half relation of A2 left: {relations:?}"
    );
}
