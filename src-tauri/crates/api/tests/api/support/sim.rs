//! Shared helpers for the client-against-simulator tests: a seeded simulator on 127.0.0.1:0,
//! clients for its demo apps under either auth scheme, the admin endpoints and error checks.
//! maskline-api's tests and `tests/tests/cross` (same file) each use a subset, hence the
//! `dead_code` allowance.
#![allow(dead_code)]

use std::time::Duration;

use maskline_api::{
    ApiError, AuthScheme, Client, ClientConfig, PhoneNumber, RateLimit, RetryPolicy, Sensitive,
    Timeouts,
};
use maskline_sim::{SimConfig, SimHandle, Simulator};
use serde_json::{Value, json};

/// A demo app of the simulator (README "Demo apps").
#[derive(Debug, Clone, Copy)]
pub struct App {
    pub key: &'static str,
    pub secret: &'static str,
}

pub const AXB: App = App {
    key: "demo-axb-key",
    secret: "demo-axb-secret",
};
pub const AX: App = App {
    key: "demo-ax-key",
    secret: "demo-ax-secret",
};
pub const AXE: App = App {
    key: "demo-axe-key",
    secret: "demo-axe-secret",
};
pub const AXYB: App = App {
    key: "demo-axyb-key",
    secret: "demo-axyb-secret",
};

/// Runs `async fn name(scheme: AuthScheme)` once per auth scheme, as `name::aksk` and `name::wsse`.
#[macro_export]
macro_rules! both_schemes {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn aksk() {
                super::$name(maskline_api::AuthScheme::Aksk).await
            }
            #[tokio::test]
            async fn wsse() {
                super::$name(maskline_api::AuthScheme::Wsse).await
            }
        }
    )*};
}

/// A simulator with the demo apps and a fixed seed.
pub async fn sim() -> SimHandle {
    sim_with(SimConfig {
        seed: 7,
        ..SimConfig::default()
    })
    .await
}

pub async fn sim_with(config: SimConfig) -> SimHandle {
    Simulator::start(config)
        .await
        .expect("the simulator starts on 127.0.0.1:0")
}

/// Client settings for tests: generous rate, fast retries, short timeouts.
pub fn config(base_url: &str, app: App, scheme: AuthScheme) -> ClientConfig {
    let mut c = ClientConfig::new(base_url, app.key, Sensitive::new(app.secret.to_string()));
    c.scheme = scheme;
    c.rate_limit = RateLimit {
        per_second: 1000,
        burst: 1000,
    };
    c.retry = RetryPolicy {
        max_retries: 3,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
    };
    c.timeouts = Timeouts {
        connect: Duration::from_secs(5),
        overall: Duration::from_secs(15),
    };
    c
}

pub fn client(sim: &SimHandle, app: App, scheme: AuthScheme) -> Client {
    Client::new(config(&sim.base_url(), app, scheme)).expect("a valid client configuration")
}

pub fn num(s: &str) -> PhoneNumber {
    PhoneNumber::parse(s).unwrap_or_else(|e| panic!("test number {s} must parse: {e}"))
}

/// The platform result code of a failed call; panics (with `why`) on success or another error kind.
pub fn platform_code<T: std::fmt::Debug>(result: Result<T, ApiError>, why: &str) -> String {
    match result {
        Err(ApiError::Platform { code, .. }) => code.code().to_string(),
        other => panic!("{why}: expected a platform error, got {other:?}"),
    }
}

/// Asserts that `result` failed with platform code `expected`, and returns the error.
pub fn expect_code<T: std::fmt::Debug>(
    result: Result<T, ApiError>,
    expected: &str,
    why: &str,
) -> ApiError {
    match result {
        Err(e @ ApiError::Platform { .. }) => {
            let got = e.result_code().map(|c| c.code().to_string());
            assert_eq!(got.as_deref(), Some(expected), "{why}: {e}");
            e
        }
        other => panic!("{why}: expected platform error {expected}, got {other:?}"),
    }
}

fn admin_http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("reqwest client")
}

