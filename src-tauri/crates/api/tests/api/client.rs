//! Client behaviour against a scripted loopback HTTP server: signing on the wire, escaping,
//! error mapping, which failures are retried, redirects and timeouts (log redaction: logs.rs).

use crate::support::scripted as support;

use std::time::Duration;

use maskline_api::axb::{AxbBindRequest, AxbQuery, AxbUnbind};
use maskline_api::axyb::AxybQuery;
use maskline_api::{
    ApiError, AuthScheme, Client, ClientConfig, Page, PhoneNumber, RateLimit, ResultCode,
    RetryPolicy, Sensitive, Timeouts, sign,
};
use support::{Reply, start};

const OK_BIND: &str = r#"{"resultcode":"0","resultdesc":"Success","subscriptionId":"sub-1","relationNum":"+8617000000001"}"#;
const OK: &str = r#"{"resultcode":"0","resultdesc":"Success"}"#;

fn config(base: &str, scheme: AuthScheme) -> ClientConfig {
    let mut c = ClientConfig::new(base, "test_key", Sensitive::new("test_secret".to_string()));
    c.scheme = scheme;
    c.rate_limit = RateLimit {
        per_second: 1000,
        burst: 1000,
    };
    c.retry = RetryPolicy {
        max_retries: 2,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
    };
    c.timeouts = Timeouts {
        connect: Duration::from_secs(2),
        overall: Duration::from_secs(5),
    };
    c
}

fn client(base: &str) -> Client {
    Client::new(config(base, AuthScheme::Aksk)).expect("client")
}

fn num(s: &str) -> PhoneNumber {
    PhoneNumber::parse(s).expect("number")
}

fn bind_request() -> AxbBindRequest {
    AxbBindRequest::new(num("13800010001"), num("13900020002"))
}

/// Splits `UsernameToken Username="…",PasswordDigest="…",…` into its attributes.
fn token_attrs(v: &str) -> Vec<(String, String)> {
    let rest = v
        .strip_prefix("UsernameToken ")
        .expect("UsernameToken prefix");
    rest.split(',')
        .map(|kv| {
            let (k, v) = kv.split_once('=').expect("k=v");
            (k.to_string(), v.trim_matches('"').to_string())
        })
        .collect()
}

#[tokio::test]
async fn aksk_bind_is_signed_and_decoded() {
    let server = start(vec![Reply::Json(200, OK_BIND)]).await;
    let bound = client(&server.base)
        .axb_bind(&bind_request())
        .await
        .expect("bind");
    assert_eq!(
        (bound.subscription_id.as_str(), bound.relation_num.as_str()),
        ("sub-1", "+8617000000001")
    );

    let req = &server.requests()[0];
    assert_eq!(
        (req.method.as_str(), req.target.as_str()),
        ("POST", "/rest/caas/relationnumber/partners/v1.0")
    );
    assert_eq!(
        req.header("content-type"),
        Some("application/json;charset=UTF-8")
    );
    assert_eq!(
        req.header("authorization"),
        Some(r#"AKSK realm="SDP",profile="UsernameToken",type="Appkey""#)
    );
    let attrs = token_attrs(req.header("x-aksk").expect("X-AKSK sent"));
    let keys: Vec<_> = attrs.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["Username", "PasswordDigest", "Nonce", "Created"]);
    assert_eq!(attrs[0].1, "test_key");
    let (nonce, created) = (&attrs[2].1, &attrs[3].1);
    assert_eq!(
        attrs[1].1,
        sign::aksk_digest("test_secret", nonce, created),
        "digest over the sent nonce+created"
    );
    assert_eq!(nonce.len(), 32);
    assert!(
        created.ends_with('Z') && created.len() == 20,
        "Created {created}"
    );
    let body: serde_json::Value = serde_json::from_str(&req.body).expect("JSON body");
    assert_eq!(body["callerNum"], "+8613800010001");
    assert!(req.header("x-wsse").is_none());
}

