//! The background jobs of one process (the app, or one CLI run), in one registry: start a job
//! of a kind and get its guard and cancel token; follow a bulk job's progress stream; hold the
//! demo simulator while demo mode runs.
//!
//! - One-at-a-time kinds ([`Kind`]: import, export, recordings fetch, recordings export):
//!   [`Jobs::start`] refuses a second job of the same kind while one runs and hands back a
//!   [`Running`] (frees the kind when dropped) with the cancel token; [`Jobs::cancel`] asks the
//!   running one to stop after its current batch. Progress goes to the callback the use case
//!   takes (`import::import_paths`, `recordings::fetch`, …).
//! - Bulk jobs (any number, by job id): [`Jobs::follow_bulk`] registers a started job's
//!   controls (pause / resume / cancel through [`Jobs::bulk`]) and returns the task that pumps
//!   its progress stream to a sink until the job ends.
//! - The demo simulator: see `crate::demo` (`start`, `leave`, `status`, `resume`).

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use maskline_domain::jobs::JobProgress;

use crate::bulk::{self, JobControl, JobHandle};
use crate::demo::DemoHandle;
use crate::{DbManager, ServiceError};

/// The kinds of job that run at most once at a time in a process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Importing CDR and call-event files.
    Import,
    /// Exporting calls to CSV / XLSX.
    Export,
    /// Downloading recordings (manual, or automatic after an import).
    Fetch,
    /// Exporting calls with their recordings as a zip.
    ZipExport,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Import, Kind::Export, Kind::Fetch, Kind::ZipExport];

    /// How the refusal names a running job of this kind.
    fn what(self) -> &'static str {
        match self {
            Kind::Import => "an import",
            Kind::Export => "an export",
            Kind::Fetch => "a recordings fetch",
            Kind::ZipExport => "a recordings export",
        }
    }

    fn what_zh(self) -> &'static str {
        match self {
            Kind::Import => "导入",
            Kind::Export => "导出",
            Kind::Fetch => "录音下载",
            Kind::ZipExport => "录音导出",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A kind's running flag and cancel flag.
#[derive(Default)]
struct Slot {
    running: AtomicBool,
    cancel: Arc<AtomicBool>,
}

/// Every background job of this process. Cheap to share (`Arc<Jobs>`).
#[derive(Default)]
pub struct Jobs {
    slots: [Slot; Kind::ALL.len()],
    bulk: Mutex<HashMap<i64, JobControl>>,
    /// The demo simulator while demo mode runs. One start or leave at a time.
    pub(crate) demo: tokio::sync::Mutex<Option<DemoHandle>>,
}

/// A job of a [`Kind`] while it runs: dropping it frees the kind.
pub struct Running<'a> {
    slot: &'a Slot,
    /// Set when the job is asked to stop ([`Jobs::cancel`]); the job checks it between batches.
    pub cancel: Arc<AtomicBool>,
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.slot.running.store(false, Ordering::SeqCst);
    }
}

/// Progress messages a bulk job's stream sends at most this often (the last one always).
const BULK_PROGRESS_EVERY: Duration = Duration::from_millis(150);

impl Jobs {
    fn slot(&self, kind: Kind) -> &Slot {
        &self.slots[kind.index()]
    }

