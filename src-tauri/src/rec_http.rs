//! Recordings over loopback HTTP, for webviews that cannot play media from a custom URI
//! scheme: WebKitGTK (Linux) hands `<audio>` URLs to GStreamer, which has no source for
//! `rec://` and fails with MEDIA_ERR_SRC_NOT_SUPPORTED (WebKit bug 146351). There the player
//! streams from `http://127.0.0.1:<port>/<token>/<sha256>.wav` instead.
//!
//! Same rules as the `rec` scheme (both call [`crate::rec_scheme::answer`]): only files
//! directly in the recordings folder, HTTP Range, refused while the app lock is locked. The
//! server listens on 127.0.0.1 only, and every path must start with a random 128-bit token
//! that exists only in this process's memory, so other local programs cannot guess a URL.

use std::sync::OnceLock;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tauri::http::Request;

use crate::AppState;

static BASE: OnceLock<String> = OnceLock::new();

/// `http://127.0.0.1:<port>/<token>` once the server runs; `None` where it is not used.
pub fn base_url() -> Option<&'static str> {
    BASE.get().map(String::as_str)
}

/// Whether this platform's webview needs the loopback server.
pub fn needed() -> bool {
    cfg!(target_os = "linux")
}

fn token() -> String {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).expect("the OS random number generator is available");
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Starts the server (once per process) and returns its base URL.
pub async fn start(state: AppState) -> std::io::Result<String> {
    if let Some(b) = BASE.get() {
        return Ok(b.clone());
    }
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    let port = listener.local_addr()?.port();
    let token = token();
    let app = Router::new()
        .route("/{token}/{file}", get(serve).head(serve))
        .with_state((state, token.clone()));
    tauri::async_runtime::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            tracing::warn!("the recordings stream server stopped: {e}");
        }
    });
    let base = format!("http://127.0.0.1:{port}/{token}");
    Ok(BASE.get_or_init(|| base).clone())
}

async fn serve(
    State((state, token)): State<(AppState, String)>,
    Path((given, file)): Path<(String, String)>,
    method: Method,
    headers: HeaderMap,
) -> Response {
    if given.len() != token.len()
        || given
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |a, (x, y)| a | (x ^ y))
            != 0
    {
        return StatusCode::NOT_FOUND.into_response();
    }
    let mut req = Request::builder()
        .method(method)
        .uri(format!("rec://localhost/{file}"));
    if let Some(r) = headers.get(axum::http::header::RANGE) {
        req = req.header("Range", r);
    }
    let Ok(req) = req.body(Vec::new()) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let answered = tokio::task::spawn_blocking(move || crate::rec_scheme::answer(&state, &req))
        .await
        .unwrap_or_else(|_| {
            let mut r = tauri::http::Response::new(Vec::new());
            *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            r
        });
    let (parts, body) = answered.into_parts();
    Response::from_parts(parts, Body::from(body))
}
