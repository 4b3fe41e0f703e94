//! WSSE and AKSK request signing (reference §2), as pure functions plus a fresh-nonce helper.
//!
//! - AKSK: `Authorization: AKSK realm="SDP",profile="UsernameToken",type="Appkey"` and
//!   `X-AKSK: UsernameToken Username="…",PasswordDigest="…",Nonce="…",Created="…"` with
//!   digest = Base64(HMAC-SHA256(key = secret, message = nonce + created)).
//! - WSSE: the same with `WSSE`/`X-WSSE` and digest = Base64(SHA-256(nonce + created + secret)).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use hmac::{Hmac, Mac};
use maskline_domain::AuthScheme;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use time::macros::format_description;

/// The two signature headers of one request.
#[derive(Clone, PartialEq, Eq)]
pub struct AuthHeaders {
    /// Always `Authorization`.
    pub authorization: String,
    /// `X-AKSK` or `X-WSSE`.
    pub token_name: &'static str,
    /// The `UsernameToken …` value.
    pub token_value: String,
}

impl std::fmt::Debug for AuthHeaders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthHeaders")
            .field("authorization", &self.authorization)
            .field("token_name", &self.token_name)
            .field("token_value", &"[redacted]")
            .finish()
    }
}

/// `Base64(SHA-256(nonce + created + secret))`.
pub fn wsse_digest(secret: &str, nonce: &str, created: &str) -> String {
    let mut h = Sha256::new();
    h.update(nonce.as_bytes());
    h.update(created.as_bytes());
    h.update(secret.as_bytes());
    B64.encode(h.finalize())
}

/// `Base64(HMAC-SHA256(key = secret, message = nonce + created))`.
pub fn aksk_digest(secret: &str, nonce: &str, created: &str) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(nonce.as_bytes());
    mac.update(created.as_bytes());
    B64.encode(mac.finalize().into_bytes())
}

/// Both headers for `scheme`, from explicit inputs (deterministic; used by known-answer tests).
pub fn sign(
    scheme: AuthScheme,
    app_key: &str,
    secret: &str,
    nonce: &str,
    created: &str,
) -> AuthHeaders {
    let (prefix, token_name, digest) = match scheme {
        AuthScheme::Aksk => ("AKSK", "X-AKSK", aksk_digest(secret, nonce, created)),
        AuthScheme::Wsse => ("WSSE", "X-WSSE", wsse_digest(secret, nonce, created)),
    };
    AuthHeaders {
        authorization: format!(r#"{prefix} realm="SDP",profile="UsernameToken",type="Appkey""#),
        token_name,
        token_value: format!(
            r#"UsernameToken Username="{app_key}",PasswordDigest="{digest}",Nonce="{nonce}",Created="{created}""#
        ),
    }
}

/// 32 upper-case hex characters from the operating system's CSPRNG.
pub fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).unwrap_or_else(|e| panic!("the OS random generator failed: {e}"));
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// `yyyy-MM-ddTHH:mm:ssZ` in UTC, as the platform requires (no fractional seconds).
pub fn format_created(t: OffsetDateTime) -> String {
    let utc = t.to_offset(time::UtcOffset::UTC);
    let fmt = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    utc.format(&fmt)
        .unwrap_or_else(|e| unreachable!("fixed format with UTC offset: {e}"))
}

