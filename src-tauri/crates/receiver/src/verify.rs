//! Verifying a push's signature: `Authorization: WSSE|AKSK realm="SDP",profile="UsernameToken",
//! type="Appkey"` and `X-WSSE` / `X-AKSK: UsernameToken Username=…,PasswordDigest=…,Nonce=…,
//! Created=…`, as the platform signs (reference §2, §11; the simulator's `delivery`).
//!
//! The rules are those the platform applies to us (mirrored from the simulator's `auth`):
//! `Created` (`yyyy-MM-ddTHH:mm:ssZ`, UTC) within `max_skew_secs` of this machine's clock, the
//! digest (WSSE: Base64(SHA-256(Nonce+Created+Secret)); AKSK: Base64(HMAC-SHA256(Secret,
//! Nonce+Created))) compared in constant time, and a nonce accepted once per app within twice
//! the window. The digests are the API client's (`maskline_api::sign`).

use std::collections::HashMap;
use std::sync::Mutex;

use maskline_secrets::Sensitive;

use crate::config::Scheme;

/// Why a push was refused. `Display` is the English reason; [`Refusal::zh`] the Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NoAuthorization,
    /// The `Authorization` header is not `WSSE|AKSK realm="SDP",profile="UsernameToken",type="Appkey"`.
    BadAuthorization(&'static str),
    /// `X-WSSE` / `X-AKSK` missing, or lacking an attribute.
    BadToken(String),
    UnknownApp(String),
    /// The app is configured for the other scheme.
    WrongScheme {
        app_key: String,
        expected: Scheme,
    },
    BadCreated(String),
    /// `Created` is this many seconds away from our clock.
    Stale(i64),
    BadDigest(String),
    Replayed(String),
}

impl Refusal {
    /// A short machine word for counting.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NoAuthorization => "no_authorization",
            Refusal::BadAuthorization(_) => "bad_authorization",
            Refusal::BadToken(_) => "bad_token",
            Refusal::UnknownApp(_) => "unknown_app",
            Refusal::WrongScheme { .. } => "wrong_scheme",
            Refusal::BadCreated(_) => "bad_created",
            Refusal::Stale(_) => "stale_created",
            Refusal::BadDigest(_) => "bad_digest",
            Refusal::Replayed(_) => "replayed_nonce",
        }
    }

    /// The Chinese reason (says as much as the English).
    pub fn zh(&self) -> String {
        match self {
            Refusal::NoAuthorization => "请求没有 Authorization 头,不是平台签名的推送".into(),
            Refusal::BadAuthorization(what) => format!("Authorization 头格式不对:{what}"),
            Refusal::BadToken(what) => format!("签名头不完整:{what}"),
            Refusal::UnknownApp(k) => {
                format!("app_key {k:?} 不在配置的 [[apps]] 中;若是自己的应用,请把它加入配置")
            }
            Refusal::WrongScheme { app_key, expected } => format!(
                "应用 {app_key:?} 配置为 {} 签名,但推送使用了另一种;请在配置中改正 scheme",
                scheme_word(*expected)
            ),
            Refusal::BadCreated(v) => format!("Created {v:?} 不是 yyyy-MM-ddTHH:mm:ssZ 格式"),
            Refusal::Stale(d) => {
                format!("Created 与本机时钟相差 {d} 秒,超出允许范围;请检查本机时间(NTP)")
            }
            Refusal::BadDigest(k) => format!(
                "应用 {k:?} 的 PasswordDigest 不正确:密钥不符(请检查配置中的密钥是否为该应用的 app_secret)"
            ),
            Refusal::Replayed(k) => {
                format!("应用 {k:?} 的 Nonce 已在时间窗内使用过:重放的请求被拒绝")
            }
        }
    }
}

fn scheme_word(s: Scheme) -> &'static str {
    match s {
        Scheme::Wsse => "WSSE (X-WSSE)",
        Scheme::Aksk => "AKSK (X-AKSK)",
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::NoAuthorization => {
                write!(
                    f,
                    "no Authorization header: not a push signed by the platform"
                )
            }
            Refusal::BadAuthorization(what) => write!(f, "malformed Authorization header: {what}"),
            Refusal::BadToken(what) => write!(f, "incomplete signature header: {what}"),
            Refusal::UnknownApp(k) => write!(
                f,
                "app_key {k:?} is not one of the configured [[apps]]; add it if it is your app"
            ),
            Refusal::WrongScheme { app_key, expected } => write!(
                f,
                "app {app_key:?} is configured for {} signatures but the push used the other scheme; correct its scheme in the configuration",
                scheme_word(*expected)
            ),
            Refusal::BadCreated(v) => write!(f, "Created {v:?} is not yyyy-MM-ddTHH:mm:ssZ"),
            Refusal::Stale(d) => write!(
                f,
                "Created is {d} s away from this machine's clock, outside the window; check the time (NTP) here"
            ),
            Refusal::BadDigest(k) => write!(
                f,
                "wrong PasswordDigest for app {k:?}: the secret does not match (check that the configured secret is this app's app_secret)"
            ),
            Refusal::Replayed(k) => write!(
                f,
                "nonce of app {k:?} already used within the window: a replayed request was refused"
            ),
        }
    }
}

