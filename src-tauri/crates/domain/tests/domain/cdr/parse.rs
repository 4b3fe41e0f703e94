use maskline_domain::cdr::*;

/// §12: the real captured AXB CDR, verbatim.
const REAL_CDR: &str = r#"{"eventType":"fee","feeLst":[{"direction":1,"spId":"kumanruanjian_pv","appKey":"xxx",
 "icid":"c08dd88381a6deaa14e1c26e89e19b16.3861408249.24986516.29","bindNum":"+8617068754375",
 "sessionId":"+8613442977762_+8615006212131_4_627e5c1f_963036_669_1_0",
 "subscriptionId":"c1564552-844a-4048-9ac7-d4f5944543fc","callerNum":"+8615006212131","calleeNum":"+8617068754375",
 "fwdDisplayNum":"+8617068754375","fwdDstNum":"+8618605222935","callInTime":"2022-05-13 05:24:57",
 "fwdStartTime":"2022-05-13 05:24:58","fwdAlertingTime":"2022-05-13 05:25:01","fwdAnswerTime":"2022-05-13 05:25:18",
 "callEndTime":"2022-05-13 05:25:41","fwdUnaswRsn":0,"ulFailReason":0,"sipStatusCode":0,"callOutUnaswRsn":0,
 "recordFlag":1,"recordStartTime":"2022-05-13 05:25:18","recordDomain":"ostorQH2.huawei.com","recordBucketName":"sp-xxx",
 "recordObjectName":"22051313251812007961340.wav","ttsPlayTimes":0,"ttsTransDuration":0,
 "mptyId":"c1564552-844a-4048-9ac7-d4f5944543fc","serviceType":"004","hostName":"qhats01.huaweicaas.com","voiceCheckType":0}]}"#;

fn one(json: &str) -> Result<Record<'_>, RecordError> {
    let mut v = parse_value(json.as_bytes()).expect("valid JSON");
    assert_eq!(v.len(), 1, "one record expected in {json}");
    v.remove(0)
}

#[test]
fn the_real_cdr_sample_parses_with_utc_times() {
    let Ok(Record::Cdr(c)) = one(REAL_CDR) else {
        panic!("a CDR")
    };
    assert_eq!(c.direction, 1);
    assert_eq!(c.bind_num, "+8617068754375");
    assert_eq!(c.callee(), "+8618605222935");
    assert_eq!(
        c.call_in_time,
        Some(1_652_419_497),
        "2022-05-13 05:24:57 UTC"
    );
    assert_eq!(c.talk_seconds(), 23);
    assert!(c.answered() && c.record_flag);
    assert_eq!(
        c.dedupe_key(),
        "icid:c08dd88381a6deaa14e1c26e89e19b16.3861408249.24986516.29"
    );
    assert!(
        matches!(c.session_id, std::borrow::Cow::Borrowed(_)),
        "strings borrow from the input"
    );
}

#[test]
fn the_documented_disconnect_event_parses() {
    let json = r#"{"eventType":"disconnect","statusInfo":{"sessionId":"1202_1051_4294967295_20190124070250@callenabler246.huaweicaas.com",
 "timestamp":"2019-01-24 07:03:28","caller":"+86138****0022","called":"+86138****7021",
 "stateCode":0,"stateDesc":"The user releases the call.","subscriptionId":"********"}}"#;
    let Ok(Record::Event(e)) = one(json) else {
        panic!("an event")
    };
    assert_eq!(e.kind, EventKind::Disconnect);
    assert_eq!(e.time, 1_548_313_408);
    assert_eq!(e.state_code, Some(0));
    assert_eq!(e.caller.as_deref(), Some("+86138****0022"));
}

#[test]
fn a_bad_record_names_its_field_and_spares_its_neighbours() {
    let json = r#"{"eventType":"fee","feeLst":[
        {"direction":1,"bindNum":"+8617000000001","sessionId":"a","callerNum":"+8613800138000","calleeNum":"+8617000000001","callInTime":"2024-01-01 00:00:00"},
        {"direction":1,"bindNum":"+8617000000001","sessionId":"b","callerNum":"+8613800138000","calleeNum":"+8617000000001","callInTime":"2024-13-01 00:00:00"},
        {"direction":"x","bindNum":"+8617000000001","sessionId":"c","callerNum":"+8613800138000","calleeNum":"+8617000000001","callInTime":"2024-01-01 00:00:00"},
        {"direction":0,"sessionId":"d","callerNum":"+8613800138000","calleeNum":"+8617000000001","callInTime":"2024-01-01 00:00:00"},
        "oops"]}"#;
    let v = parse_value(json.as_bytes()).expect("valid JSON");
    assert_eq!(v.len(), 5);
    assert!(v[0].is_ok());
    let e = |i: usize| v[i].clone().expect_err("rejected");
    assert_eq!(
        (e(1).at.as_str(), e(1).field),
        ("feeLst[1]", Some("callInTime"))
    );
    assert!(e(1).reason.contains("not a valid date"), "{}", e(1).reason);
    assert_eq!(e(2).field, Some("direction"));
    assert_eq!(e(3).field, Some("bindNum"));
    assert_eq!(e(3).reason, "missing (required)");
    assert_eq!(
        (e(4).field, e(4).reason.as_str()),
        (None, "expected a CDR object, got a string")
    );
    assert_eq!(
        e(1).to_string(),
        format!("feeLst[1].callInTime: {}", e(1).reason)
    );
}

