//! The HTTP side: [`ClientConfig`], [`Client::new`] and the signed, rate-limited, retried call.
//!
//! TLS is always verified (rustls, the public web PKI roots); an account may *add* a private CA.
//! Plain `http://` is accepted only for loopback hosts (the simulator). Redirects are never
//! followed, so credentials can never reach another host.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use maskline_domain::AuthScheme;
use maskline_secrets::Sensitive;
use reqwest::{Method, header};
use serde_json::Value;
use url::Url;

use crate::ratelimit::{RateLimit, RateLimiter};
use crate::redact::{headers_for_log, mask_phones};
use crate::response::{Outcome, interpret};
use crate::retry::{RetryPolicy, random_u64, retryable};
use crate::{ApiError, sign};

/// Connect and whole-request timeouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub connect: Duration,
    /// From sending the request to the last byte of the answer.
    pub overall: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            overall: Duration::from_secs(30),
        }
    }
}

/// Everything needed to talk to one PrivateNumber app (account).
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// e.g. `https://rtcpns.cn-north-1.myhuaweicloud.com`; `http://` only for loopback.
    pub base_url: String,
    pub app_key: String,
    pub secret: Sensitive<String>,
    pub scheme: AuthScheme,
    /// Extra trusted CA certificate(s), PEM. Added to the built-in roots, never replacing them.
    pub custom_ca_pem: Option<Vec<u8>>,
    pub rate_limit: RateLimit,
    pub timeouts: Timeouts,
    pub retry: RetryPolicy,
}

impl ClientConfig {
    /// AKSK, no custom CA, default rate limit, timeouts and retries.
    pub fn new(
        base_url: impl Into<String>,
        app_key: impl Into<String>,
        secret: Sensitive<String>,
    ) -> Self {
        Self {
            base_url: base_url.into(),
            app_key: app_key.into(),
            secret,
            scheme: AuthScheme::default(),
            custom_ca_pem: None,
            rate_limit: RateLimit::default(),
            timeouts: Timeouts::default(),
            retry: RetryPolicy::default(),
        }
    }
}

/// A PrivateNumber client for one app. Cheap to clone; clones share the connection pool and
/// the rate limiter. Create it once per account.
#[derive(Debug, Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    http: reqwest::Client,
    base: Url,
    app_key: String,
    secret: Sensitive<String>,
    scheme: AuthScheme,
    limiter: RateLimiter,
    retry: RetryPolicy,
}

