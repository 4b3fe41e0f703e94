//! [`ApiError`]: every way a PrivateNumber call can fail, kept distinct so callers (and the UI)
//! can tell "fix your input" from "the network is down" from "the platform said no".

use crate::codes::{CodeCategory, Explanation, ResultCode};

/// How [`ApiError::Tls`]'s detail starts when an `https://` address answered in plain HTTP.
pub(crate) const PLAIN_HTTP: &str = "the server answered plain HTTP, not HTTPS";

fn tls_message(detail: &str) -> String {
    if detail.starts_with(PLAIN_HTTP) {
        format!(
            "{detail}: the base URL's port (or scheme) is wrong for this server; nothing was sent"
        )
    } else {
        format!(
            "the platform's TLS certificate was not accepted: {detail}. If the account uses a \
             private CA, add its certificate in the account settings"
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Rejected before sending; `field` is the request field (platform spelling where it has one).
    #[error("invalid {field}: {reason}")]
    InvalidInput { field: &'static str, reason: String },

    /// The client could not be built (bad base URL, plain http to a remote host, unreadable CA).
    #[error("invalid client configuration: {0}")]
    Config(String),

    /// The connection failed. `request_sent` is false when it failed before any byte of the
    /// request left (safe to retry anything); true when the platform may have received it.
    #[error(
        "could not reach the platform: {detail} (the request was {})",
        if *request_sent { "possibly received" } else { "not sent" }
    )]
    Transport { request_sent: bool, detail: String },

    /// The server's TLS certificate was not trusted (or TLS failed). Nothing was sent.
    /// When the server answered plain HTTP, `detail` starts with [`PLAIN_HTTP`] and the
    /// message says so instead (see [`ApiError::is_plain_http`]).
    #[error("{}", tls_message(detail))]
    Tls { detail: String },

    /// No answer in time. `during_connect`: the connection itself timed out (nothing was sent).
    #[error("the platform did not answer in time{}", if *during_connect { " (while connecting)" } else { "" })]
    Timeout { during_connect: bool },

    /// A non-success HTTP status without a platform result code (e.g. 404 wrong base URL, 502).
    #[error("HTTP {status} from the platform: {body}")]
    HttpStatus { status: u16, body: String },

    /// The platform answered with a non-zero `resultcode`.
    #[error("platform error {code}: {desc}")]
    Platform {
        code: ResultCode,
        desc: String,
        status: u16,
    },

    /// The answer could not be understood.
    #[error("unexpected response from the platform: {0}")]
    Decode(String),
}

impl ApiError {
    /// True when `https://` reached a server that answered in plain HTTP (wrong port or scheme):
    /// a configuration mistake, not an untrusted certificate. Nothing was sent.
    pub fn is_plain_http(&self) -> bool {
        matches!(self, ApiError::Tls { detail } if detail.starts_with(PLAIN_HTTP))
    }

    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        ApiError::InvalidInput {
            field,
            reason: reason.into(),
        }
    }

    /// The platform result code, if the platform answered with one.
    pub fn result_code(&self) -> Option<&ResultCode> {
        match self {
            ApiError::Platform { code, .. } => Some(code),
            _ => None,
        }
    }

    /// Bilingual explanation and suggested action for platform errors.
    pub fn explanation(&self) -> Option<Explanation> {
        self.result_code().map(ResultCode::explanation)
    }

    /// True for flow control (1010010): the platform did nothing; waiting and retrying is safe.
    pub fn is_flow_control(&self) -> bool {
        self.result_code().map(ResultCode::category) == Some(CodeCategory::FlowControl)
    }

    /// True when nothing reached the platform, so even a bind may be retried.
    pub fn surely_not_sent(&self) -> bool {
        matches!(
            self,
            ApiError::Transport {
                request_sent: false,
                ..
            } | ApiError::Tls { .. }
                | ApiError::Timeout {
                    during_connect: true
                }
                | ApiError::InvalidInput { .. }
                | ApiError::Config(_)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_errors_carry_code_and_explanation() {
        let e = ApiError::Platform {
            code: ResultCode::from_code("1010013"),
            desc: "Time out limit.".into(),
            status: 400,
        };
        assert_eq!(e.to_string(), "platform error 1010013: Time out limit.");
        let ex = e.explanation().expect("known code");
        assert!(ex.action_en.contains("clock"), "{ex:?}");
        assert!(!e.is_flow_control());
    }

    #[test]
    fn flow_control_is_recognised() {
        let e = ApiError::Platform {
            code: ResultCode::from_code("1010010"),
            desc: "flow control".into(),
            status: 403,
        };
        assert!(e.is_flow_control());
    }

    #[test]
    fn unknown_codes_keep_raw_text() {
        let e = ApiError::Platform {
            code: ResultCode::from_code("1234567"),
            desc: "Something new.".into(),
            status: 403,
        };
        assert_eq!(e.result_code().map(ResultCode::code), Some("1234567"));
        assert!(e.to_string().contains("Something new."));
    }

    #[test]
    fn transport_messages_say_whether_the_request_was_sent() {
        let before = ApiError::Transport {
            request_sent: false,
            detail: "refused".into(),
        };
        let after = ApiError::Transport {
            request_sent: true,
            detail: "reset".into(),
        };
        assert!(before.to_string().contains("not sent") && before.surely_not_sent());
        assert!(after.to_string().contains("possibly received") && !after.surely_not_sent());
        assert!(
            !ApiError::Timeout {
                during_connect: false
            }
            .surely_not_sent()
        );
    }

    #[test]
    fn invalid_input_names_the_field() {
        let e = ApiError::invalid("duration", "must be at most 7776000 seconds");
        assert_eq!(
            e.to_string(),
            "invalid duration: must be at most 7776000 seconds"
        );
    }
}
