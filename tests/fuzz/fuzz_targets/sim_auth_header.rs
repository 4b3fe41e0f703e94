//! The simulator's auth-header parser (`maskline_sim::auth`) on arbitrary headers: the input
//! is split at the first two newlines into `Authorization`, `X-WSSE` and `X-AKSK` values.
//! Invariants: no panic; a parsed token has every attribute non-empty.
#![no_main]

use http::{HeaderMap, HeaderValue};
use libfuzzer_sys::fuzz_target;
use maskline_sim::auth::{parse_attrs, parse_headers};

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = parse_attrs(s);
    }
    let mut parts = data.splitn(3, |b| *b == b'\n');
    let mut headers = HeaderMap::new();
    for name in ["authorization", "x-wsse", "x-aksk"] {
        let Some(value) = parts.next() else { break };
        if let Ok(v) = HeaderValue::from_bytes(value) {
            headers.insert(name, v);
        }
    }
    if let Ok(t) = parse_headers(&headers) {
        for (what, v) in [
            ("username", &t.username),
            ("nonce", &t.nonce),
            ("created", &t.created),
            ("digest", &t.digest),
        ] {
            assert!(!v.is_empty(), "a parsed token has a {what}");
        }
    }
});
