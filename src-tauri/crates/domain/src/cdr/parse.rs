//! Validation of [`Wire`] objects into [`Record`]s, with errors that name the field.

use std::borrow::Cow;

use super::time::{from_unix, parse_utc};
use super::wire::{F, Item, List, Scalar, Wire};
use super::{CallEvent, Cdr, EventKind, Record};

/// Why one record was rejected. `at` is its place inside the value (`feeLst[3]`,
/// `statusInfo`, or empty for a bare record); `field` the offending field when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    pub at: String,
    pub field: Option<&'static str>,
    pub reason: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let place = match (self.at.is_empty(), self.field) {
            (true, None) => String::new(),
            (true, Some(fl)) => format!("{fl}: "),
            (false, None) => format!("{}: ", self.at),
            (false, Some(fl)) => format!("{}.{fl}: ", self.at),
        };
        write!(f, "{place}{}", self.reason)
    }
}

/// The value is not readable JSON at all; `line`/`column` are relative to the value (1-based).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid JSON at line {line}, column {column}: {message}")]
pub struct ValueError {
    /// The input ended inside the value (a cut-off line or file).
    pub truncated: bool,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

type Fe = (F, String);

fn err(f: F, reason: impl Into<String>) -> Fe {
    (f, reason.into())
}

/// Parses one top-level JSON value into its records.
pub fn parse_value(bytes: &[u8]) -> Result<Vec<Result<Record<'_>, RecordError>>, ValueError> {
    let mut w: Wire<'_> = serde_json::from_slice(bytes).map_err(|e| ValueError {
        truncated: e.is_eof(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let at = |at: &str, (f, reason): Fe| RecordError {
        at: at.to_string(),
        field: Some(f.name()),
        reason,
    };
    let whole = |reason: String| {
        vec![Err(RecordError {
            at: String::new(),
            field: None,
            reason,
        })]
    };
    let event_type = opt_str(&w, F::EventType).map_err(|e| vec![Err(at("", e))]);
    let event_type = match event_type {
        Ok(t) => t,
        Err(v) => return Ok(v),
    };
    if let Some(list) = w.fee_lst.take() {
        if let Some(t) = event_type.as_deref().filter(|t| *t != "fee") {
            return Ok(whole(format!(
                "eventType is {t:?} but the body has a feeLst; expected \"fee\""
            )));
        }
        let items = match list {
            List::Items(items) if items.is_empty() => {
                return Ok(whole(
                    "feeLst is empty (the platform sends 1–50 CDRs)".into(),
                ));
            }
            List::Items(items) => items,
            List::NotArray(kind) => {
                return Ok(vec![Err(RecordError {
                    at: String::new(),
                    field: Some("feeLst"),
                    reason: format!("expected an array of CDRs, got {kind}"),
                })]);
            }
        };
        let out = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let place = format!("feeLst[{i}]");
                match item {
                    Item::Object(o) => cdr(o).map(Record::Cdr).map_err(|e| at(&place, e)),
                    Item::NotObject(kind) => Err(RecordError {
                        at: place,
                        field: None,
                        reason: format!("expected a CDR object, got {kind}"),
                    }),
                }
            })
            .collect();
        return Ok(out);
    }
    if let Some(info) = w.status_info.take() {
        let kind = match event_type.as_deref() {
            None => {
                return Ok(vec![Err(at(
                    "",
                    err(
                        F::EventType,
                        "missing (expected callin, callout, alerting, answer or disconnect)",
                    ),
                ))]);
            }
            Some(t) => match EventKind::parse(t) {
                Some(k) => k,
                None => {
                    return Ok(vec![Err(at(
                        "",
                        err(
                            F::EventType,
                            format!(
                                "{t:?} is not a call event (callin, callout, alerting, answer, disconnect)"
                            ),
                        ),
                    ))]);
                }
            },
        };
        let r = match *info {
            Item::Object(o) => event(kind, o)
                .map(Record::Event)
                .map_err(|e| at("statusInfo", e)),
            Item::NotObject(k) => Err(RecordError {
                at: String::new(),
                field: Some("statusInfo"),
                reason: format!("expected an object, got {k}"),
            }),
        };
        return Ok(vec![r]);
    }
    let reason = match event_type.as_deref() {
        Some("fee") => "the CDR body has no feeLst".to_string(),
        Some(t) if EventKind::parse(t).is_some() => format!("the {t} event has no statusInfo"),
        Some(t) => format!(
            "eventType {t:?} is not a call event or CDR; only CDRs and call events are imported"
        ),
        None if w.get(F::SessionId).is_some() || w.get(F::BindNum).is_some() => {
            return Ok(vec![cdr(w).map(Record::Cdr).map_err(|e| at("", e))]);
        }
        None if w.get(F::SmsEvent).is_some() => {
            "an SMS notification, not a call record; only CDRs and call events are imported"
                .to_string()
        }
        None => {
            "not a PrivateNumber CDR or call event (no eventType, feeLst, statusInfo or sessionId)"
                .to_string()
        }
    };
    Ok(whole(reason))
}

