//! Cancelling an import halfway keeps the committed batches; a second run completes it
//! without duplicates.

use crate::support::import as support;

use std::sync::atomic::{AtomicBool, Ordering};

use maskline_domain::calls::CallFilter;
use maskline_domain::import::ImportStatus;
use maskline_services::calls;
use maskline_services::import::{ImportOptions, import_paths};
use support::*;

#[test]
fn cancel_keeps_committed_batches_and_a_rerun_completes_without_duplicates() {
    let (dir, m) = manager();
    let f = write(dir.path(), "cdrs.jsonl", sim_cdrs(20_000, 7));
    let cancel = AtomicBool::new(false);
    let opts = ImportOptions { batch_size: 1000 };
    let mut seen = Vec::new();
    let r = import_paths(&m, std::slice::from_ref(&f), &opts, &cancel, &mut |p| {
        seen.push(p.records);
        if p.records >= 5000 {
            cancel.store(true, Ordering::Relaxed);
        }
    })
    .expect("import");
    assert_eq!(r[0].status, ImportStatus::Cancelled);
    assert_eq!(
        counts(&r[0]),
        (5000, 0, 0),
        "five committed batches of 1000"
    );
    assert_eq!(
        seen,
        [1000, 2000, 3000, 4000, 5000],
        "progress after every batch"
    );
    assert_eq!(
        calls::count(&m, &CallFilter::default()).expect("count"),
        5000
    );

    let again = import_paths(&m, &[f], &opts, &AtomicBool::new(false), &mut |_| {}).expect("rerun");
    assert_eq!(again[0].status, ImportStatus::Done);
    assert_eq!(counts(&again[0]), (15_000, 5000, 0));
    assert_eq!(
        calls::count(&m, &CallFilter::default()).expect("count"),
        20_000
    );
}
