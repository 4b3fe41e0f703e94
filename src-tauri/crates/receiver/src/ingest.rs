//! The worker behind the acknowledgements: reads pending inbox rows oldest first and imports
//! them in batches through the file importer's code (`import::body`), recording each push's
//! outcome in the same transaction as its records. At start it first drains what an earlier
//! run left pending (a crash between storing and parsing).

use std::sync::Arc;
use std::time::Duration;

use maskline_services::import::body::{Body, import_bodies};
use maskline_store::inbox::{self, InboxStatus, Outcome};
use tokio::sync::watch;

use crate::Shared;
use crate::status::Counters;

/// Pushes parsed per transaction at most (a transaction holds the write lock, and the handlers
/// storing new pushes wait for it: small enough to keep acknowledgements fast).
const BATCH: u32 = 50;

/// What one parsed batch gave (broadcast for a live view).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The `imports` row of the batch.
    pub import_id: i64,
    /// Inbox ids parsed.
    pub inbox_ids: Vec<i64>,
    pub new: u64,
    pub duplicate: u64,
    pub rejected: u64,
}

/// Parses every pending push (blocking). Returns how many pushes were parsed.
pub(crate) fn drain(s: &Shared) -> Result<usize, maskline_store::StoreError> {
    let conn = s.db.conn()?;
    let mut total = 0;
    loop {
        let rows = inbox::pending(&conn, 0, BATCH)?;
        if rows.is_empty() {
            return Ok(total);
        }
        let (first, last) = (rows[0].id, rows[rows.len() - 1].id);
        let label = if first == last {
            format!("maskline-receiver: push #{first}")
        } else {
            format!(
                "maskline-receiver: pushes #{first}–#{last} ({n})",
                n = rows.len()
            )
        };
        let bodies: Vec<Body<'_>> = rows
            .iter()
            .map(|r| Body {
                id: r.id,
                bytes: &r.body,
            })
            .collect();
        let mut pushes = (0u64, 0u64, 0u64);
        let mut import = 0;
        let report = import_bodies(&conn, &label, &bodies, &mut |conn, id, r, import_id| {
            import = import_id;
            let status = if r.rejected > 0 {
                InboxStatus::Rejected
            } else {
                InboxStatus::Parsed
            };
            let reason = (r.rejected > 0).then(|| {
                r.errors
                    .iter()
                    .map(|i| match &i.field {
                        Some(f) => format!("{f}: {}", i.reason),
                        None => i.reason.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            });
            if r.rejected > 0 {
                pushes.2 += 1;
            } else if r.new > 0 {
                pushes.0 += 1;
            } else {
                pushes.1 += 1;
            }
            inbox::mark(
                conn,
                id,
                &Outcome {
                    status,
                    reason: reason.as_deref(),
                    new: r.new,
                    duplicate: r.duplicate,
                    rejected: r.rejected,
                    import_id: Some(import_id),
                    now: crate::now(),
                },
            )
        })?;
        let c = &s.counters;
        Counters::add(&c.stored, pushes.0);
        Counters::add(&c.duplicate, pushes.1);
        Counters::add(&c.rejected, pushes.2);
        Counters::add(&c.records_new, report.new);
        Counters::add(&c.records_duplicate, report.duplicate);
        Counters::add(&c.records_rejected, report.rejected);
        if report.rejected > 0 {
            tracing::warn!(
                "{} record(s) in {label} could not be read; the bodies are kept in the inbox with the reason",
                report.rejected
            );
        }
        let _ = s.parsed.send(Parsed {
            import_id: import,
            inbox_ids: rows.iter().map(|r| r.id).collect(),
            new: report.new,
            duplicate: report.duplicate,
            rejected: report.rejected,
        });
        total += rows.len();
    }
}

/// Runs until `stop` turns true: drains, then waits for a wake-up (or a second).
pub(crate) async fn worker(s: Arc<Shared>, mut stop: watch::Receiver<bool>) {
    loop {
        let s2 = s.clone();
        match tokio::task::spawn_blocking(move || drain(&s2)).await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => {
                tracing::error!(
                    "parsing stored pushes failed (they stay pending and are tried again): {e}"
                );
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                    _ = stop.changed() => return,
                }
            }
            Err(e) => tracing::error!("the parsing task failed: {e}"),
        }
        if *stop.borrow() {
            return;
        }
        tokio::select! {
            _ = s.wake.notified() => {}
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = stop.changed() => return,
        }
    }
}
