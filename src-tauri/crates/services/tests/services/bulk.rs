//! Bulk AXB jobs against the real simulator and real SQLite: the dry run's exact counts, a job
//! cancelled halfway and resumed, a crash with rows left `sending`, and the results checked
//! against what the simulator holds (no row missing, none sent twice), plus the audit chain.

mod control;
mod kinds;

use crate::support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use maskline_api::axb::AxbBindRequest;
use maskline_domain::jobs::{JobKind, JobState, RowState};
use maskline_formats::sheet;
use maskline_services::audit;
use maskline_services::bindings::Session;
use maskline_services::bulk::{self, RunOptions};
use support::{Env, env, num};

async fn admin(
    env: &Env,
    method: reqwest::Method,
    path: &str,
    body: Option<serde_json::Value>,
) -> serde_json::Value {
    let c = reqwest::Client::new();
    let mut req = c.request(method, format!("{}/sim/admin/{path}", env.sim.base_url()));
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send()
        .await
        .expect("admin")
        .json()
        .await
        .unwrap_or_default()
}

async fn sim_axb_count(env: &Env) -> u64 {
    admin(env, reqwest::Method::GET, "state", None).await["bindings"]["axb"]
        .as_u64()
        .expect("count")
}

fn xs(env: &Env) -> Vec<String> {
    (0..30).map(|i| env.x("axb", i).to_string()).collect()
}

/// `n` rows spread over the 30 demo X numbers; every 50th row has an invalid A, every 100th a
/// bad duration, rows 500–509 repeat rows 0–9, and `conflicts` rows reuse an A that is
/// already bound on their X. Returns the file and the expected (invalid, duplicates, conflicts).
fn write_file(
    dir: &Path,
    env: &Env,
    n: usize,
    conflicts: &[(String, String)],
) -> (PathBuf, (u32, u32, u32)) {
    let xs = xs(env);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (mut invalid, mut dups) = (0, 0);
    for i in 0..n {
        let mut a = format!("+86138{:08}", i);
        let mut b = format!("+86139{:08}", i);
        let mut x = xs[i % 30].clone();
        let mut dur = "3600".to_string();
        if (500..510).contains(&i) {
            a = format!("+86138{:08}", i - 500);
            b = format!("+86139{:08}", i - 500);
            x = xs[(i - 500) % 30].clone();
            dups += 1;
        } else if i % 50 == 49 {
            a = "12345".into();
            invalid += 1;
        } else if i % 100 == 98 {
            dur = "forever".into();
            invalid += 1;
        }
        rows.push(vec![a, b, x, dur, format!("row-{i}")]);
    }
    for (a, x) in conflicts {
        rows.push(vec![
            a.clone(),
            "+8613700000000".into(),
            x.clone(),
            "60".into(),
            String::new(),
        ]);
    }
    let path = dir.join("bulk.xlsx");
    sheet::write_xlsx(
        &path,
        &["A号码", "B号码", "X号码", "绑定时长(秒)", "用户数据"],
        &rows,
    )
    .expect("write");
    (path, (invalid, dups, conflicts.len() as u32))
}

/// Binds `k` pairs through Maskline so the cache knows them; returns their (A, X).
async fn prebind(s: &Session, env: &Env, k: usize) -> Vec<(String, String)> {
    let xs = xs(env);
    let mut out = vec![];
    for (i, x) in xs.iter().enumerate().take(k) {
        let a = format!("+86135{:08}", i);
        let mut req = AxbBindRequest::new(num(&a), num(&format!("+86136{:08}", i)));
        req.relation_num = Some(num(x));
        s.axb_bind(&req).await.expect("prebind");
        out.push((a, x.clone()));
    }
    out
}

