//! CDR (`{"eventType":"fee","feeLst":[…]}`, §12) and call-event (`statusInfo`, §11) bodies as
//! typed records.
//!
//! [`parse_value`] takes the bytes of ONE top-level JSON value (the import service frames a
//! file into values, so memory stays flat) and returns one result per record inside it: a
//! notification body with 50 CDRs yields 50 results, and a bad CDR never takes its neighbours
//! down. Errors name the record (`feeLst[3]`) and the field (`callInTime`). Strings borrow
//! from the input where JSON escaping allows.
//!
//! Accepted values: a CDR body, a call-event body, a bare FeeInfo object (as in a JSON array of
//! records or one-record-per-line exports). Platform times are UTC `yyyy-MM-dd HH:mm:ss`,
//! stored as UTC epoch seconds (see [`time`]).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod parse;
pub mod time;
mod wire;

pub use parse::{RecordError, ValueError, parse_value};

/// One CDR (FeeInfo). Times are UTC epoch seconds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cdr<'a> {
    /// 0 other user → A, 1 A → other user, 2 abnormal (no binding data).
    pub direction: i64,
    pub sp_id: Option<Cow<'a, str>>,
    pub app_key: Option<Cow<'a, str>>,
    pub icid: Option<Cow<'a, str>>,
    /// The private number X.
    pub bind_num: Cow<'a, str>,
    pub session_id: Cow<'a, str>,
    pub subscription_id: Option<Cow<'a, str>>,
    pub caller_num: Cow<'a, str>,
    pub callee_num: Cow<'a, str>,
    pub fwd_display_num: Option<Cow<'a, str>>,
    pub fwd_dst_num: Option<Cow<'a, str>>,
    pub call_in_time: Option<i64>,
    pub fwd_start_time: Option<i64>,
    pub fwd_alerting_time: Option<i64>,
    pub fwd_answer_time: Option<i64>,
    pub call_end_time: Option<i64>,
    pub fail_time: Option<i64>,
    pub fwd_unasw_rsn: Option<i64>,
    pub ul_fail_reason: Option<i64>,
    pub sip_status_code: Option<i64>,
    pub call_out_unasw_rsn: Option<i64>,
    pub record_flag: bool,
    pub record_start_time: Option<i64>,
    pub record_object_name: Option<Cow<'a, str>>,
    pub record_bucket_name: Option<Cow<'a, str>>,
    pub record_domain: Option<Cow<'a, str>>,
    pub record_file_download_url: Option<Cow<'a, str>>,
    pub service_type: Option<Cow<'a, str>>,
    pub host_name: Option<Cow<'a, str>>,
    pub user_data: Option<Cow<'a, str>>,
    pub extend_number: Option<Cow<'a, str>>,
    /// X mode: 1 caller hung up, 2 callee hung up.
    pub call_rel_direction: Option<i64>,
}

impl Cdr<'_> {
    /// When the call started: `callInTime`, else the first other time present. Validation
    /// guarantees one exists.
    pub fn start_time(&self) -> i64 {
        self.call_in_time
            .or(self.fwd_start_time)
            .or(self.fwd_alerting_time)
            .or(self.fail_time)
            .or(self.call_end_time)
            .unwrap_or_default()
    }

    /// The forwarded leg was answered.
    pub fn answered(&self) -> bool {
        self.fwd_answer_time.is_some()
    }

    /// Talk time: `callEndTime − fwdAnswerTime` (§12), 0 when not answered.
    pub fn talk_seconds(&self) -> i64 {
        match (self.fwd_answer_time, self.call_end_time) {
            (Some(a), Some(e)) => (e - a).max(0),
            _ => 0,
        }
    }

    /// The codes that explain how the call ended ([`crate::explain::classify`], `explain`),
    /// with `state_code` of the call's disconnect event (a CDR does not carry it).
    pub fn codes(&self, state_code: Option<i64>) -> crate::explain::CallCodes {
        crate::explain::CallCodes {
            answered: self.answered(),
            talk_seconds: self.talk_seconds(),
            ul_fail_reason: self.ul_fail_reason,
            state_code,
            fwd_unasw_rsn: self.fwd_unasw_rsn,
            call_out_unasw_rsn: self.call_out_unasw_rsn,
            sip_status: self.sip_status_code,
            call_rel_direction: self.call_rel_direction,
        }
    }

    /// The real callee: `fwdDstNum`, else `calleeNum`.
    pub fn callee(&self) -> &str {
        self.fwd_dst_num.as_deref().unwrap_or(&self.callee_num)
    }

    /// The deduplication key: `icid:<icid>` when the platform sent an `icid` (its unique call
    /// record id), else `leg:<sessionId>|<start time>|<bindNum>` (a call leg's id is unique
    /// per call, the start time and X guard against id reuse across days or platforms).
    pub fn dedupe_key(&self) -> String {
        match &self.icid {
            Some(i) => format!("icid:{i}"),
            None => format!(
                "leg:{}|{}|{}",
                self.session_id,
                self.start_time(),
                self.bind_num
            ),
        }
    }
}

