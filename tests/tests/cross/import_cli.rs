//! `maskline import` on bad days (issue 14 items 7 and 8): absurd `--batch` values are refused
//! by the argument parser, a file whose every record is rejected fails the command, Ctrl-C
//! stops cleanly with a message and the report, and a full disk (a real size-limited tmpfs)
//! names the file, says what was kept and still prints the `--json` result.

use crate::support::cli as cli_support;
use crate::support::small_disk;

use cli_support::{CliHome, count, integrity, show, wait_for};
use serde_json::Value;
use small_disk::SmallDisk;

fn cdr_file(home: &CliHome, name: &str, cdrs: u64) -> String {
    let file = home.dir.path().join(name);
    let f = std::fs::File::create(&file).expect("create the CDR file");
    maskline_sim::cdrgen::write_cdrs(f, cdrs, 7).expect("generate CDRs");
    file.to_str().expect("utf-8 temp path").to_string()
}

#[test]
fn batch_sizes_outside_the_range_are_refused_by_the_parser() {
    let home = CliHome::new("import-batch");
    let f = cdr_file(&home, "a.jsonl", 3);
    for bad in [
        "0",
        "100001",
        "18446744073709551615",
        "99999999999999999999",
    ] {
        let out = home.run(&["import", &f, "--batch", bad]);
        assert_eq!(out.status.code(), Some(2), "--batch {bad}: {}", show(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--batch"), "--batch {bad}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    assert!(!home.db.exists(), "nothing was opened or created");
    let v = home.json(&["import", &f, "--batch", "100000", "--json"]);
    assert_eq!(v["files"][0]["new"], 3, "{v}");
}

#[test]
fn a_file_whose_every_record_is_rejected_fails_the_command() {
    let home = CliHome::new("import-rejected");
    let bad = home.dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"eventType\":\"fee\",\"feeLst\":[{\"direction\":\"x\"}]}\nnot json\n",
    )
    .expect("write");
    let bad = bad.to_str().expect("utf-8");
    let out = home.run(&["import", bad]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("every record of this file was rejected")
            && text.contains("所有记录均被拒绝"),
        "{text}"
    );
    let out = home.run(&["import", bad, "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON result");
    assert_eq!(v["files"][0]["rejected"], 2, "{v}");
    // One good record next to the bad ones: something was imported, the command succeeds.
    let good = cdr_file(&home, "good.jsonl", 1);
    let mixed = home.dir.path().join("mixed.jsonl");
    let mut text = std::fs::read_to_string(&good).expect("read");
    text.push_str("not json\n");
    std::fs::write(
        &mixed,
        text.replace("\"sessionId\":\"", "\"sessionId\":\"m-"),
    )
    .expect("write");
    let out = home.run(&["import", mixed.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", show(&out));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_import_cleanly_with_a_message_and_the_report() {
    let home = CliHome::new("import-ctrl-c");
    let f = cdr_file(&home, "big.jsonl", 30_000);
    let mut child = home.spawn(&["import", &f, "--json", "--batch", "200"], "import");
    let conn = wait_for(&mut child, "the database exists", || {
        home.db.exists().then(|| home.sqlite())
    });
    wait_for(&mut child, "some batches committed", || {
        let n: i64 = conn
            .query_row("SELECT count(*) FROM calls", [], |r| r.get(0))
            .unwrap_or(0);
        (n >= 400).then_some(())
    });
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = child.wait().expect("the import ends");
    let stdout = std::fs::read_to_string(home.dir.path().join("import.stdout")).expect("stdout");
    let stderr = std::fs::read_to_string(home.dir.path().join("import.stderr")).expect("stderr");
    assert_eq!(status.code(), Some(130), "{status}\n{stdout}\n{stderr}");
    assert!(
        stderr.contains("stopped by Ctrl-C") && stderr.contains("已按 Ctrl-C 停止"),
        "{stderr}"
    );
    let v: Value = serde_json::from_str(stdout.trim()).expect("the JSON result is printed");
    assert_eq!(v["files"][0]["status"], "cancelled", "{v}");
    let kept = count(&conn, "SELECT count(*) FROM calls");
    assert_eq!(
        v["files"][0]["new"], kept,
        "the report counts what was kept"
    );
    assert!(kept < 30_000, "stopped before the end");
    drop(conn);
    assert_eq!(integrity(&home.db), "ok");
    // Importing again completes it.
    let v = home.json(&["import", &f, "--json"]);
    assert_eq!(v["files"][0]["new"].as_i64(), Some(30_000 - kept), "{v}");
}

#[cfg(unix)]
#[test]
fn a_full_disk_names_the_file_says_what_was_kept_and_prints_the_json_result() {
    let Some(disk) = SmallDisk::mount("import-disk-full", "3m") else {
        return;
    };
    let mut home = CliHome::new("import-disk-full");
    home.db = disk.path().join("maskline.db");
    let f = cdr_file(&home, "big.jsonl", 20_000);
    let later = cdr_file(&home, "later.jsonl", 5);
    let out = home.run(&["import", &f, &later, "--json", "--batch", "500"]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("a JSON result ({e}): {}", show(&out)));
    let first = &v["files"][0];
    assert_eq!(first["status"], "failed", "{v}");
    // `error` is a message in both languages: `{ "en": …, "zh": … }`.
    let why = format!(
        "{} / {}",
        first["error"]["en"].as_str().unwrap_or(""),
        first["error"]["zh"].as_str().unwrap_or("")
    );
    assert!(
        why.contains("the disk is full")
            && why.contains("磁盘已满")
            && why.contains("big.jsonl")
            && why.contains(&format!("Kept: {} new records", first["new"])),
        "{why}"
    );
    assert_eq!(v["files"][1]["status"], "failed", "{v}");
    assert!(
        v["files"][1]["error"]["en"]
            .as_str()
            .is_some_and(|e| e.contains("not read")),
        "{v}"
    );
    // What the report says was kept is what the database holds.
    let c = home.sqlite();
    assert_eq!(
        first["new"].as_i64(),
        Some(count(&c, "SELECT count(*) FROM calls")),
        "{v}"
    );
    drop(c);
    assert_eq!(integrity(&home.db), "ok");
    // Without --json the text names the file too.
    let out = home.run(&["import", &f]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("big.jsonl") && text.contains("Kept:"),
        "{}",
        show(&out)
    );
}

/// Issue 14 item 5 through the CLI: full-width digits find the call, a search without a digit
/// is refused with the bilingual message instead of listing every call.
#[test]
fn calls_list_searches_full_width_digits_and_refuses_a_search_without_digits() {
    let home = CliHome::new("calls-number");
    let f = cdr_file(&home, "a.jsonl", 50);
    home.json(&["import", &f, "--json"]);
    let all = home.json(&["calls", "list", "--json"]);
    let caller = all["page"]["rows"][0]["caller"]
        .as_str()
        .expect("a caller")
        .to_string();
    let wide: String = caller
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xff10).unwrap_or(c),
            '+' => '＋',
            other => other,
        })
        .collect();
    let ascii = home.json(&["calls", "list", "--json", "--number", &caller]);
    let full = home.json(&["calls", "list", "--json", "--number", &wide]);
    assert_eq!(ascii["total"], full["total"], "{wide}");
    assert!(
        ascii["total"]
            .as_u64()
            .is_some_and(|n| (1..50).contains(&n)),
        "{ascii}"
    );
    for text in ["abc", "' OR ''='", "一三八"] {
        let out = home.run(&["calls", "list", "--number", text]);
        assert_eq!(out.status.code(), Some(1), "{text}: {}", show(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("at least one digit") && err.contains("至少需要一位数字"),
            "{text}: {err}"
        );
        assert!(out.stdout.is_empty(), "nothing listed: {}", show(&out));
    }
}
