//! `maskline recordings …` on a real (empty) database: the commands exist, speak JSON and
//! exit as scripts expect. Fetching against the simulator is covered by the services tests.

use std::process::Command;

fn maskline(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_maskline"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env("MASKLINE_KEYRING_SERVICE", "maskline-cli-test-recordings")
        .output()
        .expect("run maskline")
}

#[test]
fn recordings_commands_on_an_empty_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("maskline.db");
    // Listing only reads: it does not create a database that is not there.
    let out = maskline(&db, &["recordings", "list", "--json"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(!db.exists());

    // Fetching writes, so it creates the database.
    let out = maskline(
        &db,
        &["recordings", "fetch", "--json", "--since", "2024-03-01"],
    );
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        (v["total"].as_u64(), v["cancelled"].as_bool()),
        (Some(0), Some(false))
    );

    let out = maskline(&db, &["recordings", "list", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["total"], 0);

    let out = maskline(&db, &["recordings", "status", "42"]);
    assert_eq!(out.status.code(), Some(1), "unknown call");
    assert!(String::from_utf8_lossy(&out.stderr).contains("import"));

    let out = maskline(&db, &["recordings", "list", "--state", "lost"]);
    assert_eq!(out.status.code(), Some(2), "invalid argument");
    let out = maskline(&db, &["recordings", "fetch", "--since", "yesterday"]);
    assert_eq!(out.status.code(), Some(2), "invalid date");
}
