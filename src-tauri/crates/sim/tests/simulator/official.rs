//! Server-side contract tests: the simulator's answers and pushes have the same field names,
//! JSON types and containers as the bodies on Huawei's own pages. The fixtures are the
//! client's set under `crates/api/tests/fixtures/official/` (index and page URLs in its
//! README.md), read as plain files, not through any crate. Values differ (the pages mask
//! numbers and ids); names, types and containers must not.
//!
//! A CDR's members depend on the call (an unanswered call has no `fwdAnswerTime` or recording
//! fields), so pushes are checked as: every member of the page's example is in the
//! simulator's CDR of an answered, recorded call; every member both carry has the same JSON
//! type; and the simulator adds only members the CDR tables list beside the examples
//! (`userData`, `failTime`, `extendNumber`, `voiceCheckType`).

use std::collections::BTreeSet;
use std::path::PathBuf;

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::*;

fn client_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../api/tests/fixtures/official")
}

fn fixture(name: &str) -> Value {
    let path = client_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("official fixture {} is readable: {e}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("official fixture {} is JSON: {e}", path.display()))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "float",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Differences in shape between the page's body and the simulator's: objects must have the same
/// member names, arrays hold items shaped like the page's first item, scalars the same JSON type.
fn shape_diff(page: &Value, sim: &Value, path: &str, out: &mut Vec<String>) {
    match (page, sim) {
        (Value::Object(p), Value::Object(s)) => {
            let pk: BTreeSet<&String> = p.keys().collect();
            let sk: BTreeSet<&String> = s.keys().collect();
            for k in pk.difference(&sk) {
                out.push(format!(
                    "{path}.{k}: on the page, missing from the simulator"
                ));
            }
            for k in sk.difference(&pk) {
                out.push(format!(
                    "{path}.{k}: sent by the simulator, not on the page"
                ));
            }
            for k in pk.intersection(&sk) {
                shape_diff(&p[*k], &s[*k], &format!("{path}.{k}"), out);
            }
        }
        (Value::Array(p), Value::Array(s)) => match p.first() {
            Some(item) if s.is_empty() => {
                out.push(format!("{path}: empty, the page shows items like {item}"));
            }
            Some(item) => {
                for (i, v) in s.iter().enumerate() {
                    shape_diff(item, v, &format!("{path}[{i}]"), out);
                }
            }
            None => {}
        },
        _ if kind(page) != kind(sim) => out.push(format!(
            "{path}: {} on the page ({page}), {} from the simulator ({sim})",
            kind(page),
            kind(sim)
        )),
        _ => {}
    }
}

#[track_caller]
fn assert_same_shape(name: &str, page: &Value, sim: &Value) {
    let mut out = Vec::new();
    shape_diff(page, sim, "$", &mut out);
    assert!(
        out.is_empty(),
        "{name}: the simulator's body differs from the official one:\n  {}\nsimulator: {sim}",
        out.join("\n  ")
    );
}

#[test]
fn shape_diff_sees_names_types_and_containers() {
    let page = json!({"a":"1","n":2,"l":[{"x":"s"}]});
    let mut out = Vec::new();
    shape_diff(&page, &json!({"a":1,"n":2,"l":[{"x":"s"}]}), "$", &mut out);
    assert_eq!(out.len(), 1, "String vs Integer: {out:?}");
    out.clear();
    shape_diff(
        &page,
        &json!({"a":"1","n":2.5,"l":[{"x":"s"}]}),
        "$",
        &mut out,
    );
    assert_eq!(out.len(), 1, "Integer vs float: {out:?}");
    out.clear();
    shape_diff(&page, &json!({"a":"1","n":2,"l":{"x":"s"}}), "$", &mut out);
    assert_eq!(out.len(), 1, "list vs flat: {out:?}");
    out.clear();
    shape_diff(
        &page,
        &json!({"a":"1","n":2,"l":[{"y":"s"}]}),
        "$",
        &mut out,
    );
    assert_eq!(out.len(), 2, "renamed item field: {out:?}");
    out.clear();
    shape_diff(&page, &json!({"a":"1","n":2,"l":[]}), "$", &mut out);
    assert_eq!(out.len(), 1, "empty list: {out:?}");
}

/// Every fixture file of both sets is checked by a test here: a new page example makes this
/// fail until the simulator is checked against it.
#[test]
fn every_official_fixture_is_covered() {
    let covered = [
        "pn_faq_1011003-ax-bind-error-response.json",
        "privatenumber_01_0017-fee.json",
        "privatenumber_01_0019-callevent-disconnect.json",
        "privatenumber_01_0023-callevent-disconnect.json",
        "privatenumber_01_0023-fee.json",
        "privatenumber_02_0011-bind-response.json",
        "privatenumber_02_0012-unbind-response.json",
        "privatenumber_02_0022-bind-request.json",
        "privatenumber_02_0022-bind-response.json",
        "privatenumber_02_0024-query-response.json",
        "privatenumber_axyb_0017-bind-response.json",
        "privatenumber_axyb_0019-query-response.json",
    ];
    let dir = client_dir();
    let mut missing = Vec::new();
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("fixture folder {} is readable: {e}", dir.display()));
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") && !covered.contains(&name.as_str()) {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "official fixtures in {} with no simulator check: {missing:?}",
        dir.display()
    );
}

