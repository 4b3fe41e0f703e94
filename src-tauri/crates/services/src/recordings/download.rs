//! One download of a recording link into its partial file, with resume.
//!
//! The link carries its own authorisation (§9.1): it is fetched with a plain client that
//! sends no PrivateNumber credentials; TLS is always verified (rustls; the OS trust store plus
//! the web PKI roots, plus the account's own CA when it has one, as for API calls; the
//! system proxy settings apply) and
//! plain `http://` is accepted only for loopback hosts (the simulator) — the same rule as the
//! API client. Redirects are followed only to links that pass that rule. The URL is never
//! logged (it is a bearer token for the file).
//!
//! Resume: a partial file of `n` bytes asks for `Range: bytes=n-`. A 206 whose range starts
//! at `n` appends; a 200 (the server ignored Range) restarts from byte 0. The size is checked
//! against `Content-Range`'s total or `Content-Length`; a short body is [`DlError::Truncated`]
//! and its bytes are kept only when the server supports ranges.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use maskline_api::transport_allowed;
use reqwest::{StatusCode, header};
use url::Url;

/// Largest recording accepted (a day of A-law audio is 691 MB).
const MAX_BYTES: u64 = 2 << 30;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DlError {
    /// 403 from the link: it expired (or its signature is no longer accepted).
    LinkExpired,
    /// 404 / 410 from the link: the file is gone.
    Gone,
    /// 429 or 5xx: worth retrying.
    Server(u16),
    /// Another HTTP status: not retried.
    Http(u16),
    /// Connection or protocol failure: worth retrying.
    Network(String),
    /// Fewer bytes than announced; `kept` = the partial stays for a ranged resume.
    Truncated {
        kept: bool,
    },
    Disk(String),
    /// The link is not https (nor http to loopback).
    Unsafe(String),
    /// The announced size is larger than `max` (the room left in the cache).
    TooBig {
        total: u64,
    },
    Cancelled,
}

/// The plain client for download links. `ca_pem` is the account's own CA (PEM, one or more
/// certificates), trusted in addition to the OS trust store, exactly as the API client does:
/// a platform behind a company CA serves its recording links behind the same CA.
pub(crate) fn client(ca_pem: Option<&[u8]>) -> Result<reqwest::Client, String> {
    let policy = reqwest::redirect::Policy::custom(|a| {
        if a.previous().len() >= 5 || !transport_allowed(a.url()) {
            a.stop()
        } else {
            a.follow()
        }
    });
    let mut builder = reqwest::Client::builder()
        .use_rustls_tls()
        .redirect(policy)
        .connect_timeout(Duration::from_secs(10))
        .read_timeout(Duration::from_secs(30))
        .user_agent(concat!("Maskline/", env!("CARGO_PKG_VERSION")));
    if let Some(pem) = ca_pem {
        let certs = reqwest::Certificate::from_pem_bundle(pem)
            .map_err(|e| format!("the account's CA certificate: {e}"))?;
        if certs.is_empty() {
            return Err("the account's CA certificate: no PEM certificate found".into());
        }
        for cert in certs {
            builder = builder.add_root_certificate(cert);
        }
    }
    builder.build().map_err(|e| e.to_string())
}

/// `bytes a-b/total` → (a, total); total `None` when `*`.
fn content_range(v: &str) -> Option<(u64, Option<u64>)> {
    let rest = v.trim().strip_prefix("bytes ")?;
    let (range, total) = rest.split_once('/')?;
    let (a, _) = range.split_once('-')?;
    Some((a.trim().parse().ok()?, total.trim().parse().ok()))
}

fn net(e: reqwest::Error) -> DlError {
    // Without the URL: it is a bearer token.
    let e = e.without_url();
    let mut s = e.to_string();
    let mut src = std::error::Error::source(&e);
    while let Some(x) = src {
        s.push_str(": ");
        s.push_str(&x.to_string());
        src = x.source();
    }
    DlError::Network(s)
}