/// The signature headers of a push, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub scheme: Scheme,
    pub username: String,
    pub digest: String,
    pub nonce: String,
    pub created: String,
}

/// Splits `a="1", b="2",c=3` into lower-cased keys and unquoted values.
pub fn parse_attrs(s: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut rest = s.trim();
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq]
            .trim()
            .trim_start_matches(',')
            .trim()
            .to_ascii_lowercase();
        let after = rest[eq + 1..].trim_start();
        let (value, tail) = match after.strip_prefix('"') {
            Some(q) => match q.find('"') {
                Some(end) => (&q[..end], &q[end + 1..]),
                None => (q, ""),
            },
            None => match after.find(',') {
                Some(end) => (after[..end].trim(), &after[end..]),
                None => (after.trim(), ""),
            },
        };
        out.insert(key, value.to_string());
        rest = tail.trim_start().trim_start_matches(',').trim_start();
    }
    out
}

/// Parses `Authorization` and the token header (looked up with `header`, case-insensitive).
pub fn parse_token<'h>(header: impl Fn(&str) -> Option<&'h str>) -> Result<Token, Refusal> {
    let auth = header("authorization")
        .ok_or(Refusal::NoAuthorization)?
        .trim();
    let (word, attrs) = auth.split_once(char::is_whitespace).unwrap_or((auth, ""));
    let scheme = if word.eq_ignore_ascii_case("WSSE") {
        Scheme::Wsse
    } else if word.eq_ignore_ascii_case("AKSK") {
        Scheme::Aksk
    } else {
        return Err(Refusal::BadAuthorization("it must start with WSSE or AKSK"));
    };
    let attrs = parse_attrs(attrs);
    if attrs.get("realm").map(String::as_str) != Some("SDP") {
        return Err(Refusal::BadAuthorization("realm must be \"SDP\""));
    }
    if attrs.get("profile").map(String::as_str) != Some("UsernameToken") {
        return Err(Refusal::BadAuthorization(
            "profile must be \"UsernameToken\"",
        ));
    }
    let ty = attrs.get("type").or_else(|| attrs.get("dsl"));
    if !ty.is_some_and(|t| t.eq_ignore_ascii_case("Appkey")) {
        return Err(Refusal::BadAuthorization("type must be \"Appkey\""));
    }
    let name = match scheme {
        Scheme::Wsse => "X-WSSE",
        Scheme::Aksk => "X-AKSK",
    };
    let token = header(&name.to_ascii_lowercase())
        .ok_or_else(|| Refusal::BadToken(format!("{name} header missing")))?
        .trim();
    let body = match token.get(..13) {
        Some(p) if p.eq_ignore_ascii_case("UsernameToken") => &token[13..],
        _ => token,
    };
    let attrs = parse_attrs(body);
    let get = |k: &str, label: &str| {
        attrs
            .get(k)
            .filter(|v| !v.is_empty())
            .cloned()
            .ok_or_else(|| Refusal::BadToken(format!("{label} missing in {name}")))
    };
    Ok(Token {
        scheme,
        username: get("username", "Username")?,
        digest: get("passworddigest", "PasswordDigest")?,
        nonce: get("nonce", "Nonce")?,
        created: get("created", "Created")?,
    })
}

/// `yyyy-MM-ddTHH:mm:ssZ` to epoch seconds.
pub fn parse_created(s: &str) -> Option<i64> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    time::PrimitiveDateTime::parse(s, &fmt)
        .ok()
        .map(|t| t.assume_utc().unix_timestamp())
}

fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// One app's verification material.
pub struct AppSecret {
    pub scheme: Scheme,
    pub secret: Sensitive<String>,
}

/// The verifier: apps by key, the window, and the nonces seen.
pub struct Verifier {
    apps: HashMap<String, AppSecret>,
    max_skew_secs: i64,
    /// (app key, nonce) → epoch seconds when accepted; and when it was last pruned (once a
    /// second at most).
    nonces: Mutex<(Seen, i64)>,
}

/// (app key, nonce) → epoch seconds when it was accepted.
type Seen = HashMap<(String, String), i64>;

/// Nonces kept at most (oldest pruned first beyond it, on top of the time window).
const MAX_NONCES: usize = 1_000_000;