fn opt_str<'a>(w: &Wire<'a>, f: F) -> Result<Option<Cow<'a, str>>, Fe> {
    match w.get(f) {
        None | Some(Scalar::Null) => Ok(None),
        Some(Scalar::Str(s)) if s.trim().is_empty() => Ok(None),
        Some(Scalar::Str(s)) => Ok(Some(s.clone())),
        Some(Scalar::Int(n)) => Ok(Some(Cow::Owned(n.to_string()))),
        Some(other) => Err(err(f, format!("expected a string, got {}", other.kind()))),
    }
}

fn limited<'a>(w: &Wire<'a>, f: F, max: usize) -> Result<Option<Cow<'a, str>>, Fe> {
    let v = opt_str(w, f)?;
    match &v {
        Some(s) if s.chars().count() > max => Err(err(
            f,
            format!("too long ({} characters, at most {max})", s.chars().count()),
        )),
        _ => Ok(v),
    }
}

fn req_str<'a>(w: &Wire<'a>, f: F, max: usize) -> Result<Cow<'a, str>, Fe> {
    limited(w, f, max)?.ok_or_else(|| err(f, "missing (required)"))
}

fn opt_int(w: &Wire<'_>, f: F) -> Result<Option<i64>, Fe> {
    match w.get(f) {
        None | Some(Scalar::Null) => Ok(None),
        Some(Scalar::Int(n)) => Ok(Some(*n)),
        Some(Scalar::Float(x)) if x.fract() == 0.0 && x.abs() < 9e15 => Ok(Some(*x as i64)),
        Some(Scalar::Str(s)) if s.trim().is_empty() => Ok(None),
        Some(Scalar::Str(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| err(f, format!("expected an integer, got {s:?}"))),
        Some(other) => Err(err(f, format!("expected an integer, got {}", other.kind()))),
    }
}

fn opt_time(w: &Wire<'_>, f: F) -> Result<Option<i64>, Fe> {
    match w.get(f) {
        None | Some(Scalar::Null) => Ok(None),
        Some(Scalar::Str(s)) if s.trim().is_empty() => Ok(None),
        Some(Scalar::Str(s)) => parse_utc(s).map(Some).map_err(|e| err(f, e)),
        Some(Scalar::Int(n)) if *n > 0 => Ok(Some(from_unix(*n))),
        Some(other) => Err(err(
            f,
            format!(
                "expected a UTC time like \"2022-05-13 05:24:57\", got {}",
                other.kind()
            ),
        )),
    }
}

fn flag(w: &Wire<'_>, f: F) -> Result<bool, Fe> {
    match w.get(f) {
        None | Some(Scalar::Null) => Ok(false),
        Some(Scalar::Bool(b)) => Ok(*b),
        Some(Scalar::Int(0)) => Ok(false),
        Some(Scalar::Int(1)) => Ok(true),
        Some(Scalar::Str(s)) => match s.trim() {
            "" | "0" | "false" => Ok(false),
            "1" | "true" => Ok(true),
            o => Err(err(f, format!("expected 0 or 1, got {o:?}"))),
        },
        Some(other) => Err(err(f, format!("expected 0 or 1, got {}", other.kind()))),
    }
}

const NUM: usize = 128;
const TEXT: usize = 1024;

fn cdr(w: Wire<'_>) -> Result<Cdr<'_>, Fe> {
    let direction =
        opt_int(&w, F::Direction)?.ok_or_else(|| err(F::Direction, "missing (required)"))?;
    if !(0..=2).contains(&direction) {
        return Err(err(
            F::Direction,
            format!("expected 0, 1 or 2, got {direction}"),
        ));
    }
    let c = Cdr {
        direction,
        sp_id: limited(&w, F::SpId, 128)?,
        app_key: limited(&w, F::AppKey, 128)?,
        icid: limited(&w, F::Icid, 128)?,
        bind_num: req_str(&w, F::BindNum, NUM)?,
        session_id: req_str(&w, F::SessionId, 256)?,
        subscription_id: limited(&w, F::SubscriptionId, 64)?,
        caller_num: req_str(&w, F::CallerNum, NUM)?,
        callee_num: req_str(&w, F::CalleeNum, NUM)?,
        fwd_display_num: limited(&w, F::FwdDisplayNum, NUM)?,
        fwd_dst_num: limited(&w, F::FwdDstNum, NUM)?,
        call_in_time: opt_time(&w, F::CallInTime)?,
        fwd_start_time: opt_time(&w, F::FwdStartTime)?,
        fwd_alerting_time: opt_time(&w, F::FwdAlertingTime)?,
        fwd_answer_time: opt_time(&w, F::FwdAnswerTime)?,
        call_end_time: opt_time(&w, F::CallEndTime)?,
        fail_time: opt_time(&w, F::FailTime)?,
        fwd_unasw_rsn: opt_int(&w, F::FwdUnaswRsn)?,
        ul_fail_reason: opt_int(&w, F::UlFailReason)?,
        sip_status_code: opt_int(&w, F::SipStatusCode)?,
        call_out_unasw_rsn: opt_int(&w, F::CallOutUnaswRsn)?,
        record_flag: flag(&w, F::RecordFlag)?,
        record_start_time: opt_time(&w, F::RecordStartTime)?,
        record_object_name: limited(&w, F::RecordObjectName, TEXT)?,
        record_bucket_name: limited(&w, F::RecordBucketName, TEXT)?,
        record_domain: limited(&w, F::RecordDomain, TEXT)?,
        record_file_download_url: limited(&w, F::RecordFileDownloadUrl, TEXT)?,
        service_type: limited(&w, F::ServiceType, 32)?,
        host_name: limited(&w, F::HostName, 128)?,
        user_data: limited(&w, F::UserData, 256)?,
        extend_number: limited(&w, F::ExtendNumber, 16)?,
        call_rel_direction: opt_int(&w, F::CallRelDirection)?,
    };
    if c.call_in_time.is_none()
        && c.fwd_start_time.is_none()
        && c.call_end_time.is_none()
        && c.fail_time.is_none()
    {
        return Err(err(
            F::CallInTime,
            "missing: the CDR has no callInTime, fwdStartTime, callEndTime or failTime",
        ));
    }
    if let (Some(a), Some(e)) = (c.fwd_answer_time, c.call_end_time)
        && e < a
    {
        return Err(err(F::CallEndTime, "is earlier than fwdAnswerTime"));
    }
    sanity(&c)?;
    Ok(c)
}

/// Earliest time a CDR may carry: 2000-01-01 00:00:00 UTC. The service began long after; an
/// earlier time (typically 1970, a zero timestamp) is a broken clock or field, not a call.
pub const EARLIEST_TIME: i64 = 946_684_800;

/// Longest span from a call's start to its end: 48 hours. The longest per-call limit a
/// binding can set (`maxDuration`) is 1440 minutes (24 h, official binding API); without one
/// the platform leaves ending the call to the parties, and the carriers' own limits end far
/// sooner in practice. Twice the longest settable limit leaves room for ringing, queueing and
/// clock differences between nodes, while a start years before its end (1970 next to 2024)
/// is refused.
pub const MAX_CALL_SPAN_SECS: i64 = 48 * 3600;

/// A number field holds a number: digits with an optional leading `+`, spaces, dashes,
/// brackets, and `*`/`#` (masked digits, service codes); at least one digit or `*`.
fn number_like(f: F, s: &str) -> Result<(), Fe> {
    let t = s.trim();
    let body = t.strip_prefix('+').unwrap_or(t);
    let ok = body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '*' | '#' | '-' | ' ' | '(' | ')'))
        && body.chars().any(|c| c.is_ascii_digit() || c == '*');
    if ok {
        Ok(())
    } else {
        Err(err(f, format!("{s:?} is not a phone number")))
    }
}

