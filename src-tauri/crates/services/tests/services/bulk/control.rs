//! Pause and resume a running job, rows the platform refuses (failed with their reason) and
//! "retry failed rows", and what the audit trail keeps of it all (masked numbers only).

use crate::support;

use std::time::Duration;

use maskline_api::axb::{AxbBindRequest, AxbUnbind};
use maskline_api::{AuthScheme, Client, ClientConfig, Sensitive};
use maskline_domain::jobs::{JobKind, JobState, RowState};
use maskline_formats::sheet;
use maskline_services::audit;
use maskline_services::bulk::{self, RunOptions};
use support::{env, num};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pause_holds_new_rows_and_failed_rows_can_be_retried() {
    let env = env().await;
    let s = env.session("axb");
    let dir = tempfile::tempdir().expect("dir");
    let x = env.x("axb", 0).to_string();
    // Behind Maskline's back, A of rows 0..5 is already bound on X: the platform refuses them.
    let mut outside = ClientConfig::new(
        env.sim.base_url(),
        "demo-axb-key",
        Sensitive::new("demo-axb-secret".to_string()),
    );
    outside.scheme = AuthScheme::Aksk;
    let outside = Client::new(outside).expect("client");
    let mut blockers = vec![];
    for i in 0..5 {
        let mut req =
            AxbBindRequest::new(num(&format!("+86138{i:08}")), num(&format!("+86135{i:08}")));
        req.relation_num = Some(num(&x));
        blockers.push(
            outside
                .axb_bind(&req)
                .await
                .expect("outside bind")
                .subscription_id,
        );
    }
    let rows: Vec<Vec<String>> = (0..80)
        .map(|i| vec![format!("+86138{i:08}"), format!("+86139{i:08}"), x.clone()])
        .collect();
    let file = dir.path().join("rows.csv");
    sheet::write_csv(&file, &["A", "B", "X"], &rows).expect("write");
    let (job, r) =
        bulk::create(&env.dbm, Some("axb"), JobKind::Bind, &file, None, None).expect("create");
    assert_eq!(r.valid, 80, "the cache does not know the outside bindings");

    let handle = bulk::start(
        s.clone(),
        job,
        RunOptions {
            concurrency: 4,
            rate_per_sec: Some(40.0),
        },
    )
    .expect("start");
    let mut progress = handle.progress();
    while progress.borrow().done < 10 {
        progress.changed().await.expect("progress");
    }
    handle.pause();
    while progress.borrow().state != JobState::Paused {
        progress.changed().await.expect("progress");
    }
    let db = env.dbm.db().expect("db");
    let counts = || maskline_store::jobs::counts(&db.conn().expect("conn"), job).expect("counts");
    while counts().sending > 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let held = counts();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(counts(), held, "nothing is sent while paused");
    assert!(held.pending > 0, "{held:?}");
    handle.resume();
    let p = handle.wait().await.expect("job");
    assert_eq!((p.state, p.ok, p.failed), (JobState::Done, 75, 5), "{p:?}");
    let failed = bulk::results(&env.dbm, job, Some(RowState::Failed), 1, 100).expect("failed rows");
    assert!(
        failed
            .iter()
            .all(|r| r.result_code.as_deref() == Some("1012010")),
        "{failed:?}"
    );
    assert!(
        failed[0]
            .reason
            .as_ref()
            .map(ToString::to_string)
            .is_some_and(|t| t.contains("1012010"))
    );

    // Free the numbers, then retry only the failed rows.
    for id in blockers {
        outside
            .axb_unbind(&AxbUnbind::Subscription(id))
            .await
            .expect("free");
    }
    assert_eq!(bulk::retry_failed(&env.dbm, job).expect("retry"), 5);
    let p = bulk::start(s.clone(), job, RunOptions::default())
        .expect("start")
        .wait()
        .await
        .expect("retry");
    assert_eq!((p.state, p.ok, p.failed), (JobState::Done, 80, 0), "{p:?}");

    let entries = audit::list(&env.dbm, Some("bind"), 1, 500).expect("audit");
    assert_eq!(entries.len(), 85, "80 binds and 5 refusals");
    assert_eq!(entries.iter().filter(|e| !e.ok).count(), 5);
    for e in &entries {
        assert!(
            !e.target.contains("13800000001"),
            "no full number in the audit: {}",
            e.target
        );
        assert!(
            e.target.contains("****"),
            "numbers are masked: {}",
            e.target
        );
    }
    assert!(
        audit::list(&env.dbm, Some("bulk.create"), 1, 10)
            .expect("audit")
            .len()
            == 1
    );
}
