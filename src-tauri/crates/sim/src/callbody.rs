//! JSON bodies the platform pushes for a call: call events with `statusInfo` (§11) and the
//! FeeInfo CDR record (§12). Absent fields are omitted, as the platform does.

use serde_json::{Value, json};

use crate::codes::strip_nulls;
use crate::model::calls::Leg;
use crate::model::clock::fmt_utc;
use crate::model::config::{AppConfig, Mode};
use crate::model::outcomes::Outcome;
use crate::model::recordings::Recording;

pub(crate) fn service_type(mode: Mode) -> &'static str {
    match mode {
        Mode::Axb => "004",
        Mode::Ax => "003",
        Mode::Axe => "005",
        Mode::Axyb => "007",
    }
}

pub(crate) struct Timeline {
    pub(crate) t_in: i64,
    pub(crate) t_alert: Option<i64>,
    pub(crate) t_answer: Option<i64>,
    pub(crate) t_end: i64,
}

fn status(session: &str, t: i64, leg: &Leg, extra: Value) -> Value {
    let mut info = json!({
        "sessionId": session,
        "timestamp": fmt_utc(t),
        "caller": leg.caller,
        "called": leg.bind_num,
        "subscriptionId": leg.subscription_id,
    });
    if let (Value::Object(m), Value::Object(e)) = (&mut info, extra) {
        m.extend(e);
    }
    info
}

fn event(kind: &str, info: Value) -> String {
    json!({ "eventType": kind, "statusInfo": strip_nulls(info) }).to_string()
}

/// Events up to (and including) answer.
pub(crate) fn early_events(
    mode: Mode,
    session: &str,
    leg: &Leg,
    o: &Outcome,
    tl: &Timeline,
) -> Vec<String> {
    let mut callin = status(session, tl.t_in, leg, json!({ "userData": leg.user_data }));
    if mode == Mode::Axe
        && let Value::Object(m) = &mut callin
    {
        m.remove("subscriptionId");
    }
    let mut evs = vec![event("callin", callin)];
    if o.forwarded {
        let mut out_leg = leg.clone();
        out_leg.caller = leg.bind_num.clone();
        out_leg.bind_num = leg.dst.clone().unwrap_or_default();
        evs.push(event(
            "callout",
            status(session, tl.t_in + 1, &out_leg, json!({})),
        ));
        if let Some(t) = tl.t_alert {
            evs.push(event("alerting", status(session, t, &out_leg, json!({}))));
        }
        if let Some(t) = tl.t_answer {
            evs.push(event("answer", status(session, t, &out_leg, json!({}))));
        }
    }
    evs
}

pub(crate) fn disconnect(session: &str, leg: &Leg, o: &Outcome, t_end: i64) -> String {
    event(
        "disconnect",
        status(
            session,
            t_end,
            leg,
            json!({ "stateCode": o.state_code, "stateDesc": o.state_desc }),
        ),
    )
}

/// The FeeInfo of a finished call.
pub(crate) fn fee(
    app: &AppConfig,
    session: &str,
    icid: &str,
    leg: &Leg,
    o: &Outcome,
    tl: &Timeline,
    rec: Option<&Recording>,
) -> Value {
    let t = |v: Option<i64>| v.map(fmt_utc);
    strip_nulls(json!({
        "direction": leg.direction,
        "spId": app.sp_id,
        "appKey": app.key,
        "icid": icid,
        "bindNum": leg.bind_num,
        "sessionId": session,
        "subscriptionId": leg.subscription_id,
        "callerNum": leg.caller,
        "calleeNum": leg.bind_num,
        "fwdDisplayNum": o.forwarded.then(|| leg.bind_num.clone()),
        "fwdDstNum": leg.dst,
        "callInTime": fmt_utc(tl.t_in),
        "fwdStartTime": o.forwarded.then(|| fmt_utc(tl.t_in + 1)),
        "fwdAlertingTime": t(tl.t_alert),
        "fwdAnswerTime": t(tl.t_answer),
        "callEndTime": fmt_utc(tl.t_end),
        "fwdUnaswRsn": o.q850,
        "failTime": (!o.answered).then(|| fmt_utc(tl.t_end)),
        "ulFailReason": o.ul_fail_reason,
        "sipStatusCode": o.sip,
        "callOutUnaswRsn": 0,
        "recordFlag": i64::from(rec.is_some()),
        "recordStartTime": rec.and(t(tl.t_answer)),
        "recordObjectName": rec.map(|r| r.file_name.clone()),
        "recordBucketName": rec.map(|_| format!("sp-{}", app.key)),
        "recordDomain": rec.map(|r| r.domain.clone()),
        "ttsPlayTimes": 0,
        "ttsTransDuration": 0,
        "mptyId": leg.subscription_id,
        "serviceType": service_type(app.mode),
        "hostName": "callenabler.maskline-sim.local",
        "userData": leg.user_data,
        "extendNumber": leg.extend_num,
        "voiceCheckType": 0,
    }))
}