#[test]
fn bare_records_other_notifications_and_broken_json() {
    let bare = r#"{"direction":2,"bindNum":"+8617000000001","sessionId":"s","callerNum":"+8613800138000","calleeNum":"+8617000000001","failTime":"2024-01-01 00:00:09"}"#;
    let Ok(Record::Cdr(c)) = one(bare) else {
        panic!("a bare FeeInfo is a CDR")
    };
    assert_eq!(c.start_time(), 1_704_067_209);
    assert_eq!(c.dedupe_key(), "leg:s|1704067209|+8617000000001");
    let sms = one(r#"{"appKey":"k","smsEvent":{"smsIdentifier":"1"}}"#).expect_err("not a call");
    assert!(sms.reason.contains("SMS"), "{}", sms.reason);
    let unknown = one(r#"{"eventType":"bogus","statusInfo":{}}"#).expect_err("unknown event");
    assert_eq!(unknown.field, Some("eventType"));
    let err = parse_value(b"{\"eventType\":\"fee\",\n\"feeLst\":[{").expect_err("truncated");
    assert_eq!(err.line, 2);
}

/// Issue 14 item 6: times and numbers without sense are rejected, naming the field.
#[test]
fn cdrs_without_sense_are_rejected_with_the_field() {
    let with = |from: &str, to: &str| REAL_CDR.replace(from, to);
    let rejected = |json: &str| match one(json) {
        Err(e) => (e.field, e.reason),
        Ok(_) => panic!("accepted: {json}"),
    };
    // Start after end.
    let (f, why) = rejected(&with(
        "\"callInTime\":\"2022-05-13 05:24:57\"",
        "\"callInTime\":\"2022-05-13 06:24:57\"",
    ));
    assert_eq!(f, Some("callInTime"));
    assert!(why.contains("later than callEndTime"), "{why}");
    // A start in 1970 next to an end in 2022.
    let (f, why) = rejected(&with(
        "\"callInTime\":\"2022-05-13 05:24:57\"",
        "\"callInTime\":\"1970-01-01 00:00:01\"",
    ));
    assert_eq!(f, Some("callInTime"));
    assert!(why.contains("before the year 2000"), "{why}");
    // Years apart, both plausible on their own.
    let (f, why) = rejected(&with(
        "\"callInTime\":\"2022-05-13 05:24:57\",\n \"fwdStartTime\":\"2022-05-13 05:24:58\"",
        "\"callInTime\":\"2020-05-13 05:24:57\",\n \"fwdStartTime\":\"2022-05-13 05:24:58\"",
    ));
    assert_eq!(f, Some("callInTime"));
    assert!(
        why.contains("a call longer than 48 hours is not plausible"),
        "{why}"
    );
    // A caller that is not a number.
    let (f, why) = rejected(&with(
        "\"callerNum\":\"+8615006212131\"",
        "\"callerNum\":\"abc-not-a-number\"",
    ));
    assert_eq!(f, Some("callerNum"));
    assert!(why.contains("not a phone number"), "{why}");
    let (f, _) = rejected(&with(
        "\"fwdDstNum\":\"+8618605222935\"",
        "\"fwdDstNum\":\"sip:x@y\"",
    ));
    assert_eq!(f, Some("fwdDstNum"));
    // Masked digits, a 23-hour call and the real sample stay accepted.
    assert!(
        one(&with(
            "\"callerNum\":\"+8615006212131\"",
            "\"callerNum\":\"+86150****2131\""
        ))
        .is_ok()
    );
    assert!(
        one(&with(
            "\"callEndTime\":\"2022-05-13 05:25:41\"",
            "\"callEndTime\":\"2022-05-14 04:25:41\""
        ))
        .is_ok()
    );
    assert!(one(REAL_CDR).is_ok());
}

#[test]
fn a_cdrs_codes_carry_its_fields_and_the_given_state_code() {
    let Ok(Record::Cdr(c)) = one(REAL_CDR) else {
        panic!("the real CDR parses")
    };
    let k = c.codes(Some(486));
    assert!(k.answered);
    assert_eq!(k.talk_seconds, 23);
    assert_eq!(
        (
            k.ul_fail_reason,
            k.fwd_unasw_rsn,
            k.call_out_unasw_rsn,
            k.sip_status
        ),
        (Some(0), Some(0), Some(0), Some(0))
    );
    assert_eq!(k.state_code, Some(486));
    assert_eq!(k.call_rel_direction, None);
}
