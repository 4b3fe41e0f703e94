//! The CDR / call-event import path on arbitrary bytes: the framer that splits a file into
//! JSON values (maskline-formats `framer`), then the domain parser
//! (`maskline_domain::cdr::parse_value`) on the whole input and on every framed value.
//! Invariants: no panic; every accepted CDR can be owned, keyed and classified.
#![no_main]

use libfuzzer_sys::fuzz_target;
use maskline_domain::cdr::{Record, parse_value};
use maskline_formats::framer::{Frame, Framer};

fn check(bytes: &[u8]) {
    let Ok(records) = parse_value(bytes) else {
        return;
    };
    for r in records.into_iter().flatten() {
        match r {
            Record::Cdr(c) => {
                let _ = (c.start_time(), c.answered(), c.callee(), c.dedupe_key());
                assert!(c.talk_seconds() >= 0, "talk time is never negative");
                let _ = c.into_owned();
            }
            Record::Event(e) => {
                let _ = e.into_owned();
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    check(data);
    let mut framer = Framer::new(data);
    while let Ok(Some(frame)) = framer.next_frame() {
        if let Frame::Value { bytes, .. } = frame {
            check(bytes);
        }
    }
});
