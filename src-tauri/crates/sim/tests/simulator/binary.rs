//! The `maskline-sim` binary: `gen-cdrs` output and `serve` printing its address.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_maskline-sim");

#[test]
fn gen_cdrs_writes_n_records_in_batches_of_at_most_50() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("cdrs.jsonl");
    let status = Command::new(BIN)
        .args(["gen-cdrs", "--count", "1234", "--seed", "5", "--out"])
        .arg(&out)
        .status()
        .expect("run gen-cdrs");
    assert!(status.success());
    let text = std::fs::read_to_string(&out).expect("output file");
    let mut total = 0;
    for line in text.lines() {
        let v: Value = serde_json::from_str(line).expect("every line is one JSON body");
        assert_eq!(v["eventType"], "fee");
        let list = v["feeLst"].as_array().expect("feeLst array");
        assert!(
            (1..=50).contains(&list.len()),
            "feeLst holds 1..=50 records"
        );
        for r in list {
            assert!(
                r["sessionId"].is_string() && r["callEndTime"].is_string(),
                "{r}"
            );
            assert!(
                r["ulFailReason"].is_i64(),
                "numeric fields are JSON numbers: {r}"
            );
        }
        total += list.len();
    }
    assert_eq!(total, 1234);
}

#[test]
fn serve_prints_the_address_it_listens_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(BIN)
        .args([
            "serve",
            "--port",
            "0",
            "--seed",
            "2",
            "--app",
            "k1:s1:AXB",
            "--data-dir",
        ])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn serve");
    let stdout = child.stdout.take().expect("stdout");
    let line = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find(|l| l.starts_with("listening on "));
    let _ = child.kill();
    let _ = child.wait();
    let line = line.expect("serve prints 'listening on URL'");
    assert!(line.starts_with("listening on http://127.0.0.1:"), "{line}");
}
