//! Contract tests from Huawei's own pages, independent of the simulator: every official body
//! under `tests/fixtures/official/` (index with page URLs: its README.md) is served by a
//! scripted loopback server and must decode to the values the page states; every request the
//! client builds is checked against the page's request table (field names and JSON types).

use crate::support::scripted as support;

use std::time::Duration;

use maskline_api::ax::{AxBindRequest, AxKey};
use maskline_api::axe::{AxeBindRequest, AxeCallback, AxeKey, AxeTimeUnit};
use maskline_api::axyb::{AxybAxRequest, AxybQuery, AxybYbRequest};
use maskline_api::{
    ApiError, AreaMatchMode, AuthScheme, CallDirection, Client, ClientConfig, PhoneNumber,
    PlayInfo, RateLimit, ResultCode, RetryPolicy, Sensitive, Timeouts,
};
use serde_json::Value;
use support::{Reply, start};

const AXYB_QUERY: &str =
    include_str!("../fixtures/official/privatenumber_axyb_0019-query-response.json");
const AXYB_BIND: &str =
    include_str!("../fixtures/official/privatenumber_axyb_0017-bind-response.json");
const AXE_QUERY: &str =
    include_str!("../fixtures/official/privatenumber_02_0024-query-response.json");
const AXE_BIND_REQ: &str =
    include_str!("../fixtures/official/privatenumber_02_0022-bind-request.json");
const AXE_BIND: &str =
    include_str!("../fixtures/official/privatenumber_02_0022-bind-response.json");
const AX_BIND: &str = include_str!("../fixtures/official/privatenumber_02_0011-bind-response.json");
const AX_LIMIT: &str =
    include_str!("../fixtures/official/pn_faq_1011003-ax-bind-error-response.json");
const AX_UNBIND: &str =
    include_str!("../fixtures/official/privatenumber_02_0012-unbind-response.json");

fn client(base: &str) -> Client {
    let mut c = ClientConfig::new(base, "test_key", Sensitive::new("test_secret".to_string()));
    c.scheme = AuthScheme::Aksk;
    c.rate_limit = RateLimit {
        per_second: 1000,
        burst: 1000,
    };
    c.retry = RetryPolicy {
        max_retries: 0,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(1),
    };
    c.timeouts = Timeouts {
        connect: Duration::from_secs(2),
        overall: Duration::from_secs(5),
    };
    Client::new(c).expect("client")
}

fn num(s: &str) -> PhoneNumber {
    PhoneNumber::parse(s).expect("number")
}

/// JSON types as the pages name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    /// `String`, `String(枚举)`, `String(1-32)`…
    Str,
    /// `Integer`.
    Int,
    /// A nested object type (ApiPlayInfo…).
    Obj,
}

fn ty(v: &Value) -> Option<Ty> {
    match v {
        Value::String(_) => Some(Ty::Str),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(Ty::Int),
        Value::Object(_) => Some(Ty::Obj),
        _ => None,
    }
}

/// Every field the client sent is in the page's table, with the table's type.
fn assert_matches_table(what: &str, body: &Value, table: &[(&str, Ty)]) {
    let obj = body
        .as_object()
        .unwrap_or_else(|| panic!("{what}: not an object: {body}"));
    assert!(!obj.is_empty(), "{what}: empty body");
    for (k, v) in obj {
        let Some((_, want)) = table.iter().find(|(name, _)| name == k) else {
            panic!("{what}: field {k:?} is not in the official request table");
        };
        assert_eq!(ty(v), Some(*want), "{what}: {k} = {v} should be {want:?}");
    }
}

fn sent_body(server: &support::Server) -> Value {
    let seen = server.requests();
    let last = seen.last().expect("a request");
    serde_json::from_str(&last.body).expect("JSON body")
}

// --- AXYB ------------------------------------------------------------------------------

