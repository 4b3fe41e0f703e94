//! `maskline recordings …` on a real (empty) database: the commands exist, speak JSON and
//! exit as scripts expect. Fetching against the simulator is covered by the services tests;
//! here, that `maskline import` fetches the new calls' recordings as the app does.

use crate::support as bind_support;

use std::process::Command;
use std::time::{Duration, Instant};

use bind_support::{Cli, keyring_available, show};
use maskline_sim::SimConfig;

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

/// `maskline import` is followed by the recordings fetch, as an import in the app or the watch
/// folder is: the simulator's recorded calls are downloaded into `recordings/` beside the
/// database without a separate `maskline recordings fetch`.
#[test]
fn import_fetches_the_new_calls_recordings_from_the_simulator() {
    if !keyring_available("import_fetches_the_new_calls_recordings_from_the_simulator") {
        return;
    }
    let cdrs = tempfile::tempdir().expect("cdr dir");
    let mut apps = maskline_sim::config::demo_apps();
    for a in &mut apps {
        a.deliver_dir = Some(cdrs.path().to_path_buf());
    }
    let cli = Cli::start_with(
        "import-fetch",
        SimConfig {
            seed: 7,
            apps,
            ..SimConfig::default()
        },
    );
    cli.add_account("axb");
    for i in 0..2 {
        let x = cli.x("axb", i);
        cli.json(&[
            "bind",
            "axb",
            "--caller",
            &format!("+86138001380{i:02}"),
            "--callee",
            &format!("+86139001390{i:02}"),
            "--x",
            &x,
            "--record",
            "--record-hint-tone",
            "notice.wav",
            "--json",
        ]);
    }
    let calls = cli
        .sim
        .generate_calls("demo-axb-key", 20, 0)
        .expect("calls");
    let recorded = calls
        .iter()
        .filter(|c| c.record_object_name.is_some())
        .count();
    assert!(recorded > 0, "the simulator recorded some calls: {calls:?}");
    let started = Instant::now();
    while !std::fs::read_dir(cdrs.path())
        .expect("read the CDR folder")
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().ends_with("-fee.json"))
    {
        assert!(started.elapsed() < Duration::from_secs(60), "no CDR file");
        std::thread::sleep(Duration::from_millis(20));
    }
    let folder = cdrs.path().to_str().expect("utf-8 path");
    let out = cli.json(&["import", folder, "--json"]);
    let rec = &out["recordings"];
    assert_eq!(rec["fetched"], recorded, "{out}");
    assert_eq!(rec["failed"], 0, "{out}");
    let listed = cli.json(&["recordings", "list", "--state", "fetched", "--json"]);
    assert_eq!(listed["total"], recorded, "{listed}");
    let dir = cli.db().parent().expect("data dir").join("recordings");
    let files = std::fs::read_dir(&dir)
        .expect("the recordings folder")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".wav"))
        .count();
    assert_eq!(
        files, recorded,
        "one audio file per recorded call in {dir:?}"
    );
    // Importing the same files again brings nothing new: no fetch, and the JSON says so.
    let again = cli.json(&["import", folder, "--json"]);
    assert!(again["recordings"].is_null(), "{again}");
}

/// Two imports into one database take turns: the second waits (saying so) while the first
/// holds the import lock, then imports. Waiting, not refusing, because an import is
/// idempotent and a script or scheduled task that overlaps another import expects its files
/// to be imported, not a failure to retry.
#[test]
fn a_second_import_into_the_same_database_waits_for_the_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("maskline.db");
    let file = dir.path().join("cdrs.jsonl");
    let f = std::fs::File::create(&file).expect("create the CDR file");
    maskline_sim::cdrgen::write_cdrs(f, 50, 7).expect("generate CDRs");
    // The first import: another process holding the lock, here this test.
    let first =
        maskline_services::import::ImportLock::acquire(&db, || panic!("no other import runs"))
            .expect("lock");
    let mut second = Command::new(env!("CARGO_BIN_EXE_maskline"))
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&file)
        .arg("--json")
        .env("MASKLINE_KEYRING_SERVICE", "maskline-cli-test-import-lock")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        second.try_wait().expect("poll").is_none(),
        "the second import must wait while the first runs"
    );
    drop(first);
    let out = second.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", show(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("another import into") && stderr.contains("另一个导入"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["files"][0]["new"], 50, "{v}");
}
