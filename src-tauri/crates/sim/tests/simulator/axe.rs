use std::time::Duration;

use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn axe_extensions_conflicts_and_expiry() {
    let sim = start().await;
    let c = Client::new(&sim, AXE, Scheme::Aksk);
    let x = numbers_in(&sim, AXE.0, "020")[0].clone();
    let r = ok(c.post(AXE_URI, json!({"bindNum":"+8613800000001","virtualNum":x,"bindExpiredTime":1,"callbackExpiredTime":1})).await);
    let ext = r["extendNum"].as_str().unwrap_or_default().to_string();
    assert_eq!(ext.len(), 4, "allocated extension has 4 digits: {r}");
    assert!(ext.bytes().all(|b| b.is_ascii_digit()));
    let id = r["subscriptionId"].as_str().unwrap_or_default().to_string();

    let same_a = c
        .post(AXE_URI, json!({"bindNum":"+8613800000001","virtualNum":x}))
        .await;
    assert_eq!(code(&same_a), "1012010", "A already on this X: {same_a}");
    let explicit = ok(c
        .post(
            AXE_URI,
            json!({"bindNum":"+8613800000002","virtualNum":x,"extendNum":"12"}),
        )
        .await);
    assert_eq!(explicit["extendNum"], "12");
    let dup = c
        .post(
            AXE_URI,
            json!({"bindNum":"+8613800000003","virtualNum":x,"extendNum":"12"}),
        )
        .await;
    assert_eq!(code(&dup), "1012010", "extension 12 is taken on X: {dup}");
    let both = c.post(AXE_URI, json!({"bindNum":"+8613800000004","virtualNum":x,"callbackTone":"t.wav","callbackNum":"+8613900000001"})).await;
    assert_eq!(
        code(&both),
        "1010002",
        "callbackTone and callbackNum are exclusive: {both}"
    );
    let bad_times = c
        .post(
            AXE_URI,
            json!({"bindNum":"+8613800000005","bindExpiredTime":1,"callbackExpiredTime":2}),
        )
        .await;
    assert_eq!(
        code(&bad_times),
        "1010002",
        "bindExpiredTime < callbackExpiredTime: {bad_times}"
    );

    let q = ok(c
        .get(&format!("{AXE_URI}?virtualNum={}&extendNum={ext}", esc(&x)))
        .await);
    assert_eq!(q["bindNum"], "+8613800000001", "flat answer: {q}");
    assert_eq!(q["timeUnit"], "0", "hours when absent, as a String: {q}");
    assert_eq!(q["bindExpiredTime"], 1, "{q}");
    ok(c.put(
        AXE_URI,
        json!({"subscriptionId":id,"callbackNum":"+8613900000007"}),
    )
    .await);
    let q = ok(c.get(&format!("{AXE_URI}?subscriptionId={id}")).await);
    assert_eq!(q["callbackNum"], "+8613900000007", "{q}");

    sim.advance(Duration::from_secs(3601));
    let gone = c.get(&format!("{AXE_URI}?subscriptionId={id}")).await;
    assert_eq!(code(&gone), "1012001", "1 hour binding expired: {gone}");

    ok(
        c.delete(&format!("{AXE_URI}?virtualNum={}&extendNum=12", esc(&x)))
            .await,
    );
    let again = c
        .delete(&format!("{AXE_URI}?virtualNum={}&extendNum=12", esc(&x)))
        .await;
    assert_eq!(code(&again), "1012001", "{again}");
}

#[tokio::test]
async fn time_unit_1_is_minutes_and_0_is_hours() {
    let sim = start().await;
    let c = Client::new(&sim, AXE, Scheme::Aksk);
    let mins = ok(c
        .post(
            AXE_URI,
            json!({"bindNum":"+8613800000011","timeUnit":"1","bindExpiredTime":90,"callbackExpiredTime":30}),
        )
        .await);
    let hours = ok(c
        .post(
            AXE_URI,
            json!({"bindNum":"+8613800000012","timeUnit":0,"bindExpiredTime":2}),
        )
        .await);
    let id = |v: &serde_json::Value| v["subscriptionId"].as_str().unwrap_or_default().to_string();
    let q = ok(c
        .get(&format!("{AXE_URI}?subscriptionId={}", id(&mins)))
        .await);
    assert_eq!(q["timeUnit"], "1", "{q}");
    assert_eq!(q["bindExpiredTime"], 90, "{q}");
    assert_eq!(q["callbackExpiredTime"], 30, "{q}");
    let bad = c
        .post(
            AXE_URI,
            json!({"bindNum":"+8613800000013","timeUnit":"2","bindExpiredTime":1}),
        )
        .await;
    assert_eq!(code(&bad), "1010002", "timeUnit is 0 or 1: {bad}");

    sim.advance(Duration::from_secs(89 * 60));
    ok(c.get(&format!("{AXE_URI}?subscriptionId={}", id(&mins)))
        .await);
    sim.advance(Duration::from_secs(2 * 60));
    let gone = c
        .get(&format!("{AXE_URI}?subscriptionId={}", id(&mins)))
        .await;
    assert_eq!(code(&gone), "1012001", "90 minutes are over: {gone}");
    ok(c.get(&format!("{AXE_URI}?subscriptionId={}", id(&hours)))
        .await);
    sim.advance(Duration::from_secs(7200));
    let gone = c
        .get(&format!("{AXE_URI}?subscriptionId={}", id(&hours)))
        .await;
    assert_eq!(code(&gone), "1012001", "2 hours are over: {gone}");
}