/// Headers for a request about to be sent: fresh nonce, current time.
pub fn sign_now(scheme: AuthScheme, app_key: &str, secret: &str) -> AuthHeaders {
    sign(
        scheme,
        app_key,
        secret,
        &new_nonce(),
        &format_created(OffsetDateTime::now_utc()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NONCE: &str = "66C92B11FF8A425FB8D4CCFE0ED9ED1F";
    const CREATED: &str = "2018-02-12T15:30:20Z";

    #[test]
    fn wsse_digest_matches_openssl() {
        // printf '%s' '66C92B11FF8A425FB8D4CCFE0ED9ED1F2018-02-12T15:30:20Zmy_app_secret' \
        //   | openssl dgst -sha256 -binary | base64
        let expected = "9OPK81Seuw4yowjmkEu8hS1RkP+rZr+BJJLo+ycNbGs=";
        assert_eq!(wsse_digest("my_app_secret", NONCE, CREATED), expected);
        // printf '%s' 'a2024-01-01T00:00:00Zs3cr3t/中' | openssl dgst -sha256 -binary | base64
        let expected_utf8 = "TeC+gEsGM7PliU1sD1oxaK9rsMaAAltq09Bh0zHcS3w=";
        assert_eq!(
            wsse_digest("s3cr3t/中", "a", "2024-01-01T00:00:00Z"),
            expected_utf8
        );
    }

    #[test]
    fn aksk_digest_matches_openssl() {
        // printf '%s' '66C92B11FF8A425FB8D4CCFE0ED9ED1F2018-02-12T15:30:20Z' \
        //   | openssl dgst -sha256 -hmac 'my_app_secret' -binary | base64
        let expected = "v4YOq0PRwgCKFwN3sz4s+RtOR6pwdW72e9fr6uBOy4w=";
        assert_eq!(aksk_digest("my_app_secret", NONCE, CREATED), expected);
        // printf '%s' 'a2024-01-01T00:00:00Z' | openssl dgst -sha256 -hmac 's3cr3t/中' -binary | base64
        let expected_utf8 = "PxHUI/hoNmc7UXl3vy92HU8AO7Fdd4JGQMULPkuA/cc=";
        assert_eq!(
            aksk_digest("s3cr3t/中", "a", "2024-01-01T00:00:00Z"),
            expected_utf8
        );
    }

    #[test]
    fn one_changed_input_changes_the_digest() {
        let base = aksk_digest("my_app_secret", NONCE, CREATED);
        assert_ne!(aksk_digest("my_app_secreT", NONCE, CREATED), base);
        assert_ne!(
            aksk_digest("my_app_secret", NONCE, "2018-02-12T15:30:21Z"),
            base
        );
        assert_ne!(
            wsse_digest("my_app_secret", NONCE, CREATED),
            base,
            "schemes differ"
        );
    }

    #[test]
    fn aksk_headers_have_the_exact_documented_format() {
        let h = sign(
            AuthScheme::Aksk,
            "my_app_key",
            "my_app_secret",
            NONCE,
            CREATED,
        );
        assert_eq!(
            h.authorization,
            r#"AKSK realm="SDP",profile="UsernameToken",type="Appkey""#
        );
        assert_eq!(h.token_name, "X-AKSK");
        assert_eq!(
            h.token_value,
            r#"UsernameToken Username="my_app_key",PasswordDigest="v4YOq0PRwgCKFwN3sz4s+RtOR6pwdW72e9fr6uBOy4w=",Nonce="66C92B11FF8A425FB8D4CCFE0ED9ED1F",Created="2018-02-12T15:30:20Z""#
        );
    }

    #[test]
    fn wsse_headers_have_the_exact_documented_format() {
        let h = sign(
            AuthScheme::Wsse,
            "my_app_key",
            "my_app_secret",
            NONCE,
            CREATED,
        );
        assert_eq!(
            h.authorization,
            r#"WSSE realm="SDP",profile="UsernameToken",type="Appkey""#
        );
        assert_eq!(h.token_name, "X-WSSE");
        assert_eq!(
            h.token_value,
            r#"UsernameToken Username="my_app_key",PasswordDigest="9OPK81Seuw4yowjmkEu8hS1RkP+rZr+BJJLo+ycNbGs=",Nonce="66C92B11FF8A425FB8D4CCFE0ED9ED1F",Created="2018-02-12T15:30:20Z""#
        );
    }

    #[test]
    fn nonces_are_32_uppercase_hex_and_distinct() {
        let a = new_nonce();
        let b = new_nonce();
        assert_eq!(a.len(), 32);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_digit() || ('A'..='F').contains(&c)),
            "{a}"
        );
        assert_ne!(a, b, "two nonces from a CSPRNG must differ");
    }

    #[test]
    fn created_is_utc_without_fraction() {
        let t = datetime!(2018-02-12 23:30:20.987 +08:00);
        assert_eq!(format_created(t), "2018-02-12T15:30:20Z");
    }

    #[test]
    fn debug_does_not_print_the_digest() {
        let h = sign(AuthScheme::Aksk, "k", "s", NONCE, CREATED);
        assert!(!format!("{h:?}").contains("PasswordDigest"));
    }
}
