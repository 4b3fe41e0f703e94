//! AXB through `maskline-api` against the simulator, under both auth schemes: bind (area code
//! and explicit X), query by subscription and by X with paging, modify, unbind by id and by X.

use crate::support::sim as common;

use std::collections::BTreeSet;

use common::*;
use maskline_api::axb::{AxbBindRequest, AxbModifyRequest, AxbQuery, AxbUnbind};
use maskline_api::{AuthScheme, CallDirection, Page};

/// The AXB demo app's four numbers in 0755 are `+8617007550000` to `+8617007550003`.
const X_0755: &str = "+8617007550";

async fn axb_lifecycle(scheme: AuthScheme) {
    let sim = sim().await;
    let c = client(&sim, AXB, scheme);

    let mut req = AxbBindRequest::new(num("13800010001"), num("13900020002"));
    req.area_code = Some("0755".into());
    req.duration_secs = Some(3600);
    req.call_direction = Some(CallDirection::Both);
    req.user_data = Some("order-1".into());
    let bound = c.axb_bind(&req).await.expect("AXB bind in 0755");
    assert!(
        bound.relation_num.starts_with(X_0755),
        "areaCode 0755 picks one of the app's 0755 numbers, got {}",
        bound.relation_num
    );

    let page = c
        .axb_query(&AxbQuery::Subscription(bound.subscription_id.clone()))
        .await
        .expect("query by subscription");
    assert_eq!(page.total_count, 1, "one binding has this id: {page:?}");
    let b = &page.bindings[0];
    assert_eq!(b.subscription_id, bound.subscription_id);
    assert_eq!(b.relation_num.as_deref(), Some(bound.relation_num.as_str()));
    assert_eq!(
        b.caller.as_deref(),
        Some("+8613800010001"),
        "A normalised to E.164"
    );
    assert_eq!(b.callee.as_deref(), Some("+8613900020002"));
    assert_eq!(b.duration_secs, Some(3600));
    assert_eq!(b.user_data.as_deref(), Some("order-1"));

    let modify = AxbModifyRequest {
        subscription_id: bound.subscription_id.clone(),
        callee: Some(num("13900020003")),
        user_data: Some("order-2".into()),
        ..Default::default()
    };
    c.axb_modify(&modify).await.expect("modify B and userData");
    let page = c
        .axb_query(&AxbQuery::Subscription(bound.subscription_id.clone()))
        .await
        .expect("query after modify");
    let b = &page.bindings[0];
    assert_eq!(
        b.callee.as_deref(),
        Some("+8613900020003"),
        "B was modified"
    );
    assert_eq!(
        b.caller.as_deref(),
        Some("+8613800010001"),
        "absent A stays"
    );
    assert_eq!(b.user_data.as_deref(), Some("order-2"));

    c.axb_unbind(&AxbUnbind::Subscription(bound.subscription_id.clone()))
        .await
        .expect("unbind by subscription");
    expect_code(
        c.axb_query(&AxbQuery::Subscription(bound.subscription_id))
            .await,
        "1012001",
        "an unbound subscription is not found",
    );
    assert_eq!(binding_count(&sim, "axb").await, 0, "nothing left bound");
}

async fn axb_paging_and_unbind_by_number(scheme: AuthScheme) {
    let sim = sim().await;
    let c = client(&sim, AXB, scheme);
    let x = num(&format!("{X_0755}001"));
    let mut ids = BTreeSet::new();
    for i in 0..11 {
        let mut req = AxbBindRequest::new(
            num(&format!("1380001{i:04}")),
            num(&format!("1390002{i:04}")),
        );
        req.relation_num = Some(x.clone());
        let bound = c.axb_bind(&req).await.expect("bind on an explicit X");
        assert_eq!(bound.relation_num, x.as_str(), "the requested X is used");
        ids.insert(bound.subscription_id);
    }
    assert_eq!(ids.len(), 11, "every bind creates a new subscription");

    let query = |index| AxbQuery::Number {
        relation_num: x.clone(),
        caller: None,
        callee: None,
        page: Page { index, size: 10 },
    };
    let first = c.axb_query(&query(1)).await.expect("page 1");
    let second = c.axb_query(&query(2)).await.expect("page 2");
    assert_eq!(
        (first.total_count, first.page_index, first.page_size),
        (11, 1, 10),
        "totalCount counts every binding on X, not just this page"
    );
    assert_eq!(first.bindings.len(), 10, "a full first page");
    assert_eq!(
        (second.total_count, second.page_index, second.bindings.len()),
        (11, 2, 1),
        "the 11th binding is alone on page 2"
    );
    let paged: BTreeSet<String> = first
        .bindings
        .iter()
        .chain(&second.bindings)
        .map(|b| b.subscription_id.clone())
        .collect();
    assert_eq!(paged, ids, "the two pages hold each binding exactly once");

    let narrowed = c
        .axb_query(&AxbQuery::Number {
            relation_num: x.clone(),
            caller: Some(num("13800010003")),
            callee: None,
            page: Page::default(),
        })
        .await
        .expect("query narrowed to one A");
    assert_eq!(narrowed.total_count, 1, "callerNum narrows to one pair");
    assert_eq!(
        narrowed.bindings[0].callee.as_deref(),
        Some("+8613900020003")
    );

    c.axb_unbind(&AxbUnbind::AllOnNumber(x.clone()))
        .await
        .expect("unbind every binding on X");
    let empty = c.axb_query(&query(1)).await.expect("query an empty X");
    assert_eq!(
        empty.total_count, 0,
        "unbind by X removed all 11: {empty:?}"
    );
}

both_schemes!(axb_lifecycle, axb_paging_and_unbind_by_number);
