//! Server-side WSSE and AKSK verification, written from the reference (§2), plus the
//! signer used for callbacks. Independent of `maskline-api` by design.
//!
//! WSSE: `PasswordDigest = Base64(SHA-256(Nonce + Created + Secret))`.
//! AKSK: `PasswordDigest = Base64(HMAC-SHA256(key = Secret, Nonce + Created))`.
//! Header names are case-insensitive (HTTP), attribute names too; attribute order, `", "`
//! vs `","` and the demo's `dsl=` instead of `type=` are all tolerated.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::Instant;

use axum::http::HeaderMap;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::codes::{self, ApiError};
use crate::model::auth::AuthState;
use crate::model::clock::{SimClock, fmt_created, parse_created};
use crate::model::config::{AppConfig, AuthPolicy, CallbackAuth};

/// Which signature scheme a request used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Wsse,
    Aksk,
}

/// Parsed `UsernameToken` attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub scheme: Scheme,
    pub username: String,
    pub digest: String,
    pub nonce: String,
    pub created: String,
}

/// Split `a="1", b="2",c=3` into lower-cased keys and unquoted values.
pub fn parse_attrs(s: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let Some(eq) = rest.find('=') else { break };
        let key = rest[..eq]
            .trim()
            .trim_start_matches(',')
            .trim()
            .to_ascii_lowercase();
        let after = rest[eq + 1..].trim_start();
        let (value, tail) = if let Some(q) = after.strip_prefix('"') {
            match q.find('"') {
                Some(end) => (&q[..end], &q[end + 1..]),
                None => (q, ""),
            }
        } else {
            match after.find(',') {
                Some(end) => (after[..end].trim(), &after[end..]),
                None => (after.trim(), ""),
            }
        };
        out.insert(key, value.to_string());
        rest = tail.trim_start().trim_start_matches(',').trim_start();
    }
    out
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Parse `Authorization` and `X-WSSE`/`X-AKSK` into a [`Token`], with the 10230xx codes.
pub fn parse_headers(headers: &HeaderMap) -> Result<Token, ApiError> {
    use ApiError as E;
    let auth = header(headers, "authorization")
        .ok_or_else(|| E::header("1023006", "Authorization not contained in the HTTP header."))?;
    let auth = auth.trim();
    let (scheme_word, attrs) = auth.split_once(char::is_whitespace).unwrap_or((auth, ""));
    let scheme = match scheme_word.to_ascii_uppercase().as_str() {
        "WSSE" => Scheme::Wsse,
        "AKSK" => Scheme::Aksk,
        _ => return Err(E::header("1023013", "WSSE not contained in Authorization.")),
    };
    let attrs = parse_attrs(attrs);
    let realm = attrs
        .get("realm")
        .ok_or_else(|| E::header("1023007", "realm not contained in Authorization."))?;
    let profile = attrs
        .get("profile")
        .ok_or_else(|| E::header("1023008", "profile not contained in Authorization."))?;
    if realm != "SDP" {
        return Err(E::header(
            "1023009",
            "The value of realm in Authorization must be SDP.",
        ));
    }
    if profile != "UsernameToken" {
        return Err(E::header(
            "1023010",
            "The value of profile in Authorization must be UsernameToken.",
        ));
    }
    let ty = attrs
        .get("type")
        .or_else(|| attrs.get("dsl"))
        .ok_or_else(|| E::header("1023012", "type not contained in Authorization."))?;
    if !ty.eq_ignore_ascii_case("Appkey") {
        return Err(E::header(
            "1023011",
            "The value of type in Authorization must be app_key.",
        ));
    }
    let (hname, missing, codes4) = match scheme {
        Scheme::Wsse => (
            "x-wsse",
            ("1023026", "X-WSSE not contained in the HTTP header."),
            ["1023027", "1023028", "1023029", "1023030"],
        ),
        Scheme::Aksk => (
            "x-aksk",
            ("1023033", "HTTP header not found X-AKSK field."),
            ["1023034", "1023035", "1023036", "1023037"],
        ),
    };
    let token = header(headers, hname).ok_or_else(|| E::header(missing.0, missing.1))?;
    let token = token.trim();
    let body = token
        .get(..13)
        .filter(|p| p.eq_ignore_ascii_case("UsernameToken"))
        .map_or(token, |_| &token[13..]);
    let attrs = parse_attrs(body);
    let hdr = if scheme == Scheme::Wsse {
        "X-WSSE"
    } else {
        "X-AKSK"
    };
    let get = |k: &str, code: &'static str, label: &str| {
        attrs
            .get(k)
            .filter(|v| !v.is_empty())
            .cloned()
            .ok_or_else(|| E::header(code, &format!("{label} not contained in {hdr}.")))
    };
    Ok(Token {
        scheme,
        username: get("username", codes4[0], "Username")?,
        nonce: get("nonce", codes4[1], "Nonce")?,
        created: get("created", codes4[2], "Created")?,
        digest: get("passworddigest", codes4[3], "PasswordDigest")?,
    })
}

