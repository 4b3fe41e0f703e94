//! TLS is always verified: a loopback HTTPS server whose certificate comes from a freshly
//! generated CA is refused by default, accepted once that CA is configured, and still refused
//! when the configured CA is a different one or the certificate names another host.
//!
//! End to end as well: the simulator behind a small TLS-terminating proxy whose certificate
//! comes from a freshly generated CA. The client refuses it by default (nothing reaches the
//! simulator), still refuses it with another CA configured, and works normally once the
//! account's CA certificate is configured.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use maskline_api::axb::{AxbBindRequest, AxbQuery, AxbUnbind};
use maskline_api::{ApiError, AuthScheme, Client, ClientConfig, RetryPolicy, Sensitive};
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;

use crate::support::scripted::{Reply, Seen, serve};
use crate::support::sim::{AXB, config, install_request_counter, num, requests_received, sim};

const OK: &str = r#"{"resultcode":"0","resultdesc":"Success"}"#;

struct Ca {
    params: CertificateParams,
    key: KeyPair,
    pem: String,
}

fn new_ca(name: &str) -> Ca {
    let key = KeyPair::generate().expect("CA key");
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(DnType::CommonName, name);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let pem = params.self_signed(&key).expect("self-signed CA").pem();
    Ca { params, key, pem }
}

/// A server certificate for `names`, issued by `ca`.
fn leaf(ca: &Ca, names: &[&str]) -> (CertificateDer<'static>, PrivateKeyDer<'static>) {
    let key = KeyPair::generate().expect("server key");
    let params = CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        .expect("server params");
    let issuer = Issuer::from_params(&ca.params, &ca.key);
    let cert = params.signed_by(&key, &issuer).expect("signed");
    let key_der = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    (cert.der().clone(), key_der)
}

struct HttpsServer {
    base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

async fn https_server(cert: CertificateDer<'static>, key: PrivateKeyDer<'static>) -> HttpsServer {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("protocols")
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .expect("server config");
    let acceptor = TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("https://{}", listener.local_addr().expect("addr"));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let script = Arc::new(Mutex::new(vec![Reply::Json(200, OK)]));
    let log = seen.clone();
    tokio::spawn(async move {
        loop {
            let Ok((tcp, _)) = listener.accept().await else {
                return;
            };
            let (acceptor, log, script) = (acceptor.clone(), log.clone(), script.clone());
            tokio::spawn(async move {
                if let Ok(tls) = acceptor.accept(tcp).await {
                    serve(tls, log, script).await;
                }
            });
        }
    });
    HttpsServer { base, seen }
}

fn client(base: &str, ca_pem: Option<&str>) -> Client {
    let mut cfg = ClientConfig::new(base, "k", Sensitive::new("s".to_string()));
    cfg.custom_ca_pem = ca_pem.map(|p| p.as_bytes().to_vec());
    cfg.retry = RetryPolicy::none();
    Client::new(cfg).expect("client")
}

async fn unbind(c: &Client) -> Result<(), ApiError> {
    c.axb_unbind(&AxbUnbind::Subscription("sub".into())).await
}

#[tokio::test]
async fn an_unknown_ca_is_refused_by_default() {
    let ca = new_ca("Maskline Test CA");
    let (cert, key) = leaf(&ca, &["127.0.0.1", "localhost"]);
    let server = https_server(cert, key).await;
    let err = unbind(&client(&server.base, None))
        .await
        .expect_err("must not trust an unknown CA");
    assert!(
        matches!(err, ApiError::Tls { .. }),
        "expected a TLS error, got {err:?}"
    );
    assert!(err.surely_not_sent());
    assert!(
        server.seen.lock().expect("seen").is_empty(),
        "no request may cross an untrusted channel"
    );
}

#[tokio::test]
async fn the_configured_ca_is_trusted() {
    let ca = new_ca("Maskline Test CA");
    let (cert, key) = leaf(&ca, &["127.0.0.1", "localhost"]);
    let server = https_server(cert, key).await;
    unbind(&client(&server.base, Some(&ca.pem)))
        .await
        .expect("trusted via the custom CA");
    let seen = server.seen.lock().expect("seen").clone();
    assert_eq!(seen.len(), 1);
    assert!(
        seen[0].header("x-aksk").is_some(),
        "the signed request arrived over TLS"
    );
}

#[tokio::test]
async fn a_custom_ca_adds_trust_without_disabling_verification() {
    let ca = new_ca("Maskline Test CA");
    let other = new_ca("Some Other CA");
    let (cert, key) = leaf(&ca, &["127.0.0.1"]);
    let server = https_server(cert, key).await;
    let err = unbind(&client(&server.base, Some(&other.pem)))
        .await
        .expect_err("wrong CA");
    assert!(matches!(err, ApiError::Tls { .. }), "{err:?}");

    let (cert, key) = leaf(&ca, &["files.example.com"]);
    let misnamed = https_server(cert, key).await;
    let err = unbind(&client(&misnamed.base, Some(&ca.pem)))
        .await
        .expect_err("wrong host name");
    assert!(
        matches!(err, ApiError::Tls { .. }),
        "host names are still checked: {err:?}"
    );
}

/// Accepts TLS on 127.0.0.1:0 with a certificate for 127.0.0.1 issued by `ca`, and pipes each
/// connection to `upstream` (the simulator). Returns the proxy's address.
async fn tls_proxy(ca: &Ca, upstream: SocketAddr) -> SocketAddr {
    let (cert, key) = leaf(ca, &["127.0.0.1"]);
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("TLS versions")
    .with_no_client_auth()
    .with_single_cert(vec![cert], key)
    .expect("server TLS config");
    let acceptor = TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("proxy port");
    let addr = listener.local_addr().expect("proxy address");
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                // A refused handshake just ends this connection; the client reports it.
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let Ok(mut sim) = TcpStream::connect(upstream).await else {
                    return;
                };
                let _ = tokio::io::copy_bidirectional(&mut tls, &mut sim).await;
            });
        }
    });
    addr
}

