//! Calls through `maskline-api` against the simulator, under both auth schemes: stopping an
//! ongoing generated call, and the recording download link, followed with a plain HTTP client
//! (no PrivateNumber credentials) to fetch the WAV, whole and by byte range.

use crate::support::sim as common;

use common::*;
use maskline_api::AuthScheme;
use maskline_api::axb::AxbBindRequest;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_RANGE, RANGE};

async fn bind_recorded(c: &maskline_api::Client) {
    let mut req = AxbBindRequest::new(num("13800010001"), num("13900020002"));
    req.record = Some(true);
    req.record_hint_tone = Some("recording-notice.wav".into());
    c.axb_bind(&req).await.expect("a recorded AXB binding");
}

async fn stop_an_ongoing_call(scheme: AuthScheme) {
    let sim = sim().await;
    let c = client(&sim, AXB, scheme);
    bind_recorded(&c).await;
    let calls = sim
        .generate_calls(AXB.key, 3, 1)
        .expect("calls on the binding");
    let ongoing: Vec<_> = calls.iter().filter(|c| c.ongoing).collect();
    assert_eq!(ongoing.len(), 1, "one call was asked to stay up: {calls:?}");
    let state = admin_get(&sim, "state").await;
    assert_eq!(state["ongoingCalls"], 1, "the call is in progress: {state}");

    c.stop_call(&ongoing[0].session_id)
        .await
        .expect("stop the ongoing call");
    let state = admin_get(&sim, "state").await;
    assert_eq!(state["ongoingCalls"], 0, "stop-call ended it: {state}");
    expect_code(
        c.stop_call(&ongoing[0].session_id).await,
        "1016001",
        "a call that already ended cannot be stopped again",
    );
}

async fn recording_link_serves_the_wav(scheme: AuthScheme) {
    let sim = sim().await;
    let c = client(&sim, AXB, scheme);
    bind_recorded(&c).await;
    let calls = sim
        .generate_calls(AXB.key, 40, 0)
        .expect("calls on the binding");
    let (file, domain) = calls
        .iter()
        .find_map(|c| Some((c.record_object_name.clone()?, c.record_domain.clone()?)))
        .unwrap_or_else(|| panic!("some of 40 seeded calls are answered and recorded: {calls:?}"));

    let link = c
        .recording_url(&file, &domain)
        .await
        .expect("the 301 Location");
    assert!(
        link.url.as_str().starts_with(&sim.base_url()),
        "the simulator serves its own recordings: {}",
        link.url
    );
    assert!(
        !link.url.as_str().contains("13800010001"),
        "the link carries no phone numbers: {}",
        link.url
    );

    // A plain client: the link carries its own authorisation, no signature headers.
    let http = reqwest::Client::new();
    let whole = http.get(link.url.clone()).send().await.expect("download");
    assert_eq!(
        whole.status(),
        StatusCode::OK,
        "the link is valid without credentials"
    );
    let wav = whole.bytes().await.expect("WAV bytes");
    assert!(
        wav.len() > 44,
        "more than a WAV header: {} bytes",
        wav.len()
    );
    assert_eq!(
        (&wav[..4], &wav[8..12]),
        (&b"RIFF"[..], &b"WAVE"[..]),
        "a RIFF/WAVE file"
    );
    assert_eq!(
        &wav[12..16],
        b"fmt ",
        "the format chunk follows the RIFF header"
    );

    let part = http
        .get(link.url.clone())
        .header(RANGE, "bytes=100-199")
        .send()
        .await
        .expect("range download");
    assert_eq!(
        part.status(),
        StatusCode::PARTIAL_CONTENT,
        "Range is honoured"
    );
    assert_eq!(
        part.headers()[CONTENT_RANGE],
        format!("bytes 100-199/{}", wav.len()).as_str(),
        "Content-Range names the slice and the full length"
    );
    let slice = part.bytes().await.expect("range bytes");
    assert_eq!(
        &slice[..],
        &wav[100..200],
        "the range matches the same bytes of the whole file"
    );

    expect_code(
        c.recording_url("no-such-recording.wav", &domain).await,
        "1016001",
        "an unknown recording is reported as not existing",
    );
}

both_schemes!(stop_an_ongoing_call, recording_link_serves_the_wav);
