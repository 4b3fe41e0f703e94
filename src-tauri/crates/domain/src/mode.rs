//! Binding modes and authentication schemes of a PrivateNumber app (account).
//!
//! An app has exactly one mode; calling another mode's API is refused by the platform (1010040).

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The binding mode of an app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Mode {
    /// A and B talk through a shared X.
    #[serde(rename = "AXB")]
    Axb,
    /// X belongs to A; A's calls to X go to a temporary callee.
    #[serde(rename = "AX")]
    Ax,
    /// A is reached as X plus a 1–4 digit extension E.
    #[serde(rename = "AXE")]
    Axe,
    /// A↔X and B↔Y: each side sees only a private number.
    #[serde(rename = "AXYB")]
    Axyb,
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Axb, Mode::Ax, Mode::Axe, Mode::Axyb];

    /// Stable text form (`AXB`, `AX`, `AXE`, `AXYB`) used in storage, the CLI and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Axb => "AXB",
            Mode::Ax => "AX",
            Mode::Axe => "AXE",
            Mode::Axyb => "AXYB",
        }
    }

    /// Parses the text form, ignoring case (`axb` works too).
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How requests are signed. AKSK is what current docs show; WSSE is the legacy scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AuthScheme {
    /// `X-AKSK`, digest = Base64(HMAC-SHA256(secret, nonce + created)).
    #[default]
    Aksk,
    /// `X-WSSE`, digest = Base64(SHA-256(nonce + created + secret)).
    Wsse,
}

impl AuthScheme {
    /// Stable text form (`aksk`, `wsse`).
    pub fn as_str(self) -> &'static str {
        match self {
            AuthScheme::Aksk => "aksk",
            AuthScheme::Wsse => "wsse",
        }
    }

    /// Parses the text form, ignoring case.
    pub fn parse(s: &str) -> Option<Self> {
        [AuthScheme::Aksk, AuthScheme::Wsse]
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for AuthScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mode_text_forms_round_trip_and_match_serde() {
        for m in Mode::ALL {
            assert_eq!(Mode::parse(m.as_str()), Some(m));
            assert_eq!(
                Mode::parse(&m.as_str().to_lowercase()),
                Some(m),
                "case-insensitive"
            );
            assert_eq!(serde_json::to_string(&m).expect("ser"), format!("\"{m}\""));
        }
        assert_eq!(Mode::parse("XB"), None);
        assert_eq!(
            Mode::parse("X"),
            None,
            "X mode has no binding API and is not offered"
        );
    }

    #[test]
    fn auth_scheme_defaults_to_aksk() {
        assert_eq!(AuthScheme::default(), AuthScheme::Aksk);
        for a in [AuthScheme::Aksk, AuthScheme::Wsse] {
            assert_eq!(AuthScheme::parse(a.as_str()), Some(a));
            assert_eq!(serde_json::to_string(&a).expect("ser"), format!("\"{a}\""));
        }
        assert_eq!(AuthScheme::parse("WSSE"), Some(AuthScheme::Wsse));
        assert_eq!(AuthScheme::parse("basic"), None);
    }
}
