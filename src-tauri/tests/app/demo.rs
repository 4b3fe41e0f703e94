//! Demo mode through Tauri's IPC layer: start, status while running, leave.

use maskline_app::{AppState, app_builder};
use serde_json::{Value, json};
use tauri::Manager;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;

fn invoke(w: &tauri::WebviewWindow<MockRuntime>, cmd: &str) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body: InvokeBody::Json(json!({})),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(w, request).map(|b| b.deserialize::<Value>().expect("json body"))
}

#[test]
fn the_demo_starts_reports_its_simulator_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = app_builder(mock_builder())
        .build(mock_context(noop_assets()))
        .expect("build mock app");
    let secrets = std::sync::Arc::new(maskline_secrets::MemoryStore::new());
    app.manage(AppState::with_secrets(dir.path(), secrets));
    let w = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("mock window");

    let off = invoke(&w, "demo_status").expect("status");
    assert_eq!(off["active"], false, "{off}");

    let on = invoke(&w, "demo_start").expect("the demo starts");
    assert_eq!(
        (&on["active"], &on["running"]),
        (&json!(true), &json!(true))
    );
    let url = on["baseUrl"].as_str().expect("the simulator's address");
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let accounts = invoke(&w, "accounts_list").expect("accounts");
    assert_eq!(accounts.as_array().map(Vec::len), Some(4), "{accounts}");
    assert!(
        accounts
            .as_array()
            .into_iter()
            .flatten()
            .all(|a| a["baseUrl"] == url),
        "every demo account points at the simulator: {accounts}"
    );
    assert_eq!(
        invoke(&w, "demo_start").expect("again")["baseUrl"],
        url,
        "a second start keeps the running demo"
    );

    let left = invoke(&w, "demo_leave").expect("leave");
    assert_eq!(
        (&left["active"], &left["running"]),
        (&json!(false), &json!(false))
    );
    assert_eq!(invoke(&w, "accounts_list"), Ok(json!([])));
    assert!(
        !dir.path().join("demo").exists(),
        "the demo folder is removed"
    );
}
