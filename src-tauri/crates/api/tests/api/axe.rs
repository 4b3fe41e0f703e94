//! AXE through `maskline-api` against the simulator, under both auth schemes: bind with an
//! allocated and with an explicit extension, modify, query by id and by X + extension, unbind
//! both ways.

use crate::support::sim as common;

use common::*;
use maskline_api::AuthScheme;
use maskline_api::axe::{AxeBindRequest, AxeCallback, AxeKey, AxeModifyRequest, AxeTimeUnit};

/// The AXE demo app's numbers in 020 are `+8616500202000` and `+8616500202001`.
const X_020: &str = "+8616500202";

async fn axe_lifecycle(scheme: AuthScheme) {
    let sim = sim().await;
    let c = client(&sim, AXE, scheme);

    let mut auto = AxeBindRequest::new(num("13800010001"));
    auto.area_code = Some("020".into());
    auto.bind_expired_hours = Some(24);
    auto.user_data = Some("e-1".into());
    let allocated = c
        .axe_bind(&auto)
        .await
        .expect("AXE bind, extension allocated");
    let x = allocated
        .virtual_num
        .clone()
        .expect("the bound X is returned");
    assert!(
        x.starts_with(X_020),
        "areaCode 020 picks a 020 number, got {x}"
    );
    let ext = allocated
        .extend_num
        .clone()
        .expect("the extension is returned");
    assert!(
        ext.len() == 4 && ext.bytes().all(|b| b.is_ascii_digit()),
        "the platform allocates a 4-digit extension, got {ext:?}"
    );

    let mut explicit = AxeBindRequest::new(num("13800010002"));
    explicit.virtual_num = Some(num(&x));
    explicit.extend_num = Some("12".into());
    let chosen = c.axe_bind(&explicit).await.expect("AXE bind, extension 12");
    assert_eq!(
        chosen.extend_num.as_deref(),
        Some("12"),
        "the requested extension is kept"
    );
    assert_eq!(
        chosen.virtual_num.as_deref(),
        Some(x.as_str()),
        "on the requested X"
    );

    let mut modify = AxeModifyRequest::new(AxeKey::Subscription(allocated.subscription_id.clone()));
    modify.user_data = Some("e-2".into());
    modify.callback = Some(AxeCallback::Number(num("13900020009")));
    c.axe_modify(&modify).await.expect("modify by subscription");
    let by_id = c
        .axe_query(&AxeKey::Subscription(allocated.subscription_id.clone()))
        .await
        .expect("query by subscription");
    assert_eq!(by_id.len(), 1, "one binding per id: {by_id:?}");
    assert_eq!(
        by_id[0].user_data.as_deref(),
        Some("e-2"),
        "userData was modified"
    );
    assert_eq!(by_id[0].bind_num.as_deref(), Some("+8613800010001"));
    // privatenumber_02_0024: timeUnit "0" = hours (none was sent, the default); the query
    // answer is flat and keeps the lifetime with its unit.
    assert_eq!(by_id[0].time_unit, AxeTimeUnit::Hours);
    assert_eq!(by_id[0].bind_expired, Some(24));
    assert_eq!(by_id[0].bind_expired_secs(), Some(24 * 3600));
    assert_eq!(by_id[0].extend_num.as_deref(), Some(ext.as_str()));

    let key12 = AxeKey::Extension {
        virtual_num: num(&x),
        extend_num: "12".into(),
    };
    let by_ext = c.axe_query(&key12).await.expect("query by X and extension");
    assert_eq!(
        by_ext[0].subscription_id, chosen.subscription_id,
        "X + 12 finds the 2nd binding"
    );
    assert_eq!(by_ext[0].bind_num.as_deref(), Some("+8613800010002"));

    c.axe_unbind(&key12)
        .await
        .expect("unbind by X and extension");
    c.axe_unbind(&AxeKey::Subscription(allocated.subscription_id.clone()))
        .await
        .expect("unbind by subscription");
    expect_code(
        c.axe_query(&AxeKey::Subscription(allocated.subscription_id))
            .await,
        "1012001",
        "an unbound AXE binding is not found",
    );
    assert_eq!(
        binding_count(&sim, "axe").await,
        0,
        "both AXE bindings are gone"
    );
}

both_schemes!(axe_lifecycle);
