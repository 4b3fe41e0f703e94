//! `keyring_account`: the app secret comes from the OS keyring entry the desktop app saved.
//! Needs an unlocked keyring (MASKLINE_TEST_KEYRING=1, see the preamble's recipe).

use std::process::{Command, Stdio};
use std::time::Duration;

use maskline_domain::{AuthScheme, Mode};
use maskline_secrets::Sensitive;
use maskline_services::DbManager;
use maskline_services::accounts::{NewAccount, add};

use crate::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_keyring_account_secret_verifies_pushes_and_a_mismatched_key_is_a_problem() {
    if std::env::var_os("MASKLINE_TEST_KEYRING").is_none() {
        eprintln!("skipped: needs a keyring (MASKLINE_TEST_KEYRING=1 with an unlocked keyring)");
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("maskline.db");
    let service = format!("maskline-receiver-test-{}", std::process::id());
    let store = maskline_secrets::KeyringStore::new(service.clone());
    let dbm = DbManager::open(&db);
    add(
        &dbm,
        &store,
        NewAccount {
            name: "Production AXB".into(),
            mode: Mode::Axb,
            auth: AuthScheme::Aksk,
            base_url: "https://127.0.0.1:9".into(),
            ca_cert_pem: None,
            rate_limit: 10,
            app_key: AXB.0.into(),
            app_secret: Sensitive::new(AXB.1.to_string()),
        },
    )
    .expect("account saved with its secret in the keyring");
    let port = free_port();
    let write = |key: &str| {
        let cfg = dir.path().join(format!("{key}.toml"));
        std::fs::write(
            &cfg,
            format!(
                "listen = \"127.0.0.1:{port}\"\ndatabase = {:?}\n[[apps]]\napp_key = {key:?}\nscheme = \"wsse\"\nkeyring_account = \"Production AXB\"\n",
                db.display().to_string()
            ),
        )
        .expect("config");
        cfg
    };
    let run = |args: &[&str], cfg: &std::path::Path| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_maskline-receiver"));
        c.args(args)
            .arg("--config")
            .arg(cfg)
            .env("MASKLINE_KEYRING_SERVICE", &service);
        c
    };
    let wrong = write("another-key");
    let out = run(&["check"], &wrong).output().expect("check");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("another app key") && err.contains("app key 与"),
        "{err}"
    );

    let good = write(AXB.0);
    let out = run(&["check"], &good).output().expect("check");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut child = run(&["run"], &good)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run");
    let base = format!("http://127.0.0.1:{port}");
    let mut up = false;
    for _ in 0..300 {
        if http().get(format!("{base}/healthz")).send().await.is_ok() {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let body = r#"{"eventType":"callin","statusInfo":{"sessionId":"kr-1","timestamp":"2026-12-07 10:00:00","caller":"+8613800000001","called":"+8617000000001"}}"#;
    let h = maskline_api::sign::sign_now(AuthScheme::Wsse, AXB.0, AXB.1);
    let st = http()
        .post(format!("{base}/maskline/events"))
        .header("Authorization", h.authorization)
        .header(h.token_name, h.token_value)
        .body(body)
        .send()
        .await
        .map(|r| r.status().as_u16());
    let _ = child.kill();
    let _ = child.wait();
    let _ = maskline_services::accounts::remove(&dbm, &store, "Production AXB");
    assert!(up, "receiver came up");
    assert_eq!(st.ok(), Some(200));
}
