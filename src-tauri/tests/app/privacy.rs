//! The app lock and reveals through the IPC layer, and the `rec` URI scheme as the webview
//! sees it: ranges, refusals outside the recordings folder, and the lock.

use std::path::Path;

use crate::support;

use maskline_app::{AppState, rec_scheme};
use serde_json::{Value, json};
use tauri::http::{Request, StatusCode};

struct App {
    _app: tauri::App<tauri::test::MockRuntime>,
    webview: support::Webview,
    state: AppState,
}

fn app(dir: &Path) -> App {
    let (app, webview, state) = support::mock_app(dir);
    App {
        _app: app,
        webview,
        state,
    }
}

fn invoke(a: &App, cmd: &str, args: Value) -> Result<Value, Value> {
    support::invoke(&a.webview, cmd, args)
}

fn code(r: &Result<Value, Value>) -> String {
    r.as_ref()
        .err()
        .and_then(|e| e["code"].as_str())
        .unwrap_or("ok")
        .to_string()
}

#[test]
fn reveals_are_audited_masked_and_refused_while_locked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = app(dir.path());
    let st = invoke(&a, "privacy_status", json!({})).expect("status");
    assert_eq!(
        st["lockEnabled"],
        json!(false),
        "the lock is off by default"
    );

    let r = invoke(
        &a,
        "number_reveal",
        json!({"context": "calls", "number": "+8613800138000"}),
    );
    assert_eq!(
        code(&r),
        "ok",
        "with the lock off a reveal is allowed: {r:?}"
    );
    let audit = invoke(&a, "audit_list", json!({"page": 1, "pageSize": 50})).expect("audit");
    let text = audit.to_string();
    assert!(
        text.contains("reveal"),
        "the reveal is in the audit log: {text}"
    );
    assert!(
        !text.contains("13800138000"),
        "the audit log keeps the number masked: {text}"
    );

    let on = invoke(
        &a,
        "privacy_set_passphrase",
        json!({"current": null, "passphrase": "open-sesame"}),
    )
    .expect("turn the lock on");
    assert_eq!(on["lockEnabled"], json!(true));
    invoke(&a, "privacy_lock_now", json!({})).expect("lock");
    let r = invoke(
        &a,
        "number_reveal",
        json!({"context": "calls", "number": "+8613800138000"}),
    );
    assert_eq!(
        code(&r),
        "locked",
        "locked: the UI must ask for the passphrase"
    );
    let r = invoke(&a, "privacy_unlock", json!({"passphrase": "wrong-one"}));
    assert_eq!(code(&r), "invalidInput", "a wrong passphrase is refused");
    let r = invoke(&a, "recording_playback", json!({"callId": 1}));
    assert_eq!(
        code(&r),
        "locked",
        "playing a recording needs the lock open too"
    );
    invoke(&a, "privacy_unlock", json!({"passphrase": "open-sesame"})).expect("unlock");
    let r = invoke(
        &a,
        "number_reveal",
        json!({"context": "calls", "number": "+8613800138000"}),
    );
    assert_eq!(code(&r), "ok", "unlocked: allowed again");
}

/// A small PCM WAV (8 kHz mono 16-bit) of `samples` samples.
fn wav(samples: u32) -> Vec<u8> {
    let data_len = samples * 2;
    let mut out = Vec::new();
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&8000u32.to_le_bytes());
    out.extend_from_slice(&16000u32.to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    out.extend((0..data_len).map(|i| (i % 251) as u8));
    out
}

fn get(a: &App, path: &str, range: Option<&str>) -> tauri::http::Response<Vec<u8>> {
    let mut b = Request::builder()
        .method("GET")
        .uri(format!("rec://localhost{path}"));
    if let Some(r) = range {
        b = b.header("Range", r);
    }
    rec_scheme::answer(&a.state, &b.body(Vec::new()).expect("request"))
}

#[test]
fn the_rec_scheme_serves_ranges_only_from_the_recordings_folder_and_obeys_the_lock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = app(dir.path());
    let rec_dir = maskline_services::recordings::dir_in(dir.path());
    std::fs::create_dir_all(&rec_dir).expect("recordings dir");
    let name = format!("{}.wav", "ab".repeat(32));
    let body = wav(8000);
    std::fs::write(rec_dir.join(&name), &body).expect("write recording");
    std::fs::write(dir.path().join("secret.txt"), "not a recording").expect("write");

    let r = get(&a, &format!("/{name}"), Some("bytes=100-199"));
    assert_eq!(r.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        r.body().as_slice(),
        &body[100..200],
        "exactly the range asked for"
    );
    assert_eq!(
        r.headers()
            .get("content-range")
            .and_then(|v| v.to_str().ok()),
        Some(format!("bytes 100-199/{}", body.len()).as_str())
    );

    for bad in [
        "/../secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e/secret.txt",
        "/recordings/../secret.txt",
        "/secret.txt",
        &format!("/sub/{name}"),
        "/",
    ] {
        let r = get(&a, bad, None);
        assert_eq!(
            r.status(),
            StatusCode::NOT_FOUND,
            "{bad} must not be served"
        );
        assert!(
            !String::from_utf8_lossy(r.body()).contains("not a recording"),
            "{bad} leaked a file outside the recordings folder"
        );
    }

    let post = Request::builder()
        .method("POST")
        .uri(format!("rec://localhost/{name}"))
        .body(Vec::new())
        .expect("request");
    assert_eq!(
        rec_scheme::answer(&a.state, &post).status(),
        StatusCode::METHOD_NOT_ALLOWED
    );

    invoke(
        &a,
        "privacy_set_passphrase",
        json!({"current": null, "passphrase": "open-sesame"}),
    )
    .expect("lock on");
    invoke(&a, "privacy_lock_now", json!({})).expect("lock");
    assert_eq!(
        get(&a, &format!("/{name}"), Some("bytes=0-99")).status(),
        StatusCode::FORBIDDEN,
        "while locked, recordings are not served"
    );
}