#[tokio::test]
async fn a_full_x_answers_no_idle_extension_1020167() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cfg = maskline_sim::SimConfig {
        seed: 5,
        data_dir: Some(dir.path().into()),
        ..Default::default()
    };
    let sim = start_with(cfg.clone()).await;
    let c = Client::new(&sim, AXE, Scheme::Aksk);
    let x = numbers_in(&sim, AXE.0, "010")[0].clone();
    ok(c.post(
        AXE_URI,
        json!({"bindNum":"+8613700000000","virtualNum":x,"extendNum":"0001"}),
    )
    .await);
    sim.shutdown().await;

    // Fill the other 9998 extensions of X in the snapshot (9999 requests would be slow).
    let path = dir.path().join("state.json");
    let mut state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("snapshot")).expect("JSON");
    let axe = state["axe"].as_object_mut().expect("axe bindings");
    let template = axe.values().next().cloned().expect("one binding");
    for e in 2..=9999 {
        let mut b = template.clone();
        let id = format!("fill-{e}");
        b["subscriptionId"] = json!(id);
        b["extendNum"] = json!(format!("{e:04}"));
        b["bindNum"] = json!(format!("+86137{e:08}"));
        axe.insert(id, b);
    }
    std::fs::write(&path, state.to_string()).expect("write snapshot");

    let sim = start_with(cfg).await;
    let c = Client::new(&sim, AXE, Scheme::Aksk);
    let full = c
        .post(AXE_URI, json!({"bindNum":"+8613800000099","virtualNum":x}))
        .await;
    assert_eq!(code(&full), "1020167", "no idle extension on X: {full}");
    assert_eq!(full["resultdesc"], "No idle extend Number.");
}

#[tokio::test]
async fn the_query_reports_the_binds_time_unit_and_lifetime_after_a_modify() {
    let sim = start().await;
    let c = Client::new(&sim, AXE, Scheme::Aksk);
    let r = ok(c
        .post(
            AXE_URI,
            json!({"bindNum":"+8613800000014","timeUnit":"1","bindExpiredTime":90}),
        )
        .await);
    let id = r["subscriptionId"].as_str().unwrap_or_default().to_string();
    ok(c.put(
        AXE_URI,
        json!({"subscriptionId":id,"timeUnit":"0","bindExpiredTime":2}),
    )
    .await);
    // privatenumber_02_0024: with both carrying them, the query shows the bind's values.
    let q = ok(c.get(&format!("{AXE_URI}?subscriptionId={id}")).await);
    assert_eq!(q["timeUnit"], "1", "{q}");
    assert_eq!(q["bindExpiredTime"], 90, "{q}");
    // The modify set the lifetime: 2 hours from now, not 90 minutes.
    sim.advance(Duration::from_secs(91 * 60));
    ok(c.get(&format!("{AXE_URI}?subscriptionId={id}")).await);
    sim.advance(Duration::from_secs(30 * 60));
    let gone = c.get(&format!("{AXE_URI}?subscriptionId={id}")).await;
    assert_eq!(code(&gone), "1012001", "2 hours after the modify: {gone}");
}

#[tokio::test]
async fn snapshots_from_before_the_official_time_units_keep_their_lifetimes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cfg = maskline_sim::SimConfig {
        seed: 6,
        data_dir: Some(dir.path().into()),
        ..Default::default()
    };
    let sim = start_with(cfg.clone()).await;
    let c = Client::new(&sim, AXE, Scheme::Aksk);
    let mut ids = Vec::new();
    for a in ["+8613800000015", "+8613800000016", "+8613800000017"] {
        let r = ok(c
            .post(AXE_URI, json!({"bindNum":a,"bindExpiredTime":3}))
            .await);
        ids.push(r["subscriptionId"].as_str().unwrap_or_default().to_string());
    }
    sim.shutdown().await;

    // Rewrite the snapshot as an older build wrote it: no format, 0 minutes / 1 hours / 2 days.
    let path = dir.path().join("state.json");
    let mut state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("snapshot")).expect("JSON");
    state.as_object_mut().expect("object").remove("format");
    for (id, old_unit) in ids.iter().zip([0, 1, 2]) {
        let b = state["axe"][id].as_object_mut().expect("binding");
        b.insert("timeUnit".into(), json!(old_unit));
        b.remove("bindTimeUnit");
        b.remove("bindBindExpiredTime");
    }
    std::fs::write(&path, state.to_string()).expect("write snapshot");

    let sim = start_with(cfg).await;
    let c = Client::new(&sim, AXE, Scheme::Aksk);
    let mut got = Vec::new();
    for id in &ids {
        let q = ok(c.get(&format!("{AXE_URI}?subscriptionId={id}")).await);
        got.push((q["timeUnit"].clone(), q["bindExpiredTime"].clone()));
    }
    assert_eq!(
        got,
        vec![
            (json!("1"), json!(3)),
            (json!("0"), json!(3)),
            (json!("0"), json!(72)),
        ],
        "3 minutes, 3 hours, 3 days in the official units"
    );
}
