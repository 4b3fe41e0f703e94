//! The IPC test harness of the `tests/app` binary: a mock app with real state over a temp
//! data folder (secrets in memory), and `invoke` through Tauri's IPC layer as the webview calls it.

#![allow(dead_code)] // each test file uses a part

use maskline_app::{AppState, app_builder};
use serde_json::Value;
use tauri::Manager;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;

pub type Webview = tauri::WebviewWindow<MockRuntime>;

/// The app over `dir`, its window, and the state its commands see.
pub fn mock_app(dir: &std::path::Path) -> (tauri::App<MockRuntime>, Webview, AppState) {
    let app = app_builder(mock_builder())
        .build(mock_context(noop_assets()))
        .expect("build mock app");
    // `setup` never runs on a mock app: manage the state by hand (secrets in memory).
    let secrets = std::sync::Arc::new(maskline_secrets::MemoryStore::new());
    let state = AppState::with_secrets(dir, secrets);
    app.manage(state.clone());
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("mock window");
    (app, webview, state)
}

/// Calls command `cmd` with `args` (camelCase) and returns its JSON answer or error.
pub fn invoke(webview: &Webview, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        // On Linux the IPC origin must be tauri://localhost, or commands are rejected as remote.
        url: "tauri://localhost".parse().expect("url"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(webview, request).map(|b| b.deserialize::<Value>().expect("json body"))
}
