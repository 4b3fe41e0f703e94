//! The watch folder commands through Tauri's IPC layer: turning it on watches at once, a
//! dropped file is imported and announced with the `watch-folder` event, turning it off stops.

use crate::support;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use maskline_app::commands::watch::EVENT;
use serde_json::{Value, json};
use support::invoke;
use tauri::Listener;

fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !f() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn turning_the_watch_on_imports_dropped_files_and_tells_the_window() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, w, state) = support::mock_app(dir.path());
    let heard: Arc<Mutex<Vec<Value>>> = Arc::default();
    let sink = heard.clone();
    app.listen_any(EVENT, move |e| {
        let v: Value = serde_json::from_str(e.payload()).expect("status JSON");
        sink.lock().expect("heard").push(v);
    });

    let off = invoke(&w, "watch_folder_get", json!({})).expect("get");
    assert_eq!(
        off,
        json!({"enabled": false, "folder": null}),
        "off by default"
    );
    let refused = invoke(
        &w,
        "watch_folder_set",
        json!({"settings": {"enabled": true, "folder": null}}),
    )
    .expect_err("no folder");
    assert_eq!(refused["code"], "invalidInput", "{refused}");

    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).expect("inbox");
    let folder = inbox.display().to_string();
    let status = invoke(
        &w,
        "watch_folder_set",
        json!({"settings": {"enabled": true, "folder": folder}}),
    )
    .expect("turn on");
    assert_eq!(status["state"], "watching", "{status}");

    std::fs::write(
        inbox.join("fee.json"),
        r#"{"eventType":"fee","feeLst":[{"direction":0,"appKey":"k","bindNum":"+8617000000001","sessionId":"s-1","subscriptionId":"sub-1","callerNum":"+8613800130001","calleeNum":"+8617000000001","fwdDstNum":"+8618600000002","callInTime":"2024-03-01 10:00:00","fwdAlertingTime":"2024-03-01 10:00:03","fwdAnswerTime":"2024-03-01 10:00:10","callEndTime":"2024-03-01 10:00:50","ulFailReason":0,"fwdUnaswRsn":0,"sipStatusCode":0,"recordFlag":0}]}"#,
    )
    .expect("drop a file");
    wait_for("the import to be announced", || {
        heard
            .lock()
            .expect("heard")
            .iter()
            .any(|s| s["lastImport"]["report"]["new"] == 1)
    });
    let now = invoke(&w, "watch_folder_status", json!({})).expect("status");
    assert_eq!(now["importedFiles"], 1, "{now}");
    assert!(
        now["lastImport"]["report"]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("fee.json")),
        "{now}"
    );
    let count = invoke(&w, "calls_count", json!({"filter": {}})).expect("count");
    assert_eq!(count, 1, "the watched file's call is on the Calls page");

    let status = invoke(
        &w,
        "watch_folder_set",
        json!({"settings": {"enabled": false, "folder": folder}}),
    )
    .expect("turn off");
    assert_eq!(status["state"], "off", "{status}");
    assert_eq!(
        invoke(&w, "watch_folder_get", json!({})).expect("get"),
        json!({"enabled": false, "folder": folder}),
        "the folder is kept"
    );
    state.watch.stop();
}
