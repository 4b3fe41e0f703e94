use super::*;

fn codes(answered: bool, ul: i64, q: i64, sip: i64) -> CallCodes {
    CallCodes {
        answered,
        talk_seconds: if answered { 83 } else { 0 },
        ul_fail_reason: Some(ul),
        fwd_unasw_rsn: Some(q),
        call_out_unasw_rsn: Some(0),
        sip_status: Some(sip),
        ..CallCodes::default()
    }
}

#[test]
fn the_real_sample_is_a_normal_answered_call() {
    let x = explain(&codes(true, 0, 0, 0));
    assert_eq!(x.outcome, Answered);
    assert!(x.en.contains("1 min 23 s"), "{}", x.en);
    assert!(x.zh.contains("1 分 23 秒"), "{}", x.zh);
    assert!(x.codes.is_empty(), "zeros are not shown as codes");
}

#[test]
fn the_simulators_outcomes_are_classified() {
    for (ul, q, sip, want) in [
        (8102, 17, 486, CalleeBusy),
        (8101, 19, 480, CalleeNoAnswer),
        (7502, 16, 487, CallerHungUpWhileRinging),
        (7503, 21, 603, CalleeRejected),
        (8104, 20, 480, CalleeUnreachable),
        (8100, 1, 404, CalleeNumberInvalid),
        (7506, 41, 503, NetworkFailure),
        (8016, 0, 0, DirectionNotAllowed),
        (8013, 0, 0, NoBinding),
    ] {
        assert_eq!(
            classify(&codes(false, ul, q, sip)),
            want,
            "ul {ul} q {q} sip {sip}"
        );
    }
}

#[test]
fn cause_16_alone_is_not_trusted() {
    let c = codes(false, 0, 16, 0);
    let x = explain(&c);
    assert_eq!(
        x.outcome, EndedBeforeAnswer,
        "16 without other codes says nothing about who"
    );
    assert!(x.en.contains("does not say who hung up"), "{}", x.en);
    assert!(
        x.zh.contains("stateCode"),
        "the action points to the disconnect event: {}",
        x.zh
    );
    // 16 plus a SIP 487 (CANCEL) says the caller gave up.
    assert_eq!(
        classify(&codes(false, 0, 16, 487)),
        CallerHungUpWhileRinging
    );
    // 16 plus the disconnect event's stateCode decides it.
    let with_state = CallCodes {
        state_code: Some(7503),
        ..c
    };
    assert_eq!(classify(&with_state), CalleeRejected);
}

#[test]
fn answered_calls_say_who_hung_up_and_max_duration_wins() {
    let callee = CallCodes {
        call_rel_direction: Some(2),
        ..codes(true, 0, 0, 0)
    };
    let x = explain(&callee);
    assert!(x.en.contains("The callee hung up"), "{}", x.en);
    assert!(x.zh.contains("被叫先挂机"), "{}", x.zh);
    assert_eq!(classify(&codes(true, 8010, 16, 0)), MaxDurationReached);
    assert_eq!(
        classify(&codes(true, 7503, 16, 0)),
        Answered,
        "7503 after an answer is 被叫挂机"
    );
}

#[test]
fn unknown_codes_are_shown_raw() {
    let x = explain(&codes(false, 9999, 0, 0));
    assert_eq!(x.outcome, Unknown);
    assert!(x.en.contains("ulFailReason 9999 (unknown)"), "{}", x.en);
    assert!(x.zh.contains("ulFailReason 9999 (未知)"), "{}", x.zh);
    // An unknown platform code next to a known Q.850 cause: the cause decides, the code stays visible.
    let y = explain(&codes(false, 9999, 17, 0));
    assert_eq!(y.outcome, CalleeBusy);
    assert!(
        y.en.contains("9999 (unknown)") && y.en.contains("fwdUnaswRsn 17 (user busy)"),
        "{}",
        y.en
    );
}

#[test]
fn every_outcome_has_text_and_round_trips() {
    for o in CallOutcome::all() {
        assert_eq!(CallOutcome::parse(o.as_str()), Some(o));
        assert_eq!(
            serde_json::to_value(o).expect("serialize"),
            serde_json::json!(o.as_str())
        );
        let (zh, en) = o.label();
        assert!(!zh.is_empty() && !en.is_empty());
    }
    assert_eq!(CallOutcome::all().count(), 19);
}

#[test]
fn a_stored_call_without_its_own_state_code_takes_its_latest_non_zero_event_code() {
    let stored = codes(false, 0, 0, 0);
    let events = [Some(1), None, Some(486), Some(0)];
    assert_eq!(stored.with_events(events.into_iter()).state_code, Some(486));
    let own = CallCodes {
        state_code: Some(7),
        ..stored
    };
    assert_eq!(own.with_events(events.into_iter()).state_code, Some(7));
    assert_eq!(
        stored.with_events([None, Some(0)].into_iter()).state_code,
        None
    );
}
