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
fn bind_sends_the_documented_body() {
    let mut r = AxbBindRequest::new(num("138 0001 0001"), num("0755 2888 0002"));
    r.relation_num = Some(num("+8617000000001"));
    r.call_direction = Some(CallDirection::Both);
    r.duration_secs = Some(0);
    r.max_duration_mins = Some(30);
    r.last_min_voice = Some("lastmin.wav".into());
    r.record = Some(true);
    r.record_hint_tone = Some("notice.wav".into());
    r.pre_voice = Some(PlayInfo {
        caller_hint_tone: Some("a.wav".into()),
        callee_hint_tone: None,
    });
    let call = bind_call(&r).expect("valid");
    assert_eq!(call.method, Method::POST);
    assert_eq!(call.path, "/rest/caas/relationnumber/partners/v1.0");
    assert_eq!(
        call.body.expect("body"),
        json!({
            "callerNum": "+8613800010001", "calleeNum": "+8675528880002",
            "relationNum": "+8617000000001", "callDirection": 0, "duration": 0,
            "maxDuration": 30, "lastMinVoice": "lastmin.wav", "recordFlag": "true",
            "recordHintTone": "notice.wav", "preVoice": {"callerHintTone": "a.wav"}
        })
    );
}

#[test]
fn bind_validation_names_the_field() {
    let base = AxbBindRequest::new(num("13800010001"), num("13900020002"));
    let mut r = base.clone();
    r.duration_secs = Some(MAX_DURATION_SECS + 1);
    assert_eq!(field_of(bind_call(&r)), "duration");
    let mut r = base.clone();
    r.max_duration_mins = Some(1441);
    assert_eq!(field_of(bind_call(&r)), "maxDuration");
    let mut r = base.clone();
    r.user_data = Some("{\"a\":1}".into());
    assert_eq!(field_of(bind_call(&r)), "userData");
    let mut r = base.clone();
    r.callee = r.caller.clone();
    assert_eq!(field_of(bind_call(&r)), "calleeNum");
    let mut r = base.clone();
    r.caller = num("95588");
    assert_eq!(field_of(bind_call(&r)), "callerNum");
    let mut r = base.clone();
    r.relation_num = Some(num("075528880001"));
    assert_eq!(field_of(bind_call(&r)), "relationNum");
    let mut r = base.clone();
    r.area_code = Some("755".into());
    assert_eq!(field_of(bind_call(&r)), "areaCode");
    let mut r = base.clone();
    r.record = Some(true);
    assert_eq!(field_of(bind_call(&r)), "recordHintTone");
    let mut r = base;
    r.duration_secs = Some(MAX_DURATION_SECS);
    r.area_code = Some("0755".into());
    r.area_match_mode = Some(AreaMatchMode::Relaxed);
    let body = bind_call(&r)
        .expect("edge values are valid")
        .body
        .expect("body");
    assert_eq!(body["areaMatchMode"], "1");
    assert_eq!(body["duration"], 7_776_000);
}

#[test]
fn modify_sends_only_changed_fields() {
    let mut r = AxbModifyRequest {
        subscription_id: "sub-1".into(),
        ..Default::default()
    };
    assert_eq!(
        field_of(modify_call(&r)),
        "subscriptionId",
        "nothing to modify"
    );
    r.callee = Some(num("13900020003"));
    r.private_sms = Some(false);
    let call = modify_call(&r).expect("valid");
    assert_eq!(call.method, Method::PUT);
    assert_eq!(
        call.body.expect("body"),
        json!({"subscriptionId": "sub-1", "calleeNum": "+8613900020003", "privateSms": "false"})
    );
    r.last_min_voice = Some("x.wav".into());
    r.max_duration_mins = Some(0);
    assert_eq!(field_of(modify_call(&r)), "lastMinVoice");
}

#[test]
fn unbind_and_query_use_query_parameters() {
    let call = unbind_call(&AxbUnbind::AllOnNumber(num("+8617000000001"))).expect("valid");
    assert_eq!(call.method, Method::DELETE);
    assert_eq!(
        call.query,
        vec![("relationNum", "+8617000000001".to_string())]
    );
    assert!(call.body.is_none());
    assert_eq!(
        field_of(unbind_call(&AxbUnbind::Subscription(String::new()))),
        "subscriptionId"
    );

    let q = AxbQuery::Number {
        relation_num: num("17000000001"),
        caller: Some(num("13800010001")),
        callee: None,
        page: Page { index: 2, size: 20 },
    };
    let call = query_call(&q).expect("valid");
    assert_eq!(call.method, Method::GET);
    let keys: Vec<_> = call.query.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, ["relationNum", "callerNum", "pageIndex", "pageSize"]);
    assert_eq!(call.query[2].1, "2");
    let bad = AxbQuery::Number {
        relation_num: num("17000000001"),
        caller: None,
        callee: None,
        page: Page { index: 1, size: 5 },
    };
    assert_eq!(field_of(query_call(&bad)), "pageSize");
}

#[test]
fn query_answers_decode_tolerantly() {
    let v = json!({
        "resultcode": "0", "resultdesc": "Success", "app_key": "k",
        "totalCount": "2", "pageIndex": "1", "pageSize": 50,
        "relationNumList": [
            {"subscriptionId": "s1", "relationNum": "+8617000000001", "callerNum": "+8613800010001",
             "calleeNum": "+8613900020002", "callDirection": 0, "duration": "3600",
             "maxDuration": 0, "recordFlag": "true", "subscribeTime": "2024-01-01 00:00:00"},
            {"subscriptionId": "s2", "callDirection": "2", "recordFlag": false}
        ]
    });
    let w: PageWire = decode("test", v).expect("decodes");
    assert_eq!(w.total_count, Some(2));
    let b: Vec<AxbBinding> = w
        .relation_num_list
        .into_iter()
        .map(AxbBinding::from)
        .collect();
    assert_eq!(b[0].duration_secs, Some(3600));
    assert_eq!(b[0].record, Some(true));
    assert_eq!(b[0].call_direction, Some(CallDirection::Both));
    assert_eq!(b[1].call_direction, Some(CallDirection::CalleeToCaller));
    assert_eq!(b[1].record, Some(false));
}