#[tokio::test]
async fn axyb_query_answer_decodes_every_documented_field() {
    // https://support.huaweicloud.com/api-PrivateNumber/privatenumber_axyb_0019.html tables 5/6
    let server = start(vec![Reply::Json(200, AXYB_QUERY)]).await;
    let found = client(&server.base)
        .axyb_query(&AxybQuery::RelationNum(num("17000000001")))
        .await
        .expect("query");
    assert_eq!(found.len(), 1, "the xyRelationNumList item is kept");
    let r = &found[0];
    assert_eq!(r.subscription_id, "****", "bindId is the relation id");
    assert_eq!(r.a.as_deref(), Some("+86138****0001"));
    assert_eq!(r.x.as_deref(), Some("+86138****0021"));
    assert_eq!(r.y.as_deref(), Some("+86138****0022"));
    assert_eq!(r.b.as_deref(), Some("+86138****0002"));
    assert_eq!(r.record, Some(true), "recordFlag String \"true\"");
    assert_eq!(r.record_hint_tone.as_deref(), Some("recordHintTone.wav"));
    assert_eq!(r.subscribe_time.as_deref(), Some("2016-12-24 15:15:15"));
    assert_eq!(
        r.call_direction,
        Some(CallDirection::Both),
        "callDirection Integer 0"
    );
    assert_eq!(r.duration_secs, Some(7200), "duration String seconds");
    assert_eq!(r.yb_duration_secs, Some(0));
    assert_eq!(r.pre_voice_x.as_deref(), Some("x_hint_tone1.wav"));
    assert_eq!(r.pre_voice_y.as_deref(), Some("y_hint_tone1.wav"));
    assert_eq!(r.user_data.as_deref(), Some("abcdefg"));
    let q = &server.requests()[0];
    assert_eq!(q.method, "GET");
    assert_eq!(
        q.target, "/rest/omp/xyrelationnumber/v1.0?app_key=test_key&relationNum=%2B8617000000001",
        "table 2: relationNum (%2B-escaped) and app_key"
    );
}

#[tokio::test]
async fn axyb_query_item_without_bind_id_is_an_error_not_a_silent_drop() {
    let server = start(vec![Reply::Json(
        200,
        r#"{"resultcode":"0","xyRelationNumList":[{"numA":"+8613800010001"}]}"#,
    )])
    .await;
    let r = client(&server.base)
        .axyb_query(&AxybQuery::Subscription("r".into()))
        .await;
    assert!(matches!(r, Err(ApiError::Decode(m)) if m.contains("bindId")));
}

#[tokio::test]
async fn axyb_bind_steps_match_the_request_table_and_read_the_answer() {
    // https://support.huaweicloud.com/api-PrivateNumber/privatenumber_axyb_0017.html
    // Request body table (types as the page gives them; duration/ybDuration are String(1-32),
    // callDirection Integer, recordFlag String(枚举)).
    const TABLE: &[(&str, Ty)] = &[
        ("origNum", Ty::Str),
        ("areaCode", Ty::Str),
        ("areaMatchMode", Ty::Str),
        ("subscriptionId", Ty::Str),
        ("callDirection", Ty::Int),
        ("duration", Ty::Str),
        ("ybDuration", Ty::Str),
        ("recordFlag", Ty::Str),
        ("recordHintTone", Ty::Str),
        ("preVoiceX", Ty::Str),
        ("preVoiceY", Ty::Str),
        ("userData", Ty::Str),
    ];
    let server = start(vec![Reply::Json(200, AXYB_BIND)]).await;
    let c = client(&server.base);
    let mut ax = AxybAxRequest::new(num("13800010001"));
    ax.area_code = Some("0755".into());
    ax.area_match_mode = Some(AreaMatchMode::Strict);
    ax.call_direction = Some(CallDirection::CallerToCallee);
    ax.duration_secs = Some(7200);
    ax.yb_duration_secs = Some(600);
    ax.record = Some(true);
    ax.record_hint_tone = Some("recordHintTone.wav".into());
    ax.pre_voice_x = Some("x_hint_tone1.wav".into());
    ax.user_data = Some("abc".into());
    let b = c.axyb_bind_ax(&ax).await.expect("bind AX");
    assert_eq!(b.subscription_id, "****");
    assert_eq!(b.relation_number, "+86138****0021");
    assert_matches_table("AXYB bind AX", &sent_body(&server), TABLE);
    let yb = AxybYbRequest {
        subscription_id: "****".into(),
        b: num("13900020002"),
        area_code: Some("0755".into()),
        area_match_mode: None,
        yb_duration_secs: Some(600),
        pre_voice_y: Some("y_hint_tone1.wav".into()),
    };
    c.axyb_bind_yb(&yb).await.expect("bind YB");
    assert_matches_table("AXYB bind YB", &sent_body(&server), TABLE);
}

