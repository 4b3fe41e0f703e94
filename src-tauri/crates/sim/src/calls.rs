//! Call generation for existing bindings: call events (callin, callout, alerting, answer,
//! disconnect with `statusInfo`, §11), fee CDRs (§12, batches of ≤50) and recordings for
//! answered calls of 3 s or more when recording is on. Also the stop-call API (§9.2).

use std::sync::Arc;

use axum::Extension;
use axum::body::Bytes;
use axum::extract::State;
use rand::Rng;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::callbody::{Timeline, disconnect, early_events, fee};
use crate::clock::compact_utc;
use crate::codes::{self, ApiError, ApiResult, success};
use crate::config::AppConfig;
use crate::delivery::{self, Kind};
use crate::legs::legs;
use crate::outcomes::{self, Outcome};
use crate::params as p;
use crate::recordings::{RECORD_DOMAIN, Recording};
use crate::state::{Inner, Sim};

/// Who calls whom through which binding.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Leg {
    pub subscription_id: String,
    pub caller: String,
    pub bind_num: String,
    pub dst: Option<String>,
    pub direction: i64,
    pub extend_num: Option<String>,
    pub user_data: Option<String>,
    pub record: bool,
    #[serde(skip)]
    pub forced: Option<Outcome>,
    /// AXYB: B calls X of a relation without YB, and the platform gives B a Y.
    #[serde(skip)]
    pub assigns_yb: bool,
}

/// A call that is answered and not yet over (target of stop-call).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OngoingCall {
    pub session_id: String,
    pub icid: String,
    pub app_key: String,
    pub leg: Leg,
    pub t_in: i64,
    pub t_answer: i64,
    pub planned_end: i64,
}

/// Summary returned by the admin endpoint.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallSummary {
    pub session_id: String,
    pub subscription_id: String,
    pub outcome: String,
    pub ongoing: bool,
    pub record_object_name: Option<String>,
    pub record_domain: Option<String>,
}

fn recording(
    s: &mut Inner,
    app: &AppConfig,
    session: &str,
    leg: &Leg,
    o: &Outcome,
    tl: &Timeline,
    now: i64,
) -> Option<Recording> {
    let talk = tl.t_end - tl.t_answer?;
    if !(o.answered && leg.record && app.recording && talk >= 3) {
        return None;
    }
    let seq = s.next_seq();
    let rec = Recording {
        file_name: format!("{}{seq:011}.wav", compact_utc(tl.t_answer?)),
        domain: RECORD_DOMAIN.into(),
        app_key: app.key.clone(),
        session_id: session.into(),
        created: now,
        secs: talk as u32,
    };
    s.recordings.insert(rec.file_name.clone(), rec.clone());
    Some(rec)
}

