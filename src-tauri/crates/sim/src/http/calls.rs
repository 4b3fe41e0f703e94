//! Stop-call (§9.2): ends an answered call of the app now (disconnect event, CDR, recording).

use std::sync::Arc;

use axum::Extension;
use axum::body::Bytes;
use axum::extract::State;
use serde_json::json;

use super::params as p;
use crate::calls;
use crate::codes::{self, ApiError, ApiResult, success};
use crate::model::config::AppConfig;
use crate::state::Sim;

/// `POST /rest/httpsessions/callStop/v2.0` `{"sessionid":…,"signal":"call_stop"}`.
pub(crate) async fn stop(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    body: Bytes,
) -> ApiResult {
    let b = p::body(&body)?;
    let session = p::req_str(&b, "sessionid")?;
    if p::opt_str(&b, "signal").as_deref() != Some("call_stop") {
        return Err(ApiError::invalid("signal must be call_stop."));
    }
    let now = sim.clock.now();
    let mut s = sim.state();
    let call = match s.calls.get(&session) {
        Some(c) if c.app_key == app.key => s.calls.remove(&session),
        _ => None,
    }
    .ok_or_else(|| ApiError::forbidden(codes::RECORD_NOT_EXIST, "The record does not exist."))?;
    let done = calls::finish(
        &sim,
        &mut s,
        call,
        now,
        "The call is stopped by the application.",
    );
    sim.save(&s);
    drop(s);
    if let Some((app, evs, f)) = done {
        calls::deliver(&sim, &app, evs, vec![f]);
    }
    success(json!({}))
}
