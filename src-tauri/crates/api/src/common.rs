//! Types shared by the modes, and the mode-independent operations: stop a call (§9.2) and get a
//! recording's download link (§9.1).

use reqwest::Method;
use serde_json::{Map, Value};
use time::{Duration, OffsetDateTime};
use url::Url;

use crate::transport::Call;
use crate::validate;
use crate::{ApiError, Client};

/// `callDirection`: who may call whom through the private number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CallDirection {
    /// `0`: both parties may call each other.
    Both,
    /// `1`: only the caller (A) may call the callee (B).
    CallerToCallee,
    /// `2`: only the callee (B) may call the caller (A).
    CalleeToCaller,
}

impl CallDirection {
    pub fn code(self) -> u8 {
        match self {
            CallDirection::Both => 0,
            CallDirection::CallerToCallee => 1,
            CallDirection::CalleeToCaller => 2,
        }
    }

    pub fn from_code(code: u64) -> Option<Self> {
        match code {
            0 => Some(CallDirection::Both),
            1 => Some(CallDirection::CallerToCallee),
            2 => Some(CallDirection::CalleeToCaller),
            _ => None,
        }
    }
}

/// `areaMatchMode` when the platform picks the private number from an `areaCode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AreaMatchMode {
    /// `"0"`: only that city; fail if none is free.
    #[default]
    Strict,
    /// `"1"`: same province first, then any of the app's numbers.
    Relaxed,
}

impl AreaMatchMode {
    pub(crate) fn wire(self) -> &'static str {
        match self {
            AreaMatchMode::Strict => "0",
            AreaMatchMode::Relaxed => "1",
        }
    }
}

/// `preVoice` (ApiPlayInfo): wait tones, as file names approved in the console.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlayInfo {
    /// Played when A calls X.
    pub caller_hint_tone: Option<String>,
    /// Played when B (or, in AX, anyone but A) calls X.
    pub callee_hint_tone: Option<String>,
}

impl PlayInfo {
    pub(crate) fn validate(&self) -> Result<(), ApiError> {
        validate::tone("preVoice.callerHintTone", self.caller_hint_tone.as_deref())?;
        validate::tone("preVoice.calleeHintTone", self.callee_hint_tone.as_deref())
    }

    pub(crate) fn wire(&self) -> Value {
        let mut b = Body::new();
        b.opt("callerHintTone", self.caller_hint_tone.as_deref());
        b.opt("calleeHintTone", self.callee_hint_tone.as_deref());
        b.0
    }
}

/// Paging of list queries: 1-based index, 10–100 per page (platform default 50).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub index: u32,
    pub size: u32,
}

impl Default for Page {
    fn default() -> Self {
        Self { index: 1, size: 50 }
    }
}

impl Page {
    pub(crate) fn validate(&self) -> Result<(), ApiError> {
        if self.index == 0 {
            return Err(ApiError::invalid("pageIndex", "pages are numbered from 1"));
        }
        validate::range("pageSize", Some(self.size), 10, 100, "records per page")
    }
}

/// A recording's download address: valid for 3 days (§9.1). It carries its own authorisation:
/// fetch it with a plain client that sends no PrivateNumber credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordingLink {
    pub url: Url,
    pub expires_at: OffsetDateTime,
}

/// How long a download link stays valid (changelog 2019-02-01).
pub const RECORDING_LINK_VALIDITY: Duration = Duration::days(3);

/// A JSON object built field by field; absent options are left out ("not sent = unchanged").
#[derive(Debug)]
pub(crate) struct Body(pub(crate) Value);

impl Body {
    pub(crate) fn new() -> Self {
        Body(Value::Object(Map::new()))
    }

    pub(crate) fn put(&mut self, key: &str, v: impl Into<Value>) -> &mut Self {
        if let Value::Object(m) = &mut self.0 {
            m.insert(key.to_string(), v.into());
        }
        self
    }

    pub(crate) fn opt(&mut self, key: &str, v: Option<impl Into<Value>>) -> &mut Self {
        if let Some(v) = v {
            self.put(key, v);
        }
        self
    }

