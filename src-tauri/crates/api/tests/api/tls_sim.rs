//! TLS end to end: the simulator behind a small TLS-terminating proxy whose certificate comes
//! from a freshly generated CA. The client refuses it by default (nothing reaches the
//! simulator), still refuses it with another CA configured, and works normally once the
//! account's CA certificate is configured.

mod common;

use std::net::SocketAddr;
use std::sync::Arc;

use common::*;
use maskline_api::axb::{AxbBindRequest, AxbQuery};
use maskline_api::{ApiError, AuthScheme, Client};
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::rustls::{ServerConfig, crypto};

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

/// Accepts TLS on 127.0.0.1:0 with a certificate for 127.0.0.1 issued by `ca`, and pipes each
/// connection to `upstream` (the simulator). Returns the proxy's address.
async fn tls_proxy(ca: &Ca, upstream: SocketAddr) -> SocketAddr {
    let key = KeyPair::generate().expect("server key");
    let params = CertificateParams::new(vec!["127.0.0.1".to_string()]).expect("server params");
    let cert = params
        .signed_by(&key, &Issuer::from_params(&ca.params, &ca.key))
        .expect("leaf signed by the CA");
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    let config = ServerConfig::builder_with_provider(Arc::new(crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![CertificateDer::from(cert.der().to_vec())], key)
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