#[tokio::test]
async fn wsse_accounts_send_x_wsse() {
    let server = start(vec![Reply::Json(200, OK)]).await;
    let c = Client::new(config(&server.base, AuthScheme::Wsse)).expect("client");
    c.axb_unbind(&AxbUnbind::Subscription("sub-1".into()))
        .await
        .expect("unbind");
    let req = &server.requests()[0];
    assert_eq!(
        req.header("authorization"),
        Some(r#"WSSE realm="SDP",profile="UsernameToken",type="Appkey""#)
    );
    let attrs = token_attrs(req.header("x-wsse").expect("X-WSSE sent"));
    assert_eq!(
        attrs[1].1,
        sign::wsse_digest("test_secret", &attrs[2].1, &attrs[3].1)
    );
    assert!(req.header("x-aksk").is_none());
    assert_eq!(req.method, "DELETE");
    assert_eq!(
        req.target,
        "/rest/caas/relationnumber/partners/v1.0?subscriptionId=sub-1"
    );
}

#[tokio::test]
async fn plus_is_escaped_on_the_wire_and_axyb_carries_app_key() {
    let server = start(vec![Reply::Json(
        200,
        r#"{"resultcode":"0","totalCount":0,"relationNumList":[]}"#,
    )])
    .await;
    let c = client(&server.base);
    let q = AxbQuery::Number {
        relation_num: num("17000000001"),
        caller: None,
        callee: None,
        page: Page::default(),
    };
    let page = c.axb_query(&q).await.expect("query");
    assert!(page.bindings.is_empty());
    c.axyb_query(&AxybQuery::RelationNum(num("17000000001")))
        .await
        .expect("axyb query");
    let seen = server.requests();
    assert_eq!(
        seen[0].target,
        "/rest/caas/relationnumber/partners/v1.0?relationNum=%2B8617000000001&pageIndex=1&pageSize=50"
    );
    assert_eq!(
        seen[1].target,
        "/rest/omp/xyrelationnumber/v1.0?app_key=test_key&relationNum=%2B8617000000001"
    );
}

#[tokio::test]
async fn platform_codes_map_to_typed_errors() {
    let server = start(vec![Reply::Json(
        403,
        r#"{"resultcode":"1012010","resultdesc":"The number $ has been bound."}"#,
    )])
    .await;
    let err = client(&server.base)
        .axb_bind(&bind_request())
        .await
        .expect_err("conflict");
    match &err {
        ApiError::Platform { code, desc, status } => {
            assert_eq!((code, *status), (&ResultCode::NumberAlreadyBound, 403));
            assert!(desc.contains("has been bound"));
        }
        other => panic!("expected Platform, got {other:?}"),
    }
    assert!(
        err.explanation()
            .expect("explained")
            .action_en
            .contains("unbind")
    );
    assert_eq!(
        server.requests().len(),
        1,
        "a business error is not retried"
    );
}

#[tokio::test]
async fn get_is_retried_on_5xx_and_closed_connections() {
    let server = start(vec![
        Reply::Json(503, "busy"),
        Reply::Close,
        Reply::Json(200, OK),
    ])
    .await;
    client(&server.base)
        .axyb_query(&AxybQuery::Subscription("r".into()))
        .await
        .expect("third try works");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn writes_that_may_have_arrived_are_never_resent() {
    let server = start(vec![Reply::Close, Reply::Json(200, OK_BIND)]).await;
    let err = client(&server.base)
        .axb_bind(&bind_request())
        .await
        .expect_err("connection dropped");
    assert!(
        matches!(
            err,
            ApiError::Transport {
                request_sent: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        server.requests().len(),
        1,
        "the bind must not be sent twice"
    );

    let server = start(vec![
        Reply::Json(502, "bad gateway"),
        Reply::Json(200, OK_BIND),
    ])
    .await;
    let err = client(&server.base)
        .axb_bind(&bind_request())
        .await
        .expect_err("502");
    assert!(
        matches!(err, ApiError::HttpStatus { status: 502, .. }),
        "{err:?}"
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn flow_control_is_retried_even_for_writes() {
    let flow = r#"{"resultcode":"1010010","resultdesc":"The flow control upper limit is reached on the platform."}"#;
    let server = start(vec![
        Reply::Json(403, flow),
        Reply::Json(403, flow),
        Reply::Json(200, OK_BIND),
    ])
    .await;
    client(&server.base)
        .axb_bind(&bind_request())
        .await
        .expect("succeeds after flow control");
    assert_eq!(server.requests().len(), 3);

    let server = start(vec![Reply::Json(403, flow)]).await;
    let err = client(&server.base)
        .axb_bind(&bind_request())
        .await
        .expect_err("gives up");
    assert!(err.is_flow_control());
    assert_eq!(server.requests().len(), 3, "1 try + max_retries");
}

#[tokio::test]
async fn refused_connections_were_not_sent() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let err = client(&format!("http://127.0.0.1:{port}"))
        .axb_bind(&bind_request())
        .await
        .expect_err("refused");
    assert!(
        matches!(
            err,
            ApiError::Transport {
                request_sent: false,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.surely_not_sent());
}

#[tokio::test]
async fn slow_answers_time_out_and_writes_are_not_resent() {
    let server = start(vec![Reply::Hang]).await;
    let mut cfg = config(&server.base, AuthScheme::Aksk);
    cfg.timeouts.overall = Duration::from_millis(300);
    let err = Client::new(cfg)
        .expect("client")
        .axb_bind(&bind_request())
        .await
        .expect_err("timeout");
    assert!(
        matches!(
            err,
            ApiError::Timeout {
                during_connect: false
            }
        ),
        "{err:?}"
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn recording_link_is_returned_and_never_followed() {
    let storage = start(vec![Reply::Json(200, OK)]).await;
    let target = format!(
        "{}/files/22051313251812007961340.wav?token=abc",
        storage.base
    );
    let server = start(vec![Reply::Redirect(target.clone())]).await;
    let before = time::OffsetDateTime::now_utc();
    let link = client(&server.base)
        .recording_url("22051313251812007961340.wav", "ostorQH2.huawei.com")
        .await
        .expect("link");
    assert_eq!(link.url.as_str(), target);
    let validity = link.expires_at - before;
    assert!(
        validity >= time::Duration::days(3)
            && validity < time::Duration::days(3) + time::Duration::minutes(1)
    );
    assert!(
        storage.requests().is_empty(),
        "the redirect must not be followed (credentials would go along)"
    );
    assert_eq!(
        server.requests()[0].target,
        "/rest/provision/voice/record/v1.0?fileName=22051313251812007961340.wav&recordDomain=ostorQH2.huawei.com"
    );

    let relative = start(vec![Reply::Redirect("/dl/a.wav".into())]).await;
    let link = client(&relative.base)
        .recording_url("a.wav", "d")
        .await
        .expect("relative link");
    assert_eq!(link.url.as_str(), format!("{}/dl/a.wav", relative.base));

    let insecure = start(vec![Reply::Redirect(
        "http://files.example.com/a.wav".into(),
    )])
    .await;
    let err = client(&insecure.base)
        .recording_url("a.wav", "d")
        .await
        .expect_err("plain http link");
    assert!(matches!(err, ApiError::Decode(_)), "{err:?}");
}
