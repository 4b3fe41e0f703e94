use std::time::Duration;

use reqwest::StatusCode;
use serde_json::json;

use crate::common::*;

async fn location(c: &Client, file: &str, domain: &str) -> Result<String, serde_json::Value> {
    let resp = c
        .request(
            reqwest::Method::GET,
            &format!("/rest/provision/voice/record/v1.0?fileName={file}&recordDomain={domain}"),
        )
        .send()
        .await
        .expect("request");
    if resp.status() == StatusCode::MOVED_PERMANENTLY {
        Ok(resp.headers()["location"]
            .to_str()
            .expect("ascii")
            .to_string())
    } else {
        Err(resp.json().await.expect("JSON error"))
    }
}

#[tokio::test]
async fn recording_links_ranges_and_expiry() {
    let sim = start().await;
    let c = Client::new(&sim, AXB, Scheme::Wsse);
    ok(c.post(
        AXB_URI,
        json!({"callerNum":"+8613800000001","calleeNum":"+8613900000002","recordFlag":true}),
    )
    .await);
    let calls = sim.generate_calls(AXB.0, 40, 0).expect("calls");
    let recorded: Vec<_> = calls
        .iter()
        .filter_map(|c| Some((c.record_object_name.clone()?, c.record_domain.clone()?)))
        .collect();
    assert!(
        recorded.len() >= 2,
        "answered calls of 3 s or more are recorded: {calls:?}"
    );
    let (file, domain) = recorded[0].clone();

    let link = location(&c, &file, &domain)
        .await
        .expect("301 with Location");
    assert!(
        link.starts_with(&sim.base_url()),
        "the link points at the simulator: {link}"
    );
    let h = http();
    let full = h.get(&link).send().await.expect("download");
    assert_eq!(full.status(), StatusCode::OK);
    let bytes = full.bytes().await.expect("bytes");
    assert_eq!(&bytes[..4], b"RIFF");
    assert_eq!(&bytes[8..12], b"WAVE");
    let len = bytes.len();

    let part = h
        .get(&link)
        .header("Range", "bytes=0-99")
        .send()
        .await
        .expect("range");
    assert_eq!(part.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        part.headers()["content-range"],
        format!("bytes 0-99/{len}").as_str()
    );
    assert_eq!(part.bytes().await.expect("bytes").as_ref(), &bytes[..100]);
    let tail = h
        .get(&link)
        .header("Range", "bytes=-10")
        .send()
        .await
        .expect("suffix");
    assert_eq!(
        tail.bytes().await.expect("bytes").as_ref(),
        &bytes[len - 10..]
    );
    let bad = h
        .get(&link)
        .header("Range", format!("bytes={len}-"))
        .send()
        .await
        .expect("416");
    assert_eq!(bad.status(), StatusCode::RANGE_NOT_SATISFIABLE);
    assert_eq!(
        bad.headers()["content-range"],
        format!("bytes */{len}").as_str()
    );

    let other = location(&c, &recorded[1].0, &recorded[1].1)
        .await
        .expect("second link");
    let other_bytes = h
        .get(&other)
        .send()
        .await
        .expect("download")
        .bytes()
        .await
        .expect("bytes");
    assert_ne!(bytes, other_bytes, "each call has its own audio");

    let wrong = location(&c, "nope.wav", &domain)
        .await
        .expect_err("unknown file");
    assert_eq!(code(&wrong), "1016001");

    sim.advance(Duration::from_secs(3 * 86_400 + 1));
    let expired = h.get(&link).send().await.expect("expired link");
    assert_eq!(expired.status(), StatusCode::FORBIDDEN, "links last 3 days");
    let fresh = location(&c, &file, &domain)
        .await
        .expect("a new link while the file is kept");
    assert_eq!(
        h.get(&fresh).send().await.expect("fresh").status(),
        StatusCode::OK
    );

    sim.advance(Duration::from_secs(4 * 86_400));
    let gone = location(&c, &file, &domain)
        .await
        .expect_err("retention is 7 days");
    assert_eq!(code(&gone), "1016001", "{gone}");
}
