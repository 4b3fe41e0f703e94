use super::*;
use serde_json::json;

fn num(s: &str) -> PhoneNumber {
    PhoneNumber::parse(s).expect("test number")
}

fn field_of(r: Result<Call, ApiError>) -> &'static str {
    match r {
        Err(ApiError::InvalidInput { field, .. }) => field,
        Err(other) => panic!("expected a validation error, got {other:?}"),
        Ok(_) => panic!("expected a validation error, got a request"),
    }
}

#[test]
fn bind_by_area_adds_the_number_type() {
    let mut r = AxBindRequest::new(num("13800010001"));
    r.area_code = Some("0755".into());
    r.area_match_mode = Some(AreaMatchMode::Strict);
    r.max_duration_mins = Some(60);
    let call = bind_call(&r).expect("valid");
    assert_eq!(
        (call.method, call.path),
        (Method::POST, "/rest/provision/caas/privatenumber/v1.0")
    );
    assert_eq!(
        call.body.expect("body"),
        json!({"origNum": "+8613800010001", "areaCode": "0755", "privateNumType": "mobile-virtual",
               "areaMatchMode": "0", "maxDuration": 60})
    );
}

#[test]
fn bind_validation() {
    let r = AxBindRequest::new(num("13800010001"));
    assert_eq!(field_of(bind_call(&r)), "privateNum", "needs X or an area");
    let mut r2 = r.clone();
    r2.private_num = Some(num("17000000001"));
    r2.area_match_mode = Some(AreaMatchMode::Relaxed);
    assert_eq!(field_of(bind_call(&r2)), "areaMatchMode");
    let mut r3 = r.clone();
    r3.private_num = Some(num("17000000001"));
    r3.callee_num_display = Some("2".into());
    assert_eq!(field_of(bind_call(&r3)), "calleeNumDisplay");
    r3.callee_num_display = Some("0".into());
    assert!(bind_call(&r3).is_ok());
}

#[test]
fn temp_callee_rules() {
    let key = AxKey::Pair {
        orig: num("13800010001"),
        private_num: num("17000000001"),
    };
    let mut r = AxTempCalleeRequest {
        key,
        callee: num("13800010001"),
        duration_secs: None,
        user_data: None,
    };
    assert_eq!(
        field_of(temp_callee_call(&r)),
        "calleeNum",
        "A cannot be its own callee"
    );
    r.callee = num("4008001234");
    for (d, ok) in [
        (0, false),
        (1, true),
        (MAX_TEMP_CALLEE_SECS, true),
        (MAX_TEMP_CALLEE_SECS + 1, false),
    ] {
        r.duration_secs = Some(d);
        assert_eq!(temp_callee_call(&r).is_ok(), ok, "duration {d}");
    }
    r.duration_secs = Some(120);
    let call = temp_callee_call(&r).expect("valid");
    assert_eq!(
        (call.method, call.path),
        (Method::PUT, "/rest/caas/privatenumber/calleenumber/v1.0")
    );
    assert_eq!(
        call.body.expect("body"),
        json!({"origNum": "+8613800010001", "privateNum": "+8617000000001",
               "calleeNum": "+864008001234", "duration": 120})
    );
}

#[test]
fn modify_unbind_query() {
    let mut m = AxModifyRequest::new(AxKey::Subscription("sub".into()));
    assert_eq!(field_of(modify_call(&m)), "subscriptionId");
    m.record = Some(false);
    let body = modify_call(&m).expect("valid").body.expect("body");
    assert_eq!(
        body,
        json!({"subscriptionId": "sub", "recordFlag": "false"})
    );

    let u = unbind_call(&AxKey::Pair {
        orig: num("13800010001"),
        private_num: num("17000000001"),
    })
    .expect("valid");
    assert_eq!(u.method, Method::DELETE);
    assert_eq!(u.query[0], ("origNum", "+8613800010001".to_string()));

    let q = query_call(&AxQuery::Orig(num("13800010001"))).expect("valid");
    assert_eq!((q.method, q.query.len()), (Method::GET, 1));
}

#[test]
fn query_records_decode_turn_flag_and_strings() {
    let v = json!({"resultcode": "0", "privateNumInfo": {
        "subscriptionId": "s", "origNum": "+8613800010001", "privateNum": "+8617000000001",
        "recordFlag": "false", "turnFlag": "on", "callDirection": 1,
        "calleeNum": "+8613900020002"}});
    let got: Vec<AxBinding> = records(&v)
        .into_iter()
        .map(|r| {
            decode::<Wire>("t", r)
                .map(AxBinding::from)
                .expect("decodes")
        })
        .collect();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].turned_on, Some(true));
    assert_eq!(
        got[0].temp_callee.as_deref(),
        Some("+8613900020002"),
        "the temporary callee is reported"
    );
    assert_eq!(got[0].record, Some(false));
    assert_eq!(got[0].call_direction, Some(CallDirection::CallerToCallee));
}

#[test]
fn modify_by_pair_names_the_binding_by_its_x_only() {
    // privatenumber_02_0013: origNum in a modify is the new A number.
    let mut m = AxModifyRequest::new(AxKey::Pair {
        orig: num("13800010001"),
        private_num: num("17000000001"),
    });
    m.user_data = Some("u".into());
    let body = modify_call(&m).expect("valid").body.expect("body");
    assert_eq!(
        body,
        json!({"privateNum": "+8617000000001", "userData": "u"}),
        "no origNum: it would be read as a new A"
    );
}
