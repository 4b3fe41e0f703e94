//! Import of every documented payload shape, broken files and re-imports, on a real database.

mod cancel;
mod walk;
mod watch;

use crate::support::import as support;

use maskline_domain::calls::{CallFilter, CallPageRequest};
use maskline_domain::explain::CallOutcome;
use maskline_domain::import::ImportStatus;
use maskline_services::calls;
use support::*;

#[test]
fn the_real_cdr_sample_imports_once_and_reimports_as_duplicate() {
    let (dir, m) = manager();
    let f = write(dir.path(), "real.json", REAL_CDR);
    let r = import_one(&m, &f);
    assert_eq!(counts(&r), (1, 0, 0), "{r:?}");
    assert_eq!(r.status, ImportStatus::Done);
    assert_eq!(
        counts(&import_one(&m, &f)),
        (0, 1, 0),
        "re-importing is a no-op"
    );
    let page = calls::page(&m, &CallPageRequest::default()).expect("page");
    assert_eq!(page.rows.len(), 1);
    let row = &page.rows[0];
    assert_eq!(row.start_time, 1_652_419_497, "2022-05-13 05:24:57 is UTC");
    assert_eq!(
        (row.talk_seconds, row.answered, row.has_recording),
        (23, true, true)
    );
    assert_eq!(row.callee, "+8618605222935", "the real callee is fwdDstNum");
    let d = calls::get(&m, row.id).expect("detail");
    assert_eq!(d.explanation.outcome, CallOutcome::Answered);
    assert!(d.explanation.en.contains("23 s") && d.explanation.zh.contains("23 秒"));
}

#[test]
fn call_events_import_and_form_the_timeline_of_their_call() {
    let (dir, m) = manager();
    let s = "sess-42";
    let ev = |kind: &str, t: &str, extra: &str| {
        format!(
            r#"{{"eventType":"{kind}","statusInfo":{{"sessionId":"{s}","timestamp":"2024-03-01 10:00:{t}","caller":"+8613800138000","called":"+8617000000001"{extra}}}}}"#
        )
    };
    let lines = [
        DISCONNECT_EVENT.replace('\n', ""),
        ev("callin", "00", ""),
        ev("callout", "01", ""),
        ev("alerting", "03", ""),
        ev(
            "disconnect",
            "30",
            r#","stateCode":7503,"stateDesc":"The callee rejects the call.""#,
        ),
        body(&[cdr(s, "+8613800138000", false, 0, 16)]),
    ];
    let f = write(dir.path(), "events.jsonl", lines.join("\n"));
    assert_eq!(counts(&import_one(&m, &f)), (6, 0, 0));
    let page = calls::page(&m, &CallPageRequest::default()).expect("page");
    assert_eq!(page.rows.len(), 1, "events alone do not make calls");
    let d = calls::get(&m, page.rows[0].id).expect("detail");
    let kinds: Vec<_> = d.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["callin", "callout", "alerting", "disconnect"]);
    assert_eq!(
        d.explanation.outcome,
        CallOutcome::CalleeRejected,
        "cause 16 alone is not trusted: the disconnect event's stateCode 7503 decides"
    );
    assert_eq!(
        page.rows[0].outcome,
        CallOutcome::CalleeRejected,
        "the list agrees"
    );
}

#[test]
fn malformed_and_truncated_records_are_rejected_with_their_place_and_the_rest_kept() {
    let (dir, m) = manager();
    let good = body(&[
        cdr("a", "+8613800138000", true, 0, 0),
        cdr("b", "+8613900139000", false, 8102, 17),
    ]);
    let bad_time = body(&[cdr("c", "+8613800138001", true, 0, 0)
        .replace("2024-03-01 10:00:00", "2024-02-30 10:00:00")]);
    let lines = [
        good.as_str(),
        r#"{"eventType":"fee","feeLst":[{"direction":1,}]}"#,
        bad_time.as_str(),
        "not json at all",
        r#"{"eventType":"fee","feeLst":[{"direction":1,"bindNum":"+8617000000001""#,
    ];
    let f = write(dir.path(), "broken.jsonl", lines.join("\n"));
    let r = import_one(&m, &f);
    assert_eq!(counts(&r), (2, 0, 4), "{:#?}", r.errors);
    let at: Vec<_> = r
        .errors
        .iter()
        .map(|e| (e.line, e.at.as_str(), e.field.as_deref()))
        .collect();
    assert_eq!(
        at,
        [
            (2, "", None),
            (3, "feeLst[0]", Some("callInTime")),
            (4, "", None),
            (5, "", None)
        ]
    );
    assert!(
        r.errors[0].reason.to_string().contains("column"),
        "JSON syntax error: {}",
        r.errors[0].reason
    );
    assert!(
        r.errors[1].reason.to_string().contains("not a valid date"),
        "{}",
        r.errors[1].reason
    );
    assert!(
        r.errors[2].reason.to_string().contains("not JSON"),
        "{}",
        r.errors[2].reason
    );
    assert!(
        r.errors[3].reason.to_string().contains("truncated"),
        "{}",
        r.errors[3].reason
    );
}