/// CDR members the tables list that the demos' examples leave out.
const CDR_EXTRAS: &[&str] = &["userData", "failTime", "extendNumber", "voiceCheckType"];

/// Check every CDR of `pushes` against the page's FeeInfo: common members share a JSON type,
/// extras are listed CDR members, and an answered and recorded call carries every member of
/// the example. Returns how many CDRs were of that complete kind.
fn check_cdrs(name: &str, page: &Value, pushes: &[Value]) -> usize {
    let item = &page["feeLst"][0];
    let Value::Object(item) = item else {
        panic!("{name}: the page's feeLst holds objects");
    };
    let mut complete = 0;
    for push in pushes {
        assert_eq!(push["eventType"], "fee", "{name}: {push}");
        let list = push["feeLst"].as_array().expect("feeLst is a list");
        assert!(
            (1..=50).contains(&list.len()),
            "{name}: FeeInfo[1-50]: {push}"
        );
        for cdr in list {
            let Value::Object(cdr) = cdr else {
                panic!("{name}: CDRs are objects: {cdr}");
            };
            for (k, v) in cdr {
                match item.get(k) {
                    Some(p) => assert_eq!(
                        kind(p),
                        kind(v),
                        "{name}: {k} is {} on the page ({p}), {} from the simulator ({v})",
                        kind(p),
                        kind(v)
                    ),
                    None => assert!(
                        CDR_EXTRAS.contains(&k.as_str()),
                        "{name}: {k} sent by the simulator is in no CDR table here"
                    ),
                }
            }
            if cdr.get("recordFlag") == Some(&json!(1)) {
                complete += 1;
                let missing: Vec<&String> = item.keys().filter(|k| !cdr.contains_key(*k)).collect();
                assert!(
                    missing.is_empty(),
                    "{name}: an answered, recorded call's CDR lacks {missing:?}: {cdr:?}"
                );
            }
        }
    }
    complete
}

/// Bodies written to `dir` by the simulator once a CDR file is there.
async fn written(dir: &std::path::Path) -> Vec<Value> {
    eventually(|| async {
        let mut found = Vec::new();
        let mut fee = false;
        for e in std::fs::read_dir(dir).ok()?.filter_map(Result::ok) {
            fee |= e.file_name().to_string_lossy().ends_with("-fee.json");
            found.push(serde_json::from_str(&std::fs::read_to_string(e.path()).ok()?).ok()?);
        }
        fee.then_some(found)
    })
    .await
    .expect("notifications are written")
}

async fn deliver_to_dir(sim: &maskline_sim::SimHandle, key: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    admin(
        sim,
        Method::PUT,
        &format!("/sim/admin/apps/{key}/callbacks"),
        Some(json!({"deliverDir":dir.path()})),
    )
    .await;
    dir
}

