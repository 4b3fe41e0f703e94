//! The spreadsheet path of bulk jobs on arbitrary bytes (maskline-formats): CSV decoding
//! (UTF-8 or GB18030, `sheet::decode_text`), the CSV reader the app uses (`sheet::csv_rows`),
//! header detection (`bulk::mapping::detect`) and the row parser that turns a row into a
//! typed request (`bulk::plan::parse_row`) for every job kind and mode.
//! Invariants: no panic; an accepted bind row's numbers are valid E.164.
#![no_main]

use libfuzzer_sys::fuzz_target;
use maskline_domain::jobs::JobKind;
use maskline_domain::{Mode, PhoneNumber};
use maskline_formats::bulk::{mapping, plan};
use maskline_formats::sheet::{csv_rows, decode_text};

const KINDS: [JobKind; 3] = [JobKind::Bind, JobKind::Modify, JobKind::Unbind];
const MODES: [Mode; 4] = [Mode::Axb, Mode::Ax, Mode::Axe, Mode::Axyb];

fn valid(n: &str) -> bool {
    PhoneNumber::parse(n).is_ok_and(|p| p.as_str() == n)
}

fuzz_target!(|data: &[u8]| {
    let text = decode_text(data);
    let mut rows = csv_rows(&text).map_while(Result::ok);
    let Some(headers) = rows.next() else {
        return;
    };
    let headers: Vec<String> = headers.iter().map(|h| h.trim().to_string()).collect();
    let m = mapping::detect(&headers);
    for row in rows.take(64) {
        for kind in KINDS {
            for mode in MODES {
                let _ = mapping::missing(&m, kind, mode);
                if let Ok(plan::Payload::Bind(b)) = plan::parse_row(kind, mode, &m, &row) {
                    assert!(valid(&b.a), "A of an accepted row is E.164: {:?}", b.a);
                    if let Some(bn) = &b.b {
                        assert!(valid(bn), "B of an accepted row is E.164: {bn:?}");
                    }
                }
            }
        }
    }
});
