use std::time::Duration;

use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn axb_bind_query_modify_unbind() {
    let sim = start().await;
    let c = Client::new(&sim, AXB, Scheme::Aksk);
    let x = numbers_in(&sim, AXB.0, "0755")[0].clone();
    let r = ok(c
        .post(AXB_URI, json!({"callerNum":"+8613800000001","calleeNum":"+8613900000002","relationNum":x,"callDirection":0,"duration":0,"recordFlag":"true","userData":"abc"}))
        .await);
    assert_eq!(r["relationNum"], x.as_str(), "explicit X must be honoured");
    let id = r["subscriptionId"]
        .as_str()
        .expect("subscriptionId")
        .to_string();

    let q = ok(c.get(&format!("{AXB_URI}?subscriptionId={id}")).await);
    assert_eq!(q["relationNumList"][0]["callerNum"], "+8613800000001");
    assert_eq!(q["relationNumList"][0]["userData"], "abc");

    // Modify: absent fields unchanged.
    ok(c.put(
        AXB_URI,
        json!({"subscriptionId":id,"calleeNum":"+8613900000009"}),
    )
    .await);
    let q = ok(c.get(&format!("{AXB_URI}?subscriptionId={id}")).await);
    let info = &q["relationNumList"][0];
    assert_eq!(info["calleeNum"], "+8613900000009");
    assert_eq!(
        info["callerNum"], "+8613800000001",
        "absent callerNum must stay"
    );
    assert_eq!(info["recordFlag"], "true", "absent recordFlag must stay");

    ok(c.delete(&format!("{AXB_URI}?subscriptionId={id}")).await);
    let again = c.delete(&format!("{AXB_URI}?subscriptionId={id}")).await;
    assert_eq!(code(&again), "1012001", "unbind is not idempotent: {again}");
}

#[tokio::test]
async fn axb_conflicts_and_selection() {
    let sim = start().await;
    let c = Client::new(&sim, AXB, Scheme::Wsse);
    let x = numbers_in(&sim, AXB.0, "010")[0].clone();
    ok(c.post(
        AXB_URI,
        json!({"callerNum":"+8613800000001","calleeNum":"+8613900000002","relationNum":x}),
    )
    .await);
    // Same A on the same X, and same B (as A) on the same X.
    for (a, b) in [
        ("+8613800000001", "+8613700000003"),
        ("+8613900000002", "+8613700000004"),
    ] {
        let r = c
            .post(
                AXB_URI,
                json!({"callerNum":a,"calleeNum":b,"relationNum":x}),
            )
            .await;
        assert_eq!(
            code(&r),
            "1012010",
            "a user number may appear once per X: {r}"
        );
    }
    // A different pair on the same X is fine.
    ok(c.post(
        AXB_URI,
        json!({"callerNum":"+8613600000005","calleeNum":"+8613500000006","relationNum":x}),
    )
    .await);
    // Unknown X.
    let r = c.post(AXB_URI, json!({"callerNum":"+8613800000001","calleeNum":"+8613900000002","relationNum":"+8617000000000"})).await;
    assert_eq!(code(&r), "1012001", "X not owned by the app: {r}");
    // areaCode picks a number of that city.
    let r = ok(c
        .post(
            AXB_URI,
            json!({"callerNum":"+8613800000011","calleeNum":"+8613900000012","areaCode":"028"}),
        )
        .await);
    assert!(
        numbers_in(&sim, AXB.0, "028")
            .contains(&r["relationNum"].as_str().unwrap_or_default().to_string())
    );
    // Strict mode with an area the app has no number in fails; non-strict falls back.
    let r = c.post(AXB_URI, json!({"callerNum":"+8613800000021","calleeNum":"+8613900000022","areaCode":"0991","areaMatchMode":"0"})).await;
    assert_eq!(code(&r), "1011005", "strict area without numbers: {r}");
    ok(c.post(AXB_URI, json!({"callerNum":"+8613800000021","calleeNum":"+8613900000022","areaCode":"0991","areaMatchMode":"1"})).await);
    // Neither X nor area: the caller's own area (fixed line +86755… → 0755).
    let r = ok(c
        .post(
            AXB_URI,
            json!({"callerNum":"+8675528000001","calleeNum":"+8613900000032"}),
        )
        .await);
    assert!(
        numbers_in(&sim, AXB.0, "0755")
            .contains(&r["relationNum"].as_str().unwrap_or_default().to_string())
    );
    // Invalid number format.
    let r = c
        .post(
            AXB_URI,
            json!({"callerNum":"13800000001","calleeNum":"+8613900000002"}),
        )
        .await;
    assert_eq!(code(&r), "1010002", "{r}");
    // Exhaust the 0769 numbers for one A: both X already carry A → 1011005.
    for _ in 0..2 {
        ok(c.post(AXB_URI, json!({"callerNum":"+8613300000001","calleeNum":format!("+86133{:08}", NONCE_B.fetch_add(1, std::sync::atomic::Ordering::SeqCst)),"areaCode":"0769"})).await);
    }
    let r = c
        .post(
            AXB_URI,
            json!({"callerNum":"+8613300000001","calleeNum":"+8613300009999","areaCode":"0769"}),
        )
        .await;
    assert_eq!(code(&r), "1011005", "no free X in 0769 for this A: {r}");
}

