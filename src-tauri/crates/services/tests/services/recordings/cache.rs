//! The cache limit against the simulator: a full cache (a tiny limit) refuses a file that
//! cannot fit, pinned copies are never evicted, and eviction goes least recently used first.

use crate::support::recordings as support;

use maskline_domain::recordings::{RecordingSettings, RecordingState};
use maskline_services::recordings;
use support::*;

fn limit(r: &Rec, mb: u64) {
    recordings::set_settings(
        r.db(),
        r.dir(),
        &RecordingSettings {
            cache_limit_mb: mb,
            auto_fetch: true,
        },
    )
    .expect("settings");
}

/// Recorded calls whose talk time is within `lo..=hi` seconds (file ≈ 8 kB per second).
fn talking(r: &Rec, lo: i64, hi: i64) -> Vec<i64> {
    r.rows()
        .into_iter()
        .filter(|w| (lo..=hi).contains(&w.talk_seconds))
        .map(|w| w.call_id)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_cache_refuses_what_cannot_fit_and_never_evicts_pinned_copies() {
    let r = setup(150).await;
    let big = talking(&r, 70, 120);
    let small = talking(&r, 3, 20);
    assert!(
        big.len() >= 2 && small.len() >= 3,
        "fixture: {big:?} {small:?}"
    );
    // A pinned 560–960 kB recording, then a 1 MiB limit.
    assert_eq!(r.fetch(&big[..1], &opts()).await.fetched, 1);
    assert_eq!(
        recordings::set_pinned(r.db(), &big[..1], true).expect("pin"),
        1
    );
    limit(&r, 1);
    // The body would take hours at 64 bytes a second: the refusal must come from the
    // announced size, before the body is read (not after downloading it all again).
    let slow = serde_json::json!({
        "kind": "slowBody", "chunkDelayMs": 1000, "pathPrefix": "/sim/recordings/"
    });
    r.fault(slow).await;
    let report = tokio::time::timeout(
        std::time::Duration::from_secs(120),
        r.fetch(&big[1..2], &opts()),
    )
    .await
    .expect("refused at the headers, without downloading the body");
    r.clear_faults().await;
    assert_eq!(report.failed, 1, "{report:?}");
    let s = recordings::status(r.db(), big[1], now()).expect("status");
    assert_eq!(s.state, RecordingState::Failed);
    assert_eq!(s.error_kind.as_deref(), Some("cacheFull"));
    let e = s.error.map(|t| t.to_string()).unwrap_or_default();
    assert!(
        e.contains("Settings") && e.contains("unpin") && e.contains("缓存"),
        "{e}"
    );
    assert!(!r.partial(big[1]).exists(), "nothing of it is kept");
    assert_eq!(r.audio_files().len(), 1, "only the pinned file");
    // Small ones fit next to the pinned one; older small ones are evicted as needed.
    let report = r.fetch(&small, &opts()).await;
    assert_eq!(report.fetched, small.len() as u64, "{report:?}");
    let storage = recordings::storage(r.db(), r.dir()).expect("storage");
    assert!(storage.used_bytes <= 1 << 20, "{storage:?}");
    assert_eq!(storage.pinned_files, 1);
    r.assert_fetched_correctly(big[0]);
    // Deleting a pinned copy is refused until it is unpinned.
    let refused = recordings::delete_local(r.db(), r.dir(), &big[..1]).expect_err("pinned");
    assert!(refused.to_string().contains("unpin"), "{refused}");
    recordings::set_pinned(r.db(), &big[..1], false).expect("unpin");
    assert_eq!(
        recordings::delete_local(r.db(), r.dir(), &big[..1]).expect("delete"),
        1
    );
    assert_eq!(r.state(big[0]), RecordingState::Evicted);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eviction_takes_the_least_recently_used_copy_first() {
    let r = setup(150).await;
    let mid = talking(&r, 45, 65);
    assert!(mid.len() >= 3, "fixture: {mid:?}");
    let (a, b, c) = (mid[0], mid[1], mid[2]);
    for id in [a, b, c] {
        assert_eq!(r.fetch(&[id], &opts()).await.fetched, 1);
    }
    // A is the oldest fetch but was just played: B is now the least recently used.
    recordings::mark_played(r.db(), a).expect("played");
    limit(&r, 1);
    assert_eq!(
        r.state(b),
        RecordingState::Evicted,
        "least recently used goes"
    );
    assert_eq!(r.state(a), RecordingState::Fetched, "recently played stays");
    assert_eq!(r.state(c), RecordingState::Fetched);
    let files = r.audio_files();
    assert_eq!(files.len(), 2, "{files:?}");
    // An evicted recording can be fetched again while the platform keeps it.
    limit(&r, 2048);
    assert_eq!(r.fetch(&[b], &opts()).await.fetched, 1);
    r.assert_fetched_correctly(b);
}

#[test]
fn an_import_with_new_records_fetches_only_when_the_setting_is_on() {
    use maskline_domain::import::{FileReport, ImportStatus};
    let dir = tempfile::tempdir().expect("tempdir");
    let db = maskline_services::DbManager::open(&dir.path().join("maskline.db"));
    let report = |new| FileReport {
        path: "cdrs.json".into(),
        new,
        duplicate: 0,
        rejected: 0,
        errors: vec![],
        status: ImportStatus::Done,
        error: None,
        bytes: 10,
    };
    assert!(
        recordings::fetch_after_import(&db, &[report(0), report(5)]),
        "on by default, and something new arrived"
    );
    assert!(
        !recordings::fetch_after_import(&db, &[report(0)]),
        "a re-import that added nothing fetches nothing"
    );
    recordings::set_settings(
        &db,
        &recordings::dir_in(dir.path()),
        &RecordingSettings {
            cache_limit_mb: 2048,
            auto_fetch: false,
        },
    )
    .expect("settings");
    assert!(
        !recordings::fetch_after_import(&db, &[report(5)]),
        "turned off in Settings"
    );
}
