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
    assert_eq!(info["relationList"][0]["yNum"], y.as_str());
    let by_x = ok(c
        .get(&format!("{AXYB_URI}{q}&relationNum={}", esc(&x)))
        .await);
    assert_eq!(by_x["totalCount"], 1);

    ok(c.delete(&format!(
        "{AXYB_URI}{q}&subscriptionId={id}&yNum={}",
        esc(&y)
    ))
    .await);
    let info = ok(c.get(&format!("{AXYB_URI}{q}&subscriptionId={id}")).await);
    assert!(
        info["relationList"][0]["yNum"].is_null(),
        "only YB removed: {info}"
    );
    ok(c.delete(&format!("{AXYB_URI}{q}&subscriptionId={id}"))
        .await);
    let gone = c
        .delete(&format!("{AXYB_URI}{q}&subscriptionId={id}"))
        .await;
    assert_eq!(code(&gone), "1012001", "{gone}");
}
