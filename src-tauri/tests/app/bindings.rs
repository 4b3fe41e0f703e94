//! Bindings, numbers and pools, bulk jobs and the audit trail through Tauri's IPC layer (no
//! window), against the simulator on 127.0.0.1:0.

use crate::support;

use std::time::{Duration, Instant};

use maskline_sim::{SimConfig, SimHandle, Simulator};
use serde_json::{Value, json};
use support::invoke;
use tauri::test::MockRuntime;

/// What the UI's `new Channel()` serializes to.
const CHANNEL: &str = "__CHANNEL__:1";

struct Env {
    _rt: tokio::runtime::Runtime,
    sim: SimHandle,
    _app: tauri::App<MockRuntime>,
    w: tauri::WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
}

/// A simulator on its own runtime, and the app with an AXB account pointing at it.
fn env() -> Env {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let sim = rt
        .block_on(Simulator::start(SimConfig {
            seed: 7,
            ..SimConfig::default()
        }))
        .expect("the simulator starts on 127.0.0.1:0");
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, w, _) = support::mock_app(dir.path());
    let draft = json!({
        "name": "sim", "mode": "AXB", "auth": "aksk", "baseUrl": sim.base_url(),
        "caCertPem": null, "rateLimit": 500, "appKey": "demo-axb-key", "appSecret": "demo-axb-secret"
    });
    let acc = invoke(&w, "account_add", json!({ "draft": draft })).expect("account_add");
    invoke(&w, "account_set_active", json!({ "id": acc["id"] })).expect("set active");
    Env {
        _rt: rt,
        sim,
        _app: app,
        w,
        _dir: dir,
    }
}

/// The simulator's X numbers of the AXB demo app, imported as typed numbers into pool "main".
fn add_numbers(e: &Env) -> Vec<String> {
    let xs: Vec<String> = e
        .sim
        .apps()
        .into_iter()
        .find(|a| a.key == "demo-axb-key")
        .expect("demo AXB app")
        .numbers
        .into_iter()
        .map(|n| n.number)
        .collect();
    let report = invoke(
        &e.w,
        "numbers_add",
        json!({ "numbers": xs, "city": "0755", "pool": "main" }),
    )
    .expect("numbers_add");
    assert_eq!(report["added"], xs.len(), "every X is new: {report}");
    xs
}

fn axb(a: &str, b: &str, scope: Value) -> Value {
    json!({
        "mode": "AXB", "a": a, "b": b, "x": null, "xScope": scope, "areaCode": null,
        "durationSecs": 3600, "direction": 0, "record": null, "recordHintTone": null, "userData": "t"
    })
}

fn list(w: &tauri::WebviewWindow<MockRuntime>, filter: Value) -> Value {
    invoke(w, "bindings_list", json!({ "filter": filter })).expect("bindings_list")
}