/// Generate `count` calls on the app's bindings; `ongoing` of them stay answered until
/// stopped or until their planned end passes on the simulated clock.
pub fn generate(
    sim: &Arc<Sim>,
    app_key: &str,
    count: u32,
    ongoing: u32,
) -> Result<Vec<CallSummary>, ApiError> {
    let app = sim
        .app(app_key)
        .ok_or_else(|| ApiError::forbidden(codes::INVALID_APP_KEY, "Invalid app_key."))?;
    let now = sim.clock.now();
    let mut s = sim.state();
    let mut summaries = Vec::new();
    let mut events = Vec::new();
    let mut fees = Vec::new();
    for i in 0..count {
        let candidates = legs(&mut s, &app);
        if candidates.is_empty() {
            return Err(ApiError::invalid(
                "The app has no bindings to place calls on.",
            ));
        }
        let leg = candidates[s.rng().random_range(0..candidates.len())].clone();
        if leg.assigns_yb {
            crate::modes::axyb::auto_yb(&mut s, &app, &leg.subscription_id, &leg.caller, now);
        }
        let keep_open = i < ongoing && leg.forced.is_none();
        let o = if keep_open {
            outcomes::ANSWERED
        } else {
            leg.forced.unwrap_or_else(|| outcomes::draw(s.rng()))
        };
        let seq = s.next_seq();
        let session = format!(
            "1202_{seq}_4294967295_{}@callenabler.maskline-sim.local",
            compact_utc(now)
        );
        let icid = format!("{:032x}.{seq}", s.rng().random::<u128>());
        let ring = s.rng().random_range(2..25);
        let talk = if s.rng().random_bool(0.1) {
            s.rng().random_range(1..3)
        } else {
            s.rng().random_range(3..300)
        };
        let end = if keep_open {
            now + talk
        } else {
            now - s.rng().random_range(0..30)
        };
        let t_answer = o
            .answered
            .then_some(if keep_open { now } else { end - talk });
        let t_in = t_answer.unwrap_or(end) - ring - 2;
        let tl = Timeline {
            t_in,
            t_alert: o.alerting.then_some(t_in + 2),
            t_answer,
            t_end: end,
        };
        events.extend(early_events(app.mode, &session, &leg, &o, &tl));
        if keep_open {
            s.calls.insert(
                session.clone(),
                OngoingCall {
                    session_id: session.clone(),
                    icid,
                    app_key: app.key.clone(),
                    leg: leg.clone(),
                    t_in,
                    t_answer: now,
                    planned_end: end,
                },
            );
            summaries.push(CallSummary {
                session_id: session,
                subscription_id: leg.subscription_id,
                outcome: o.name.into(),
                ongoing: true,
                record_object_name: None,
                record_domain: None,
            });
            continue;
        }
        let rec = recording(&mut s, &app, &session, &leg, &o, &tl, now);
        events.push(disconnect(&session, &leg, &o, end));
        fees.push(fee(&app, &session, &icid, &leg, &o, &tl, rec.as_ref()));
        summaries.push(CallSummary {
            session_id: session,
            subscription_id: leg.subscription_id,
            outcome: o.name.into(),
            ongoing: false,
            record_object_name: rec.as_ref().map(|r| r.file_name.clone()),
            record_domain: rec.map(|r| r.domain),
        });
    }
    sim.save(&s);
    drop(s);
    deliver(sim, &app, events, fees);
    Ok(summaries)
}

fn deliver(sim: &Arc<Sim>, app: &AppConfig, events: Vec<String>, fees: Vec<Value>) {
    for e in events {
        delivery::enqueue(sim, app, Kind::Event, e);
    }
    for chunk in fees.chunks(50) {
        let body = json!({ "eventType": "fee", "feeLst": chunk }).to_string();
        delivery::enqueue(sim, app, Kind::Fee, body);
    }
}

/// End an ongoing call at `end` (simulated seconds): disconnect event, CDR, recording.
fn finish(
    sim: &Arc<Sim>,
    s: &mut Inner,
    call: OngoingCall,
    end: i64,
    desc: &'static str,
) -> Option<(AppConfig, Vec<String>, Value)> {
    let app = sim.app(&call.app_key)?;
    let mut o = outcomes::ANSWERED;
    o.state_desc = desc;
    let tl = Timeline {
        t_in: call.t_in,
        t_alert: Some(call.t_in + 2),
        t_answer: Some(call.t_answer),
        t_end: end,
    };
    let rec = recording(s, &app, &call.session_id, &call.leg, &o, &tl, end);
    let ev = disconnect(&call.session_id, &call.leg, &o, end);
    let f = fee(
        &app,
        &call.session_id,
        &call.icid,
        &call.leg,
        &o,
        &tl,
        rec.as_ref(),
    );
    Some((app, vec![ev], f))
}

/// Finish ongoing calls whose planned end has passed (called by the ticker).
pub fn finish_due(sim: &Arc<Sim>) {
    let now = sim.clock.now();
    let mut s = sim.state();
    let due: Vec<String> = s
        .calls
        .values()
        .filter(|c| c.planned_end <= now)
        .map(|c| c.session_id.clone())
        .collect();
    if due.is_empty() {
        return;
    }
    let mut out = Vec::new();
    for id in due {
        if let Some(call) = s.calls.remove(&id) {
            let end = call.planned_end;
            out.extend(finish(
                sim,
                &mut s,
                call,
                end,
                "The user releases the call.",
            ));
        }
    }
    sim.save(&s);
    drop(s);
    for (app, evs, f) in out {
        deliver(sim, &app, evs, vec![f]);
    }
}

/// `POST /rest/httpsessions/callStop/v2.0` `{"sessionid":…,"signal":"call_stop"}`.
pub async fn stop(
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
    let done = finish(
        &sim,
        &mut s,
        call,
        now,
        "The call is stopped by the application.",
    );
    sim.save(&s);
    drop(s);
    if let Some((app, evs, f)) = done {
        deliver(&sim, &app, evs, vec![f]);
    }
    success(json!({}))
}