/// `GET /sim/admin/{path}` as JSON.
pub async fn admin_get(sim: &SimHandle, path: &str) -> Value {
    let resp = admin_http()
        .get(format!("{}/sim/admin/{path}", sim.base_url()))
        .send()
        .await
        .expect("admin endpoint answers");
    assert!(resp.status().is_success(), "admin GET {path}: {resp:?}");
    resp.json().await.expect("admin JSON")
}

/// `POST /sim/admin/{path}` with a JSON body.
pub async fn admin_post(sim: &SimHandle, path: &str, body: Value) -> Value {
    let resp = admin_http()
        .post(format!("{}/sim/admin/{path}", sim.base_url()))
        .json(&body)
        .send()
        .await
        .expect("admin endpoint answers");
    assert!(resp.status().is_success(), "admin POST {path}: {resp:?}");
    resp.json().await.expect("admin JSON")
}

/// `PUT /sim/admin/{path}` with a JSON body.
pub async fn admin_put(sim: &SimHandle, path: &str, body: Value) -> Value {
    let resp = admin_http()
        .put(format!("{}/sim/admin/{path}", sim.base_url()))
        .json(&body)
        .send()
        .await
        .expect("admin endpoint answers");
    assert!(resp.status().is_success(), "admin PUT {path}: {resp:?}");
    resp.json().await.unwrap_or(Value::Null)
}

/// Removes every fault rule.
pub async fn clear_faults(sim: &SimHandle) {
    let resp = admin_http()
        .delete(format!("{}/sim/admin/faults", sim.base_url()))
        .send()
        .await
        .expect("admin endpoint answers");
    assert!(resp.status().is_success(), "admin DELETE faults: {resp:?}");
}

/// Adds a fault rule (`{"kind": …, "next": N, …}`) for the platform routes.
pub async fn add_fault(sim: &SimHandle, rule: Value) {
    admin_post(sim, "faults", rule).await;
}

/// Bindings the simulator holds for a mode (`"axb"`, `"ax"`, `"axe"`, `"axyb"`).
pub async fn binding_count(sim: &SimHandle, mode: &str) -> u64 {
    let state = admin_get(sim, "state").await;
    state["bindings"][mode]
        .as_u64()
        .unwrap_or_else(|| panic!("state has a binding count for {mode}: {state}"))
}

const COUNTER_BUDGET: u64 = 1_000_000;

/// Counts requests reaching the simulator's platform routes: a zero-latency fault rule for the
/// next 1,000,000 requests, whose remaining budget the admin API reports. The simulator applies
/// the first latency rule that fires, so add a real latency fault *before* installing this.
pub async fn install_request_counter(sim: &SimHandle) {
    add_fault(
        sim,
        json!({"kind": "latency", "latencyMs": 0, "next": COUNTER_BUDGET}),
    )
    .await;
}

/// Platform requests received since [`install_request_counter`].
pub async fn requests_received(sim: &SimHandle) -> u64 {
    let faults = admin_get(sim, "faults").await;
    let remaining = faults["rules"]
        .as_array()
        .and_then(|rules| {
            rules
                .iter()
                .find(|r| r["kind"] == "latency" && r["latencyMs"] == 0)
        })
        .and_then(|r| r["next"].as_u64())
        .unwrap_or_else(|| panic!("the counting rule is installed: {faults}"));
    COUNTER_BUDGET - remaining
}

/// A GET to a platform route signed with `maskline_api::sign`, bypassing the typed client, to
/// read fields the typed answers do not carry.
pub async fn raw_get(sim: &SimHandle, app: App, scheme: AuthScheme, path_and_query: &str) -> Value {
    let auth = maskline_api::sign::sign_now(scheme, app.key, app.secret);
    let resp = admin_http()
        .get(format!("{}{path_and_query}", sim.base_url()))
        .header("Authorization", &auth.authorization)
        .header(auth.token_name, &auth.token_value)
        .send()
        .await
        .expect("the simulator answers");
    resp.json().await.expect("a JSON answer")
}
