use std::time::Duration;

use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn ax_lifecycle_conflicts_and_temporary_callee() {
    let sim = start().await;
    let c = Client::new(&sim, AX, Scheme::Aksk);
    let r = ok(c
        .post(AX_URI, json!({"origNum":"+8613800000001","areaCode":"0755","privateNumType":"mobile-virtual","recordFlag":"true"}))
        .await);
    let x = r["privateNum"].as_str().unwrap_or_default().to_string();
    let id = r["subscriptionId"].as_str().unwrap_or_default().to_string();
    assert!(
        numbers_in(&sim, AX.0, "0755").contains(&x),
        "areaCode 0755 picks a 0755 number"
    );
    assert_eq!(r["origNum"], "+8613800000001");

    let same = c
        .post(AX_URI, json!({"origNum":"+8613800000001","privateNum":x}))
        .await;
    assert_eq!(code(&same), "1016002", "A+X already bound: {same}");
    let other = c
        .post(AX_URI, json!({"origNum":"+8613800000002","privateNum":x}))
        .await;
    assert_eq!(code(&other), "1011005", "X belongs to another A: {other}");
    let no_type = c
        .post(
            AX_URI,
            json!({"origNum":"+8613800000003","areaCode":"0755"}),
        )
        .await;
    assert_eq!(
        code(&no_type),
        "1010002",
        "privateNumType is required with areaCode: {no_type}"
    );

    // Temporary callee with a 120 s lifetime.
    ok(c.put(
        AX_CALLEE_URI,
        json!({"subscriptionId":id,"calleeNum":"+8613900000009","duration":120}),
    )
    .await);
    let q = ok(c
        .get(&format!("{AX_URI}?origNum={}", esc("+8613800000001")))
        .await);
    assert_eq!(q["privateNumList"][0]["calleeNum"], "+8613900000009");
    let same_as_a = c
        .put(
            AX_CALLEE_URI,
            json!({"origNum":"+8613800000001","privateNum":x,"calleeNum":"+8613800000001"}),
        )
        .await;
    assert_eq!(code(&same_as_a), "1010002", "{same_as_a}");
    sim.advance(Duration::from_secs(121));
    let q = ok(c.get(&format!("{AX_URI}?subscriptionId={id}")).await);
    assert!(
        q["privateNumList"][0]["calleeNum"].is_null(),
        "temporary callee expired: {q}"
    );

    ok(c.put(AX_URI, json!({"subscriptionId":id,"maxDuration":30}))
        .await);
    let q = ok(c.get(&format!("{AX_URI}?privateNum={}", esc(&x))).await);
    assert_eq!(q["privateNumList"][0]["maxDuration"], 30);
    assert_eq!(
        q["privateNumList"][0]["recordFlag"], "true",
        "absent fields unchanged"
    );

    ok(c.delete(&format!(
        "{AX_URI}?origNum={}&privateNum={}",
        esc("+8613800000001"),
        esc(&x)
    ))
    .await);
    let again = c.delete(&format!("{AX_URI}?subscriptionId={id}")).await;
    assert_eq!(code(&again), "1011004", "second AX unbind fails: {again}");
}

#[tokio::test]
async fn ax_exhausting_an_area() {
    let sim = start().await;
    let c = Client::new(&sim, AX, Scheme::Wsse);
    let n = numbers_in(&sim, AX.0, "028").len();
    for i in 0..n {
        ok(c.post(AX_URI, json!({"origNum":format!("+86138{i:08}"),"areaCode":"028","privateNumType":"mobile-virtual"})).await);
    }
    let r = c.post(AX_URI, json!({"origNum":"+8613999999999","areaCode":"028","privateNumType":"mobile-virtual","areaMatchMode":"0"})).await;
    assert_eq!(code(&r), "1011005", "every 028 X is taken: {r}");
}

