//! The push receiver's untrusted input (`maskline_receiver`): the signature headers and the
//! body. The input is split at the first two newlines into the `Authorization` value, the
//! `X-WSSE`/`X-AKSK` value and the body.
//! Invariants: no panic; a parsed token has every attribute non-empty; verification of any
//! token ends in a verdict; every body gives at least one outcome (a record stored, a
//! duplicate or a rejection), so nothing is dropped silently. The database is an in-memory
//! one and every body's transaction is rolled back, so runs do not accumulate rows.
#![no_main]

use std::collections::HashMap;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use maskline_receiver::config::Scheme;
use maskline_receiver::verify::{AppSecret, Verifier, parse_attrs, parse_token};
use maskline_secrets::Sensitive;
use maskline_services::import::body::{Body, import_bodies};
use maskline_store::{Db, StoreError};

fn db() -> &'static Db {
    static DB: OnceLock<Db> = OnceLock::new();
    DB.get_or_init(|| Db::in_memory().expect("in-memory database"))
}

fn verifier() -> &'static Verifier {
    static V: OnceLock<Verifier> = OnceLock::new();
    V.get_or_init(|| {
        let mut apps = HashMap::new();
        for (k, s) in [(Scheme::Wsse, "w"), (Scheme::Aksk, "a")] {
            apps.insert(
                s.to_string(),
                AppSecret {
                    scheme: k,
                    secret: Sensitive::new("secret".to_string()),
                },
            );
        }
        Verifier::new(apps, 300)
    })
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |b| *b == b'\n');
    let auth = parts.next().and_then(|p| std::str::from_utf8(p).ok());
    let token = parts.next().and_then(|p| std::str::from_utf8(p).ok());
    let body = parts.next().unwrap_or_default();
    if let Some(a) = auth {
        let _ = parse_attrs(a);
    }
    let header = |n: &str| match n {
        "authorization" => auth,
        "x-wsse" | "x-aksk" => token,
        _ => None,
    };
    if let Ok(t) = parse_token(header) {
        for (what, v) in [
            ("username", &t.username),
            ("nonce", &t.nonce),
            ("created", &t.created),
            ("digest", &t.digest),
        ] {
            assert!(!v.is_empty(), "a parsed token has a {what}");
        }
        let _ = verifier().verify(&t, 1_800_000_000);
    }

    let conn = db().conn().expect("connection");
    let mut outcomes = 0;
    let r = import_bodies(
        &conn,
        "fuzz",
        &[Body { id: 1, bytes: body }],
        &mut |_, _, report, _| {
            outcomes = report.new + report.duplicate + report.rejected;
            // Roll back: the next input starts from an empty database.
            Err(StoreError::NotFound {
                path: std::path::PathBuf::new(),
            })
        },
    );
    assert!(r.is_err(), "the callback's error rolls the body back");
    assert!(outcomes >= 1, "a body with no outcome was dropped silently");
});
