//! Account types that cross the IPC boundary. Secrets only ever travel inward.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{AuthScheme, Mode};

/// An account as the UI sees it: never the secret, only whether it is saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccountInfo {
    pub id: i64,
    pub name: String,
    pub mode: Mode,
    pub auth: AuthScheme,
    pub base_url: String,
    pub has_custom_ca: bool,
    pub rate_limit: u32,
    pub is_active: bool,
    pub created_at: String,
    pub app_key: Option<String>,
    pub secret_saved: bool,
}

/// What the account form sends. When editing, `app_secret: None` keeps the saved secret and
/// `ca_cert_pem: None` keeps the saved CA (`Some("")` removes it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccountDraft {
    pub name: String,
    pub mode: Mode,
    pub auth: AuthScheme,
    pub base_url: String,
    pub ca_cert_pem: Option<String>,
    pub rate_limit: u32,
    pub app_key: String,
    pub app_secret: Option<String>,
}

/// The outcome of "Test connection", in plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ConnectionVerdict {
    /// The platform accepted the signature.
    Ok,
    WrongCredentials,
    ClockSkew,
    IpLocked,
    /// The app is not allowed to use this mode's API (wrong mode, whitelist, frozen…).
    NotPermitted,
    NoNetwork,
    Tls,
    Timeout,
    /// The address answered, but not like the platform (wrong base URL?).
    NotThePlatform,
    /// Something else went wrong on the platform.
    PlatformError,
}

/// A connection test report: a verdict for the UI to phrase, plus the platform's own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionReport {
    pub verdict: ConnectionVerdict,
    /// The platform result code, when there was one.
    pub code: Option<String>,
    /// Technical detail (never contains secrets).
    pub detail: String,
    pub explanation_zh: Option<String>,
    pub explanation_en: Option<String>,
    pub action_zh: Option<String>,
    pub action_en: Option<String>,
}
