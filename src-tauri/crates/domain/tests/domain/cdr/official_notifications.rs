//! Notification contract tests from Huawei's own pages (no simulator): the call-event and CDR
//! examples of the official developer guide parse to the values the pages state. The bodies
//! live with the client's other official fixtures; their index (with page URLs) is
//! `crates/api/tests/fixtures/official/README.md`.

use maskline_domain::cdr::{EventKind, Record, parse_value};

/// https://support.huaweicloud.com/devg-PrivateNumber/privatenumber_01_0017.html (AXE, Python)
const AXE_FEE: &str =
    include_str!("../../../../api/tests/fixtures/official/privatenumber_01_0017-fee.json");
/// https://support.huaweicloud.com/devg-PrivateNumber/privatenumber_01_0023.html (AXYB, Node.js)
const AXYB_FEE: &str =
    include_str!("../../../../api/tests/fixtures/official/privatenumber_01_0023-fee.json");
const AXYB_DISCONNECT: &str = include_str!(
    "../../../../api/tests/fixtures/official/privatenumber_01_0023-callevent-disconnect.json"
);
/// https://support.huaweicloud.com/devg-PrivateNumber/privatenumber_01_0019.html (AXE, Node.js)
const AXE_DISCONNECT: &str = include_str!(
    "../../../../api/tests/fixtures/official/privatenumber_01_0019-callevent-disconnect.json"
);

fn one(json: &str) -> Record<'_> {
    let mut v = parse_value(json.as_bytes()).expect("valid JSON");
    assert_eq!(v.len(), 1, "one record in {json}");
    v.remove(0).expect("the page's example is accepted")
}

#[test]
fn axe_cdr_example_parses_with_its_extension_and_utc_times() {
    let Record::Cdr(c) = one(AXE_FEE) else {
        panic!("a CDR")
    };
    assert_eq!(c.direction, 0, "0: another user called A");
    assert_eq!(c.bind_num, "+86138****0022");
    assert_eq!(c.caller_num, "+86138****7021");
    assert_eq!(c.callee(), "+86138****0021", "the forwarded-to number");
    assert_eq!(
        c.extend_number.as_deref(),
        Some("02"),
        "extendNumber String"
    );
    assert_eq!(c.service_type.as_deref(), Some("005"), "AXE");
    assert_eq!(
        c.call_in_time,
        Some(1_548_300_790),
        "2019-01-24 03:33:10 UTC"
    );
    assert_eq!(c.talk_seconds(), 29, "03:33:28 → 03:33:57");
    assert!(c.answered() && c.record_flag, "recordFlag Integer 1");
    assert_eq!(c.record_object_name.as_deref(), Some("********.wav"));
    assert_eq!(c.ul_fail_reason, Some(0));
    assert_eq!(c.subscription_id.as_deref(), Some("********"));
}

#[test]
fn axyb_cdr_example_parses() {
    let Record::Cdr(c) = one(AXYB_FEE) else {
        panic!("a CDR")
    };
    assert_eq!(c.direction, 1);
    assert_eq!(c.caller_num, "+86138****0021");
    assert_eq!(c.callee(), "+86138****7021");
    assert_eq!(c.service_type.as_deref(), Some("003"));
    assert_eq!(c.talk_seconds(), 16, "02:30:06 → 02:30:22");
    assert_eq!(c.extend_number, None);
}

#[test]
fn disconnect_event_examples_parse_with_an_integer_state_code() {
    for (json, session, time) in [
        (
            AXE_DISCONNECT,
            "1202_1051_4294967295_20190124070250@callenabler246.huaweicaas.com",
            1_548_313_408, // 2019-01-24 07:03:28 UTC
        ),
        (
            AXYB_DISCONNECT,
            "1200_1827_4294967295_20190124023003@callenabler246.huaweicaas.com",
            1_548_297_022, // 2019-01-24 02:30:22 UTC
        ),
    ] {
        let Record::Event(e) = one(json) else {
            panic!("an event")
        };
        assert_eq!(e.kind, EventKind::Disconnect);
        assert_eq!(e.session_id, session);
        assert_eq!(e.time, time);
        assert_eq!(e.state_code, Some(0));
        assert_eq!(e.state_desc.as_deref(), Some("The user releases the call."));
        assert_eq!(e.caller.as_deref(), Some("+86138****0022"));
    }
}
