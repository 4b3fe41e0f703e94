//! The recordings fetch manager against the simulator: the happy path, links expiring in
//! the middle of a download, files the platform already deleted, truncated bodies, servers
//! that ignore Range, cancel and resume, and rows stuck in `fetching` after a crash.

mod cache;
mod serve;

use crate::support::recordings as support;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use maskline_domain::recordings::{FetchRequest, RecordingState};
use maskline_services::{audit, recordings};
use serde_json::json;
use support::*;

/// Longer than a link lives (3 days), shorter than the platform keeps files (7 days).
const PAST_LINK: u64 = 3 * 86_400 + 600;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fetch_all_keeps_verified_files_and_audits_masked_numbers() {
    let r = setup(40).await;
    let rows = r.rows();
    assert!(rows.len() >= 5, "enough recorded calls: {}", rows.len());
    assert!(
        rows.iter()
            .all(|w| w.status.state == RecordingState::Waiting)
    );
    let report = r.fetch(&[], &opts()).await;
    assert_eq!(report.fetched, rows.len() as u64, "{report:?}");
    assert_eq!((report.failed, report.expired), (0, 0));
    for w in &rows {
        r.assert_fetched_correctly(w.call_id);
        let s = recordings::status(r.db(), w.call_id, now()).expect("status");
        assert_eq!(s.duration_ms, Some(w.talk_seconds.min(120) * 1000));
        assert!(s.fetched_at.is_some() && s.error.is_none());
    }
    let summary = recordings::summary(r.db(), now()).expect("summary");
    assert_eq!(summary.fetched, rows.len() as u64);
    assert_eq!(summary.waiting, 0);
    let again = r.fetch(&[], &opts()).await;
    assert_eq!(again.total, 0, "nothing left to fetch: {again:?}");
    let entries = audit::list(r.db(), Some("recording.download"), 1, 500).expect("audit");
    assert_eq!(entries.len(), rows.len(), "one audit entry per download");
    for e in &entries {
        assert!(e.target.contains("****"), "masked: {}", e.target);
        for w in &rows {
            let full = w.caller.trim_start_matches("+86");
            assert!(!e.target.contains(full), "no full number in {}", e.target);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_expiring_mid_download_gets_a_new_link_and_resumes() {
    let r = setup(20).await;
    let id = r.rows()[0].call_id;
    // The first download stops after 4 KiB, and meanwhile the link expires.
    r.fault(json!({"kind": "truncate", "next": 1, "bytes": 4096, "advanceSecs": PAST_LINK}))
        .await;
    let report = r.fetch(&[id], &opts()).await;
    assert_eq!(report.fetched, 1, "{report:?}");
    r.assert_fetched_correctly(id);
    let s = recordings::status(r.db(), id, now()).expect("status");
    assert_eq!(
        s.attempts, 1,
        "one job attempt: the relink happened inside it"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recording_the_platform_deleted_is_expired_and_nothing_is_kept() {
    let r = setup(20).await;
    let id = r.rows()[0].call_id;
    r.sim.advance(Duration::from_secs(8 * 86_400));
    let report = r.fetch(&[id], &opts()).await;
    assert_eq!(report.expired, 1, "{report:?}");
    let s = recordings::status(r.db(), id, now()).expect("status");
    assert_eq!(s.state, RecordingState::Expired);
    assert_eq!(s.error_kind.as_deref(), Some("expired"));
    assert!(
        s.error
            .as_ref()
            .map(ToString::to_string)
            .is_some_and(|e| e.contains("7 days") && e.contains("平台"))
    );
    assert!(s.next_attempt_at.is_none(), "not retried");
    assert!(r.audio_files().is_empty() && !r.partial(id).exists());
    assert_eq!(r.fetch(&[id], &opts()).await.total, 0, "expired is final");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn truncated_bodies_are_never_fetched_and_resume_later() {
    let r = setup(20).await;
    let id = r.rows()[0].call_id;
    r.fault(json!({"kind": "truncate", "bytes": 1000})).await;
    let report = r.fetch(&[id], &opts()).await;
    assert_eq!(report.failed, 1, "{report:?}");
    let s = recordings::status(r.db(), id, now()).expect("status");
    assert_eq!(s.state, RecordingState::Failed);
    assert_eq!(s.error_kind.as_deref(), Some("truncated"));
    assert!(s.file_name.is_none() && s.next_attempt_at.is_some());
    assert!(r.audio_files().is_empty(), "no corrupt file in the cache");
    let kept = std::fs::metadata(r.partial(id))
        .expect("partial kept")
        .len();
    assert_eq!(
        kept, 4000,
        "1000 bytes per attempt, resumed with Range each time"
    );
    r.clear_faults().await;
    assert_eq!(r.fetch(&[id], &opts()).await.fetched, 1);
    r.assert_fetched_correctly(id);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_ignoring_range_restarts_from_zero() {
    let r = setup(20).await;
    let id = r.rows()[0].call_id;
    r.fault(json!({"kind": "truncate", "next": 1, "bytes": 5000}))
        .await;
    r.fault(json!({"kind": "ignoreRange"})).await;
    let report = r.fetch(&[id], &opts()).await;
    assert_eq!(report.fetched, 1, "{report:?}");
    r.assert_fetched_correctly(id);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_then_resume_finishes_without_duplicate_work() {
    let r = setup(60).await;
    let all = r.rows().len() as u64;
    assert!(all >= 6, "enough recordings: {all}");
    let cancel = Arc::new(AtomicBool::new(false));
    let c = cancel.clone();
    let mut o = opts();
    o.concurrency = 1;
    let first = recordings::fetch_with(
        &r.ctx,
        &o,
        &FetchRequest::default(),
        cancel.clone(),
        move |p| {
            if p.fetched >= 2 {
                c.store(true, Ordering::Relaxed);
            }
        },
    )
    .await
    .expect("fetch");
    assert!(first.cancelled, "{first:?}");
    assert!(first.fetched >= 2 && first.fetched < all, "{first:?}");
    let summary = recordings::summary(r.db(), now()).expect("summary");
    assert_eq!(
        summary.fetching, 0,
        "nothing left in fetching after a cancel"
    );
    assert_eq!(summary.fetched, first.fetched);
    let second = r.fetch(&[], &opts()).await;
    assert_eq!(
        second.total,
        all - first.fetched,
        "only the rest: {second:?}"
    );
    assert_eq!(second.fetched, all - first.fetched);
    for w in r.rows() {
        r.assert_fetched_correctly(w.call_id);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_row_stuck_in_fetching_waits_again_after_a_restart() {
    let r = setup(20).await;
    let id = r.rows()[0].call_id;
    {
        let db = r.db().db().expect("db");
        let conn = db.conn().expect("conn");
        assert!(maskline_store::recordings::claim(&conn, id, now()).expect("claim"));
    }
    assert_eq!(r.state(id), RecordingState::Fetching);
    assert_eq!(
        r.fetch(&[id], &opts()).await.total,
        0,
        "a fetching row is not taken twice"
    );
    assert_eq!(recordings::reset_interrupted(r.db()).expect("reset"), 1);
    assert_eq!(r.state(id), RecordingState::Waiting);
    assert_eq!(r.fetch(&[id], &opts()).await.fetched, 1);
    r.assert_fetched_correctly(id);
}
