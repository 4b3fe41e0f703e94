use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn axyb_two_steps_query_and_unbind() {
    let sim = start().await;
    let c = Client::new(&sim, AXYB, Scheme::Wsse);
    let q = format!("?app_key={}", AXYB.0);
    let step1 = ok(c
        .post(
            &format!("{AXYB_URI}{q}"),
            json!({"origNum":"+8613800000001","areaCode":"0571","duration":3600,"ybDuration":600}),
        )
        .await);
    let id = step1["subscriptionId"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let x = step1["relationNumber"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(numbers_in(&sim, AXYB.0, "0571").contains(&x), "{step1}");

    let step2 = ok(c
        .post(
            &format!("{AXYB_URI}{q}"),
            json!({"subscriptionId":id,"origNum":"+8613900000002","areaCode":"0571"}),
        )
        .await);
    let y = step2["relationNumber"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert_ne!(x, y, "Y differs from X");
    assert_eq!(step2["subscriptionId"], id.as_str());
    let again = c
        .post(
            &format!("{AXYB_URI}{q}"),
            json!({"subscriptionId":id,"origNum":"+8613900000003"}),
        )
        .await;
    assert_eq!(code(&again), "1016002", "YB already bound: {again}");
    let no_key = c.post(AXYB_URI, json!({"origNum":"+8613800000009"})).await;
    assert_eq!(
        code(&no_key),
        "1010002",
        "app_key query parameter is required: {no_key}"
    );

    let info = ok(c.get(&format!("{AXYB_URI}{q}&subscriptionId={id}")).await);
    let item = &info["xyRelationNumList"][0];
    assert_eq!(item["bindId"], id.as_str(), "{info}");
    assert_eq!(item["numA"], "+8613800000001");
    assert_eq!(item["numX"], x.as_str());
    assert_eq!(item["numY"], y.as_str());
    assert_eq!(item["numB"], "+8613900000002");
    assert_eq!(item["duration"], "3600", "a String of seconds: {info}");
    assert_eq!(item["ybDuration"], "600", "a String of seconds: {info}");
    assert_eq!(item["recordFlag"], "false");
    assert_eq!(item["callDirection"], 0, "an Integer: {info}");
    let by_x = ok(c
        .get(&format!("{AXYB_URI}{q}&relationNum={}", esc(&x)))
        .await);
    assert_eq!(
        by_x["xyRelationNumList"].as_array().map(Vec::len),
        Some(1),
        "{by_x}"
    );
    assert!(by_x.get("totalCount").is_none(), "no paging fields: {by_x}");

    ok(c.delete(&format!(
        "{AXYB_URI}{q}&subscriptionId={id}&yNum={}",
        esc(&y)
    ))
    .await);
    let info = ok(c.get(&format!("{AXYB_URI}{q}&subscriptionId={id}")).await);
    let item = &info["xyRelationNumList"][0];
    assert!(
        item.get("numY").is_none() && item.get("numB").is_none(),
        "only YB removed: {info}"
    );
    assert_eq!(item["numA"], "+8613800000001", "AX kept: {info}");
    ok(c.delete(&format!("{AXYB_URI}{q}&subscriptionId={id}"))
        .await);
    let gone = c
        .delete(&format!("{AXYB_URI}{q}&subscriptionId={id}"))
        .await;
    assert_eq!(code(&gone), "1012001", "{gone}");
}

#[tokio::test]
async fn one_a_is_bound_to_at_most_five_x() {
    let sim = start().await;
    let c = Client::new(&sim, AXYB, Scheme::Wsse);
    let q = format!("?app_key={}", AXYB.0);
    let a = "+8613800000071";
    let mut ids = Vec::new();
    for _ in 0..5 {
        let r = ok(c
            .post(
                &format!("{AXYB_URI}{q}"),
                json!({"origNum":a,"areaCode":"010","areaMatchMode":"1"}),
            )
            .await);
        ids.push(r["subscriptionId"].as_str().unwrap_or_default().to_string());
    }
    let sixth = c
        .post(
            &format!("{AXYB_URI}{q}"),
            json!({"origNum":a,"areaCode":"010","areaMatchMode":"1"}),
        )
        .await;
    assert_eq!(code(&sixth), "1011003", "a sixth X for one A: {sixth}");
    let other = c
        .post(
            &format!("{AXYB_URI}{q}"),
            json!({"origNum":"+8613800000072"}),
        )
        .await;
    ok(other);
    ok(
        c.delete(&format!("{AXYB_URI}{q}&subscriptionId={}", ids[0]))
            .await,
    );
    ok(c.post(
        &format!("{AXYB_URI}{q}"),
        json!({"origNum":a,"areaCode":"010","areaMatchMode":"1"}),
    )
    .await);
}

#[tokio::test]
async fn one_x_is_bound_to_one_a_and_queried_by_x_only() {
    let sim = start().await;
    let c = Client::new(&sim, AXYB, Scheme::Wsse);
    let q = format!("?app_key={}", AXYB.0);
    // Area 0571 has two numbers: two As take both, a third A finds no free X there.
    let mut xs = Vec::new();
    for a in ["+8613800000081", "+8613800000082"] {
        let r = ok(c
            .post(
                &format!("{AXYB_URI}{q}"),
                json!({"origNum":a,"areaCode":"0571","areaMatchMode":"0"}),
            )
            .await);
        xs.push(r["relationNumber"].as_str().unwrap_or_default().to_string());
        let yb = ok(c
            .post(
                &format!("{AXYB_URI}{q}"),
                json!({"subscriptionId":r["subscriptionId"],"origNum":"+8613900000089","areaCode":"010"}),
            )
            .await);
        assert_eq!(yb["subscriptionId"], r["subscriptionId"]);
    }
    assert_ne!(xs[0], xs[1], "each A has its own X: {xs:?}");
    let third = c
        .post(
            &format!("{AXYB_URI}{q}"),
            json!({"origNum":"+8613800000083","areaCode":"0571","areaMatchMode":"0"}),
        )
        .await;
    assert_eq!(
        code(&third),
        "1011005",
        "both 0571 numbers have their A: {third}"
    );
    for x in &xs {
        let by_x = ok(c
            .get(&format!("{AXYB_URI}{q}&relationNum={}", esc(x)))
            .await);
        assert_eq!(
            by_x["xyRelationNumList"].as_array().map(Vec::len),
            Some(1),
            "{by_x}"
        );
        let y = by_x["xyRelationNumList"][0]["numY"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let by_y = ok(c
            .get(&format!("{AXYB_URI}{q}&relationNum={}", esc(&y)))
            .await);
        assert_eq!(
            by_y["xyRelationNumList"].as_array().map(Vec::len),
            Some(0),
            "relationNum names an X: {by_y}"
        );
    }
}

#[tokio::test]
async fn b_calling_x_before_the_yb_step_is_given_a_y() {
    let sim = start().await;
    let c = Client::new(&sim, AXYB, Scheme::Wsse);
    let q = format!("?app_key={}", AXYB.0);
    let r = ok(c
        .post(
            &format!("{AXYB_URI}{q}"),
            json!({"origNum":"+8613800000091","areaCode":"010","duration":7200,"ybDuration":600}),
        )
        .await);
    let id = r["subscriptionId"].as_str().unwrap_or_default().to_string();
    let x = r["relationNumber"].as_str().unwrap_or_default().to_string();
    let calls = sim.generate_calls(AXYB.0, 1, 0).expect("a B→X call");
    assert_eq!(calls[0].subscription_id, id);

    // privatenumber_axyb_0017 注意事项: the platform gives B a Y; YB lives ybDuration.
    let info = ok(c.get(&format!("{AXYB_URI}{q}&subscriptionId={id}")).await);
    let item = &info["xyRelationNumList"][0];
    let y = item["numY"].as_str().unwrap_or_default().to_string();
    let b = item["numB"].as_str().unwrap_or_default().to_string();
    assert!(y.starts_with("+86") && y != x, "a Y other than X: {info}");
    assert!(
        b.starts_with("+86") && b != "+8613800000091",
        "B is the caller: {info}"
    );
    sim.advance(std::time::Duration::from_secs(601));
    let info = ok(c.get(&format!("{AXYB_URI}{q}&subscriptionId={id}")).await);
    let item = &info["xyRelationNumList"][0];
    assert!(
        item.get("numY").is_none(),
        "the YB expired after ybDuration: {info}"
    );
    assert_eq!(item["numA"], "+8613800000091", "AX stays: {info}");
}