/// Sense checks of one CDR (issue 14): numbers that are numbers, times after 2000, a start
/// that is not after its end, and a call no longer than [`MAX_CALL_SPAN_SECS`].
fn sanity(c: &Cdr<'_>) -> Result<(), Fe> {
    number_like(F::CallerNum, &c.caller_num)?;
    number_like(F::CalleeNum, &c.callee_num)?;
    number_like(F::BindNum, &c.bind_num)?;
    if let Some(d) = c.fwd_dst_num.as_deref() {
        number_like(F::FwdDstNum, d)?;
    }
    let times = [
        (F::CallInTime, c.call_in_time),
        (F::FwdStartTime, c.fwd_start_time),
        (F::FwdAlertingTime, c.fwd_alerting_time),
        (F::FwdAnswerTime, c.fwd_answer_time),
        (F::CallEndTime, c.call_end_time),
        (F::FailTime, c.fail_time),
        (F::RecordStartTime, c.record_start_time),
    ];
    for (f, t) in times {
        if let Some(t) = t
            && t < EARLIEST_TIME
        {
            return Err(err(
                f,
                "is before the year 2000: not a real call time (a zeroed clock or field?)",
            ));
        }
    }
    let starts = [
        (F::CallInTime, c.call_in_time),
        (F::FwdStartTime, c.fwd_start_time),
    ];
    let ends = [
        (F::CallEndTime, c.call_end_time),
        (F::FailTime, c.fail_time),
    ];
    for (sf, start) in starts {
        for (ef, end) in ends {
            let (Some(start), Some(end)) = (start, end) else {
                continue;
            };
            if start > end {
                return Err(err(
                    sf,
                    format!(
                        "is later than {} (a call cannot start after it ends)",
                        ef.name()
                    ),
                ));
            }
            if end - start > MAX_CALL_SPAN_SECS {
                return Err(err(
                    sf,
                    format!(
                        "is {} hours before {}; a call longer than 48 hours is not plausible (the longest limit a binding can set is 24 hours)",
                        (end - start) / 3600,
                        ef.name()
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn event(kind: EventKind, w: Wire<'_>) -> Result<CallEvent<'_>, Fe> {
    Ok(CallEvent {
        kind,
        session_id: req_str(&w, F::SessionId, 256)?,
        time: opt_time(&w, F::Timestamp)?.ok_or_else(|| err(F::Timestamp, "missing (required)"))?,
        caller: limited(&w, F::Caller, NUM)?,
        called: limited(&w, F::Called, NUM)?,
        subscription_id: limited(&w, F::SubscriptionId, 64)?,
        user_data: limited(&w, F::UserData, 256)?,
        state_code: opt_int(&w, F::StateCode)?,
        state_desc: limited(&w, F::StateDesc, TEXT)?,
        call_rel_direction: opt_int(&w, F::CallRelDirection)?,
        notify_mode: limited(&w, F::NotifyMode, 32)?,
    })
}
