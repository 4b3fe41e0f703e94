//! Crash safety (issue 8, item 4): the real `maskline` CLI is SIGKILLed in the middle of a
//! large CDR import, of a bulk bind job and of a recording download, at a point chosen by watching its progress in the
//! database (never by sleeping). Then, as after a power cut: the database passes
//! `PRAGMA integrity_check`, nothing that was committed is gone, nothing is doubled, and
//! running the same command again finishes the work with exactly the expected totals.
//!
//! The third kill point is a recording download (`maskline recordings fetch`), killed while a
//! file is half written.

use crate::support::cli as cli_support;
use crate::support::sim as common;

use std::collections::{BTreeMap, BTreeSet};

use cli_support::{CliHome, count, integrity, keyring_available, kill9, wait_for};
use maskline_sim::SimConfig;
use serde_json::{Value, json};

/// Calls in the import test: ~39 MB of JSON Lines, big enough for the importer's bulk path
/// (secondary indexes dropped while loading, rebuilt at the end) and for many batches.
const CDRS: i64 = 45_000;
const BATCH: i64 = 1_000;

/// The secondary indexes of `calls` that a bulk import drops and must rebuild.
const CALL_INDEXES: [&str; 5] = [
    "calls_by_time",
    "calls_by_answered",
    "calls_by_outcome",
    "calls_by_x",
    "calls_by_subscription",
];

fn indexes_present(c: &rusqlite::Connection) -> usize {
    CALL_INDEXES
        .iter()
        .filter(|name| {
            count(
                c,
                &format!(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '{name}'"
                ),
            ) == 1
        })
        .count()
}

#[test]
fn sigkill_during_a_large_cdr_import_loses_nothing_and_a_second_import_completes_it() {
    let home = CliHome::new("import");
    let file = home.dir.path().join("cdrs.jsonl");
    let f = std::fs::File::create(&file).expect("create the CDR file");
    maskline_sim::cdrgen::write_cdrs(f, CDRS as u64, 11).expect("generate CDRs");
    let path = file.to_str().expect("utf-8 temp path");
    let batch = BATCH.to_string();

    let mut child = home.spawn(&["import", path, "--json", "--batch", &batch], "import-1");
    // The kill point: a quarter of the file committed (read by another connection, so it is
    // what a crash must keep), well before the end.
    let conn = wait_for(&mut child, "the database exists", || {
        home.db.exists().then(|| home.sqlite())
    });
    let committed = wait_for(&mut child, "a quarter of the calls committed", || {
        conn.query_row("SELECT count(*) FROM calls", [], |r| r.get::<_, i64>(0))
            .ok()
            .filter(|n| *n >= CDRS / 4)
    });
    kill9(&mut child);
    drop(conn);

    assert_eq!(
        integrity(&home.db),
        "ok",
        "a SIGKILL mid-import must leave a sound database (WAL replayed by the next opener)"
    );
    let c = home.sqlite();
    let survived = count(&c, "SELECT count(*) FROM calls");
    assert!(
        survived >= committed,
        "every batch seen committed before the kill survives it ({survived} < {committed})"
    );
    assert!(
        survived < CDRS,
        "the kill landed mid-import ({survived} of {CDRS} calls were in), so the test proves something"
    );
    assert_eq!(
        survived % BATCH,
        0,
        "only whole batches are committed: a batch is one transaction"
    );
    assert_eq!(
        count(&c, "SELECT count(DISTINCT dedupe_key) FROM calls"),
        survived,
        "no call is stored twice"
    );
    let left_running = count(&c, "SELECT count(*) FROM imports WHERE status = 'running'");
    assert_eq!(
        left_running, 1,
        "the killed process could not finish its imports row"
    );
    eprintln!(
        "killed with {committed} calls seen committed, {survived} survived; {} of {} secondary indexes present",
        indexes_present(&c),
        CALL_INDEXES.len()
    );
    drop(c);

    // "Restart": the same import again. Committed records are recognised, the rest is added.
    let v = home.json(&["import", path, "--json", "--batch", &batch]);
    let f = &v["files"][0];
    assert_eq!(f["status"], "done", "the second import finishes: {v}");
    let c = home.sqlite();
    let statuses: Vec<String> = c
        .prepare("SELECT status FROM imports ORDER BY id")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("the imports rows");
    assert_eq!(
        statuses,
        ["interrupted", "done"],
        "after the restart the killed import is marked interrupted, not left running, and the re-import is done"
    );
    drop(c);
    assert_eq!(
        (
            f["new"].as_i64(),
            f["duplicate"].as_i64(),
            f["rejected"].as_i64()
        ),
        (Some(CDRS - survived), Some(survived), Some(0)),
        "the second import adds exactly what the kill cut off and recognises the rest: {v}"
    );
    assert_eq!(integrity(&home.db), "ok", "sound after the resumed import");
    let c = home.sqlite();
    assert_eq!(
        count(&c, "SELECT count(*) FROM calls"),
        CDRS,
        "every call of the file exactly once"
    );
    assert_eq!(
        count(&c, "SELECT count(DISTINCT dedupe_key) FROM calls"),
        CDRS,
        "no duplicates after resuming"
    );
    assert_eq!(
        indexes_present(&c),
        CALL_INDEXES.len(),
        "the secondary indexes a bulk import drops are back after the resumed import"
    );
    // The trigram index behind number search is consistent with its own structure.
    c.execute_batch("INSERT INTO calls_numbers (calls_numbers) VALUES ('integrity-check')")
        .expect("the number-search index passes FTS5's integrity check");
    drop(c);

    // A third import is a no-op: re-importing never doubles anything.
    let v = home.json(&["import", path, "--json"]);
    assert_eq!(
        (
            v["files"][0]["new"].as_i64(),
            v["files"][0]["duplicate"].as_i64()
        ),
        (Some(0), Some(CDRS)),
        "importing the same file again adds nothing: {v}"
    );
}

