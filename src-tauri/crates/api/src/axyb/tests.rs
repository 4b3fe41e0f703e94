use super::*;
use maskline_secrets::Sensitive;
use serde_json::json;

use crate::ClientConfig;

fn num(s: &str) -> PhoneNumber {
    PhoneNumber::parse(s).expect("test number")
}

fn field_of<T: std::fmt::Debug>(r: Result<T, ApiError>) -> &'static str {
    match r {
        Err(ApiError::InvalidInput { field, .. }) => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn client() -> Client {
    Client::new(ClientConfig::new(
        "http://127.0.0.1:9",
        "my+key",
        Sensitive::new("s".into()),
    ))
    .expect("client")
}

#[test]
fn every_axyb_call_carries_app_key_in_the_query() {
    let c = client();
    let call = c.axyb_call(
        Method::GET,
        query_params(&AxybQuery::RelationNum(num("17000000001"))).expect("q"),
        None,
    );
    let url = c.url(call.path, &call.query);
    assert_eq!(
        url.as_str(),
        "http://127.0.0.1:9/rest/omp/xyrelationnumber/v1.0?app_key=my%2Bkey&relationNum=%2B8617000000001"
    );
    let post = c.axyb_call(Method::POST, vec![], Some(Body::new()));
    assert_eq!(
        post.query,
        vec![("app_key", "my+key".to_string())],
        "bind steps too"
    );
}

#[test]
fn ax_step_body_and_lifetimes() {
    let mut r = AxybAxRequest::new(num("13800010001"));
    r.area_code = Some("010".into());
    r.call_direction = Some(CallDirection::CalleeToCaller);
    r.duration_secs = Some(86_400);
    r.yb_duration_secs = Some(3_600);
    assert_eq!(
        ax_body(&r).expect("valid").into_value(),
        json!({"origNum": "+8613800010001", "areaCode": "010", "callDirection": 2,
               "duration": "86400", "ybDuration": "3600"})
    );
    for (d, ok) in [
        (0, true),
        (59, false),
        (60, true),
        (MAX_DURATION_SECS, true),
        (MAX_DURATION_SECS + 1, false),
    ] {
        r.duration_secs = Some(d);
        r.yb_duration_secs = None;
        assert_eq!(ax_body(&r).is_ok(), ok, "duration {d}");
    }
    r.duration_secs = Some(600);
    r.yb_duration_secs = Some(601);
    assert_eq!(field_of(ax_body(&r)), "ybDuration");
}

#[test]
fn yb_step_needs_the_subscription() {
    let mut r = AxybYbRequest {
        subscription_id: String::new(),
        b: num("13900020002"),
        area_code: None,
        area_match_mode: None,
        yb_duration_secs: Some(0),
        pre_voice_y: Some("y.wav".into()),
    };
    assert_eq!(field_of(yb_body(&r)), "subscriptionId");
    r.subscription_id = "rel-1".into();
    assert_eq!(
        yb_body(&r).expect("valid").into_value(),
        json!({"origNum": "+8613900020002", "subscriptionId": "rel-1", "ybDuration": "0", "preVoiceY": "y.wav"})
    );
}

#[test]
fn unbind_whole_or_yb_only() {
    assert_eq!(
        unbind_query(&AxybUnbind::Relation("r".into())).expect("q"),
        vec![("subscriptionId", "r".into())]
    );
    let q = unbind_query(&AxybUnbind::YbByY {
        subscription_id: "r".into(),
        y: num("17000000002"),
    })
    .expect("q");
    assert_eq!(q[1], ("yNum", "+8617000000002".to_string()));
    let q = unbind_query(&AxybUnbind::YbByB {
        subscription_id: "r".into(),
        b: num("13900020002"),
    })
    .expect("q");
    assert_eq!(q[1], ("bNum", "+8613900020002".to_string()));
}

#[test]
fn bind_answers_use_relation_number() {
    let b = bound(
        json!({"resultcode": "0", "subscriptionId": "r", "relationNumber": "+8617000000001"}),
    )
    .expect("decodes");
    assert_eq!(b.relation_number, "+8617000000001");
    assert!(matches!(
        bound(json!({"resultcode": "0"})),
        Err(ApiError::Decode(_))
    ));
}