static NONCE_B: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(10);

#[tokio::test]
async fn axb_paging_and_relation_unbind() {
    let sim = start().await;
    let c = Client::new(&sim, AXB, Scheme::Aksk);
    let x = numbers_in(&sim, AXB.0, "021")[0].clone();
    for i in 0..25 {
        ok(c.post(AXB_URI, json!({"callerNum":format!("+86138{:08}", i),"calleeNum":format!("+86139{:08}", i),"relationNum":x})).await);
    }
    let page = ok(c
        .get(&format!(
            "{AXB_URI}?relationNum={}&pageIndex=3&pageSize=10",
            esc(&x)
        ))
        .await);
    assert_eq!(page["totalCount"], 25);
    assert_eq!(
        page["relationNumList"].as_array().map(Vec::len),
        Some(5),
        "third page of 10 holds 5"
    );
    let default = ok(c
        .get(&format!("{AXB_URI}?relationNum={}&pageSize=500", esc(&x)))
        .await);
    assert_eq!(
        default["pageSize"], 50,
        "out-of-range pageSize falls back to 50"
    );
    assert_eq!(
        default["relationNumList"].as_array().map(Vec::len),
        Some(25)
    );
    let one = ok(c
        .get(&format!(
            "{AXB_URI}?relationNum={}&callerNum={}",
            esc(&x),
            esc("+8613800000003")
        ))
        .await);
    assert_eq!(one["totalCount"], 1);
    // Unbind by number removes every binding on X; a second time fails.
    ok(c.delete(&format!("{AXB_URI}?relationNum={}", esc(&x)))
        .await);
    let again = c
        .delete(&format!("{AXB_URI}?relationNum={}", esc(&x)))
        .await;
    assert_eq!(code(&again), "1012001", "{again}");
}

#[tokio::test]
async fn axb_expiry_on_the_simulated_clock_and_modify_restarts_timer() {
    let sim = start().await;
    let c = Client::new(&sim, AXB, Scheme::Aksk);
    let r = ok(c
        .post(
            AXB_URI,
            json!({"callerNum":"+8613800000001","calleeNum":"+8613900000002","duration":60}),
        )
        .await);
    let short = r["subscriptionId"].as_str().unwrap_or_default().to_string();
    let r = ok(c
        .post(
            AXB_URI,
            json!({"callerNum":"+8613800000003","calleeNum":"+8613900000004","duration":100}),
        )
        .await);
    let long = r["subscriptionId"].as_str().unwrap_or_default().to_string();

    sim.advance(Duration::from_secs(80));
    let gone = c.get(&format!("{AXB_URI}?subscriptionId={short}")).await;
    assert_eq!(
        code(&gone),
        "1012001",
        "a 60 s binding is gone after 80 s: {gone}"
    );
    ok(
        c.put(AXB_URI, json!({"subscriptionId":long,"duration":100}))
            .await,
    );
    sim.advance(Duration::from_secs(80));
    ok(c.get(&format!("{AXB_URI}?subscriptionId={long}")).await);
    sim.advance(Duration::from_secs(30));
    let gone = c.get(&format!("{AXB_URI}?subscriptionId={long}")).await;
    assert_eq!(
        code(&gone),
        "1012001",
        "modify restarted the 100 s timer, now expired: {gone}"
    );
}

#[tokio::test]
async fn bindings_survive_a_restart_with_a_data_dir() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cfg = maskline_sim::SimConfig {
        seed: 3,
        data_dir: Some(dir.path().into()),
        ..Default::default()
    };
    let sim = start_with(cfg.clone()).await;
    let c = Client::new(&sim, AXB, Scheme::Aksk);
    let r = ok(c
        .post(
            AXB_URI,
            json!({"callerNum":"+8613800000001","calleeNum":"+8613900000002"}),
        )
        .await);
    let id = r["subscriptionId"].as_str().unwrap_or_default().to_string();
    sim.shutdown().await;
    let sim = start_with(cfg).await;
    let c = Client::new(&sim, AXB, Scheme::Aksk);
    ok(c.get(&format!("{AXB_URI}?subscriptionId={id}")).await);
}