fn https_client(proxy: SocketAddr, ca_pem: Option<&str>) -> Client {
    let mut cfg = config(&format!("https://{proxy}"), AXB, AuthScheme::Aksk);
    cfg.custom_ca_pem = ca_pem.map(|p| p.as_bytes().to_vec());
    Client::new(cfg).expect("an https client")
}

fn bind_req() -> AxbBindRequest {
    AxbBindRequest::new(num("13800010001"), num("13900020002"))
}

#[tokio::test]
async fn a_private_ca_is_refused_by_default_and_trusted_when_configured() {
    let sim = sim().await;
    install_request_counter(&sim).await;
    let ca = new_ca("Maskline test CA");
    let proxy = tls_proxy(&ca, sim.addr()).await;

    let default = https_client(proxy, None).axb_bind(&bind_req()).await;
    assert!(
        matches!(&default, Err(e @ ApiError::Tls { .. }) if e.surely_not_sent()),
        "a certificate from an unknown CA is refused, before anything is sent: {default:?}"
    );
    let other = new_ca("Some other CA");
    let wrong = https_client(proxy, Some(&other.pem))
        .axb_bind(&bind_req())
        .await;
    assert!(
        matches!(&wrong, Err(ApiError::Tls { .. })),
        "configuring another CA does not turn verification off: {wrong:?}"
    );
    assert_eq!(
        requests_received(&sim).await,
        0,
        "no request got through an untrusted TLS link"
    );

    let trusted = https_client(proxy, Some(&ca.pem));
    let bound = trusted
        .axb_bind(&bind_req())
        .await
        .expect("bind over verified TLS");
    let page = trusted
        .axb_query(&AxbQuery::Subscription(bound.subscription_id))
        .await
        .expect("query over verified TLS");
    assert_eq!(
        page.total_count, 1,
        "the bind reached the simulator through the proxy"
    );
    assert_eq!(
        requests_received(&sim).await,
        2,
        "exactly the two trusted requests arrived"
    );
}
