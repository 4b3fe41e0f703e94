//! The number normaliser (`PhoneNumber::parse`) on arbitrary text.
//! Invariants: no panic; an accepted number is +86 E.164, parses back to itself from its
//! E.164 and national forms, and a person's number masked hides its middle digits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use maskline_domain::{PhoneKind, PhoneNumber};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(n) = PhoneNumber::parse(text) else {
        return;
    };
    let e164 = n.as_str();
    assert!(e164.starts_with("+86"), "E.164 with +86: {e164}");
    assert!(
        e164[1..].bytes().all(|b| b.is_ascii_digit()),
        "only digits after +: {e164}"
    );
    let again = PhoneNumber::parse(e164).expect("an accepted number's E.164 parses");
    assert_eq!(again.as_str(), e164, "parsing is idempotent");
    let national = PhoneNumber::parse(n.national()).expect("the national form parses");
    assert_eq!(national.as_str(), e164, "the national form means the same number");
    let masked = n.masked();
    // Short 400/95 service numbers are public business numbers, shown as they are; a
    // person's mobile or fixed line always loses its middle digits.
    if n.kind() != PhoneKind::Service {
        assert!(masked.contains('*'), "something is hidden: {masked}");
        assert!(
            !masked.contains(n.national()),
            "the masked form never shows the whole number: {masked}"
        );
    }
});
