//! Platform result codes (reference §10) and the error type every handler returns.
//!
//! Codes the reference does not capture are chosen here and listed in the crate README
//! ("known differences"); they are constants so tests and docs name them in one place.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

pub(crate) const SUCCESS: &str = "0";
pub(crate) const INTERNAL: &str = "1010001";
pub(crate) const INVALID_REQUEST: &str = "1010002";
pub(crate) const INVALID_APP_KEY: &str = "1010003";
pub(crate) const FLOW_CONTROL: &str = "1010010";
/// Wrong `PasswordDigest` or reused nonce. INF: the reference only places the row between
/// 1010011 and 1010013, so 1010012 is the most plausible number.
pub(crate) const BAD_DIGEST: &str = "1010012";
pub(crate) const TIME_OUT_LIMIT: &str = "1010013";
pub(crate) const API_NOT_ALLOWED: &str = "1010040";
/// "Exceeded the upper limit of resources that can be applied for.": one A already has 5 X
/// (FAQ pn_faq_1011003, "1个A号码同时只能绑定5个X号码"; AX bind page privatenumber_02_0011).
pub(crate) const A_LIMIT: &str = "1011003";
pub(crate) const AX_NOT_FOUND: &str = "1011004";
pub(crate) const RESOURCE_ALLOCATED: &str = "1011005";
pub(crate) const NUMBER_NOT_APPLIED: &str = "1012001";
pub(crate) const NUMBER_BOUND: &str = "1012010";
pub(crate) const RECORD_NOT_EXIST: &str = "1016001";
pub(crate) const RECORD_EXISTS: &str = "1016002";
/// "No idle extend Number." (没有空闲的分机号), listed in the API error-code table.
pub(crate) const NO_IDLE_EXTENSION: &str = "1020167";
pub(crate) const IP_LOCKED: &str = "1020176";

/// An API failure: HTTP status plus the platform's `resultcode`/`resultdesc` body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {desc}")]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub desc: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, code: &'static str, desc: impl Into<String>) -> Self {
        Self {
            status,
            code,
            desc: desc.into(),
        }
    }

    /// 400 for malformed authentication headers (10230xx).
    pub(crate) fn header(code: &'static str, desc: &str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, desc)
    }

    /// 403 business error.
    pub(crate) fn forbidden(code: &'static str, desc: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, code, desc)
    }

    /// 1010002 with the offending detail appended, as the platform does.
    pub(crate) fn invalid(detail: impl AsRef<str>) -> Self {
        Self::forbidden(
            INVALID_REQUEST,
            format!("Invalid request.{}", detail.as_ref()),
        )
    }

    pub(crate) fn internal(detail: impl AsRef<str>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            INTERNAL,
            format!("Internal system error.{}", detail.as_ref()),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(json!({ "resultcode": self.code, "resultdesc": self.desc })),
        )
            .into_response()
    }
}

pub(crate) type ApiResult = Result<Response, ApiError>;

/// 1011003: the A number is already bound to 5 X numbers (AX, AXYB).
pub(crate) fn a_limit() -> ApiError {
    ApiError::forbidden(
        A_LIMIT,
        "Exceeded the upper limit of resources that can be applied for.",
    )
}

/// Remove `null` members recursively: the platform omits absent fields rather than sending null.
pub(crate) fn strip_nulls(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

/// `{"resultcode":"0","resultdesc":"Success", ...fields}` with HTTP 200 (null fields omitted).
pub(crate) fn success(fields: Value) -> ApiResult {
    let mut map = Map::new();
    map.insert("resultcode".into(), SUCCESS.into());
    map.insert("resultdesc".into(), "Success".into());
    if let Value::Object(extra) = strip_nulls(fields) {
        map.extend(extra);
    }
    Ok((StatusCode::OK, Json(Value::Object(map))).into_response())
}