    /// Starts a job of `kind`: refused while another one runs; clears the cancel flag.
    pub fn start(&self, kind: Kind) -> Result<Running<'_>, ServiceError> {
        let slot = self.slot(kind);
        if slot
            .running
            .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
        {
            let (what, what_zh) = (kind.what(), kind.what_zh());
            return Err(ServiceError::Busy(maskline_domain::text!(
                "{what} is already running: wait for it or cancel it",
                "已有同类任务({what_zh})在进行,请等待它结束或取消它"
            )));
        }
        slot.cancel.store(false, Ordering::SeqCst);
        Ok(Running {
            slot,
            cancel: slot.cancel.clone(),
        })
    }

    /// Asks the running job of `kind` to stop after its current batch. A no-op when none runs.
    pub fn cancel(&self, kind: Kind) {
        self.slot(kind).cancel.store(true, Ordering::SeqCst);
    }

    /// Whether a job of `kind` runs now.
    pub fn is_running(&self, kind: Kind) -> bool {
        self.slot(kind).running.load(Ordering::SeqCst)
    }

    fn bulk_map(&self) -> MutexGuard<'_, HashMap<i64, JobControl>> {
        self.bulk.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The controls of bulk job `job_id` while this process runs it.
    pub fn bulk(&self, job_id: i64) -> Result<JobControl, ServiceError> {
        self.bulk_map().get(&job_id).cloned().ok_or_else(|| {
            ServiceError::NotFound(maskline_domain::text!(
                "bulk job {job_id} is not running; start it again to resume",
                "批量任务 {job_id} 未在运行,请重新开始以继续"
            ))
        })
    }

    /// Registers a started bulk job (its controls answer [`Jobs::bulk`] at once) and returns
    /// the task that follows it: every progress change goes to `send` (at most ~7 a second),
    /// then the final state (read back from the journal when the runner failed); the job is
    /// unregistered when it ends. Spawn the task on the async runtime.
    pub fn follow_bulk(
        self: &Arc<Self>,
        db: Arc<DbManager>,
        handle: JobHandle,
        mut send: impl FnMut(JobProgress) + Send + 'static,
    ) -> impl Future<Output = ()> + Send + 'static {
        let job_id = handle.job_id();
        self.bulk_map().insert(job_id, handle.control());
        let jobs = self.clone();
        async move {
            let mut rx = handle.progress();
            // Ends when the runner drops its sender.
            while rx.changed().await.is_ok() {
                let p = rx.borrow_and_update().clone();
                send(p);
                tokio::time::sleep(BULK_PROGRESS_EVERY).await;
            }
            let last = match handle.wait().await {
                Ok(p) => Some(p),
                Err(e) => {
                    tracing::warn!("bulk job {job_id} stopped: {e}");
                    None
                }
            };
            jobs.bulk_map().remove(&job_id);
            let last = match last {
                Some(p) => Some(p),
                None => tokio::task::spawn_blocking(move || bulk::get(&db, job_id))
                    .await
                    .ok()
                    .and_then(Result::ok)
                    .map(|j| j.progress),
            };
            if let Some(p) = last {
                send(p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_runs_once_at_a_time_and_others_are_independent() {
        let jobs = Jobs::default();
        let import = jobs.start(Kind::Import).expect("first import");
        let again = jobs
            .start(Kind::Import)
            .err()
            .expect("second import refused");
        let text = again.to_string();
        assert!(
            text.starts_with("an import is already running: wait for it or cancel it / "),
            "{text}"
        );
        assert!(text.contains("已有同类任务(导入)在进行"), "{text}");
        assert_eq!(
            maskline_domain::AppError::from(again).code,
            maskline_domain::ErrorCode::InvalidInput
        );
        let _export = jobs
            .start(Kind::Export)
            .expect("another kind runs meanwhile");
        assert!(jobs.is_running(Kind::Import));
        drop(import);
        assert!(!jobs.is_running(Kind::Import));
        jobs.start(Kind::Import)
            .expect("free again once the first ended");
    }

    #[test]
    fn cancel_reaches_the_running_job_and_a_new_start_clears_it() {
        let jobs = Jobs::default();
        let run = jobs.start(Kind::Fetch).expect("start");
        assert!(!run.cancel.load(Ordering::SeqCst));
        jobs.cancel(Kind::Fetch);
        assert!(run.cancel.load(Ordering::SeqCst));
        drop(run);
        let run = jobs.start(Kind::Fetch).expect("start again");
        assert!(
            !run.cancel.load(Ordering::SeqCst),
            "a new job starts uncancelled"
        );
    }

    #[test]
    fn an_unknown_bulk_job_is_not_running() {
        let Err(e) = Jobs::default().bulk(42) else {
            panic!("no bulk job runs")
        };
        assert!(e.to_string().contains("bulk job 42 is not running"), "{e}");
        assert_eq!(
            maskline_domain::AppError::from(e).code,
            maskline_domain::ErrorCode::NotFound
        );
    }
}