// --- AXE -------------------------------------------------------------------------------

#[tokio::test]
async fn axe_query_answer_is_flat_and_keeps_its_time_unit() {
    // https://support.huaweicloud.com/api-PrivateNumber/privatenumber_02_0024.html table 5:
    // timeUnit "0" hours / "1" minutes; bindExpiredTime/callbackExpiredTime Integer in it.
    let server = start(vec![Reply::Json(200, AXE_QUERY)]).await;
    let found = client(&server.base)
        .axe_query(&AxeKey::Subscription("******".into()))
        .await
        .expect("query");
    assert_eq!(found.len(), 1, "the flat answer is one binding");
    let b = &found[0];
    assert_eq!(b.subscription_id, "******");
    assert_eq!(b.virtual_num.as_deref(), Some("+86170****0021"));
    assert_eq!(b.extend_num.as_deref(), Some("1234"));
    assert_eq!(b.bind_num.as_deref(), Some("+86138****0021"));
    assert_eq!(b.display_num_mode.as_deref(), Some("0"));
    assert_eq!(b.record, Some(false));
    assert_eq!(b.callback_tone.as_deref(), Some("callbackTone.wav"));
    assert_eq!(b.time_unit, AxeTimeUnit::Minutes);
    assert_eq!(b.bind_expired, Some(90));
    assert_eq!(
        b.bind_expired_secs(),
        Some(90 * 60),
        "90 minutes, not 90 hours"
    );
    assert_eq!(b.callback_expired_secs(), Some(30 * 60));
    assert_eq!(b.user_data.as_deref(), Some("abcdefg"));
}

#[tokio::test]
async fn axe_bind_request_matches_the_example_and_the_answer_decodes() {
    // https://support.huaweicloud.com/api-PrivateNumber/privatenumber_02_0022.html 请求示例/响应示例
    let server = start(vec![Reply::Json(200, AXE_BIND)]).await;
    let mut r = AxeBindRequest::new(num("13900008888"));
    r.virtual_num = Some(num("13800008888"));
    r.callback = Some(AxeCallback::Tone("callbackTone.wav".into()));
    r.bind_expired_hours = Some(0);
    r.callback_expired_hours = Some(0);
    let b = client(&server.base).axe_bind(&r).await.expect("bind");
    assert_eq!(b.subscription_id, "******");
    assert_eq!(
        b.extend_num.as_deref(),
        Some("1234"),
        "extendNum is a String"
    );
    assert_eq!(b.bind_expired, Some(0));
    assert_eq!(b.time_unit, AxeTimeUnit::Hours, "no timeUnit sent: hours");
    let sent = sent_body(&server);
    let example: Value = serde_json::from_str(AXE_BIND_REQ).expect("example");
    let (sent, example) = (
        sent.as_object().expect("obj"),
        example.as_object().expect("obj"),
    );
    let keys = |m: &serde_json::Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        keys(sent),
        keys(example),
        "same fields as the page's example"
    );
    for (k, v) in example {
        assert_eq!(ty(&sent[k]), ty(v), "{k}: same JSON type as the example");
    }
}

// --- AX --------------------------------------------------------------------------------