#[tokio::test]
async fn non_strict_area_falls_back_to_the_same_province() {
    let sim = start().await;
    let c = Client::new(&sim, AX, Scheme::Aksk);
    for i in 0..numbers_in(&sim, AX.0, "0755").len() {
        ok(c.post(AX_URI, json!({"origNum":format!("+86137{i:08}"),"areaCode":"0755","privateNumType":"mobile-virtual"})).await);
    }
    let r = ok(c.post(AX_URI, json!({"origNum":"+8613699999999","areaCode":"0755","privateNumType":"mobile-virtual","areaMatchMode":"1"})).await);
    let x = r["privateNum"].as_str().unwrap_or_default().to_string();
    let guangdong: Vec<String> = ["020", "0769"]
        .iter()
        .flat_map(|a| numbers_in(&sim, AX.0, a))
        .collect();
    assert!(
        guangdong.contains(&x),
        "0755 is full, so another Guangdong number is chosen: {x}"
    );
}

#[tokio::test]
async fn one_a_is_bound_to_at_most_five_x() {
    let sim = start().await;
    let c = Client::new(&sim, AX, Scheme::Aksk);
    let a = "+8613800000061";
    let mut ids = Vec::new();
    for _ in 0..5 {
        let r = ok(c
            .post(AX_URI, json!({"origNum":a,"privateNumType":"mobile-virtual","areaCode":"010","areaMatchMode":"1"}))
            .await);
        ids.push(r["subscriptionId"].as_str().unwrap_or_default().to_string());
    }
    let sixth = c
        .post(AX_URI, json!({"origNum":a,"privateNumType":"mobile-virtual","areaCode":"010","areaMatchMode":"1"}))
        .await;
    assert_eq!(code(&sixth), "1011003", "a sixth X for one A: {sixth}");
    ok(c.post(
        AX_URI,
        json!({"origNum":"+8613800000062","privateNumType":"mobile-virtual"}),
    )
    .await);
    ok(c.delete(&format!("{AX_URI}?subscriptionId={}", ids[0]))
        .await);
    ok(c.post(
        AX_URI,
        json!({"origNum":a,"privateNumType":"mobile-virtual","areaCode":"010","areaMatchMode":"1"}),
    )
    .await);
}

#[tokio::test]
async fn turn_flag_is_stored_and_query_items_carry_private_num_type() {
    let sim = start().await;
    let c = Client::new(&sim, AX, Scheme::Aksk);
    let r = ok(c
        .post(
            AX_URI,
            json!({"origNum":"+8613800000063","privateNumType":"mobile-virtual","turnFlag":"off"}),
        )
        .await);
    let id = r["subscriptionId"].as_str().unwrap_or_default().to_string();
    let q = ok(c.get(&format!("{AX_URI}?subscriptionId={id}")).await);
    let item = &q["privateNumList"][0];
    assert_eq!(item["turnFlag"], "off", "{q}");
    assert_eq!(item["privateNumType"], "mobile-virtual", "{q}");
    ok(c.put(AX_URI, json!({"subscriptionId":id,"turnFlag":"on"}))
        .await);
    let q = ok(c.get(&format!("{AX_URI}?subscriptionId={id}")).await);
    assert_eq!(q["privateNumList"][0]["turnFlag"], "on", "{q}");
    let bad = c
        .post(
            AX_URI,
            json!({"origNum":"+8613800000064","privateNumType":"mobile-virtual","turnFlag":"maybe"}),
        )
        .await;
    assert_eq!(code(&bad), "1010002", "turnFlag is on or off: {bad}");
    let default_on = ok(c
        .post(
            AX_URI,
            json!({"origNum":"+8613800000065","privateNumType":"mobile-virtual"}),
        )
        .await);
    let q = ok(c
        .get(&format!(
            "{AX_URI}?subscriptionId={}",
            default_on["subscriptionId"].as_str().unwrap_or_default()
        ))
        .await);
    assert_eq!(q["privateNumList"][0]["turnFlag"], "on", "default on: {q}");
}