fn results(env: &Env, job: i64) -> Vec<maskline_domain::jobs::JobRowResult> {
    bulk::results(&env.dbm, job, None, 1, 100_000).expect("results")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thousand_rows_dry_run_cancel_resume_and_match_the_simulator() {
    let env = env().await;
    let s = env.session("axb");
    let pre = prebind(&s, &env, 5).await;
    let dir = tempfile::tempdir().expect("dir");
    let (path, (invalid, dups, conflicts)) = write_file(dir.path(), &env, 995, &pre);

    let report =
        bulk::dry_run(&env.dbm, Some("axb"), JobKind::Bind, &path, None, None).expect("dry run");
    assert_eq!(report.rows, 1000);
    assert_eq!(
        (report.invalid, report.duplicates, report.conflicts),
        (invalid, dups, conflicts),
        "{:?}",
        &report.issues[..5]
    );
    assert_eq!(report.valid, 1000 - invalid - dups - conflicts);
    assert_eq!(sim_axb_count(&env).await, 5, "a dry run sends nothing");
    let bad = report
        .issues
        .iter()
        .find(|i| i.error.row == 51)
        .expect("row 51 (i = 49) is invalid");
    assert_eq!(bad.error.column.as_deref(), Some("A号码"), "{bad:?}");

    let (job, _) =
        bulk::create(&env.dbm, Some("axb"), JobKind::Bind, &path, None, None).expect("create");
    let handle = bulk::start(s.clone(), job, RunOptions::default()).expect("start");
    assert!(
        bulk::start(s.clone(), job, RunOptions::default()).is_err(),
        "a job never gets a second runner"
    );
    let mut progress = handle.progress();
    while progress.borrow().done < report.valid / 2 {
        progress.changed().await.expect("progress");
    }
    handle.cancel();
    let stopped = handle.wait().await.expect("cancelled job");
    assert_eq!(stopped.state, JobState::Cancelled);
    assert!(
        stopped.done < stopped.total,
        "cancelled before the end: {stopped:?}"
    );
    assert_eq!(
        sim_axb_count(&env).await,
        5 + u64::from(stopped.ok),
        "nothing in flight after cancel"
    );

    let done = bulk::start(s.clone(), job, RunOptions::default())
        .expect("resume")
        .wait()
        .await
        .expect("resumed job");
    assert_eq!(done.state, JobState::Done);
    assert_eq!(
        (done.ok, done.failed, done.total),
        (report.valid, 0, report.valid),
        "{done:?}"
    );
    assert_eq!(
        sim_axb_count(&env).await,
        5 + u64::from(report.valid),
        "every valid row bound exactly once"
    );

    let conn_check = results(&env, job);
    let ok: Vec<_> = conn_check
        .iter()
        .filter(|r| r.state == RowState::Ok)
        .collect();
    assert!(ok.iter().all(|r| r.subscription_id.is_some()));
    let mut ids: Vec<_> = ok
        .iter()
        .filter_map(|r| r.subscription_id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), ok.len(), "one binding per row");
    // The results file lists every row with its outcome, A and B masked by default.
    let out = dir.path().join("results.csv");
    assert_eq!(
        bulk::export(&env.dbm, job, &out, false).expect("export"),
        1000
    );
    let masked = std::fs::read(&out).expect("read");
    assert!(masked.starts_with(b"\xEF\xBB\xBF"), "CSV with BOM");
    let masked = String::from_utf8(masked).expect("utf-8");
    for full in ["13800000000", "13900000000", "13800000001"] {
        assert!(
            !masked.contains(full),
            "the default export masks {full}:\n{}",
            &masked[..400]
        );
    }
    assert!(
        masked.contains("+86 138****0000") && masked.contains("+86 139****0001"),
        "A and B are written masked, the way the UI shows them"
    );
    assert!(
        masked.contains(&xs(&env)[0]),
        "X (the operator's own number) stays whole"
    );
    // With unmask, the same rows with the full numbers; the audit log says which export held them.
    let full_out = dir.path().join("results-full.xlsx");
    assert_eq!(
        bulk::export(&env.dbm, job, &full_out, true).expect("export"),
        1000
    );
    let full = sheet::read_table(&full_out).expect("read the xlsx");
    assert_eq!(full.rows.len(), 1000);
    assert_eq!(
        (full.rows[0].1[2].as_str(), full.rows[0].1[3].as_str()),
        ("+8613800000000", "+8613900000000"),
        "unmasked: row 1's A and B in full"
    );
    let exports = audit::list(&env.dbm, Some("bulk.export"), 1, 10).expect("audit");
    assert_eq!(exports.len(), 2, "both exports audited: {exports:?}");
    assert_eq!(
        exports[0].target,
        format!("job {job}, 1000 rows, full numbers / 任务 {job}，1000 行，完整号码")
    );
    assert_eq!(
        exports[1].target,
        format!("job {job}, 1000 rows / 任务 {job}，1000 行")
    );
    let chain = audit::verify_chain(&env.dbm).expect("verify");
    assert_eq!(chain.first_broken, None);
    assert!(
        chain.rows >= u64::from(report.valid) + 5,
        "every bind audited: {chain:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crash_with_rows_sending_resumes_without_duplicates() {
    let env = env().await;
    let s = env.session("axb");
    let dir = tempfile::tempdir().expect("dir");
    let (path, _) = write_file(dir.path(), &env, 120, &[]);
    let (job, report) =
        bulk::create(&env.dbm, Some("axb"), JobKind::Bind, &path, None, None).expect("create");
    // Slow answers so that rows are in flight when the job "crashes".
    admin(
        &env,
        reqwest::Method::POST,
        "faults",
        Some(serde_json::json!({"kind": "latency", "latencyMs": 400})),
    )
    .await;
    let handle = bulk::start(s.clone(), job, RunOptions::default()).expect("start");
    let mut progress = handle.progress();
    while progress.borrow().done < 20 {
        progress.changed().await.expect("progress");
    }
    handle.abort();
    tokio::time::sleep(Duration::from_millis(600)).await;
    admin(&env, reqwest::Method::DELETE, "faults", None).await;
    let db = env.dbm.db().expect("db");
    let conn = db.conn().expect("conn");
    let sending = maskline_store::jobs::counts(&conn, job)
        .expect("counts")
        .sending;
    assert!(sending > 0, "the crash left rows sending");
    let shown = bulk::get(&env.dbm, job).expect("job").progress.state;
    assert_eq!(
        shown,
        JobState::Cancelled,
        "an interrupted job is shown as resumable"
    );
    // Also a crash after the platform answered but before the journal recorded it.
    conn.execute(
        "UPDATE job_rows SET state = 'sending', subscription_id = NULL WHERE job_id = ?1 AND row_no IN
         (SELECT row_no FROM job_rows WHERE job_id = ?1 AND state = 'ok' ORDER BY row_no LIMIT 3)",
        [job],
    )
    .expect("rewind three ok rows");
    drop(conn);

    let done = bulk::start(s.clone(), job, RunOptions::default())
        .expect("resume")
        .wait()
        .await
        .expect("resumed");
    assert_eq!(
        (done.state, done.ok, done.failed),
        (JobState::Done, report.valid, 0),
        "{done:?}"
    );
    assert_eq!(
        sim_axb_count(&env).await,
        u64::from(report.valid),
        "no row bound twice, none missing"
    );
    let conn = db.conn().expect("conn");
    for r in results(&env, job)
        .iter()
        .filter(|r| r.state == RowState::Ok)
    {
        assert!(r.subscription_id.is_some(), "row {} has its binding", r.row);
        let n = maskline_store::jobs::attempts(&conn, job, r.row).expect("attempts");
        assert!(n <= 2, "row {} marked sending {n} times", r.row);
    }
}
