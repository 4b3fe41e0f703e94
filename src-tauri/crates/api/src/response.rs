//! Turning one HTTP answer into a JSON body, a redirect target or the right [`ApiError`].

use reqwest::StatusCode;
use serde_json::Value;

use crate::ApiError;
use crate::codes::ResultCode;
use crate::redact::mask_phones;

#[derive(Debug)]
pub(crate) enum Outcome {
    /// A `resultcode` "0" answer.
    Json(Value),
    /// The raw `Location` of an expected 3xx.
    Redirect(String),
}

const SNIPPET_CHARS: usize = 200;

pub(crate) fn interpret(
    status: StatusCode,
    location: Option<&str>,
    body: &[u8],
    expect_redirect: bool,
) -> Result<Outcome, ApiError> {
    if expect_redirect && status.is_redirection() {
        return match location.map(str::trim).filter(|l| !l.is_empty()) {
            Some(l) => Ok(Outcome::Redirect(l.to_string())),
            None => Err(ApiError::Decode(format!(
                "HTTP {status} without a Location header"
            ))),
        };
    }
    let json = serde_json::from_slice::<Value>(body)
        .ok()
        .filter(Value::is_object);
    let code = json
        .as_ref()
        .and_then(|v| v.get("resultcode"))
        .and_then(code_text);
    match (json, code) {
        (Some(v), Some(code)) => {
            let code = ResultCode::from_code(&code);
            match (code.is_success(), status.is_success()) {
                (true, true) => Ok(Outcome::Json(v)),
                (true, false) => Err(ApiError::HttpStatus {
                    status: status.as_u16(),
                    body: snippet(body),
                }),
                (false, _) => {
                    let desc = v
                        .get("resultdesc")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    Err(ApiError::Platform {
                        code,
                        desc: mask_phones(desc),
                        status: status.as_u16(),
                    })
                }
            }
        }
        _ if !status.is_success() => Err(ApiError::HttpStatus {
            status: status.as_u16(),
            body: snippet(body),
        }),
        _ => Err(ApiError::Decode(format!(
            "HTTP {status} without a resultcode: {}",
            snippet(body)
        ))),
    }
}

/// `resultcode` is documented as a string; accept a number too.
fn code_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The start of a body for an error message, phone numbers masked.
fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut s: String = text.chars().take(SNIPPET_CHARS).collect();
    if text.chars().count() > SNIPPET_CHARS {
        s.push('…');
    }
    mask_phones(s.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(status: u16, body: &str) -> Result<Outcome, ApiError> {
        interpret(
            StatusCode::from_u16(status).expect("status"),
            None,
            body.as_bytes(),
            false,
        )
    }

    #[test]
    fn success_accepts_string_or_numeric_zero() {
        assert!(matches!(
            ok(200, r#"{"resultcode":"0","resultdesc":"Success"}"#),
            Ok(Outcome::Json(_))
        ));
        assert!(matches!(
            ok(200, r#"{"resultcode":0}"#),
            Ok(Outcome::Json(_))
        ));
    }

    #[test]
    fn platform_codes_become_typed_errors_whatever_the_status() {
        for status in [200, 400, 403, 500] {
            let r = ok(
                status,
                r#"{"resultcode":"1012010","resultdesc":"The number +8613800010001 has been bound."}"#,
            );
            match r {
                Err(ApiError::Platform {
                    code,
                    desc,
                    status: s,
                }) => {
                    assert_eq!(code, ResultCode::NumberAlreadyBound);
                    assert_eq!(s, status);
                    assert!(
                        desc.contains("+86138****0001"),
                        "numbers masked in desc: {desc}"
                    );
                }
                other => panic!("HTTP {status}: expected Platform, got {other:?}"),
            }
        }
        let numeric = ok(403, r#"{"resultcode":1010010,"resultdesc":"flow control"}"#);
        assert!(
            matches!(numeric, Err(ref e) if e.is_flow_control()),
            "{numeric:?}"
        );
    }

    #[test]
    fn non_json_errors_are_http_status_with_a_snippet() {
        let long = "x".repeat(1000);
        match ok(502, &long) {
            Err(ApiError::HttpStatus { status, body }) => {
                assert_eq!(status, 502);
                assert!(
                    body.chars().count() <= SNIPPET_CHARS + 1,
                    "snippet is short"
                );
            }
            other => panic!("expected HttpStatus, got {other:?}"),
        }
        assert!(matches!(
            ok(404, "<html>Not Found</html>"),
            Err(ApiError::HttpStatus { status: 404, .. })
        ));
    }

    #[test]
    fn a_200_without_resultcode_is_a_decode_error() {
        assert!(matches!(ok(200, "{}"), Err(ApiError::Decode(_))));
        assert!(matches!(ok(200, "not json"), Err(ApiError::Decode(_))));
    }

    #[test]
    fn redirects_only_when_expected() {
        let moved = StatusCode::MOVED_PERMANENTLY;
        let r = interpret(moved, Some("https://dl.example.com/a.wav?sig=1"), b"", true);
        assert!(
            matches!(r, Ok(Outcome::Redirect(ref l)) if l == "https://dl.example.com/a.wav?sig=1")
        );
        assert!(matches!(
            interpret(moved, None, b"", true),
            Err(ApiError::Decode(_))
        ));
        let unexpected = interpret(moved, Some("https://elsewhere"), b"", false);
        assert!(matches!(
            unexpected,
            Err(ApiError::HttpStatus { status: 301, .. })
        ));
        let refused = interpret(
            StatusCode::OK,
            None,
            br#"{"resultcode":"1016001","resultdesc":"The record does not exist."}"#,
            true,
        );
        assert!(matches!(
            refused,
            Err(ApiError::Platform {
                code: ResultCode::RecordNotFound,
                ..
            })
        ));
    }
}