#[tokio::test]
async fn ax_bind_request_matches_the_table_and_the_answer_decodes() {
    // https://support.huaweicloud.com/api-PrivateNumber/privatenumber_02_0011.html request body
    // table (turnFlag String(枚举) on/off; callDirection and maxDuration Integer; preVoice an
    // ApiPlayInfo object; the rest Strings).
    const TABLE: &[(&str, Ty)] = &[
        ("origNum", Ty::Str),
        ("privateNum", Ty::Str),
        ("privateNumType", Ty::Str),
        ("areaCode", Ty::Str),
        ("areaMatchMode", Ty::Str),
        ("recordFlag", Ty::Str),
        ("recordHintTone", Ty::Str),
        ("calleeNumDisplay", Ty::Str),
        ("privateSms", Ty::Str),
        ("preVoice", Ty::Obj),
        ("maxDuration", Ty::Int),
        ("lastMinVoice", Ty::Str),
        ("userData", Ty::Str),
        ("turnFlag", Ty::Str),
        ("callDirection", Ty::Int),
    ];
    let server = start(vec![Reply::Json(200, AX_BIND)]).await;
    let mut r = AxBindRequest::new(num("13800010001"));
    r.area_code = Some("0755".into());
    r.area_match_mode = Some(AreaMatchMode::Relaxed);
    r.call_direction = Some(CallDirection::Both);
    r.record = Some(true);
    r.record_hint_tone = Some("recordHintTone.wav".into());
    r.callee_num_display = Some("0".into());
    r.private_sms = Some(true);
    r.pre_voice = Some(PlayInfo {
        caller_hint_tone: Some("callerHintTone.wav".into()),
        callee_hint_tone: None,
    });
    r.max_duration_mins = Some(60);
    r.last_min_voice = Some("lastMinVoice.wav".into());
    r.user_data = Some("abc".into());
    r.turn_flag = Some(false);
    let b = client(&server.base).ax_bind(&r).await.expect("bind");
    assert_eq!(b.subscription_id, "****");
    assert_eq!(b.orig_num, "+86138****0001");
    assert_eq!(b.private_num, "+86170****0001");
    let sent = sent_body(&server);
    assert_matches_table("AX bind", &sent, TABLE);
    assert_eq!(sent["turnFlag"], "off", "turnFlag is on/off");
    assert_eq!(sent["privateNumType"], "mobile-virtual");
}

#[tokio::test]
async fn ax_bind_refused_for_the_five_x_limit_is_explained() {
    // https://support.huaweicloud.com/PrivateNumber_faq/pn_faq_1011003.html
    let server = start(vec![Reply::Json(403, AX_LIMIT)]).await;
    let mut r = AxBindRequest::new(num("13800010001"));
    r.private_num = Some(num("17000000006"));
    let e = client(&server.base).ax_bind(&r).await.expect_err("refused");
    let code = e.result_code().expect("a platform code").clone();
    assert_eq!(code, ResultCode::AxLimitReached);
    let x = code.explanation();
    assert!(
        x.en.contains("at most 5") && x.zh.contains("最多只能同时绑定 5 个"),
        "{x:?}"
    );
}

#[tokio::test]
async fn ax_unbind_request_is_the_examples_and_the_answer_decodes() {
    // https://support.huaweicloud.com/api-PrivateNumber/privatenumber_02_0012.html 请求示例
    // `DELETE /rest/provision/caas/privatenumber/v1.0?origNum=%2B86138****7021&privateNum=%2B86138****0021`
    // and 响应示例 (the fixture). Table 2: origNum is not parsed by the platform, privateNum or
    // subscriptionId names the binding.
    let server = start(vec![
        Reply::Json(200, AX_UNBIND),
        Reply::Json(200, AX_UNBIND),
    ])
    .await;
    let c = client(&server.base);
    c.ax_unbind(&AxKey::Pair {
        orig: num("13800007021"),
        private_num: num("13800000021"),
    })
    .await
    .expect("unbind by A and X");
    c.ax_unbind(&AxKey::Subscription("sub-1".into()))
        .await
        .expect("unbind by id");
    let seen = server.requests();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].method, "DELETE");
    assert_eq!(
        seen[0].target,
        "/rest/provision/caas/privatenumber/v1.0?origNum=%2B8613800007021&privateNum=%2B8613800000021",
        "names and order of the page's example, `+` as %2B"
    );
    assert!(seen[0].body.is_empty(), "no body: {}", seen[0].body);
    assert_eq!(
        seen[1].target,
        "/rest/provision/caas/privatenumber/v1.0?subscriptionId=sub-1"
    );
}