#[test]
fn bom_arrays_pretty_bodies_and_bare_records_are_accepted() {
    let (dir, m) = manager();
    let array = format!(
        "\u{feff}[\n{},\n{}\n]",
        body(&[cdr("a", "+8613800138000", true, 0, 0)]),
        cdr("b", "+8613800138000", true, 0, 0)
    );
    let f = write(dir.path(), "array.json", array);
    assert_eq!(counts(&import_one(&m, &f)), (2, 0, 0));
    let pretty = format!("\u{feff}{}", REAL_CDR.replace(',', ",\n  "));
    let f = write(dir.path(), "pretty.json", pretty);
    assert_eq!(counts(&import_one(&m, &f)), (1, 0, 0));
    let twice = format!(
        "{}\n{}",
        body(&[cdr("c", "+8613800138000", true, 0, 0)]),
        body(&[cdr("c", "+8613800138000", true, 0, 0)])
    );
    let f = write(dir.path(), "twice.jsonl", twice);
    assert_eq!(
        counts(&import_one(&m, &f)),
        (1, 1, 0),
        "a duplicate inside one file"
    );
}

#[test]
fn gzip_files_import_and_a_cut_off_gzip_keeps_what_was_complete() {
    let (dir, m) = manager();
    let data = sim_cdrs(500, 3);
    let f = write(dir.path(), "cdrs.jsonl.gz", gzip(&data));
    assert_eq!(counts(&import_one(&m, &f)), (500, 0, 0));
    let (dir2, m2) = manager();
    let mut cut = gzip(&data);
    let second = gzip(&sim_cdrs(100, 4));
    cut.extend_from_slice(&second[..second.len() / 2]);
    let f = write(dir2.path(), "cut.gz", cut);
    let r = import_one(&m2, &f);
    assert_eq!(r.status, ImportStatus::Failed);
    assert_eq!(r.new, 500, "the complete first member is kept");
    assert!(
        r.error
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default()
            .contains("gzip"),
        "{:?}",
        r.error
    );
}

