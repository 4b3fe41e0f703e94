//! Binding use cases against the real simulator: AXB and AX life cycles, mode checks and
//! platform errors.

mod axe_axyb;
mod unsure;

use crate::support;

use maskline_domain::{AppError, ErrorCode};
use maskline_services::ServiceError;
use maskline_services::bindings::*;
use support::{env, num};

#[tokio::test]
async fn axb_bind_modify_query_unbind() {
    let env = env().await;
    let s = env.session("axb");
    let x = env.x("axb", 0);
    let mut req = AxbBindRequest::new(num("13800138000"), num("+86 139 0013 9000"));
    req.relation_num = Some(x.clone());
    req.user_data = Some("order-42".into());
    let bound = s.axb_bind(&req).await.expect("bind");
    assert_eq!(bound.relation_num, x.as_str(), "the X asked for is bound");

    let id = bound.subscription_id.clone();
    let mut m = AxbModifyRequest {
        subscription_id: id.clone(),
        ..Default::default()
    };
    m.callee = Some(num("13700137000"));
    s.axb_modify(&m).await.expect("modify");

    let page = s
        .axb_query(&AxbQuery::Subscription(id.clone()))
        .await
        .expect("query by id");
    assert_eq!(page.bindings.len(), 1, "{page:?}");
    let b = &page.bindings[0];
    assert_eq!(b.caller.as_deref(), Some("+8613800138000"));
    assert_eq!(b.callee.as_deref(), Some("+8613700137000"), "modify took");
    assert_eq!(b.user_data.as_deref(), Some("order-42"));

    let on_x = s
        .axb_query(&AxbQuery::Number {
            relation_num: x.clone(),
            caller: None,
            callee: None,
            page: Page { index: 1, size: 10 },
        })
        .await
        .expect("query by X");
    assert_eq!(on_x.total_count, 1, "{on_x:?}");

    s.axb_unbind(&AxbUnbind::Subscription(id.clone()))
        .await
        .expect("unbind");
    let err = s
        .axb_query(&AxbQuery::Subscription(id))
        .await
        .expect_err("gone after unbind");
    assert_eq!(
        err.result_code(),
        Some(&ResultCode::NumberNotApplied),
        "{err}"
    );
}

#[tokio::test]
async fn binding_the_same_a_twice_on_one_x_surfaces_1012010_with_its_explanation() {
    let env = env().await;
    let s = env.session("axb");
    let x = env.x("axb", 1);
    let mut req = AxbBindRequest::new(num("13800138001"), num("13900139001"));
    req.relation_num = Some(x);
    s.axb_bind(&req).await.expect("first bind");
    req.callee = num("13900139002");
    let err = s.axb_bind(&req).await.expect_err("A already on this X");
    assert!(matches!(err, ServiceError::Api(_)), "{err:?}");
    assert_eq!(err.result_code().map(ResultCode::code), Some("1012010"));
    let ex = err.explanation().expect("known code");
    assert!(ex.en.contains("already bound"), "{ex:?}");
    let text = err.to_string();
    assert!(
        text.contains("1012010") && text.contains(ex.zh) && text.contains(ex.action_en),
        "the message carries the code and both languages: {text}"
    );
}

#[tokio::test]
async fn operations_of_another_mode_are_refused_before_sending() {
    let env = env().await;
    let axb = env.session("axb");
    let err = axb
        .ax_bind(&AxBindRequest::new(num("13800138000")))
        .await
        .expect_err("AX on an AXB account");
    let text = err.to_string();
    assert!(
        matches!(err, ServiceError::WrongMode { .. }),
        "refused locally, not by the platform: {err:?}"
    );
    assert!(
        text.contains("an AXB app") && text.contains("1010040") && text.contains("AXB 应用"),
        "{text}"
    );
    assert_eq!(AppError::from(err).code, ErrorCode::InvalidInput);

    let ax = env.session("ax");
    for err in [
        ax.axe_query(&AxeKey::Subscription("1".into()))
            .await
            .expect_err("AXE on AX"),
        ax.axyb_query(&AxybQuery::Subscription("1".into()))
            .await
            .expect_err("AXYB on AX"),
        ax.axb_unbind(&AxbUnbind::Subscription("1".into()))
            .await
            .expect_err("AXB on AX"),
    ] {
        assert!(matches!(err, ServiceError::WrongMode { .. }), "{err:?}");
    }
}

#[tokio::test]
async fn ax_bind_modify_temp_callee_query_unbind() {
    let env = env().await;
    let s = env.session("ax");
    let a = num("13800138000");
    let mut req = AxBindRequest::new(a.clone());
    req.area_code = Some("0755".into());
    let bound = s.ax_bind(&req).await.expect("bind by area code");
    assert!(
        bound.private_num.starts_with("+86171075"),
        "an X of 0755: {bound:?}"
    );
    let x = num(&bound.private_num);
    let key = AxKey::Pair {
        orig: a.clone(),
        private_num: x.clone(),
    };

    let mut m = AxModifyRequest::new(key.clone());
    m.user_data = Some("vip".into());
    m.call_direction = Some(CallDirection::CallerToCallee);
    s.ax_modify(&m).await.expect("modify");
    s.ax_set_temp_callee(&AxTempCalleeRequest {
        key: AxKey::Subscription(bound.subscription_id.clone()),
        callee: num("4001234567"),
        duration_secs: Some(600),
        user_data: None,
    })
    .await
    .expect("temp callee");

    let found = s.ax_query(&AxQuery::Orig(a)).await.expect("query by A");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].subscription_id, bound.subscription_id);
    assert_eq!(found[0].user_data.as_deref(), Some("vip"));
    assert_eq!(found[0].call_direction, Some(CallDirection::CallerToCallee));

    s.ax_unbind(&key).await.expect("unbind");
    let err = s
        .ax_query(&AxQuery::Subscription(bound.subscription_id))
        .await
        .expect_err("gone");
    assert!(err.result_code().is_some(), "a platform code: {err}");
}

#[tokio::test]
async fn mode_independent_calls_report_missing_records() {
    let env = env().await;
    let s = env.session("axe");
    let err = s.stop_call("no-such-call").await.expect_err("no call");
    assert_eq!(
        err.result_code(),
        Some(&ResultCode::RecordNotFound),
        "{err}"
    );
    let err = s
        .recording_url("nope.wav", "ostor.example.com")
        .await
        .expect_err("no recording");
    assert!(err.result_code().is_some(), "{err}");
}

/// The AX bind form's "switched off" option sends `turnFlag: "off"` (privatenumber_02_0011);
/// left unticked nothing is sent and the platform binds it switched on.
#[tokio::test]
async fn ax_form_can_bind_switched_off() {
    use maskline_domain::binding_forms::BindForm;
    let env = env().await;
    let s = env.session("ax");
    let form = |a: &str, x: usize, off: Option<bool>| BindForm::Ax {
        a: a.into(),
        x: Some(env.x("ax", x).to_string()),
        x_scope: None,
        area_code: None,
        direction: None,
        record: None,
        record_hint_tone: None,
        user_data: None,
        switched_off: off,
    };
    let off = s
        .bind_form(&form("13800138071", 0, Some(true)))
        .await
        .expect("bind off");
    let on = s
        .bind_form(&form("13800138072", 1, None))
        .await
        .expect("bind on");
    for (outcome, want) in [(off, false), (on, true)] {
        let found = s
            .ax_query(&AxQuery::Subscription(outcome.subscription_id))
            .await
            .expect("query");
        assert_eq!(found[0].turned_on, Some(want), "{found:?}");
    }
}
