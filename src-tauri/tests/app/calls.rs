//! Import, Calls page and export commands through Tauri's IPC layer (no window).

use crate::support;

use serde_json::{Value, json};
use support::invoke;

/// What the UI's `new Channel()` serializes to.
const CHANNEL: &str = "__CHANNEL__:1";

fn app(dir: &std::path::Path) -> (tauri::App<tauri::test::MockRuntime>, support::Webview) {
    let (app, w, _) = support::mock_app(dir);
    (app, w)
}

/// One CDR: `n` makes the session and the caller's last digits unique.
fn cdr(n: u32, answered: bool) -> String {
    let answer = if answered {
        r#""fwdAnswerTime":"2024-03-01 10:00:10","#
    } else {
        ""
    };
    let ul = if answered { 0 } else { 7503 };
    format!(
        r#"{{"direction":0,"appKey":"k","bindNum":"+8617000000001","sessionId":"s-{n}","subscriptionId":"sub-{n}","callerNum":"+861380013{n:04}","calleeNum":"+8617000000001","fwdDstNum":"+8618600000002","callInTime":"2024-03-01 10:{m:02}:00","fwdAlertingTime":"2024-03-01 10:{m:02}:03",{answer}"callEndTime":"2024-03-01 10:{m:02}:50","ulFailReason":{ul},"fwdUnaswRsn":0,"sipStatusCode":0,"recordFlag":0}}"#,
        m = n % 60
    )
}

/// A folder with two CDR files (5 calls, 2 answered) and one bad line.
fn folder(dir: &std::path::Path) -> std::path::PathBuf {
    let cdrs = dir.join("cdrs");
    std::fs::create_dir_all(&cdrs).expect("mkdir");
    let body = |v: Vec<String>| format!(r#"{{"eventType":"fee","feeLst":[{}]}}"#, v.join(","));
    std::fs::write(
        cdrs.join("a.json"),
        body(vec![cdr(1, true), cdr(2, false), cdr(3, false)]),
    )
    .expect("write a");
    let lines = [
        body(vec![cdr(4, true)]),
        "{not json".into(),
        body(vec![cdr(5, false)]),
    ];
    std::fs::write(cdrs.join("b.jsonl"), lines.join("\n")).expect("write b");
    cdrs
}

#[test]
fn import_a_folder_then_page_filter_and_open_a_call() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_app, w) = app(dir.path());
    let cdrs = folder(dir.path());
    let reports = invoke(
        &w,
        "import_start",
        json!({"paths": [cdrs.display().to_string()], "onProgress": CHANNEL}),
    )
    .expect("import_start");
    let reports = reports.as_array().expect("one report per file");
    assert_eq!(reports.len(), 2, "both files of the folder are read");
    let total = |f: &str| {
        reports
            .iter()
            .map(|r| r[f].as_u64().unwrap_or(0))
            .sum::<u64>()
    };
    assert_eq!(total("new"), 5, "five calls are new: {reports:?}");
    assert_eq!(
        total("rejected"),
        1,
        "the bad line is rejected: {reports:?}"
    );
    assert_eq!(
        reports[1]["errors"][0]["line"], 2,
        "the error names its line"
    );

    let again = invoke(
        &w,
        "import_start",
        json!({"paths": [cdrs.display().to_string()], "onProgress": CHANNEL}),
    )
    .expect("re-import");
    let dup: u64 = again
        .as_array()
        .expect("reports")
        .iter()
        .map(|r| r["duplicate"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(dup, 5, "re-importing is a no-op");

    let page = invoke(
        &w,
        "calls_page",
        json!({"request": {"filter": {}, "sort": {"column": "startTime", "descending": true}, "page": 0, "pageSize": 2}}),
    )
    .expect("calls_page");
    assert_eq!(
        page["rows"].as_array().map(Vec::len),
        Some(2),
        "a page of two"
    );
    assert_eq!(page["hasMore"], true);
    assert_eq!(page["rows"][0]["caller"], "+8613800130005", "newest first");

    let last4 = invoke(
        &w,
        "calls_page",
        json!({"request": {"filter": {"number": "0004"}}}),
    )
    .expect("last digits");
    assert_eq!(last4["numberMatch"], "lastDigits");
    assert_eq!(last4["rows"].as_array().map(Vec::len), Some(1));
    let id = last4["rows"][0]["id"].clone();

    let answered = invoke(&w, "calls_count", json!({"filter": {"answered": true}}));
    assert_eq!(answered, Ok(json!(2)), "two answered calls");
    let by_app = |k: &str| invoke(&w, "calls_count", json!({"filter": {"appKey": k}}));
    assert_eq!(by_app("k"), Ok(json!(5)), "the account's calls");
    assert_eq!(
        by_app("another-app"),
        Ok(json!(0)),
        "no calls of another account"
    );

    let detail = invoke(&w, "call_detail", json!({"id": id})).expect("call_detail");
    assert_eq!(detail["row"]["answered"], true);
    assert!(
        detail["explanation"]["zh"]
            .as_str()
            .is_some_and(|s| !s.is_empty())
            && detail["explanation"]["en"]
                .as_str()
                .is_some_and(|s| !s.is_empty()),
        "the explanation comes in both languages: {detail}"
    );
    let missing = invoke(&w, "call_detail", json!({"id": 999_999})).expect_err("no such call");
    assert_eq!(missing["code"], "notFound");

    let stats = invoke(
        &w,
        "calls_stats",
        json!({"request": {"filter": {}, "bucket": "hour", "utcOffsetMinutes": 480, "topN": 5}}),
    )
    .expect("calls_stats");
    assert_eq!(stats["calls"], 5);
    assert_eq!(stats["answered"], 2);
}

#[test]
fn export_writes_masked_csv_with_a_bom() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_app, w) = app(dir.path());
    let cdrs = folder(dir.path());
    invoke(
        &w,
        "import_start",
        json!({"paths": [cdrs.display().to_string()], "onProgress": CHANNEL}),
    )
    .expect("import");
    let out = dir.path().join("calls.csv");
    let report = invoke(
        &w,
        "calls_export",
        json!({"request": {"filter": {"answered": false}, "format": "csv", "path": out.display().to_string(),
               "unmask": false, "utcOffsetMinutes": 480, "language": "zh-CN"}, "onProgress": CHANNEL}),
    )
    .expect("calls_export");
    assert_eq!(report["rows"], 3, "the three unanswered calls");
    let bytes = std::fs::read(&out).expect("exported file");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(
        text.contains("开始时间 (UTC+08:00)"),
        "Chinese header with the zone: {text}"
    );
    assert!(
        text.contains("+86 138****0002"),
        "numbers are masked: {text}"
    );
    assert!(!text.contains("13800130002"), "no full number: {text}");
}

#[test]
fn cancelling_without_a_job_is_harmless() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_app, w) = app(dir.path());
    assert_eq!(invoke(&w, "import_cancel", json!({})), Ok(Value::Null));
    assert_eq!(
        invoke(&w, "calls_export_cancel", json!({})),
        Ok(Value::Null)
    );
    let missing = invoke(
        &w,
        "import_start",
        json!({"paths": [dir.path().join("nope.json").display().to_string()], "onProgress": CHANNEL}),
    )
    .expect_err("a missing path is refused");
    assert_eq!(missing["code"], "notFound");
    // The failed job freed its slot: the next import starts.
    let cdrs = folder(dir.path());
    invoke(
        &w,
        "import_start",
        json!({"paths": [cdrs.display().to_string()], "onProgress": CHANNEL}),
    )
    .expect("a later import runs");
}