#[test]
fn other_encodings_are_refused_or_rejected_clearly() {
    let (dir, m) = manager();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(REAL_CDR.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let r = import_one(&m, &write(dir.path(), "utf16.json", utf16));
    assert_eq!((r.status, counts(&r)), (ImportStatus::Failed, (0, 0, 0)));
    assert!(
        r.error
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default()
            .contains("UTF-16"),
        "{:?}",
        r.error
    );
    let mut gbk = body(&[cdr("g", "+8613800138000", true, 0, 0)]).into_bytes();
    let pos = gbk
        .windows(4)
        .position(|w| w == b"\"sp\"")
        .expect("spId value");
    gbk.splice(pos + 1..pos + 3, [0xD6, 0xD0, 0xCE, 0xC4]); // "中文" in GBK
    let mut file = body(&[cdr("ok", "+8613800138000", true, 0, 0)]).into_bytes();
    file.push(b'\n');
    file.extend_from_slice(&gbk);
    let r = import_one(&m, &write(dir.path(), "gbk.jsonl", file));
    assert_eq!(counts(&r), (1, 0, 1));
    assert_eq!(r.errors[0].line, 2);
    assert!(
        r.errors[0].reason.to_string().contains("UTF-8"),
        "{}",
        r.errors[0].reason
    );
}

#[test]
fn a_folder_with_mixed_files_imports_each_supported_file() {
    let (dir, m) = manager();
    let sub = dir.path().join("cdrs/2024");
    std::fs::create_dir_all(&sub).expect("mkdir");
    write(&sub, "a.json", REAL_CDR);
    write(&sub, "b.jsonl.gz", gzip(&sim_cdrs(120, 1)));
    write(
        &sub,
        "c.jsonl",
        format!(
            "{}\n{}",
            DISCONNECT_EVENT.replace('\n', ""),
            body(&[cdr("x", "+8613800138000", false, 8101, 19)])
        ),
    );
    write(&sub, "notes.md", "not imported");
    let reports = import(&m, &[dir.path().join("cdrs")]);
    let got: Vec<_> = reports
        .iter()
        .map(|r| {
            (
                // The file name whatever the OS's separator (Windows reports `cdrs\sub\a.csv`).
                std::path::Path::new(&r.path)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                counts(r),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("a.json".to_string(), (1, 0, 0)),
            ("b.jsonl.gz".into(), (120, 0, 0)),
            ("c.jsonl".into(), (2, 0, 0))
        ]
    );
    assert_eq!(
        calls::count(&m, &CallFilter::default()).expect("count"),
        122
    );
}

#[test]
fn a_database_failure_mid_import_keeps_the_committed_batches_and_marks_the_file_failed() {
    let (dir, m) = manager();
    // 3 batches of 2: the third batch holds the caller the database refuses.
    let lines: Vec<String> = (0..6)
        .map(|i| {
            let caller = if i == 4 {
                "+8613900000666".to_string()
            } else {
                format!("+861390000010{i}")
            };
            body(&[cdr(&format!("s-{i}"), &caller, true, 0, 0)])
        })
        .collect();
    let f = write(dir.path(), "cdrs.jsonl", lines.join("\n"));
    {
        let d = m.db().expect("db");
        d.conn()
            .expect("conn")
            .execute_batch(
                "CREATE TRIGGER refuse BEFORE INSERT ON calls WHEN NEW.caller = '+8613900000666'
                 BEGIN SELECT RAISE(ABORT, 'disk said no'); END;",
            )
            .expect("trigger");
    }
    let after = write(
        dir.path(),
        "after.jsonl",
        body(&[cdr("t", "+8613900000777", true, 0, 0)]),
    );
    let reports = maskline_services::import::import_paths(
        &m,
        &[f, after],
        &maskline_services::import::ImportOptions { batch_size: 2 },
        &std::sync::atomic::AtomicBool::new(false),
        &mut |_| {},
    )
    .expect("a store failure that is not damage is reported per file");
    assert_eq!(reports.len(), 2, "{reports:?}");
    let r = &reports[0];
    assert_eq!((r.status, r.new), (ImportStatus::Failed, 4));
    let why = r
        .error
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(
        why.contains("disk said no")
            && why.contains("cdrs.jsonl")
            && why.contains("Kept: 4 new records")
            && why.contains("已保存:本文件 4 条新记录"),
        "names the file and what was kept: {why}"
    );
    assert_eq!(reports[1].status, ImportStatus::Failed);
    assert!(
        reports[1]
            .error
            .as_ref()
            .map(ToString::to_string)
            .is_some_and(|e| e.contains("not read") && e.contains("未读取")),
        "{:?}",
        reports[1]
    );
    let d = m.db().expect("db");
    let conn = d.conn().expect("conn");
    let rows = maskline_store::imports::recent(&conn, 5).expect("history");
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].status, "failed",
        "not left 'running': {:?}",
        rows[0]
    );
    assert_eq!(
        rows[0].new, 4,
        "the two committed batches are counted and kept"
    );
    let kept: i64 = conn
        .query_row("SELECT count(*) FROM calls", [], |r| r.get(0))
        .expect("count");
    assert_eq!(
        kept, 4,
        "committed batches stay; the failed batch is rolled back"
    );
}

/// Issue 14 item 6: a start after its end, a start decades before its end and a caller that is
/// not a number are rejected in the file's report with the field; the sound record is kept.
#[test]
fn cdrs_without_sense_are_rejected_in_the_report_with_their_field() {
    let (dir, m) = manager();
    let good = cdr("ok", "+8613800138000", true, 0, 0);
    let after = cdr("after", "+8613800138001", true, 0, 0).replace(
        "\"callInTime\":\"2024-03-01 10:00:00\"",
        "\"callInTime\":\"2024-03-01 11:00:00\"",
    );
    let decades = cdr("decades", "+8613800138002", true, 0, 0).replace(
        "\"callInTime\":\"2024-03-01 10:00:00\"",
        "\"callInTime\":\"1970-01-01 00:00:00\"",
    );
    let caller = cdr("caller", "abc-not-a-number", true, 0, 0);
    let f = write(
        dir.path(),
        "mixed.jsonl",
        [good, after, decades, caller].join("\n"),
    );
    let r = import_one(&m, &f);
    assert_eq!(counts(&r), (1, 0, 3), "{r:?}");
    let fields: Vec<(u64, Option<&str>)> = r
        .errors
        .iter()
        .map(|i| (i.line, i.field.as_deref()))
        .collect();
    assert_eq!(
        fields,
        [
            (2, Some("callInTime")),
            (3, Some("callInTime")),
            (4, Some("callerNum"))
        ],
        "{:?}",
        r.errors
    );
}
