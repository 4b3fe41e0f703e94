//! Fault injection as a middleware on platform routes and recording links: applies the rules
//! [`Faults::decide`](crate::model::faults::Faults::decide) fired for the request (latency,
//! 5xx, reset, flow control, slow body, truncated body, ignored `Range`) and advances the
//! simulated clock afterwards when a rule says so.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::stream;

use crate::codes::{self, ApiError};
use crate::http::server::ConnInfo;
use crate::model::faults::{FaultKind, FaultRule};
use crate::state::Sim;

/// Middleware applying the fired rules.
pub(crate) async fn middleware(
    State(sim): State<Arc<Sim>>,
    ConnectInfo(conn): ConnectInfo<ConnInfo>,
    mut req: Request,
    next: Next,
) -> Response {
    let fired = sim
        .faults
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .decide(req.uri().path());
    let advance: u64 = fired.iter().filter_map(|r| r.advance_secs).sum();
    let response = apply(&fired, &conn, &mut req, next).await;
    if advance > 0 {
        sim.clock.advance(Duration::from_secs(advance));
    }
    response
}

async fn apply(fired: &[FaultRule], conn: &ConnInfo, req: &mut Request, next: Next) -> Response {
    let has = |k: FaultKind| fired.iter().find(|r| r.kind == k);
    if let Some(r) = has(FaultKind::Latency) {
        tokio::time::sleep(Duration::from_millis(r.latency_ms.unwrap_or(1000))).await;
    }
    if has(FaultKind::Reset).is_some() {
        conn.kill();
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    if let Some(r) = has(FaultKind::Http5xx) {
        let status = r
            .status
            .and_then(|s| StatusCode::from_u16(s).ok())
            .filter(StatusCode::is_server_error)
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        return ApiError::new(status, codes::INTERNAL, "Internal system error.").into_response();
    }
    if has(FaultKind::FlowControl).is_some() {
        return ApiError::forbidden(
            codes::FLOW_CONTROL,
            "The flow control upper limit is reached on the platform.",
        )
        .into_response();
    }
    if has(FaultKind::IgnoreRange).is_some() {
        req.headers_mut().remove(axum::http::header::RANGE);
    }
    let req = std::mem::take(req);
    let mut response = next.run(req).await;
    if let Some(r) = has(FaultKind::Truncate) {
        response = truncate(response, r.bytes.unwrap_or(1024)).await;
    }
    match has(FaultKind::SlowBody) {
        Some(r) => {
            slow(
                response,
                Duration::from_millis(r.chunk_delay_ms.unwrap_or(50)),
            )
            .await
        }
        None => response,
    }
}

/// Keeps the full `Content-Length` but fails the body stream after `keep` bytes, so the
/// connection closes mid-body.
async fn truncate(response: Response, keep: u64) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if (bytes.len() as u64) <= keep {
        return Response::from_parts(parts, Body::from(bytes));
    }
    parts.headers.insert(
        axum::http::header::CONTENT_LENGTH,
        axum::http::HeaderValue::from(bytes.len() as u64),
    );
    let head = bytes.slice(..keep as usize);
    // The head goes out (and is flushed) before the connection is cut.
    let s = stream::unfold(0u8, move |step| {
        let head = head.clone();
        async move {
            match step {
                0 => Some((Ok(head), 1)),
                1 => {
                    tokio::time::sleep(Duration::from_millis(30)).await;
                    Some((
                        Err(std::io::Error::new(
                            std::io::ErrorKind::ConnectionAborted,
                            "truncated by fault injection",
                        )),
                        2,
                    ))
                }
                _ => None,
            }
        }
    });
    Response::from_parts(parts, Body::from_stream(s))
}

async fn slow(response: Response, delay: Duration) -> Response {
    // A slow network still carries the length the server announced (the platform's file
    // server does): `Content-Length` stays, only the body trickles.
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    parts.headers.insert(
        axum::http::header::CONTENT_LENGTH,
        axum::http::HeaderValue::from(bytes.len() as u64),
    );
    let chunks: Vec<axum::body::Bytes> = bytes
        .chunks(64)
        .map(axum::body::Bytes::copy_from_slice)
        .collect();
    let s = stream::unfold(chunks.into_iter(), move |mut it| async move {
        let chunk = it.next()?;
        tokio::time::sleep(delay).await;
        Some((Ok::<_, std::io::Error>(chunk), it))
    });
    Response::from_parts(parts, Body::from_stream(s))
}
