//! TLS with certificate files, and `maskline-receiver check` in plain words.

use std::process::Command;

use maskline_domain::AuthScheme;
use maskline_receiver::{Receiver, config};
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};

use crate::common::*;

/// `(CA PEM, server certificate PEM, server key PEM)` for 127.0.0.1.
fn pki() -> (String, String, String) {
    let ca_key = KeyPair::generate().expect("CA key");
    let mut ca = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "receiver test CA");
    ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca_pem = ca.self_signed(&ca_key).expect("CA").pem();
    let key = KeyPair::generate().expect("server key");
    let params = CertificateParams::new(vec!["127.0.0.1".to_string()]).expect("params");
    let issuer = Issuer::from_params(&ca, &ca_key);
    let cert = params.signed_by(&key, &issuer).expect("signed");
    (ca_pem, cert.pem(), key.serialize_pem())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pushes_over_tls_with_certificate_files_are_verified_and_stored() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("maskline.db");
    let (ca, cert, key) = pki();
    std::fs::write(dir.path().join("cert.pem"), cert).expect("cert");
    let key_file = secret_file(dir.path(), "key.pem", &key);
    let mut text = config_text(dir.path(), "127.0.0.1:0", &db);
    text.push_str(&format!(
        "[tls]\ncert = {:?}\nkey = {:?}\n",
        dir.path().join("cert.pem").display().to_string(),
        key_file.display().to_string()
    ));
    let c: config::Config = toml::from_str(&text).expect("toml");
    assert!(maskline_receiver::check(&c).is_empty());
    let r = Receiver::start(c).await.expect("starts with TLS");
    let (events_url, _) = r.urls();
    assert!(events_url.starts_with("https://"), "{events_url}");
    let client = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(ca.as_bytes()).expect("ca"))
        .build()
        .expect("client");
    let body = r#"{"eventType":"alerting","statusInfo":{"sessionId":"tls-1","timestamp":"2026-12-07 10:00:00","caller":"+8613800000001","called":"+8617000000001"}}"#;
    let h = maskline_api::sign::sign_now(AuthScheme::Wsse, AXB.0, AXB.1);
    let st = client
        .post(&events_url)
        .header("Authorization", h.authorization)
        .header(h.token_name, h.token_value)
        .body(body)
        .send()
        .await
        .expect("TLS push")
        .status();
    assert_eq!(st, 200);
    // Plain HTTP to the TLS port gets nothing.
    let plain = http()
        .post(events_url.replace("https://", "http://"))
        .body(body)
        .send()
        .await;
    assert!(plain.is_err() || plain.is_ok_and(|r| r.status() != 200));
    until(10, "the push to be parsed", || {
        count(&db, "SELECT count(*) FROM call_events") == 1
    })
    .await;
    r.shutdown().await;
}

#[test]
fn check_says_what_is_wrong_in_both_languages_and_fails() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("maskline.db");
    let mut text = config_text(dir.path(), "0.0.0.0:8080", &db);
    text.push_str("[[apps]]\napp_key = \"no-secret\"\nscheme = \"wsse\"\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let f = dir.path().join(format!("{}.secret", AXB.0));
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    let cfg = dir.path().join("bad.toml");
    std::fs::write(&cfg, text).expect("config");
    let out = Command::new(env!("CARGO_BIN_EXE_maskline-receiver"))
        .args(["check", "--config"])
        .arg(&cfg)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let en: Vec<&str> = err.lines().filter(|l| l.starts_with("problem: ")).collect();
    let zh: Vec<&str> = err.lines().filter(|l| l.starts_with("问题:")).collect();
    let expected = if cfg!(unix) { 3 } else { 2 };
    assert_eq!(en.len(), expected, "{err}");
    assert_eq!(zh.len(), expected, "{err}");
    assert!(err.contains("plain HTTP") && err.contains("明文"), "{err}");
    assert!(err.contains("no-secret"), "{err}");
    if cfg!(unix) {
        assert!(err.contains("chmod 600"), "{err}");
    }

    let good = dir.path().join("good.toml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let f = dir.path().join(format!("{}.secret", AXB.0));
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    std::fs::write(&good, config_text(dir.path(), "127.0.0.1:8080", &db)).expect("config");
    let out = Command::new(env!("CARGO_BIN_EXE_maskline-receiver"))
        .args(["check", "--config"])
        .arg(&good)
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("/maskline/events") && said.contains("呼叫话单接收地址"),
        "{said}"
    );

    let missing = Command::new(env!("CARGO_BIN_EXE_maskline-receiver"))
        .args(["check", "--config"])
        .arg(dir.path().join("nope.toml"))
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(2));
}