/// Rows of the bulk job: 10 pairs on each of the app's 30 X numbers.
const ROWS: i64 = 300;

/// The simulator's AXB bindings of `app` from its snapshot: subscription id → (caller, callee).
fn sim_bindings(dir: &std::path::Path, app: &str) -> BTreeMap<String, (String, String)> {
    let text = std::fs::read_to_string(dir.join("state.json")).unwrap_or_else(|_| "{}".into());
    let state: Value = serde_json::from_str(&text).expect("the simulator's snapshot is JSON");
    state["axb"]
        .as_object()
        .map(|m| {
            m.values()
                .filter(|b| b["appKey"] == app)
                .map(|b| {
                    let s = |k: &str| b[k].as_str().unwrap_or_default().to_string();
                    (s("subscriptionId"), (s("callerNum"), s("calleeNum")))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn row_states(c: &rusqlite::Connection) -> BTreeMap<String, i64> {
    let mut s = c
        .prepare("SELECT state, count(*) FROM job_rows GROUP BY state")
        .expect("prepare");
    s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn sigkill_during_a_bulk_bind_sends_no_row_twice_and_resume_completes_it() {
    if !keyring_available("sigkill_during_a_bulk_bind_sends_no_row_twice_and_resume_completes_it") {
        return;
    }
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let sim_dir = tempfile::tempdir().expect("sim dir");
    let config = || SimConfig {
        seed: 7,
        data_dir: Some(sim_dir.path().to_path_buf()),
        ..SimConfig::default()
    };
    let sim = rt.block_on(common::sim_with(config()));
    let port = sim.addr().port();
    // Every platform request takes a while, so that rows are in flight when the kill comes.
    rt.block_on(common::add_fault(
        &sim,
        json!({"kind": "latency", "latencyMs": 150}),
    ));
    let app = common::AXB;
    let xs: Vec<String> = sim
        .apps()
        .into_iter()
        .find(|a| a.key == app.key)
        .expect("the demo AXB app")
        .numbers
        .into_iter()
        .map(|n| n.number)
        .collect();

    let home = CliHome::new("bulk-kill");
    let base = sim.base_url();
    home.add_account(
        "axb",
        &[
            "--mode",
            "axb",
            "--base-url",
            &base,
            "--app-key",
            app.key,
            "--rate-limit",
            "100",
        ],
        app.secret,
    );
    let file = home.dir.path().join("rows.csv");
    let mut csv = String::from("callerNum,calleeNum,relationNum,duration\n");
    for i in 0..ROWS {
        let x = &xs[i as usize % xs.len()];
        csv.push_str(&format!("+86138{i:08},+86139{i:08},{x},86400\n"));
    }
    std::fs::write(&file, csv).expect("write the rows");
    let path = file.to_str().expect("utf-8 temp path");

    let mut child = home.spawn(
        &["bulk", "bind", path, "--json", "--concurrency", "8"],
        "bulk-1",
    );
    let conn = wait_for(&mut child, "the job is journaled", || {
        home.db.exists().then(|| home.sqlite())
    });
    // The kill point: a third of the rows confirmed and some on the wire.
    let seen_ok = wait_for(
        &mut child,
        "a third of the rows ok with some in flight",
        || {
            let q = conn.query_row(
            "SELECT count(*) FILTER (WHERE state = 'ok'), count(*) FILTER (WHERE state = 'sending') FROM job_rows",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
        );
            q.ok()
                .filter(|(ok, sending)| *ok >= ROWS / 3 && *sending >= 1)
                .map(|(ok, _)| ok)
        },
    );
    kill9(&mut child);
    drop(conn);
    // The platform finishes (or drops) whatever it had received, then comes back on the same
    // address with its state, as a real platform would still be there. No latency this time.
    rt.block_on(sim.shutdown());
    let sim = rt.block_on(common::sim_with(SimConfig { port, ..config() }));

    assert_eq!(
        integrity(&home.db),
        "ok",
        "a SIGKILL mid-job must leave a sound database"
    );
    let c = home.sqlite();
    let states = row_states(&c);
    let get = |s: &str| states.get(s).copied().unwrap_or(0);
    assert!(
        get("ok") >= seen_ok,
        "every row seen ok before the kill is still ok ({states:?}, seen {seen_ok})"
    );
    assert_eq!(
        get("ok") + get("sending") + get("pending") + get("failed"),
        ROWS,
        "the journal still has every row exactly once: {states:?}"
    );
    assert!(
        get("ok") < ROWS,
        "the kill landed mid-job, so the test proves something: {states:?}"
    );
    let on_platform = sim_bindings(sim_dir.path(), app.key).len() as i64;
    assert!(
        on_platform >= get("ok") && on_platform <= get("ok") + get("sending"),
        "the platform has every ok row and at most the in-flight ones besides \
         ({on_platform} bindings, journal {states:?})"
    );
    eprintln!(
        "killed with journal {states:?}; the platform had {on_platform} bindings (rows in flight that it applied: {})",
        on_platform - get("ok")
    );
    let job = count(&c, "SELECT id FROM jobs").to_string();
    drop(c);

    // Resume. Rows left `sending` are checked on the platform before anything is sent again.
    let done = home.json(&["bulk", "bind", "--resume", &job, "--json"]);
    assert_eq!(
        (
            done["state"].as_str(),
            done["ok"].as_i64(),
            done["failed"].as_i64()
        ),
        (Some("done"), Some(ROWS), Some(0)),
        "the resumed job finishes with every row ok; a row sent twice would fail with \
         1012010 (a number is in one pair per X): {done}"
    );
    assert_eq!(integrity(&home.db), "ok", "sound after resuming");

    let c = home.sqlite();
    let journal: BTreeSet<String> = c
        .prepare("SELECT subscription_id FROM job_rows WHERE state = 'ok'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("the journal's subscription ids");
    let platform = sim_bindings(sim_dir.path(), app.key);
    assert_eq!(
        platform.len() as i64,
        ROWS,
        "exactly one binding per row on the platform: none lost, none made twice"
    );
    let pairs: BTreeSet<&(String, String)> = platform.values().collect();
    assert_eq!(pairs.len() as i64, ROWS, "no (A, B) pair was bound twice");
    assert_eq!(
        journal,
        platform.keys().cloned().collect::<BTreeSet<_>>(),
        "the journal's subscription ids are exactly the platform's bindings"
    );
    let confirmed = count(
        &c,
        "SELECT count(*) FROM job_rows WHERE reason LIKE 'confirmed on the platform%'",
    );
    eprintln!(
        "{confirmed} in-flight row(s) were confirmed on the platform instead of being sent again"
    );
    drop(c);
    drop(sim);
}

/// Every `<sha256>.<ext>` audio file in `dir` holds exactly the bytes its name says.
fn recordings_intact(dir: &std::path::Path) -> usize {
    use sha2::{Digest, Sha256};
    let mut n = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".wav") else {
            continue;
        };
        let bytes = std::fs::read(entry.path()).expect("read a recording");
        assert_eq!(
            hex::encode(Sha256::digest(&bytes)),
            stem,
            "{name}: a file named by its hash holds exactly those bytes"
        );
        n += 1;
    }
    n
}

#[test]
fn sigkill_during_a_recording_download_keeps_nothing_corrupt_and_the_next_fetch_completes() {
    if !keyring_available(
        "sigkill_during_a_recording_download_keeps_nothing_corrupt_and_the_next_fetch_completes",
    ) {
        return;
    }
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let sim = rt.block_on(common::sim_with(SimConfig {
        seed: 11,
        ..SimConfig::default()
    }));
    let app = common::AXB;
    let home = CliHome::new("recordings-kill");
    let cdrs = home.dir.path().join("cdrs");
    std::fs::create_dir_all(&cdrs).expect("cdr dir");
    rt.block_on(common::admin_put(
        &sim,
        &format!("apps/{}/callbacks", app.key),
        json!({ "deliverDir": cdrs }),
    ));
    home.add_account(
        "axb",
        &[
            "--mode",
            "axb",
            "--base-url",
            &sim.base_url(),
            "--app-key",
            app.key,
        ],
        app.secret,
    );
    let x = sim
        .apps()
        .into_iter()
        .find(|a| a.key == app.key)
        .expect("the demo AXB app")
        .numbers;
    for (i, x) in x.iter().take(3).enumerate() {
        let out = home.run(&[
            "bind",
            "axb",
            "--caller",
            &format!("+8613800138{i:03}"),
            "--callee",
            &format!("+8613900139{i:03}"),
            "--x",
            &x.number,
            "--record",
            "--record-hint-tone",
            "notice.wav",
        ]);
        assert!(
            out.status.success(),
            "bind {i}: {}",
            cli_support::show(&out)
        );
    }
    sim.generate_calls(app.key, 60, 0).expect("calls");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    // 60 calls arrive as two fee notifications (at most 50 CDRs each).
    let fee_files = || {
        std::fs::read_dir(&cdrs).map_or(0, |d| {
            d.flatten()
                .filter(|e| e.file_name().to_string_lossy().ends_with("-fee.json"))
                .count()
        })
    };
    while fee_files() < 2 {
        assert!(
            std::time::Instant::now() < deadline,
            "the simulator delivered its CDR files"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    // Downloads crawl (64-byte chunks), so the kill lands while a file is half written. The
    // import fetches the new calls' recordings itself (as the app does), so the kill lands in
    // the import's own fetch, after its calls are committed.
    rt.block_on(common::add_fault(
        &sim,
        json!({"kind": "slowBody", "chunkDelayMs": 2, "pathPrefix": "/sim/recordings"}),
    ));
    let rec_dir = home.db.parent().expect("data dir").join("recordings");
    let partial = rec_dir.join(".partial");
    let mut child = home.spawn(
        &["import", cdrs.to_str().expect("utf-8"), "--json"],
        "import-fetch-1",
    );
    wait_for(&mut child, "a download is half written", || {
        std::fs::read_dir(&partial)
            .ok()?
            .flatten()
            .any(|e| e.metadata().is_ok_and(|m| m.len() > 4096))
            .then_some(())
    });
    kill9(&mut child);

    assert_eq!(integrity(&home.db), "ok", "the database survives the kill");
    let conn = home.sqlite();
    let recorded = count(&conn, "SELECT count(*) FROM calls WHERE has_recording = 1");
    assert!(recorded >= 3, "the fixture has recorded calls ({recorded})");
    drop(conn);
    let conn = home.sqlite();
    let fetched_before = count(
        &conn,
        "SELECT count(*) FROM recordings WHERE state = 'fetched'",
    );
    assert_eq!(
        recordings_intact(&rec_dir) as i64,
        fetched_before,
        "only verified files sit in the recordings folder, one per fetched row"
    );
    drop(conn);

    // Back to full speed: the next fetch resumes the partial file and finishes everything.
    rt.block_on(common::clear_faults(&sim));
    let report = home.json(&["recordings", "fetch", "--json"]);
    assert_eq!(report["failed"], json!(0), "{report}");
    let conn = home.sqlite();
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM recordings WHERE state = 'fetched'"
        ),
        recorded,
        "every recorded call is fetched after the restart: {report}"
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM recordings WHERE state = 'fetching'"
        ),
        0,
        "nothing is left marked as downloading"
    );
    let files = recordings_intact(&rec_dir) as i64;
    assert!(
        files >= 1 && files <= recorded,
        "every file verifies ({files} files)"
    );
    assert_eq!(
        std::fs::read_dir(&partial).map_or(0, |d| d.count()),
        0,
        "no partial download is left"
    );
}
