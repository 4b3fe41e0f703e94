//! Call generation for existing bindings: call events (callin, callout, alerting, answer,
//! disconnect with `statusInfo`, §11), fee CDRs (§12, batches of ≤50) and recordings for
//! answered calls of 3 s or more when recording is on; ending answered calls (their planned
//! end, or stop-call §9.2 through `http::calls`).

use std::sync::Arc;

use rand::Rng;
use serde_json::{Value, json};

use crate::callbody::{Timeline, disconnect, early_events, fee};
use crate::codes::{self, ApiError};
use crate::delivery;
use crate::legs::legs;
use crate::model::calls::{CallSummary, Leg, OngoingCall};
use crate::model::clock::compact_utc;
use crate::model::config::AppConfig;
use crate::model::delivery::Kind;
use crate::model::outcomes::{self, Outcome};
use crate::model::recordings::{RECORD_DOMAIN, Recording};
use crate::state::{Inner, Sim};
use crate::yb;

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
pub(crate) fn generate(
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
            yb::auto_yb(&mut s, &app, &leg.subscription_id, &leg.caller, now);
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

pub(crate) fn deliver(sim: &Arc<Sim>, app: &AppConfig, events: Vec<String>, fees: Vec<Value>) {
    for e in events {
        delivery::enqueue(sim, app, Kind::Event, e);
    }
    for chunk in fees.chunks(50) {
        let body = json!({ "eventType": "fee", "feeLst": chunk }).to_string();
        delivery::enqueue(sim, app, Kind::Fee, body);
    }
}

/// End an ongoing call at `end` (simulated seconds): disconnect event, CDR, recording.
/// Returns the app with the disconnect event and the CDR to deliver.
pub(crate) fn finish(
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
pub(crate) fn finish_due(sim: &Arc<Sim>) {
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
