//! "Test connection" against the simulator: each failure gets its own plain-words verdict.

use crate::support;

use maskline_domain::{AuthScheme, ConnectionVerdict, Mode};
use maskline_secrets::Sensitive;
use maskline_services::accounts::{self, NewAccount};
use maskline_services::{bindings::Session, connection};
use support::env;

fn account(name: &str, base_url: String, secret: &str) -> NewAccount {
    NewAccount {
        name: name.into(),
        mode: Mode::Axb,
        auth: AuthScheme::Aksk,
        base_url,
        ca_cert_pem: None,
        rate_limit: 100,
        app_key: "demo-axb-key".into(),
        app_secret: Sensitive::new(secret.into()),
    }
}

#[tokio::test]
async fn every_mode_connects_with_the_right_credentials() {
    let env = env().await;
    for name in ["axb", "ax", "axe", "axyb"] {
        let report = connection::test(&env.session(name)).await;
        assert_eq!(report.verdict, ConnectionVerdict::Ok, "{name}: {report:?}");
        assert!(
            report.code.is_none() && report.detail.is_empty(),
            "nothing to explain: {report:?}"
        );
    }
}

#[tokio::test]
async fn wrong_secret_clock_skew_and_no_network_are_told_apart() {
    let env = env().await;
    let base = env.sim.base_url();
    accounts::add(
        &env.dbm,
        &env.secrets,
        account("wrong", base.clone(), "not-the-secret"),
    )
    .expect("add");
    let s = Session::open(&env.dbm, &env.secrets, Some("wrong")).expect("session");
    let report = connection::test(&s).await;
    assert_eq!(
        report.verdict,
        ConnectionVerdict::WrongCredentials,
        "{report:?}"
    );
    assert!(
        report
            .action_en
            .as_deref()
            .is_some_and(|a| a.contains("30 minutes")),
        "the user is warned about the IP lock: {report:?}"
    );
    assert!(
        !report.detail.contains("not-the-secret"),
        "the secret never appears in a report"
    );

    env.sim.clock().set_auth_skew(900);
    let report = connection::test(&env.session("axb")).await;
    assert_eq!(report.verdict, ConnectionVerdict::ClockSkew, "{report:?}");
    assert_eq!(report.code.as_deref(), Some("1010013"));

    // A port nothing listens on (bound then released).
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    accounts::add(
        &env.dbm,
        &env.secrets,
        account("offline", format!("http://127.0.0.1:{port}"), "x"),
    )
    .expect("add");
    let s = Session::open(&env.dbm, &env.secrets, Some("offline")).expect("session");
    assert_eq!(
        connection::test(&s).await.verdict,
        ConnectionVerdict::NoNetwork
    );
}