#[tokio::test]
async fn axyb_bind_and_query_match_privatenumber_axyb_0017_and_0019() {
    let sim = start().await;
    let c = Client::new(&sim, AXYB, Scheme::Aksk);
    let q = format!("?app_key={}", AXYB.0);
    let step1 = c
        .post(
            &format!("{AXYB_URI}{q}"),
            json!({"origNum":"+8613800000001","areaCode":"0755","callDirection":0,
                   "duration":7200,"ybDuration":0,"recordFlag":"true",
                   "recordHintTone":"recordHintTone.wav","preVoiceX":"x_hint_tone1.wav",
                   "userData":"abcdefg"}),
        )
        .await;
    let bind_page = fixture("privatenumber_axyb_0017-bind-response.json");
    assert_same_shape("AXYB bind, step 1", &bind_page, &step1);
    let id = step1["subscriptionId"].as_str().unwrap_or_default();
    let step2 = c
        .post(
            &format!("{AXYB_URI}{q}"),
            json!({"subscriptionId":id,"origNum":"+8613800000002","areaCode":"0755",
                   "preVoiceY":"y_hint_tone1.wav"}),
        )
        .await;
    assert_same_shape("AXYB bind, step 2", &bind_page, &step2);

    let query_page = fixture("privatenumber_axyb_0019-query-response.json");
    let by_id = c.get(&format!("{AXYB_URI}{q}&subscriptionId={id}")).await;
    assert_same_shape("AXYB query by subscriptionId", &query_page, &by_id);
    let x = step1["relationNumber"].as_str().unwrap_or_default();
    let by_x = c
        .get(&format!("{AXYB_URI}{q}&relationNum={}", esc(x)))
        .await;
    assert_same_shape("AXYB query by relationNum", &query_page, &by_x);
}

#[tokio::test]
async fn axe_bind_and_query_match_privatenumber_02_0022_and_0024() {
    let sim = start().await;
    let c = Client::new(&sim, AXE, Scheme::Aksk);
    let x = numbers_in(&sim, AXE.0, "010")[0].clone();

    // The page's request example, its masked numbers replaced by usable ones.
    let mut req = fixture("privatenumber_02_0022-bind-request.json");
    let page_req = req.clone();
    req["virtualNum"] = json!(x);
    req["bindNum"] = json!("+8613900008888");
    let mut diff = Vec::new();
    shape_diff(&page_req, &req, "$", &mut diff);
    assert!(diff.is_empty(), "only values replaced: {diff:?}");
    let bound = c.post(AXE_URI, req).await;
    assert_eq!(code(&bound), "0", "the page's request is accepted: {bound}");
    assert_same_shape(
        "AXE bind",
        &fixture("privatenumber_02_0022-bind-response.json"),
        &bound,
    );

    let r = ok(c
        .post(
            AXE_URI,
            json!({"bindNum":"+8613800000021","virtualNum":x,"displayNumMode":"0",
                   "recordFlag":"false","callbackTone":"callbackTone.wav","timeUnit":"1",
                   "bindExpiredTime":90,"callbackExpiredTime":30,"userData":"abcdefg"}),
        )
        .await);
    let id = r["subscriptionId"].as_str().unwrap_or_default();
    let q = c.get(&format!("{AXE_URI}?subscriptionId={id}")).await;
    assert_same_shape(
        "AXE query",
        &fixture("privatenumber_02_0024-query-response.json"),
        &q,
    );
    assert_eq!(q["timeUnit"], "1", "minutes as sent: {q}");
}

#[tokio::test]
async fn ax_bind_and_the_five_x_refusal_match_privatenumber_02_0011_and_faq_1011003() {
    let sim = start().await;
    let c = Client::new(&sim, AX, Scheme::Aksk);
    let page = fixture("privatenumber_02_0011-bind-response.json");
    let a = "+8613800000031";
    for _ in 0..5 {
        let r = c
            .post(
                AX_URI,
                json!({"origNum":a,"privateNumType":"mobile-virtual","areaCode":"010",
                       "areaMatchMode":"1"}),
            )
            .await;
        assert_same_shape("AX bind", &page, &r);
    }
    let refused = c
        .post(
            AX_URI,
            json!({"origNum":a,"privateNumType":"mobile-virtual","areaCode":"010",
                   "areaMatchMode":"1"}),
        )
        .await;
    let faq = fixture("pn_faq_1011003-ax-bind-error-response.json");
    assert_same_shape("AX bind, sixth X", &faq, &refused);
    assert_eq!(refused, faq, "code and text as the FAQ quotes them");
}