impl Verifier {
    pub fn new(apps: HashMap<String, AppSecret>, max_skew_secs: i64) -> Self {
        Self {
            apps,
            max_skew_secs,
            nonces: Mutex::new((HashMap::new(), 0)),
        }
    }

    /// Verifies a push at `now` (epoch seconds); returns the app key it authenticates as.
    pub fn verify(&self, token: &Token, now: i64) -> Result<String, Refusal> {
        let created = parse_created(&token.created)
            .ok_or_else(|| Refusal::BadCreated(token.created.clone()))?;
        let skew = now - created;
        if skew.abs() > self.max_skew_secs {
            return Err(Refusal::Stale(skew));
        }
        if token.nonce.len() > 128 {
            return Err(Refusal::BadToken("Nonce longer than 128 characters".into()));
        }
        let app = self
            .apps
            .get(&token.username)
            .ok_or_else(|| Refusal::UnknownApp(token.username.clone()))?;
        if app.scheme != token.scheme {
            return Err(Refusal::WrongScheme {
                app_key: token.username.clone(),
                expected: app.scheme,
            });
        }
        let secret = app.secret.expose();
        let expected = match token.scheme {
            Scheme::Wsse => maskline_api::sign::wsse_digest(secret, &token.nonce, &token.created),
            Scheme::Aksk => maskline_api::sign::aksk_digest(secret, &token.nonce, &token.created),
        };
        if !same(expected.as_bytes(), token.digest.as_bytes()) {
            return Err(Refusal::BadDigest(token.username.clone()));
        }
        let mut guard = self.nonces.lock().unwrap_or_else(|p| p.into_inner());
        let (seen, pruned_at) = &mut *guard;
        let window = self.max_skew_secs.max(1) * 2;
        if now != *pruned_at || seen.len() >= MAX_NONCES {
            seen.retain(|_, at| now - *at < window);
            *pruned_at = now;
        }
        let key = (token.username.clone(), token.nonce.clone());
        if seen.get(&key).is_some_and(|at| now - *at < window) {
            return Err(Refusal::Replayed(token.username.clone()));
        }
        if seen.len() >= MAX_NONCES {
            return Err(Refusal::BadToken(
                "too many nonces in the window; try again later".into(),
            ));
        }
        seen.insert(key, now);
        Ok(token.username.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verifier() -> Verifier {
        let mut apps = HashMap::new();
        apps.insert(
            "k".to_string(),
            AppSecret {
                scheme: Scheme::Wsse,
                secret: Sensitive::new("s3cr3t".to_string()),
            },
        );
        Verifier::new(apps, 300)
    }

    fn token(nonce: &str, created: &str, secret: &str) -> Token {
        Token {
            scheme: Scheme::Wsse,
            username: "k".into(),
            digest: maskline_api::sign::wsse_digest(secret, nonce, created),
            nonce: nonce.into(),
            created: created.into(),
        }
    }

    const T: &str = "2018-02-12T15:30:20Z";
    const NOW: i64 = 1_518_449_420;

    #[test]
    fn good_once_then_replay_refused() {
        let v = verifier();
        assert_eq!(v.verify(&token("abc", T, "s3cr3t"), NOW), Ok("k".into()));
        assert_eq!(
            v.verify(&token("abc", T, "s3cr3t"), NOW + 1),
            Err(Refusal::Replayed("k".into()))
        );
    }

    #[test]
    fn wrong_secret_stale_and_future_created_refused() {
        let v = verifier();
        assert_eq!(
            v.verify(&token("a", T, "other"), NOW),
            Err(Refusal::BadDigest("k".into()))
        );
        assert_eq!(
            v.verify(&token("b", T, "s3cr3t"), NOW + 301),
            Err(Refusal::Stale(301))
        );
        assert_eq!(
            v.verify(&token("c", T, "s3cr3t"), NOW - 301),
            Err(Refusal::Stale(-301))
        );
        assert!(v.verify(&token("d", T, "s3cr3t"), NOW + 300).is_ok());
    }

    #[test]
    fn headers_parse_in_any_case_and_order() {
        let h = |n: &str| match n {
            "authorization" => Some(r#"WSSE profile="UsernameToken", realm="SDP",type="Appkey""#),
            "x-wsse" => Some(
                r#"UsernameToken Nonce="n",Username="k", PasswordDigest="d=",Created="2018-02-12T15:30:20Z""#,
            ),
            _ => None,
        };
        let t = parse_token(h).expect("parses");
        assert_eq!(t.username, "k");
        assert_eq!(t.digest, "d=");
        let missing = |n: &str| match n {
            "authorization" => Some(r#"AKSK realm="SDP",profile="UsernameToken",type="Appkey""#),
            _ => None,
        };
        assert!(matches!(parse_token(missing), Err(Refusal::BadToken(_))));
    }
}
