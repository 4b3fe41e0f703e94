//! Admin endpoints under `/sim/admin/...` (no signature): clock control, call generation,
//! fault injection, delivery inspection, callback targets. Not part of the real platform.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::calls;
use crate::model::clock::fmt_utc;
use crate::model::config::CallbackAuth;
use crate::model::faults::FaultRule;
use crate::state::Sim;

pub(crate) fn routes() -> Router<Arc<Sim>> {
    Router::new()
        .route("/sim/admin/state", get(state))
        .route("/sim/admin/clock/advance", post(advance))
        .route("/sim/admin/auth/skew", post(skew))
        .route("/sim/admin/auth/unlock", post(unlock))
        .route("/sim/admin/calls/generate", post(generate))
        .route(
            "/sim/admin/faults",
            get(faults).post(add_fault).delete(clear_faults),
        )
        .route("/sim/admin/deliveries", get(deliveries))
        .route("/sim/admin/apps/{key}/callbacks", put(callbacks))
}

fn bad(status: StatusCode, msg: impl Into<String>) -> Response {
    (status, Json(json!({ "error": msg.into() }))).into_response()
}

async fn state(State(sim): State<Arc<Sim>>) -> Response {
    let now = sim.clock.now();
    let apps: Vec<_> = sim
        .apps
        .read()
        .unwrap_or_else(|p| p.into_inner())
        .iter()
        .map(|a| {
            json!({
                "key": a.key, "mode": a.mode, "numbers": a.numbers,
                "callbackUrl": a.callback_url, "eventUrl": a.event_url, "feeUrl": a.fee_url,
                "deliverDir": a.deliver_dir, "recording": a.recording,
            })
        })
        .collect();
    let s = sim.state();
    Json(json!({
        "now": now,
        "nowUtc": fmt_utc(now),
        "timeFactor": sim.clock.factor(),
        "apps": apps,
        "bindings": { "axb": s.axb.len(), "ax": s.ax.len(), "axe": s.axe.len(), "axyb": s.axyb.len() },
        "ongoingCalls": s.calls.len(),
        "recordings": s.recordings.len(),
    }))
    .into_response()
}

#[derive(Deserialize)]
struct Seconds {
    seconds: i64,
}

async fn advance(State(sim): State<Arc<Sim>>, Json(b): Json<Seconds>) -> Response {
    if b.seconds < 0 {
        return bad(StatusCode::BAD_REQUEST, "seconds must be >= 0");
    }
    sim.clock.advance(Duration::from_secs(b.seconds as u64));
    calls::finish_due(&sim);
    sim.wake.notify_one();
    Json(json!({ "now": sim.clock.now(), "nowUtc": fmt_utc(sim.clock.now()) })).into_response()
}

async fn skew(State(sim): State<Arc<Sim>>, Json(b): Json<Seconds>) -> Response {
    sim.clock.set_auth_skew(b.seconds);
    Json(json!({ "authSkewSeconds": b.seconds })).into_response()
}

async fn unlock(State(sim): State<Arc<Sim>>) -> Response {
    sim.auth
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .unlock_all();
    Json(json!({})).into_response()
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Generate {
    app_key: String,
    #[serde(default = "one")]
    count: u32,
    #[serde(default)]
    ongoing: u32,
}

fn one() -> u32 {
    1
}

async fn generate(State(sim): State<Arc<Sim>>, Json(b): Json<Generate>) -> Response {
    match calls::generate(&sim, &b.app_key, b.count.min(10_000), b.ongoing) {
        Ok(calls) => Json(json!({ "calls": calls })).into_response(),
        Err(e) => bad(StatusCode::BAD_REQUEST, e.desc),
    }
}

async fn faults(State(sim): State<Arc<Sim>>) -> Response {
    let f = sim.faults.lock().unwrap_or_else(|p| p.into_inner());
    Json(json!({ "rules": f.rules })).into_response()
}

async fn add_fault(State(sim): State<Arc<Sim>>, Json(rule): Json<FaultRule>) -> Response {
    let mut f = sim.faults.lock().unwrap_or_else(|p| p.into_inner());
    f.rules.push(rule);
    Json(json!({ "rules": f.rules })).into_response()
}

async fn clear_faults(State(sim): State<Arc<Sim>>) -> Response {
    sim.faults
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .rules
        .clear();
    Json(json!({ "rules": [] })).into_response()
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DeliveryFilter {
    app_key: Option<String>,
    kind: Option<String>,
}

async fn deliveries(State(sim): State<Arc<Sim>>, Query(f): Query<DeliveryFilter>) -> Response {
    let ob = sim.outbox.lock().unwrap_or_else(|p| p.into_inner());
    let items: Vec<_> = ob
        .items
        .iter()
        .filter(|i| f.app_key.as_ref().is_none_or(|k| &i.app_key == k))
        .filter(|i| {
            f.kind.as_deref().is_none_or(|k| {
                serde_json::to_value(i.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(|s| s == k))
                    == Some(true)
            })
        })
        .cloned()
        .collect();
    Json(json!({ "deliveries": items })).into_response()
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Callbacks {
    callback_url: Option<String>,
    event_url: Option<String>,
    fee_url: Option<String>,
    deliver_dir: Option<PathBuf>,
    callback_auth: Option<CallbackAuth>,
}

async fn callbacks(
    State(sim): State<Arc<Sim>>,
    Path(key): Path<String>,
    Json(b): Json<Callbacks>,
) -> Response {
    let mut apps = sim.apps.write().unwrap_or_else(|p| p.into_inner());
    let Some(app) = apps.iter_mut().find(|a| a.key == key) else {
        return bad(StatusCode::NOT_FOUND, format!("no app {key}"));
    };
    app.callback_url = b.callback_url;
    app.event_url = b.event_url;
    app.fee_url = b.fee_url;
    app.deliver_dir = b.deliver_dir;
    if let Some(a) = b.callback_auth {
        app.callback_auth = a;
    }
    Json(json!({ "key": key })).into_response()
}
