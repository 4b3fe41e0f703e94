//! Drives the real command handlers through Tauri's IPC layer without a window.

use crate::support;

use maskline_app::AppState;
use serde_json::{Value, json};
use support::invoke;

fn app_with_data_dir(
    dir: &std::path::Path,
) -> (tauri::App<tauri::test::MockRuntime>, support::Webview) {
    let (app, w, _) = support::mock_app(dir);
    (app, w)
}

#[test]
fn settings_round_trip_through_ipc() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_app, w) = app_with_data_dir(dir.path());
    assert_eq!(
        invoke(&w, "db_status", json!({})),
        Ok(json!({"state": "ok"}))
    );
    assert_eq!(
        invoke(&w, "settings_get", json!({})),
        Ok(json!({"language": "auto", "theme": "system"})),
        "a new database starts with defaults"
    );
    let wanted = json!({"language": "zh-CN", "theme": "dark"});
    assert_eq!(
        invoke(&w, "settings_set", json!({"settings": wanted})),
        Ok(wanted.clone())
    );
    assert_eq!(invoke(&w, "settings_get", json!({})), Ok(wanted));
}

#[test]
fn invalid_settings_are_rejected_not_stored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_app, w) = app_with_data_dir(dir.path());
    let err = invoke(
        &w,
        "settings_set",
        json!({"settings": {"language": "klingon", "theme": "dark"}}),
    );
    assert!(err.is_err(), "an unknown language must be refused: {err:?}");
    assert_eq!(
        invoke(&w, "settings_get", json!({})),
        Ok(json!({"language": "auto", "theme": "system"}))
    );
}

#[test]
fn app_info_reports_paths_and_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_app, w) = app_with_data_dir(dir.path());
    let info = invoke(&w, "app_info", json!({})).expect("app_info");
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(info["dataDir"], dir.path().display().to_string());
    assert!(
        info["dbPath"]
            .as_str()
            .expect("dbPath")
            .ends_with("maskline.db")
    );
}

#[test]
fn damaged_database_shows_recovery_and_both_choices_work() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("maskline.db");
    // A healthy database, opened twice so a backup exists, with a saved preference.
    {
        let (_app, w) = app_with_data_dir(dir.path());
        invoke(
            &w,
            "settings_set",
            json!({"settings": {"language": "en", "theme": "light"}}),
        )
        .expect("set");
    }
    drop(AppState::open(dir.path()));
    std::fs::write(&db, b"not a database at all".repeat(300)).expect("write garbage");

    let (_app, w) = app_with_data_dir(dir.path());
    let status = invoke(&w, "db_status", json!({})).expect("status");
    assert_eq!(status["state"], "corrupt");
    assert_eq!(status["backupAvailable"], true);
    let err = invoke(&w, "settings_get", json!({})).expect_err("no settings while damaged");
    assert_eq!(err["code"], "dbUnavailable");

    let restored = invoke(&w, "db_recover", json!({"action": "restoreBackup"})).expect("restore");
    assert_eq!(restored, json!({"state": "ok"}));
    assert_eq!(
        invoke(&w, "settings_get", json!({})),
        Ok(json!({"language": "en", "theme": "light"})),
        "restoring the backup brings the saved settings back"
    );

    // Damage it again and start fresh: defaults, and the damaged files are kept aside.
    drop((_app, w));
    std::fs::write(&db, b"garbage again".repeat(300)).expect("write garbage");
    let (_app, w) = app_with_data_dir(dir.path());
    assert_eq!(
        invoke(&w, "db_recover", json!({"action": "startFresh"})),
        Ok(json!({"state": "ok"}))
    );
    assert_eq!(
        invoke(&w, "settings_get", json!({})),
        Ok(json!({"language": "auto", "theme": "system"}))
    );
    let kept = std::fs::read_dir(dir.path())
        .expect("ls")
        .flatten()
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.contains("-damaged-") && n.ends_with(".db")
        })
        .count();
    assert_eq!(kept, 2, "both damaged files are kept aside");
}

#[test]
fn accounts_take_secrets_in_and_never_give_them_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_app, w) = app_with_data_dir(dir.path());
    let draft = json!({
        "name": "Shenzhen", "mode": "AXB", "auth": "wsse", "baseUrl": "https://rtcpns.example.com",
        "caCertPem": null, "rateLimit": 5, "appKey": "key-1", "appSecret": "very-secret-42"
    });
    let added = invoke(&w, "account_add", json!({"draft": draft})).expect("add");
    assert_eq!(added["secretSaved"], true);
    assert_eq!(added["isActive"], true, "the first account becomes active");
    let list = invoke(&w, "accounts_list", json!({})).expect("list");
    assert!(
        !list.to_string().contains("very-secret-42"),
        "the secret never comes back: {list}"
    );

    // Editing without a secret keeps the saved one.
    let mut edit = draft.clone();
    edit["appSecret"] = Value::Null;
    edit["name"] = json!("Shenzhen prod");
    let id = added["id"].clone();
    let edited = invoke(&w, "account_update", json!({"id": id, "draft": edit})).expect("update");
    assert_eq!(
        (edited["name"].as_str(), edited["secretSaved"].as_bool()),
        (Some("Shenzhen prod"), Some(true))
    );

    // A saved CA is kept when the form sends none, and removed by an empty text.
    let ca = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/test-ca.pem"
    ))
    .expect("fixture CA");
    let mut with_ca = edit.clone();
    with_ca["caCertPem"] = json!(ca);
    let v = invoke(&w, "account_update", json!({"id": id, "draft": with_ca})).expect("set CA");
    assert_eq!(v["hasCustomCa"], true);
    let v = invoke(&w, "account_update", json!({"id": id, "draft": edit})).expect("keep CA");
    assert_eq!(
        v["hasCustomCa"], true,
        "no CA in the form keeps the saved one"
    );
    let mut clear = edit.clone();
    clear["caCertPem"] = json!("");
    let v = invoke(&w, "account_update", json!({"id": id, "draft": clear})).expect("clear CA");
    assert_eq!(v["hasCustomCa"], false, "an empty CA removes it");

    let mut bad = draft.clone();
    bad["name"] = json!("Plain http");
    bad["baseUrl"] = json!("http://example.com");
    let err = invoke(&w, "account_add", json!({"draft": bad})).expect_err("plain http is refused");
    assert_eq!(err["code"], "invalidInput", "{err}");

    invoke(&w, "account_remove", json!({"id": id})).expect("remove");
    assert_eq!(invoke(&w, "accounts_list", json!({})), Ok(json!([])));
}
