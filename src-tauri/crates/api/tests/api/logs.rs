//! Logs never carry the signature headers or whole phone numbers.
//!
//! `tracing`'s callsite interest is global, so a scoped subscriber (`set_default`) in a process
//! that runs other tests in parallel can miss events: the capture is the process's global
//! subscriber instead, so it also holds what the other tests of this binary log (the same
//! rules hold for those lines).

use crate::support::scripted as support;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use maskline_api::axb::AxbBindRequest;
use maskline_api::{Client, ClientConfig, PhoneNumber, RateLimit, RetryPolicy, Sensitive};
use support::{Reply, start};

const OK_BIND: &str = r#"{"resultcode":"0","resultdesc":"Success","subscriptionId":"sub-1","relationNum":"+8617000000001"}"#;

fn client(base: &str) -> Client {
    let mut c = ClientConfig::new(base, "test_key", Sensitive::new("test_secret".to_string()));
    c.rate_limit = RateLimit {
        per_second: 1000,
        burst: 1000,
    };
    c.retry = RetryPolicy {
        max_retries: 2,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
    };
    Client::new(c).expect("client")
}

fn bind_request() -> AxbBindRequest {
    let num = |s: &str| PhoneNumber::parse(s).expect("number");
    AxbBindRequest::new(num("13800010001"), num("13900020002"))
}

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("capture").extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Capture {
    type Writer = Capture;
    fn make_writer(&'a self) -> Capture {
        self.clone()
    }
}

#[tokio::test]
async fn logs_hide_signatures_and_phone_numbers() {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(capture.clone())
        .finish();
    tracing::subscriber::set_global_default(subscriber)
        .expect("the only test of this binary that installs a subscriber");
    let flow = r#"{"resultcode":"1010010","resultdesc":"busy +8613800010001"}"#;
    let server = start(vec![Reply::Json(403, flow), Reply::Json(200, OK_BIND)]).await;
    client(&server.base)
        .axb_bind(&bind_request())
        .await
        .expect("bind");
    let logs = String::from_utf8(capture.0.lock().expect("logs").clone()).expect("utf8");
    assert!(
        logs.contains("PrivateNumber request"),
        "requests are logged: {logs}"
    );
    assert!(logs.contains("retrying"), "retries are logged");
    for secret in [
        "PasswordDigest",
        "test_key",
        "+8613800010001",
        "13900020002",
        "8617000000001",
    ] {
        assert!(!logs.contains(secret), "{secret} leaked into logs:\n{logs}");
    }
    assert!(logs.contains("x-aksk: [redacted]"), "{logs}");
    assert!(
        logs.contains("138****0001"),
        "numbers are masked, not dropped: {logs}"
    );
}