fn own(c: Option<Cow<'_, str>>) -> Option<Cow<'static, str>> {
    c.map(|c| Cow::Owned(c.into_owned()))
}

impl Cdr<'_> {
    /// A copy that owns its strings (to hand records to another thread).
    pub fn into_owned(self) -> Cdr<'static> {
        Cdr {
            direction: self.direction,
            call_in_time: self.call_in_time,
            fwd_start_time: self.fwd_start_time,
            fwd_alerting_time: self.fwd_alerting_time,
            fwd_answer_time: self.fwd_answer_time,
            call_end_time: self.call_end_time,
            fail_time: self.fail_time,
            fwd_unasw_rsn: self.fwd_unasw_rsn,
            ul_fail_reason: self.ul_fail_reason,
            sip_status_code: self.sip_status_code,
            call_out_unasw_rsn: self.call_out_unasw_rsn,
            record_flag: self.record_flag,
            record_start_time: self.record_start_time,
            call_rel_direction: self.call_rel_direction,
            bind_num: Cow::Owned(self.bind_num.into_owned()),
            session_id: Cow::Owned(self.session_id.into_owned()),
            caller_num: Cow::Owned(self.caller_num.into_owned()),
            callee_num: Cow::Owned(self.callee_num.into_owned()),
            sp_id: own(self.sp_id),
            app_key: own(self.app_key),
            icid: own(self.icid),
            subscription_id: own(self.subscription_id),
            fwd_display_num: own(self.fwd_display_num),
            fwd_dst_num: own(self.fwd_dst_num),
            record_object_name: own(self.record_object_name),
            record_bucket_name: own(self.record_bucket_name),
            record_domain: own(self.record_domain),
            record_file_download_url: own(self.record_file_download_url),
            service_type: own(self.service_type),
            host_name: own(self.host_name),
            user_data: own(self.user_data),
            extend_number: own(self.extend_number),
        }
    }
}

/// Call event types (§11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum EventKind {
    CallIn,
    CallOut,
    Alerting,
    Answer,
    Disconnect,
    CollectInfo,
}

impl EventKind {
    /// The platform's `eventType` text.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::CallIn => "callin",
            EventKind::CallOut => "callout",
            EventKind::Alerting => "alerting",
            EventKind::Answer => "answer",
            EventKind::Disconnect => "disconnect",
            EventKind::CollectInfo => "collectInfo",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            EventKind::CallIn,
            EventKind::CallOut,
            EventKind::Alerting,
            EventKind::Answer,
            EventKind::Disconnect,
            EventKind::CollectInfo,
        ]
        .into_iter()
        .find(|k| k.as_str().eq_ignore_ascii_case(s))
    }
}

/// One call event (`statusInfo`). The numbers may be X or masked: the CDR is authoritative.
#[derive(Debug, Clone, PartialEq)]
pub struct CallEvent<'a> {
    pub kind: EventKind,
    pub session_id: Cow<'a, str>,
    pub time: i64,
    pub caller: Option<Cow<'a, str>>,
    pub called: Option<Cow<'a, str>>,
    pub subscription_id: Option<Cow<'a, str>>,
    pub user_data: Option<Cow<'a, str>>,
    pub state_code: Option<i64>,
    pub state_desc: Option<Cow<'a, str>>,
    pub call_rel_direction: Option<i64>,
    pub notify_mode: Option<Cow<'a, str>>,
}

impl CallEvent<'_> {
    /// A copy that owns its strings.
    pub fn into_owned(self) -> CallEvent<'static> {
        CallEvent {
            kind: self.kind,
            session_id: Cow::Owned(self.session_id.into_owned()),
            time: self.time,
            caller: own(self.caller),
            called: own(self.called),
            subscription_id: own(self.subscription_id),
            user_data: own(self.user_data),
            state_code: self.state_code,
            state_desc: own(self.state_desc),
            call_rel_direction: self.call_rel_direction,
            notify_mode: own(self.notify_mode),
        }
    }
}

/// What one record of a notification is. Short-lived (one notification's worth), so the
/// CDR is kept inline rather than boxed.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Record<'a> {
    Cdr(Cdr<'a>),
    Event(CallEvent<'a>),
}