/// Expected digest for a scheme.
pub(crate) fn digest(scheme: Scheme, secret: &str, nonce: &str, created: &str) -> String {
    match scheme {
        Scheme::Wsse => {
            let mut h = Sha256::new();
            h.update(nonce.as_bytes());
            h.update(created.as_bytes());
            h.update(secret.as_bytes());
            B64.encode(h.finalize())
        }
        Scheme::Aksk => {
            let mut m = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
                .expect("HMAC accepts keys of any length");
            m.update(nonce.as_bytes());
            m.update(created.as_bytes());
            B64.encode(m.finalize().into_bytes())
        }
    }
}

fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Count an authentication failure from `ip`; the threshold locks the IP. Returns `err`.
fn fail(
    state: &mut AuthState,
    ip: IpAddr,
    now: i64,
    policy: &AuthPolicy,
    err: ApiError,
) -> ApiError {
    let entry = state.failures.entry(ip).or_insert((0, now));
    if now - entry.1 > policy.lock_minutes * 60 {
        *entry = (0, now);
    }
    entry.0 += 1;
    entry.1 = now;
    if entry.0 >= policy.lock_threshold.max(1) {
        state.failures.remove(&ip);
        state
            .locked_until
            .insert(ip, now + policy.lock_minutes * 60);
    }
    err
}

/// Verify a request; returns the app it authenticates as.
pub(crate) fn verify<'a>(
    headers: &HeaderMap,
    ip: IpAddr,
    apps: &'a [AppConfig],
    clock: &SimClock,
    policy: &AuthPolicy,
    state: &mut AuthState,
) -> Result<&'a AppConfig, ApiError> {
    let now = clock.now();
    if state.locked_until.get(&ip).is_some_and(|t| *t > now) {
        return Err(ApiError::forbidden(
            codes::IP_LOCKED,
            "Authentication failed, try again later",
        ));
    }
    let token = parse_headers(headers)?;
    let created = parse_created(&token.created)
        .ok_or_else(|| ApiError::header("1023031", "The format of Created is invalid."))?;
    if (clock.auth_now() - created).abs() > policy.max_skew_secs {
        return Err(ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            codes::TIME_OUT_LIMIT,
            "Time out limit.",
        ));
    }
    if token.nonce.len() > 128 {
        return Err(ApiError::invalid("Nonce is invalid."));
    }
    let Some(app) = apps.iter().find(|a| a.key == token.username) else {
        let e = ApiError::forbidden(codes::INVALID_APP_KEY, "Invalid app_key.");
        return Err(fail(state, ip, now, policy, e));
    };
    let expected = digest(token.scheme, &app.secret, &token.nonce, &token.created);
    if !same(expected.as_bytes(), token.digest.as_bytes()) {
        let e = ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            codes::BAD_DIGEST,
            "The PasswordDigest is incorrect.",
        );
        return Err(fail(state, ip, now, policy, e));
    }
    let window = std::time::Duration::from_secs((policy.max_skew_secs.max(1) as u64) * 2);
    state.nonces.retain(|_, seen| seen.elapsed() < window);
    let key = (app.key.clone(), token.nonce.clone());
    if state.nonces.contains_key(&key) {
        let e = ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            codes::BAD_DIGEST,
            "The PasswordDigest is incorrect. Nonce has been used.",
        );
        return Err(fail(state, ip, now, policy, e));
    }
    state.nonces.insert(key, Instant::now());
    state.failures.remove(&ip);
    Ok(app)
}

/// `(Authorization, header name, header value)` for signing a callback like the platform.
pub(crate) fn sign(
    scheme: CallbackAuth,
    key: &str,
    secret: &str,
    nonce: &str,
    created_secs: i64,
) -> (String, &'static str, String) {
    let created = fmt_created(created_secs);
    let (word, hname, s) = match scheme {
        CallbackAuth::Aksk => ("AKSK", "X-AKSK", Scheme::Aksk),
        CallbackAuth::Wsse => ("WSSE", "X-WSSE", Scheme::Wsse),
    };
    let d = digest(s, secret, nonce, &created);
    (
        format!(r#"{word} realm="SDP",profile="UsernameToken",type="Appkey""#),
        hname,
        format!(
            r#"UsernameToken Username="{key}",PasswordDigest="{d}",Nonce="{nonce}",Created="{created}""#
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values computed with openssl:
    //   printf 'abc2018-02-12T15:30:20Zs3cr3t' | openssl dgst -sha256 -binary | base64
    //   printf 'abc2018-02-12T15:30:20Z' | openssl dgst -sha256 -hmac s3cr3t -binary | base64
    #[test]
    fn digests_match_openssl() {
        let created = "2018-02-12T15:30:20Z";
        assert_eq!(
            digest(Scheme::Wsse, "s3cr3t", "abc", created),
            "EjjuIZUqf3MNEEGWMHdgkxC7n62UTpuuo9AupdrHF1g="
        );
        assert_eq!(
            digest(Scheme::Aksk, "s3cr3t", "abc", created),
            "V36k11JvAj0yohUFv2WA6GsxJGGKnj4xGKb+lD9GhmE="
        );
    }

    #[test]
    fn attributes_tolerate_order_spacing_and_case() {
        let a = parse_attrs(r#"Nonce="n", username="u",PasswordDigest="d=" ,Created="c""#);
        assert_eq!(a.get("username").map(String::as_str), Some("u"));
        assert_eq!(a.get("passworddigest").map(String::as_str), Some("d="));
        assert_eq!(a.get("created").map(String::as_str), Some("c"));
    }
}
