//! Test-local signer and client. Deliberately re-implements WSSE/AKSK from the reference.

use std::sync::atomic::{AtomicU64, Ordering};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use maskline_sim::{SimConfig, SimHandle, Simulator};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub const AXB: (&str, &str) = ("demo-axb-key", "demo-axb-secret");
pub const AX: (&str, &str) = ("demo-ax-key", "demo-ax-secret");
pub const AXE: (&str, &str) = ("demo-axe-key", "demo-axe-secret");
pub const AXYB: (&str, &str) = ("demo-axyb-key", "demo-axyb-secret");

pub const AXB_URI: &str = "/rest/caas/relationnumber/partners/v1.0";
pub const AX_URI: &str = "/rest/provision/caas/privatenumber/v1.0";
pub const AX_CALLEE_URI: &str = "/rest/caas/privatenumber/calleenumber/v1.0";
pub const AXE_URI: &str = "/rest/caas/extendnumber/v1.0";
pub const AXYB_URI: &str = "/rest/omp/xyrelationnumber/v1.0";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Wsse,
    Aksk,
}

static NONCE: AtomicU64 = AtomicU64::new(1);

pub fn nonce() -> String {
    format!(
        "{:016X}{:016X}",
        0x5eed_u64,
        NONCE.fetch_add(1, Ordering::SeqCst)
    )
}

pub fn created_now() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    )
}

pub fn digest(scheme: Scheme, secret: &str, nonce: &str, created: &str) -> String {
    match scheme {
        Scheme::Wsse => {
            let joined = format!("{nonce}{created}{secret}");
            STANDARD.encode(Sha256::digest(joined.as_bytes()))
        }
        Scheme::Aksk => {
            let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("hmac key");
            mac.update(format!("{nonce}{created}").as_bytes());
            STANDARD.encode(mac.finalize().into_bytes())
        }
    }
}

/// `(Authorization, token header name, token header value)`.
pub fn headers(
    scheme: Scheme,
    key: &str,
    secret: &str,
    nonce: &str,
    created: &str,
) -> (String, &'static str, String) {
    let d = digest(scheme, secret, nonce, created);
    let (word, name) = match scheme {
        Scheme::Wsse => ("WSSE", "X-WSSE"),
        Scheme::Aksk => ("AKSK", "X-AKSK"),
    };
    (
        format!("{word} realm=\"SDP\",profile=\"UsernameToken\",type=\"Appkey\""),
        name,
        format!(
            "UsernameToken Username=\"{key}\",PasswordDigest=\"{d}\",Nonce=\"{nonce}\",Created=\"{created}\""
        ),
    )
}

pub async fn start() -> SimHandle {
    start_with(SimConfig {
        seed: 7,
        ..SimConfig::default()
    })
    .await
}

pub async fn start_with(cfg: SimConfig) -> SimHandle {
    Simulator::start(cfg)
        .await
        .expect("simulator starts on 127.0.0.1:0")
}

/// A signed client for one app.
#[derive(Clone)]
pub struct Client {
    pub http: reqwest::Client,
    pub base: String,
    pub key: String,
    pub secret: String,
    pub scheme: Scheme,
}

pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("reqwest client")
}

impl Client {
    pub fn new(sim: &SimHandle, app: (&str, &str), scheme: Scheme) -> Self {
        Self {
            http: http(),
            base: sim.base_url(),
            key: app.0.into(),
            secret: app.1.into(),
            scheme,
        }
    }

    pub fn request(&self, method: Method, path_and_query: &str) -> reqwest::RequestBuilder {
        let (authz, name, value) = headers(
            self.scheme,
            &self.key,
            &self.secret,
            &nonce(),
            &created_now(),
        );
        self.http
            .request(method, format!("{}{path_and_query}", self.base))
            .header("Authorization", authz)
            .header(name, value)
            .header("Accept", "application/json")
    }

    pub async fn call(
        &self,
        method: Method,
        path_and_query: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self.request(method, path_and_query);
        if let Some(b) = body {
            req = req
                .header("Content-Type", "application/json;charset=UTF-8")
                .body(b.to_string());
        }
        let resp = req.send().await.expect("request reaches the simulator");
        let status = resp.status();
        let text = resp.text().await.expect("body");
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    pub async fn post(&self, p: &str, b: Value) -> Value {
        self.call(Method::POST, p, Some(b)).await.1
    }
    pub async fn put(&self, p: &str, b: Value) -> Value {
        self.call(Method::PUT, p, Some(b)).await.1
    }
    pub async fn get(&self, p: &str) -> Value {
        self.call(Method::GET, p, None).await.1
    }
    pub async fn delete(&self, p: &str) -> Value {
        self.call(Method::DELETE, p, None).await.1
    }
}

/// `%2B`-escape a number for a query string.
pub fn esc(n: &str) -> String {
    n.replace('+', "%2B")
}

pub fn code(v: &Value) -> &str {
    v["resultcode"].as_str().unwrap_or("<missing resultcode>")
}

/// Assert success and return the body.
pub fn ok(v: Value) -> Value {
    assert_eq!(code(&v), "0", "expected success, got {v}");
    v
}

/// An admin call (unsigned).
pub async fn admin(sim: &SimHandle, method: Method, path: &str, body: Option<Value>) -> Value {
    let mut req = http().request(method, format!("{}{path}", sim.base_url()));
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send()
        .await
        .expect("admin call")
        .json()
        .await
        .expect("admin JSON")
}

/// Numbers of a demo app in one area.
pub fn numbers_in(sim: &SimHandle, key: &str, area: &str) -> Vec<String> {
    sim.apps()
        .into_iter()
        .find(|a| a.key == key)
        .expect("demo app exists")
        .numbers
        .into_iter()
        .filter(|n| n.area_code == area)
        .map(|n| n.number)
        .collect()
}

/// Poll `check` (up to ~10 s of 50 ms steps) until it returns Some.
pub async fn eventually<T, F, Fut>(mut check: F) -> Option<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    for _ in 0..200 {
        if let Some(v) = check().await {
            return Some(v);
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    None
}