/// One API call, before signing.
pub(crate) struct Call {
    pub method: Method,
    pub path: &'static str,
    pub query: Vec<(&'static str, String)>,
    pub body: Option<Value>,
}

const MAX_BODY: usize = 1 << 20;

impl Client {
    pub fn new(config: ClientConfig) -> Result<Self, ApiError> {
        let base = Url::parse(config.base_url.trim())
            .map_err(|e| ApiError::Config(format!("base URL {:?}: {e}", config.base_url)))?;
        check_scheme(&base, "base URL")?;
        if config.app_key.trim().is_empty() || config.app_key.len() > 128 {
            return Err(ApiError::Config(
                "the app key must be 1–128 characters".into(),
            ));
        }
        if config.secret.is_empty() {
            return Err(ApiError::Config("the app secret is empty".into()));
        }
        let RateLimit { per_second, burst } = config.rate_limit;
        if per_second == 0 || burst == 0 {
            return Err(ApiError::Config(
                "the rate limit needs at least 1 request/s and burst 1".into(),
            ));
        }
        let mut builder = reqwest::Client::builder()
            .use_rustls_tls()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(config.timeouts.connect)
            .timeout(config.timeouts.overall)
            .user_agent(concat!("Maskline/", env!("CARGO_PKG_VERSION")));
        if let Some(pem) = &config.custom_ca_pem {
            let certs = reqwest::Certificate::from_pem_bundle(pem)
                .map_err(|e| ApiError::Config(format!("custom CA certificate: {e}")))?;
            if certs.is_empty() {
                return Err(ApiError::Config(
                    "custom CA: no PEM certificate found".into(),
                ));
            }
            for cert in certs {
                builder = builder.add_root_certificate(cert);
            }
        }
        let http = builder
            .build()
            .map_err(|e| ApiError::Config(format!("HTTP client: {e}")))?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                base,
                app_key: config.app_key,
                secret: config.secret,
                scheme: config.scheme,
                limiter: RateLimiter::new(config.rate_limit),
                retry: config.retry,
            }),
        })
    }

    pub fn app_key(&self) -> &str {
        &self.inner.app_key
    }

    pub fn scheme(&self) -> AuthScheme {
        self.inner.scheme
    }

    pub fn base_url(&self) -> &Url {
        &self.inner.base
    }

    /// Base URL + path + query; `+` in values is sent as `%2B` (form encoding).
    pub(crate) fn url(&self, path: &str, query: &[(&'static str, String)]) -> Url {
        let mut url = self.inner.base.clone();
        let joined = format!("{}{}", url.path().trim_end_matches('/'), path);
        url.set_path(&joined);
        url.set_query(None);
        url.set_fragment(None);
        if !query.is_empty() {
            url.query_pairs_mut()
                .extend_pairs(query.iter().map(|(k, v)| (*k, v.as_str())));
        }
        url
    }

    /// Sends `call` and returns the JSON body of a `resultcode` "0" answer.
    pub(crate) async fn json(&self, call: Call) -> Result<Value, ApiError> {
        match self.run(&call, false).await? {
            Outcome::Json(v) => Ok(v),
            Outcome::Redirect(_) => Err(ApiError::Decode("unexpected redirect".into())),
        }
    }

    /// Sends `call` and returns the `Location` of the expected redirect (validated, not followed).
    pub(crate) async fn redirect(&self, call: Call) -> Result<Url, ApiError> {
        let location = match self.run(&call, true).await? {
            Outcome::Redirect(l) => l,
            Outcome::Json(_) => {
                return Err(ApiError::Decode("expected a redirect, got 200".into()));
            }
        };
        let url = self
            .inner
            .base
            .join(&location)
            .map_err(|e| ApiError::Decode(format!("bad Location header: {e}")))?;
        check_scheme(&url, "download link").map_err(|e| ApiError::Decode(e.to_string()))?;
        Ok(url)
    }

    async fn run(&self, call: &Call, expect_redirect: bool) -> Result<Outcome, ApiError> {
        let url = self.url(call.path, &call.query);
        let idempotent = call.method == Method::GET;
        let policy = self.inner.retry;
        let mut retry = 0;
        loop {
            let result = self.attempt(call, &url, expect_redirect).await;
            match result {
                Err(e) if retry < policy.max_retries && retryable(&e, idempotent) => {
                    let delay = policy.delay(retry, random_u64());
                    tracing::warn!(
                        method = %call.method, path = call.path, retry = retry + 1,
                        delay_ms = delay.as_millis() as u64, error = %e,
                        "PrivateNumber call failed; retrying"
                    );
                    tokio::time::sleep(delay).await;
                    retry += 1;
                }
                other => return other,
            }
        }
    }

    async fn attempt(
        &self,
        call: &Call,
        url: &Url,
        expect_redirect: bool,
    ) -> Result<Outcome, ApiError> {
        self.inner.limiter.acquire().await;
        let inner = &self.inner;
        let auth = sign::sign_now(inner.scheme, &inner.app_key, inner.secret.expose());
        let mut req = inner
            .http
            .request(call.method.clone(), url.clone())
            .header(header::CONTENT_TYPE, "application/json;charset=UTF-8")
            .header(header::ACCEPT, "application/json")
            .header(header::AUTHORIZATION, &auth.authorization)
            .header(auth.token_name, &auth.token_value);
        if let Some(body) = &call.body {
            let text = body.to_string();
            tracing::trace!(body = %mask_phones(&text), "request body");
            req = req.body(text);
        }
        let req = req
            .build()
            .map_err(|e| ApiError::Config(format!("building the request: {e}")))?;
        tracing::debug!(
            method = %call.method, url = %mask_phones(url.as_str()),
            headers = %headers_for_log(req.headers()), "PrivateNumber request"
        );
        let started = Instant::now();
        let resp = inner.http.execute(req).await.map_err(classify)?;
        let status = resp.status();
        let location = resp
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = read_limited(resp).await?;
        tracing::debug!(
            status = status.as_u16(), elapsed_ms = started.elapsed().as_millis() as u64,
            body = %mask_phones(&String::from_utf8_lossy(&body[..body.len().min(512)])),
            "PrivateNumber response"
        );
        interpret(status, location.as_deref(), &body, expect_redirect)
    }
}

async fn read_limited(mut resp: reqwest::Response) -> Result<Vec<u8>, ApiError> {
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(classify)? {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(ApiError::Decode(format!(
                "answer larger than {MAX_BODY} bytes"
            )));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Maps a reqwest failure to transport / TLS / timeout, without the URL (it holds numbers).
fn classify(e: reqwest::Error) -> ApiError {
    let e = e.without_url();
    let connect = e.is_connect();
    if e.is_timeout() {
        return ApiError::Timeout {
            during_connect: connect,
        };
    }
    let mut detail = e.to_string();
    let mut source = std::error::Error::source(&e);
    let mut tls = false;
    let mut plain_http = false;
    while let Some(s) = source {
        detail.push_str(": ");
        detail.push_str(&s.to_string());
        if let Some(t) = tls_error(s) {
            tls = true;
            plain_http |= matches!(
                t,
                rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType)
            );
        }
        source = s.source();
    }
    let detail = mask_phones(&detail);
    if plain_http {
        // The first bytes back were not TLS at all: a plain-HTTP server on an https:// port.
        ApiError::Tls {
            detail: format!("{} ({detail})", crate::error::PLAIN_HTTP),
        }
    } else if tls {
        ApiError::Tls { detail }
    } else {
        ApiError::Transport {
            request_sent: !connect,
            detail,
        }
    }
}

/// A rustls error, possibly wrapped in (nested) `io::Error`s, whose `source()` skips the inner.
fn tls_error<'a>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    if let Some(t) = e.downcast_ref::<rustls::Error>() {
        return Some(t);
    }
    e.downcast_ref::<std::io::Error>()
        .and_then(std::io::Error::get_ref)
        .and_then(|inner| tls_error(inner))
}

/// `https://` anywhere; `http://` only to 127.0.0.0/8, ::1 or localhost.
fn check_scheme(url: &Url, what: &str) -> Result<(), ApiError> {
    match url.scheme() {
        _ if transport_allowed(url) => Ok(()),
        "http" => Err(ApiError::Config(format!(
            "{what} {}: plain http:// is only allowed to this computer (127.0.0.1, ::1, localhost); use https://",
            url.host_str().unwrap_or("")
        ))),
        other => Err(ApiError::Config(format!(
            "{what}: unsupported scheme {other:?}; use https://"
        ))),
    }
}

/// Whether Maskline may talk to `url` at all: `https://` anywhere, `http://` only to this
/// computer. The one rule for every HTTP request (platform calls, recording downloads).
pub fn transport_allowed(url: &Url) -> bool {
    match url.scheme() {
        "https" => true,
        "http" => is_loopback(url),
        _ => false,
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests;