#[test]
fn bind_modify_unbind_and_the_cache_and_audit_follow() {
    let e = env();
    let xs = add_numbers(&e);
    let out = invoke(
        &e.w,
        "binding_bind",
        json!({ "form": axb("138 0013 8000", "13900139000", json!({"kind": "pool", "value": "main"})) }),
    )
    .expect("bind");
    let x = out["x"].as_str().expect("an X came back");
    assert!(xs.iter().any(|n| n == x), "X was chosen from the pool: {x}");
    let sub = out["subscriptionId"].clone();

    let page = list(&e.w, json!({ "number": "8000" }));
    assert_eq!(page["total"], 1, "the new binding is cached: {page}");
    assert_eq!(page["items"][0]["a"], "+8613800138000");
    assert_eq!(page["items"][0]["status"], "active");

    invoke(
        &e.w,
        "binding_modify",
        json!({ "form": { "mode": "AXB", "subscriptionId": sub, "a": null, "b": null,
            "durationSecs": 7200, "direction": null, "record": null, "userData": null } }),
    )
    .expect("modify");
    let page = list(&e.w, json!({}));
    assert_eq!(
        page["items"][0]["durationSecs"], 7200,
        "modify updates the cache"
    );

    // An AX form on an AXB account is refused before anything is sent.
    let err = invoke(
        &e.w,
        "binding_bind",
        json!({ "form": { "mode": "AX", "a": "13800138001", "x": null, "xScope": null, "areaCode": null,
            "direction": null, "record": null, "recordHintTone": null, "userData": null } }),
    )
    .expect_err("wrong mode");
    assert_eq!(err["code"], "invalidInput", "{err}");

    invoke(&e.w, "binding_unbind", json!({ "subscriptionId": sub })).expect("unbind");
    let page = list(&e.w, json!({ "status": "active" }));
    assert_eq!(
        page["total"], 0,
        "unbound bindings are no longer active: {page}"
    );

    let sync = invoke(&e.w, "bindings_sync", json!({})).expect("sync");
    assert!(sync["numbersQueried"].as_u64() >= Some(1), "{sync}");
    assert!(list(&e.w, json!({}))["lastSyncedAt"].is_string());

    let audit = invoke(
        &e.w,
        "audit_list",
        json!({ "action": null, "page": 1, "pageSize": 50 }),
    )
    .expect("audit");
    let actions: Vec<&str> = audit
        .as_array()
        .expect("array")
        .iter()
        .map(|a| a["action"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(actions, ["unbind", "modify", "bind"], "newest first");
    assert!(
        !audit.to_string().contains("13800138000"),
        "the audit keeps masked numbers only: {audit}"
    );
    let check = invoke(&e.w, "audit_verify", json!({})).expect("verify");
    assert_eq!(check["firstBroken"], Value::Null, "{check}");
    let out = e._dir.path().join("audit.csv");
    let exported = invoke(&e.w, "audit_export", json!({ "path": out })).expect("export");
    assert_eq!(
        (&exported["rows"], &exported["check"]["firstBroken"]),
        (&json!(3), &Value::Null),
        "{exported}"
    );
    let text = std::fs::read_to_string(&out).expect("the export is written");
    assert!(
        text.contains(",chain.check,") && !text.contains("13800138000"),
        "{text}"
    );
}

#[test]
fn numbers_pools_and_choose_x() {
    let e = env();
    let xs = add_numbers(&e);
    let stats = invoke(&e.w, "numbers_list", json!({})).expect("numbers_list");
    assert_eq!(stats.as_array().map(Vec::len), Some(xs.len()));
    assert_eq!(stats[0]["number"]["pool"], "main");
    assert_eq!(stats[0]["health"], "idle", "no binding, no call: idle");

    let chosen = invoke(
        &e.w,
        "numbers_choose_x",
        json!({ "scope": {"kind": "city", "value": "0755"}, "a": "13800138000", "b": null }),
    )
    .expect("choose");
    assert!(
        xs.iter().any(|n| Some(n.as_str()) == chosen.as_str()),
        "{chosen}"
    );
    let none = invoke(
        &e.w,
        "numbers_choose_x",
        json!({ "scope": {"kind": "city", "value": "0999"}, "a": "13800138000", "b": null }),
    )
    .expect("choose");
    assert_eq!(none, Value::Null, "no number in that city");
    let bad = invoke(
        &e.w,
        "numbers_choose_x",
        json!({ "scope": {"kind": "any"}, "a": "12345", "b": null }),
    )
    .expect_err("A is not a number");
    assert_eq!(bad["code"], "invalidInput");

    let ov = invoke(&e.w, "pools_overview", json!({})).expect("overview");
    assert_eq!(ov["mode"], "AXB");
    assert_eq!(ov["byPool"][0]["key"], "main");
    assert_eq!(ov["idle"].as_array().map(Vec::len), Some(xs.len()));
    let pools = invoke(&e.w, "pools_list", json!({})).expect("pools");
    assert_eq!(pools[0]["numbers"], xs.len());

    let file = e._dir.path().join("numbers.csv");
    std::fs::write(
        &file,
        "隐私号码,城市区号,运营商\n17000100999,010,移动\nnope,010,\n",
    )
    .expect("csv");
    let rep = invoke(
        &e.w,
        "numbers_import",
        json!({ "path": file, "pool": null }),
    )
    .expect("import");
    assert_eq!(
        (rep["added"].as_u64(), rep["errors"][0]["row"].as_u64()),
        (Some(1), Some(3))
    );
}

#[test]
fn bulk_job_runs_with_progress_and_exports() {
    let e = env();
    add_numbers(&e);
    let csv = e._dir.path().join("bind.csv");
    let mut body = String::from("A号码 A,B号码 B\n");
    for i in 0..20 {
        body.push_str(&format!("1380000{i:04},1390000{i:04}\n"));
    }
    body.push_str("123,13900000000\n");
    std::fs::write(&csv, body).expect("csv");

    let preview = invoke(&e.w, "bulk_preview", json!({ "path": csv })).expect("preview");
    assert_eq!(preview[0], json!(["A号码 A", "B号码 B"]));
    assert_eq!(preview[1]["columns"].as_array().map(Vec::len), Some(2));
    let fields = invoke(
        &e.w,
        "bulk_fields",
        json!({ "kind": "bind", "mode": "AXB" }),
    )
    .expect("fields");
    assert_eq!(fields[0], json!(["a", "b"]));

    let args = json!({ "kind": "bind", "path": csv, "mapping": null,
        "xScope": {"kind": "pool", "value": "main"} });
    let dry = invoke(&e.w, "bulk_dry_run", args.clone()).expect("dry run");
    assert_eq!(
        (dry["valid"].as_u64(), dry["invalid"].as_u64()),
        (Some(20), Some(1))
    );
    assert_eq!(dry["issues"][0]["error"]["row"], 22);
    assert_eq!(
        invoke(&e.w, "bulk_list", json!({})).expect("list"),
        json!([]),
        "a dry run stores nothing"
    );

    let created = invoke(&e.w, "bulk_create", args).expect("create");
    let job = created[0].clone();
    invoke(
        &e.w,
        "bulk_start",
        json!({ "jobId": job, "onProgress": CHANNEL }),
    )
    .expect("start");
    let deadline = Instant::now() + Duration::from_secs(30);
    let summary = loop {
        let s = invoke(&e.w, "bulk_get", json!({ "jobId": job })).expect("get");
        if s["progress"]["state"] == "done" {
            break s;
        }
        assert!(Instant::now() < deadline, "the job finishes: {s}");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(summary["progress"]["ok"], 20, "{summary}");
    let pause = invoke(&e.w, "bulk_pause", json!({ "jobId": 9999 })).expect_err("no such job");
    assert_eq!(pause["code"], "notFound");

    let failed = invoke(
        &e.w,
        "bulk_results",
        json!({ "jobId": job, "rowState": "invalid", "page": 1, "pageSize": 10 }),
    )
    .expect("results");
    assert_eq!(failed[0]["row"], 22);
    assert_eq!(
        invoke(&e.w, "bulk_retry_failed", json!({ "jobId": job })),
        Ok(json!(0))
    );
    let out = e._dir.path().join("results.xlsx");
    assert_eq!(
        invoke(
            &e.w,
            "bulk_export",
            json!({ "jobId": job, "path": out, "unmask": false })
        ),
        Ok(json!(21))
    );
    let tpl = e._dir.path().join("template.csv");
    invoke(
        &e.w,
        "bulk_template",
        json!({ "kind": "bind", "mode": "AXB", "lang": "zh-CN", "path": tpl }),
    )
    .expect("template");
    let text = std::fs::read_to_string(&tpl).expect("template written");
    assert!(text.contains("A号码"), "{text}");
    assert_eq!(list(&e.w, json!({ "status": "active" }))["total"], 20);
}