#[tokio::test]
async fn temporary_callee_is_named_by_private_num_alone() {
    let sim = start().await;
    let c = Client::new(&sim, AX, Scheme::Aksk);
    let r = ok(c
        .post(
            AX_URI,
            json!({"origNum":"+8613800000066","privateNumType":"mobile-virtual"}),
        )
        .await);
    let x = r["privateNum"].as_str().unwrap_or_default().to_string();
    // privatenumber_02_0015: origNum is not parsed, privateNum alone names the binding.
    ok(c.put(
        AX_CALLEE_URI,
        json!({"privateNum":x,"calleeNum":"+8613900000066"}),
    )
    .await);
    let q = ok(c.get(&format!("{AX_URI}?privateNum={}", esc(&x))).await);
    assert_eq!(q["privateNumList"][0]["calleeNum"], "+8613900000066", "{q}");
    let none = c
        .put(AX_CALLEE_URI, json!({"calleeNum":"+8613900000066"}))
        .await;
    assert_eq!(code(&none), "1010002", "no binding named: {none}");
}

#[tokio::test]
async fn modify_names_the_binding_by_private_num_and_orig_num_is_the_new_a() {
    let sim = start().await;
    let c = Client::new(&sim, AX, Scheme::Aksk);
    let r = ok(c
        .post(
            AX_URI,
            json!({"origNum":"+8613800000067","privateNumType":"mobile-virtual"}),
        )
        .await);
    let x = r["privateNum"].as_str().unwrap_or_default().to_string();
    let id = r["subscriptionId"].as_str().unwrap_or_default().to_string();
    // privatenumber_02_0013: origNum is the new A; privateNum names the binding.
    let m = ok(c
        .put(
            AX_URI,
            json!({"privateNum":x,"origNum":"+8613800000068","recordFlag":"true"}),
        )
        .await);
    assert_eq!(m["subscriptionId"], id.as_str(), "{m}");
    let q = ok(c.get(&format!("{AX_URI}?subscriptionId={id}")).await);
    assert_eq!(q["privateNumList"][0]["origNum"], "+8613800000068", "{q}");
    assert_eq!(q["privateNumList"][0]["recordFlag"], "true", "{q}");
    let old = c
        .get(&format!("{AX_URI}?origNum={}", esc("+8613800000067")))
        .await;
    assert_eq!(code(&old), "1011004", "the old A has no binding: {old}");
}

#[tokio::test]
async fn unbind_is_named_by_private_num_alone_and_orig_num_is_not_parsed() {
    let sim = start().await;
    let c = Client::new(&sim, AX, Scheme::Aksk);
    let bind = |a: &'static str| {
        let c = &c;
        async move {
            let r = ok(c
                .post(
                    AX_URI,
                    json!({"origNum":a,"privateNumType":"mobile-virtual"}),
                )
                .await);
            r["privateNum"].as_str().unwrap_or_default().to_string()
        }
    };
    // privatenumber_02_0012 table 2: origNum "系统不会解析该参数,可不携带"; without
    // subscriptionId, privateNum alone names the binding.
    let x = bind("+8613800000077").await;
    ok(c.delete(&format!("{AX_URI}?privateNum={}", esc(&x))).await);
    let gone = c.get(&format!("{AX_URI}?privateNum={}", esc(&x))).await;
    assert_eq!(code(&gone), "1011004", "unbound by X alone: {gone}");

    let x = bind("+8613800000078").await;
    ok(c.delete(&format!(
        "{AX_URI}?origNum={}&privateNum={}",
        esc("+8613800000099"),
        esc(&x)
    ))
    .await);
    let gone = c.get(&format!("{AX_URI}?privateNum={}", esc(&x))).await;
    assert_eq!(code(&gone), "1011004", "origNum is not parsed: {gone}");

    let none = c
        .delete(&format!("{AX_URI}?origNum={}", esc("+8613800000078")))
        .await;
    assert_eq!(
        code(&none),
        "1010002",
        "origNum alone names nothing: {none}"
    );
}
