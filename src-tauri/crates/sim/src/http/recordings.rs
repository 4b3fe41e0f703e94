//! Recording endpoints (§9.1): the download-URL API answers 301 with a time-limited link to
//! this simulator; the link serves the call's WAV (`crate::recordings::wav`) with HTTP Range
//! support, or an OBS-style XML error once expired or gone.

use std::sync::Arc;

use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::params as p;
use crate::codes::{self, ApiError, ApiResult};
use crate::model::config::AppConfig;
use crate::model::recordings::LINK_VALID_SECS;
use crate::recordings::{link_token, parse_range, wav};
use crate::state::Sim;

fn not_exist() -> ApiError {
    ApiError::forbidden(codes::RECORD_NOT_EXIST, "The record does not exist.")
}

/// `GET /rest/provision/voice/record/v1.0?fileName=…&recordDomain=…` → 301 + `Location`.
pub(crate) async fn download_url(
    State(sim): State<Arc<Sim>>,
    Extension(app): Extension<AppConfig>,
    Query(query): Query<p::Query>,
) -> ApiResult {
    let file =
        p::q(&query, "fileName").ok_or_else(|| ApiError::invalid("fileName is required."))?;
    let domain = p::q(&query, "recordDomain")
        .ok_or_else(|| ApiError::invalid("recordDomain is required."))?;
    let s = sim.state();
    let rec = s
        .recordings
        .get(file)
        .filter(|r| r.app_key == app.key && r.domain == domain)
        .ok_or_else(not_exist)?;
    let expires = sim.clock.now() + LINK_VALID_SECS;
    let token = link_token(&sim.link_key, &rec.file_name, expires);
    let location = format!(
        "{}/sim/recordings/{}?expires={expires}&token={token}",
        sim.base_url, rec.file_name
    );
    let mut resp = StatusCode::MOVED_PERMANENTLY.into_response();
    resp.headers_mut().insert(
        header::LOCATION,
        HeaderValue::from_str(&location).map_err(|_| ApiError::internal(""))?,
    );
    Ok(resp)
}

#[derive(Debug, Deserialize)]
pub(crate) struct LinkQuery {
    expires: Option<i64>,
    token: Option<String>,
}

fn denied(status: StatusCode, code: &str, msg: &str) -> Response {
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{msg}</Message></Error>"
    );
    (status, [(header::CONTENT_TYPE, "application/xml")], body).into_response()
}

/// `GET /sim/recordings/{file}?expires=…&token=…`: the time-limited download link.
pub(crate) async fn download(
    State(sim): State<Arc<Sim>>,
    Path(file): Path<String>,
    Query(link): Query<LinkQuery>,
    headers: HeaderMap,
) -> Response {
    let (Some(expires), Some(token)) = (link.expires, link.token) else {
        return denied(StatusCode::FORBIDDEN, "AccessDenied", "Missing signature.");
    };
    if link_token(&sim.link_key, &file, expires) != token {
        return denied(
            StatusCode::FORBIDDEN,
            "SignatureDoesNotMatch",
            "Bad signature.",
        );
    }
    if sim.clock.now() >= expires {
        return denied(
            StatusCode::FORBIDDEN,
            "AccessDenied",
            "Request has expired.",
        );
    }
    let rec = sim.state().recordings.get(&file).cloned();
    let Some(rec) = rec else {
        return denied(
            StatusCode::NOT_FOUND,
            "NoSuchKey",
            "The specified key does not exist.",
        );
    };
    let bytes = wav(&rec.session_id, rec.secs);
    serve_range(
        bytes,
        headers.get(header::RANGE).and_then(|v| v.to_str().ok()),
    )
}

/// 200 with the whole body, 206 for one satisfiable range, 416 otherwise.
pub(crate) fn serve_range(bytes: Vec<u8>, range: Option<&str>) -> Response {
    let len = bytes.len() as u64;
    let base = [
        (header::CONTENT_TYPE, "audio/wav".to_string()),
        (header::ACCEPT_RANGES, "bytes".to_string()),
    ];
    let Some(spec) = range else {
        return (StatusCode::OK, base, bytes).into_response();
    };
    match parse_range(spec, len) {
        Some((start, end)) => {
            let part = bytes[start as usize..=end as usize].to_vec();
            let cr = (header::CONTENT_RANGE, format!("bytes {start}-{end}/{len}"));
            let [a, b] = base;
            (StatusCode::PARTIAL_CONTENT, [a, b, cr], part).into_response()
        }
        None => (
            StatusCode::RANGE_NOT_SATISFIABLE,
            [(header::CONTENT_RANGE, format!("bytes */{len}"))],
        )
            .into_response(),
    }
}
