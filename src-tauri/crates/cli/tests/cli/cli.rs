//! Runs the real `maskline` binary.

use std::process::Command;

fn maskline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_maskline"))
}

#[test]
fn version_prints_the_crate_version() {
    let out = maskline().arg("--version").output().expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.trim(),
        format!("maskline {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn db_check_reports_healthy_and_damaged_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("maskline.db");
    maskline_services::DbManager::open(&path)
        .db()
        .expect("create a database");
    let out = maskline()
        .args(["db", "check", "--json", "--db"])
        .arg(&path)
        .output()
        .expect("run");
    assert!(out.status.success(), "healthy db must exit 0: {out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["healthy"], true);
    assert_eq!(v["schemaVersion"], maskline_store::MIGRATIONS.len());

    std::fs::write(&path, b"junk".repeat(2000)).expect("corrupt");
    let out = maskline()
        .args(["db", "check", "--db"])
        .arg(&path)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "damaged db must exit 1");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("damaged:"));
}

#[test]
fn db_check_on_a_missing_file_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = maskline()
        .args(["db", "check", "--db"])
        .arg(dir.path().join("nope.db"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("there is no database") && err.contains("没有数据库"),
        "{err}"
    );
    assert!(!dir.path().join("nope.db").exists(), "nothing is created");
}
