//! The `rec` URI scheme: serves cached recordings to the webview's audio element with HTTP
//! Range support, so playback and seeking read only the bytes asked for (no base64 over IPC,
//! no whole-file reads). The rules (names, ranges, transcoding of A-law/µ-law WAV to PCM)
//! live in `maskline_services::recordings::serve`; this is only the adapter to Tauri.
//!
//! URLs: `rec://localhost/<sha256>.wav` on Linux and macOS, `http://rec.localhost/<sha256>.wav`
//! on Windows (the UI builds them with `convertFileSrc(name, "rec")`).

use maskline_services::recordings::{self, serve};
use tauri::http::{Method, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::AppState;

/// The scheme's name.
pub const SCHEME: &str = "rec";

/// Answers one request off the main thread.
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    tauri::async_runtime::spawn_blocking(move || {
        let response = match app.try_state::<AppState>() {
            Some(state) => answer(&state, &request),
            None => status_only(StatusCode::SERVICE_UNAVAILABLE),
        };
        responder.respond(response);
    });
}

/// The response to `request`, from the recordings folder of `state`.
pub fn answer(state: &AppState, request: &Request<Vec<u8>>) -> Response<Vec<u8>> {
    let head = request.method() == Method::HEAD;
    if request.method() != Method::GET && !head {
        return status_only(StatusCode::METHOD_NOT_ALLOWED);
    }
    // Playing recordings needs the app lock open, like revealing numbers.
    if !state.lock.status().is_ok_and(|s| s.unlocked) {
        return status_only(StatusCode::FORBIDDEN);
    }
    let range = request
        .headers()
        .get(tauri::http::header::RANGE)
        .and_then(|v| v.to_str().ok());
    let served = serve::serve(
        &recordings::dir_in(&state.data_dir),
        request.uri().path(),
        range,
    );
    let mut builder = Response::builder().status(served.status);
    for (name, value) in &served.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    // Only our own window loads these; nothing is cached outside the app's memory.
    builder = builder.header("Cache-Control", "no-store");
    let body = if head { Vec::new() } else { served.body };
    builder
        .body(body)
        .unwrap_or_else(|_| status_only(StatusCode::INTERNAL_SERVER_ERROR))
}

fn status_only(status: StatusCode) -> Response<Vec<u8>> {
    let mut r = Response::new(Vec::new());
    *r.status_mut() = status;
    r
}
