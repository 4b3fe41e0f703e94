use super::*;

fn client(base: &str) -> Result<Client, ApiError> {
    Client::new(ClientConfig::new(
        base,
        "app-key",
        Sensitive::new("secret".to_string()),
    ))
}

fn config_error(r: Result<Client, ApiError>) -> String {
    match r {
        Err(ApiError::Config(m)) => m,
        other => panic!("expected a configuration error, got {other:?}"),
    }
}

#[test]
fn plain_http_only_to_loopback() {
    for ok in [
        "https://rtcpns.cn-north-1.myhuaweicloud.com",
        "https://rtcapi.cn-north-1.myhuaweicloud.com:12543",
        "http://127.0.0.1:8080",
        "http://127.8.9.10",
        "http://[::1]:9000",
        "http://localhost:1234/prefix",
    ] {
        assert!(client(ok).is_ok(), "{ok} should be accepted");
    }
    let m = config_error(client("http://rtcpns.cn-north-1.myhuaweicloud.com"));
    assert!(
        m.contains("only allowed to this computer") && m.contains("https://"),
        "{m}"
    );
    config_error(client("http://192.168.1.10"));
    config_error(client("http://localhost.example.com"));
    config_error(client("ftp://127.0.0.1"));
    config_error(client("not a url"));
}

#[test]
fn rejects_empty_credentials_bad_limits_and_bad_ca() {
    let base = "https://example.com";
    let mut c = ClientConfig::new(base, "", Sensitive::new("s".into()));
    config_error(Client::new(c.clone()));
    c.app_key = "k".into();
    c.secret = Sensitive::new(String::new());
    config_error(Client::new(c.clone()));
    c.secret = Sensitive::new("s".into());
    c.rate_limit = RateLimit {
        per_second: 0,
        burst: 1,
    };
    config_error(Client::new(c.clone()));
    c.rate_limit = RateLimit::default();
    c.custom_ca_pem = Some(b"not a certificate".to_vec());
    let m = config_error(Client::new(c));
    assert!(m.contains("CA"), "{m}");
}

#[test]
fn urls_keep_the_base_path_and_escape_plus() {
    let c = client("http://127.0.0.1:9/sim/").expect("client");
    let q = vec![
        ("relationNum", "+8613800010001".to_string()),
        ("pageIndex", "1".to_string()),
    ];
    let url = c.url("/rest/caas/relationnumber/partners/v1.0", &q);
    assert_eq!(
        url.as_str(),
        "http://127.0.0.1:9/sim/rest/caas/relationnumber/partners/v1.0?relationNum=%2B8613800010001&pageIndex=1"
    );
    let plain = client("https://example.com")
        .expect("client")
        .url("/rest/x", &[]);
    assert_eq!(plain.as_str(), "https://example.com/rest/x", "no stray ?");
    let spaced = client("https://example.com")
        .expect("client")
        .url("/rest/x", &[("fileName", "a b&c=d.wav".to_string())]);
    assert_eq!(spaced.query(), Some("fileName=a+b%26c%3Dd.wav"));
}

#[test]
fn debug_of_client_and_config_hides_the_secret() {
    let cfg = ClientConfig::new(
        "https://example.com",
        "k",
        Sensitive::new("TOPSECRET".into()),
    );
    let c = Client::new(cfg.clone()).expect("client");
    assert!(!format!("{cfg:?} {c:?}").contains("TOPSECRET"));
}
