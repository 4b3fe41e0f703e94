use super::*;
use serde_json::json;

fn num(s: &str) -> PhoneNumber {
    PhoneNumber::parse(s).expect("test number")
}

fn field_of(r: Result<Call, ApiError>) -> &'static str {
    match r {
        Err(ApiError::InvalidInput { field, .. }) => field,
        other => panic!(
            "expected a validation error, got {:?}",
            other.map(|c| c.body)
        ),
    }
}

#[test]
fn bind_body_and_rules() {
    let mut r = AxeBindRequest::new(num("13900010001"));
    assert_eq!(field_of(bind_call(&r)), "virtualNum");
    r.virtual_num = Some(num("17000000001"));
    r.callback = Some(AxeCallback::Tone("cb.wav".into()));
    r.bind_expired_hours = Some(0);
    r.callback_expired_hours = Some(0);
    let call = bind_call(&r).expect("valid");
    assert_eq!(
        (call.method, call.path),
        (Method::POST, "/rest/caas/extendnumber/v1.0")
    );
    assert_eq!(
        call.body.expect("body"),
        json!({"bindNum": "+8613900010001", "virtualNum": "+8617000000001",
               "callbackTone": "cb.wav", "bindExpiredTime": 0, "callbackExpiredTime": 0})
    );
    for (e, ok) in [
        ("1", true),
        ("9999", true),
        ("", false),
        ("12345", false),
        ("12a", false),
    ] {
        r.extend_num = Some(e.into());
        assert_eq!(bind_call(&r).is_ok(), ok, "extension {e:?}");
    }
    r.extend_num = None;
    r.bind_expired_hours = Some(24);
    r.callback_expired_hours = Some(48);
    assert_eq!(field_of(bind_call(&r)), "callbackExpiredTime");
}

#[test]
fn keys_go_to_the_query_string() {
    let key = AxeKey::Extension {
        virtual_num: num("17000000001"),
        extend_num: "0012".into(),
    };
    let q = query_call(&key).expect("valid");
    assert_eq!(q.method, Method::GET);
    assert_eq!(
        q.query,
        vec![
            ("virtualNum", "+8617000000001".into()),
            ("extendNum", "0012".into())
        ]
    );
    let bad = AxeKey::Extension {
        virtual_num: num("17000000001"),
        extend_num: "x".into(),
    };
    assert_eq!(field_of(unbind_call(&bad)), "extendNum");
    let mut m = AxeModifyRequest::new(AxeKey::Subscription("s".into()));
    assert_eq!(field_of(modify_call(&m)), "subscriptionId");
    m.callback = Some(AxeCallback::Number(num("13800010001")));
    let body = modify_call(&m).expect("valid").body.expect("body");
    assert_eq!(
        body,
        json!({"subscriptionId": "s", "callbackNum": "+8613800010001"})
    );
}

#[test]
fn extension_numbers_decode_from_string_or_number() {
    let w: Wire = decode(
        "t",
        json!({"subscriptionId": "s", "extendNum": 1234, "bindExpiredTime": "0"}),
    )
    .expect("decodes");
    let b = AxeBinding::from(w);
    assert_eq!(b.extend_num.as_deref(), Some("1234"));
    assert_eq!(b.bind_expired, Some(0));
}

#[test]
fn lifetimes_keep_the_unit_the_answer_states() {
    let q = |unit: Option<&str>| {
        let mut v = json!({"resultcode": "0", "subscriptionId": "s", "bindExpiredTime": 90, "callbackExpiredTime": 30});
        if let Some(u) = unit {
            v["timeUnit"] = json!(u);
        }
        query_answer(&v).expect("decodes").remove(0)
    };
    assert_eq!(
        q(Some("1")).bind_expired_secs(),
        Some(90 * 60),
        "1 = minutes"
    );
    assert_eq!(
        q(Some("0")).bind_expired_secs(),
        Some(90 * 3600),
        "0 = hours"
    );
    assert_eq!(
        q(None).bind_expired_secs(),
        Some(90 * 3600),
        "absent = hours"
    );
    let odd = q(Some("2"));
    assert_eq!(odd.time_unit, AxeTimeUnit::Other("2".into()));
    assert_eq!(odd.bind_expired, Some(90), "the value is kept");
    assert_eq!(
        odd.bind_expired_secs(),
        None,
        "an undocumented unit has no length"
    );
    // Integral float from a lenient sender.
    let f = query_answer(&json!({"subscriptionId": "s", "bindExpiredTime": 24.0, "timeUnit": 0}))
        .expect("decodes")
        .remove(0);
    assert_eq!(f.bind_expired_secs(), Some(24 * 3600));
}
