//! "Test connection": one harmless signed query, explained in plain words.
//!
//! The probe looks up a subscription id that cannot exist. If the platform answers "not
//! found" (or any other business answer), it has accepted the signature: the key, secret and
//! clock are fine. Authentication, clock, network and TLS failures each get their own verdict.

use maskline_api::ApiError;
use maskline_api::CodeCategory;
use maskline_api::ax::AxQuery;
use maskline_api::axb::AxbQuery;
use maskline_api::axe::AxeKey;
use maskline_api::axyb::AxybQuery;
use maskline_domain::text;
use maskline_domain::{ConnectionReport, ConnectionVerdict as V, Mode};

use crate::ServiceError;
use crate::bindings::Session;

const PROBE_ID: &str = "maskline-connection-test";

/// Runs the probe for the session's account and explains the outcome.
pub async fn test(session: &Session) -> ConnectionReport {
    let outcome = match session.account().mode {
        Mode::Axb => session
            .axb_query(&AxbQuery::Subscription(PROBE_ID.into()))
            .await
            .map(|_| ()),
        Mode::Ax => session
            .ax_query(&AxQuery::Subscription(PROBE_ID.into()))
            .await
            .map(|_| ()),
        Mode::Axe => session
            .axe_query(&AxeKey::Subscription(PROBE_ID.into()))
            .await
            .map(|_| ()),
        Mode::Axyb => session
            .axyb_query(&AxybQuery::Subscription(PROBE_ID.into()))
            .await
            .map(|_| ()),
    };
    report(outcome)
}

/// Turns the probe's result into a report.
pub fn report(outcome: Result<(), ServiceError>) -> ConnectionReport {
    let mut r = ConnectionReport {
        verdict: V::Ok,
        code: None,
        detail: String::new(),
        explanation_zh: None,
        explanation_en: None,
        action_zh: None,
        action_en: None,
    };
    let e = match outcome {
        Ok(()) => return r,
        Err(ServiceError::Api(e)) => e,
        Err(other) => {
            r.verdict = V::PlatformError;
            r.detail = other.to_string();
            return r;
        }
    };
    r.detail = e.to_string();
    r.verdict = match &e {
        ApiError::Platform { code, .. } => {
            let x = code.explanation();
            r.code = Some(code.code().to_string());
            r.explanation_zh = Some(x.zh.into());
            r.explanation_en = Some(x.en.into());
            r.action_zh = Some(x.action_zh.into());
            r.action_en = Some(x.action_en.into());
            match code.category() {
                // The signature was accepted; the made-up subscription simply does not exist.
                CodeCategory::Success | CodeCategory::NotFound | CodeCategory::InvalidRequest => {
                    V::Ok
                }
                CodeCategory::AuthFailed | CodeCategory::AuthHeader => V::WrongCredentials,
                CodeCategory::IpLocked => V::IpLocked,
                CodeCategory::ClockSkew => V::ClockSkew,
                CodeCategory::NotPermitted => V::NotPermitted,
                CodeCategory::FlowControl
                | CodeCategory::AlreadyBound
                | CodeCategory::Internal
                | CodeCategory::Unknown => V::PlatformError,
            }
        }
        ApiError::Transport { .. } => V::NoNetwork,
        // https:// to a plain-HTTP port: the address is wrong, the certificate is not at fault.
        ApiError::Tls { .. } if e.is_plain_http() => V::NotThePlatform,
        ApiError::Tls { .. } => V::Tls,
        ApiError::Timeout { .. } => V::Timeout,
        ApiError::HttpStatus { .. } | ApiError::Decode(..) => V::NotThePlatform,
        _ => V::PlatformError,
    };
    if r.verdict == V::Ok {
        // A business answer to the probe is the expected outcome, not something to explain.
        r.code = None;
        r.detail.clear();
        r.explanation_zh = None;
        r.explanation_en = None;
        r.action_zh = None;
        r.action_en = None;
    }
    r
}

/// Opens a session for the account with this id. Blocking (database and keyring).
pub fn session_for_id(
    dbm: &crate::DbManager,
    secrets: &dyn maskline_secrets::SecretStore,
    id: i64,
) -> Result<Session, ServiceError> {
    let name = crate::accounts::list(dbm, secrets)?
        .into_iter()
        .find(|a| a.id == id)
        .map(|a| a.name)
        .ok_or_else(|| {
            ServiceError::NotFound(text!("no account with id {id}", "不存在 ID 为 {id} 的账号"))
        })?;
    Session::open(dbm, secrets, Some(&name))
}