/// Downloads `url` into `part`, resuming from its current length. Returns the total size
/// once `part` holds exactly the announced bytes (fsynced). `on_bytes` gets each chunk's size.
/// A file announced larger than `max` bytes is refused before its body is read.
pub(crate) async fn download(
    http: &reqwest::Client,
    url: &Url,
    part: &Path,
    max: u64,
    cancel: &AtomicBool,
    on_bytes: &mut (dyn FnMut(u64) + Send),
) -> Result<u64, DlError> {
    if !transport_allowed(url) {
        return Err(DlError::Unsafe(url.scheme().to_string()));
    }
    let have = std::fs::metadata(part).map(|m| m.len()).unwrap_or(0);
    let mut req = http.get(url.clone());
    if have > 0 {
        req = req.header(header::RANGE, format!("bytes={have}-"));
    }
    let mut resp = req.send().await.map_err(net)?;
    let status = resp.status();
    let hdr = |name: header::HeaderName| -> Option<String> {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let length: Option<u64> = hdr(header::CONTENT_LENGTH).and_then(|v| v.parse().ok());
    let ranges_ok = hdr(header::ACCEPT_RANGES).is_some_and(|v| v.contains("bytes"));
    let (start, total, ranged) = match status {
        StatusCode::PARTIAL_CONTENT => {
            let (a, total) = hdr(header::CONTENT_RANGE)
                .as_deref()
                .and_then(content_range)
                .ok_or_else(|| DlError::Network("206 without a valid Content-Range".into()))?;
            if a != have {
                let _ = std::fs::remove_file(part);
                return Err(DlError::Network(format!(
                    "asked for bytes from {have}, got from {a}"
                )));
            }
            (a, total.or(length.map(|l| a + l)), true)
        }
        StatusCode::OK => (0, length, ranges_ok),
        StatusCode::RANGE_NOT_SATISFIABLE => {
            let total = hdr(header::CONTENT_RANGE)
                .as_deref()
                .and_then(|v| v.trim().strip_prefix("bytes */")?.parse::<u64>().ok());
            if total == Some(have) && have > 0 {
                return Ok(have);
            }
            let _ = std::fs::remove_file(part);
            return Err(DlError::Network(
                "the partial download no longer matches".into(),
            ));
        }
        StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED => return Err(DlError::LinkExpired),
        StatusCode::NOT_FOUND | StatusCode::GONE => return Err(DlError::Gone),
        s if s.is_server_error() || s == StatusCode::TOO_MANY_REQUESTS => {
            return Err(DlError::Server(s.as_u16()));
        }
        s => return Err(DlError::Http(s.as_u16())),
    };
    if total.is_some_and(|t| t > MAX_BYTES) {
        return Err(DlError::Http(413));
    }
    if let Some(t) = total.filter(|t| *t > max) {
        let _ = std::fs::remove_file(part);
        return Err(DlError::TooBig { total: t });
    }
    // 200 restarts from 0 (a server that ignores Range resends everything).
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(start > 0)
        .write(true)
        .truncate(start == 0)
        .open(part)
        .map_err(|e| DlError::Disk(e.to_string()))?;
    let mut written = start;
    let outcome = loop {
        if cancel.load(Ordering::Relaxed) {
            break Err(DlError::Cancelled);
        }
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                written += chunk.len() as u64;
                if total.is_some_and(|t| written > t) || written > MAX_BYTES {
                    break Err(DlError::Network("more bytes than announced".into()));
                }
                // No announced size: stop as soon as it cannot fit any more.
                if written > max {
                    break Err(DlError::TooBig { total: written });
                }
                if let Err(e) = file.write_all(&chunk) {
                    break Err(DlError::Disk(e.to_string()));
                }
                on_bytes(chunk.len() as u64);
            }
            Ok(None) if total.is_none_or(|t| written == t) => break Ok(written),
            Ok(None) => break Err(DlError::Truncated { kept: ranged }),
            Err(_) => break Err(DlError::Truncated { kept: ranged }),
        }
    };
    let synced = file.sync_all();
    drop(file);
    match outcome {
        Ok(n) => {
            synced.map_err(|e| DlError::Disk(e.to_string()))?;
            Ok(n)
        }
        Err(e) => {
            let keep =
                matches!(e, DlError::Truncated { kept: true } | DlError::Cancelled) && ranged;
            if !keep {
                let _ = std::fs::remove_file(part);
            }
            Err(e)
        }
    }
}

#[cfg(test)]
mod tls_tests {
    use std::sync::Arc;

    use rcgen::{
        BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose,
    };
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;
    use tokio_rustls::TlsAcceptor;
    use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
    use tokio_rustls::rustls::{ServerConfig, crypto};

    use super::*;

    /// A one-file HTTPS server on 127.0.0.1 whose certificate comes from a fresh private CA.
    /// Returns the CA (PEM) and the file's URL.
    async fn https_file(body: &'static [u8]) -> (String, Url) {
        let ca_key = KeyPair::generate().expect("CA key");
        let mut ca = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.distinguished_name
            .push(DnType::CommonName, "Maskline test company CA");
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca_pem = ca.self_signed(&ca_key).expect("CA").pem();
        let key = KeyPair::generate().expect("server key");
        let leaf = CertificateParams::new(vec!["127.0.0.1".to_string()])
            .expect("leaf params")
            .signed_by(&key, &Issuer::from_params(&ca, &ca_key))
            .expect("leaf");
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        let config =
            ServerConfig::builder_with_provider(Arc::new(crypto::ring::default_provider()))
                .with_safe_default_protocol_versions()
                .expect("TLS versions")
                .with_no_client_auth()
                .with_single_cert(vec![CertificateDer::from(leaf.der().to_vec())], key)
                .expect("server config");
        let acceptor = TlsAcceptor::from(Arc::new(config));
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("port");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    let Ok(mut tls) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let mut req = [0u8; 4096];
                    let _ = tls.read(&mut req).await;
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = tls.write_all(head.as_bytes()).await;
                    let _ = tls.write_all(body).await;
                    let _ = tls.shutdown().await;
                });
            }
        });
        let url = Url::parse(&format!("https://{addr}/rec.wav?token=t")).expect("url");
        (ca_pem, url)
    }

    #[tokio::test]
    async fn downloads_trust_the_accounts_own_ca_and_only_with_it() {
        let (ca_pem, url) = https_file(b"RIFF-audio").await;
        let dir = tempfile::tempdir().expect("tempdir");
        let cancel = AtomicBool::new(false);

        let part = dir.path().join("a.part");
        let plain = client(None).expect("client");
        let refused = download(&plain, &url, &part, 1 << 20, &cancel, &mut |_| {}).await;
        assert!(
            matches!(refused, Err(DlError::Network(_))),
            "an unknown CA is refused: {refused:?}"
        );

        let with_ca = client(Some(ca_pem.as_bytes())).expect("client with the account CA");
        let part = dir.path().join("b.part");
        let total = download(&with_ca, &url, &part, 1 << 20, &cancel, &mut |_| {}).await;
        assert_eq!(total, Ok(10));
        assert_eq!(std::fs::read(&part).expect("part"), b"RIFF-audio");
    }

    #[test]
    fn a_broken_account_ca_is_an_error_not_ignored() {
        assert!(client(Some(b"not a certificate")).is_err());
    }
}