    /// Booleans the docs type as String enums: `"true"` / `"false"`.
    pub(crate) fn flag(&mut self, key: &str, v: Option<bool>) -> &mut Self {
        self.opt(key, v.map(|b| if b { "true" } else { "false" }))
    }

    pub(crate) fn into_value(self) -> Value {
        self.0
    }
}

pub(crate) const STOP_CALL: &str = "/rest/httpsessions/callStop/v2.0";
pub(crate) const RECORDING: &str = "/rest/provision/voice/record/v1.0";

impl Client {
    /// Ends a call in progress (`sessionId` from a call event or CDR). Fails if it already ended.
    pub async fn stop_call(&self, session_id: &str) -> Result<(), ApiError> {
        let id = session_id.trim();
        if id.is_empty() || id.len() > 256 {
            return Err(ApiError::invalid(
                "sessionid",
                "must be the sessionId of a call event",
            ));
        }
        let mut body = Body::new();
        body.put("sessionid", id).put("signal", "call_stop");
        let call = Call {
            method: Method::POST,
            path: STOP_CALL,
            query: vec![],
            body: Some(body.into_value()),
        };
        self.json(call).await.map(drop)
    }

    /// The download link of a recording (`recordObjectName` and `recordDomain` from the CDR).
    /// The platform answers 301; the link is returned, never followed.
    pub async fn recording_url(
        &self,
        file_name: &str,
        record_domain: &str,
    ) -> Result<RecordingLink, ApiError> {
        let (file_name, record_domain) = (file_name.trim(), record_domain.trim());
        if file_name.is_empty() || file_name.len() > 256 {
            return Err(ApiError::invalid(
                "fileName",
                "must be the recordObjectName from the CDR",
            ));
        }
        if record_domain.is_empty() || record_domain.len() > 128 {
            return Err(ApiError::invalid(
                "recordDomain",
                "must be the recordDomain from the CDR",
            ));
        }
        let query = vec![
            ("fileName", file_name.to_string()),
            ("recordDomain", record_domain.to_string()),
        ];
        let call = Call {
            method: Method::GET,
            path: RECORDING,
            query,
            body: None,
        };
        let url = self.redirect(call).await?;
        Ok(RecordingLink {
            url,
            expires_at: OffsetDateTime::now_utc() + RECORDING_LINK_VALIDITY,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn call_direction_codes_round_trip() {
        for d in [
            CallDirection::Both,
            CallDirection::CallerToCallee,
            CallDirection::CalleeToCaller,
        ] {
            assert_eq!(CallDirection::from_code(u64::from(d.code())), Some(d));
        }
        assert_eq!(CallDirection::from_code(3), None);
    }

    #[test]
    fn paging_is_one_based_with_10_to_100_rows() {
        assert!(Page::default().validate().is_ok());
        assert!(Page { index: 1, size: 10 }.validate().is_ok());
        assert!(
            Page {
                index: 7,
                size: 100
            }
            .validate()
            .is_ok()
        );
        assert!(Page { index: 0, size: 50 }.validate().is_err());
        assert!(Page { index: 1, size: 9 }.validate().is_err());
        assert!(
            Page {
                index: 1,
                size: 101
            }
            .validate()
            .is_err()
        );
    }

    #[test]
    fn bodies_leave_out_absent_fields_and_send_flags_as_strings() {
        let mut b = Body::new();
        b.put("a", 1)
            .opt("b", None::<&str>)
            .opt("c", Some("x"))
            .flag("recordFlag", Some(true));
        assert_eq!(
            b.into_value(),
            json!({"a": 1, "c": "x", "recordFlag": "true"})
        );
        let p = PlayInfo {
            caller_hint_tone: Some("t.wav".into()),
            callee_hint_tone: None,
        };
        assert_eq!(p.wire(), json!({"callerHintTone": "t.wav"}));
        let bad = PlayInfo {
            caller_hint_tone: Some("a b.wav".into()),
            callee_hint_tone: None,
        };
        assert!(matches!(
            bad.validate(),
            Err(ApiError::InvalidInput {
                field: "preVoice.callerHintTone",
                ..
            })
        ));
    }
}