#[tokio::test]
async fn ax_unbind_matches_privatenumber_02_0012() {
    // The page's request example names the binding by origNum + privateNum (origNum is not
    // parsed); its answer is the fixture.
    let sim = start().await;
    let c = Client::new(&sim, AX, Scheme::Aksk);
    let page = fixture("privatenumber_02_0012-unbind-response.json");
    let bound = c
        .post(
            AX_URI,
            json!({"origNum":"+8613800007021","privateNumType":"mobile-virtual"}),
        )
        .await;
    let x = bound["privateNum"].as_str().unwrap_or_default().to_string();
    let r = c
        .delete(&format!(
            "{AX_URI}?origNum={}&privateNum={}",
            esc("+8613800007021"),
            esc(&x)
        ))
        .await;
    assert_same_shape("AX unbind", &page, &r);
    assert_eq!(r, page, "the example's code and text");
}

#[tokio::test]
async fn axe_pushes_match_privatenumber_01_0019_and_01_0017() {
    let sim = start().await;
    let c = Client::new(&sim, AXE, Scheme::Aksk);
    for i in 0..3 {
        ok(c.post(
            AXE_URI,
            json!({"bindNum":format!("+861380000004{i}"),"areaCode":"010",
                   "callbackNum":"+8613900000049","recordFlag":"true"}),
        )
        .await);
    }
    let dir = deliver_to_dir(&sim, AXE.0).await;
    sim.generate_calls(AXE.0, 40, 0).expect("calls");
    let bodies = written(dir.path()).await;
    let page = fixture("privatenumber_01_0019-callevent-disconnect.json");
    let disconnects: Vec<&Value> = bodies
        .iter()
        .filter(|b| b["eventType"] == "disconnect")
        .collect();
    assert!(!disconnects.is_empty(), "disconnect events are written");
    for d in disconnects {
        assert_same_shape("AXE disconnect event", &page, d);
    }
    let fees: Vec<Value> = bodies
        .iter()
        .filter(|b| b["eventType"] == "fee")
        .cloned()
        .collect();
    let complete = check_cdrs("AXE CDR", &fixture("privatenumber_01_0017-fee.json"), &fees);
    assert!(complete > 0, "some answered calls were recorded: {fees:?}");
}

#[tokio::test]
async fn axyb_pushes_match_privatenumber_01_0023() {
    let sim = start().await;
    let c = Client::new(&sim, AXYB, Scheme::Aksk);
    let q = format!("?app_key={}", AXYB.0);
    for i in 0..3 {
        let r = ok(c
            .post(
                &format!("{AXYB_URI}{q}"),
                json!({"origNum":format!("+861380000005{i}"),"areaCode":"0755","recordFlag":"true"}),
            )
            .await);
        ok(c.post(
            &format!("{AXYB_URI}{q}"),
            json!({"subscriptionId":r["subscriptionId"],"origNum":format!("+861390000005{i}"),"areaCode":"0755"}),
        )
        .await);
    }
    let dir = deliver_to_dir(&sim, AXYB.0).await;
    sim.generate_calls(AXYB.0, 40, 0).expect("calls");
    let bodies = written(dir.path()).await;
    let page = fixture("privatenumber_01_0023-callevent-disconnect.json");
    let disconnects: Vec<&Value> = bodies
        .iter()
        .filter(|b| b["eventType"] == "disconnect")
        .collect();
    assert!(!disconnects.is_empty(), "disconnect events are written");
    for d in disconnects {
        assert_same_shape("AXYB disconnect event", &page, d);
    }
    let fees: Vec<Value> = bodies
        .iter()
        .filter(|b| b["eventType"] == "fee")
        .cloned()
        .collect();
    let complete = check_cdrs(
        "AXYB CDR",
        &fixture("privatenumber_01_0023-fee.json"),
        &fees,
    );
    assert!(complete > 0, "some answered calls were recorded: {fees:?}");
}
