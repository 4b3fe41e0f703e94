//! One-at-a-time background jobs (import, export): a running flag and a cancel flag each.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use maskline_domain::{AppError, ErrorCode};

/// A job kind that runs at most once at a time and can be cancelled.
#[derive(Default)]
pub struct JobSlot {
    running: AtomicBool,
    cancel: Arc<AtomicBool>,
}

/// Held while a job runs; frees the slot when dropped.
pub struct JobGuard<'a>(&'a JobSlot);

impl Drop for JobGuard<'_> {
    fn drop(&mut self) {
        self.0.running.store(false, Ordering::SeqCst);
    }
}

impl JobSlot {
    /// Claims the slot (refused while another job of this kind runs) and clears the cancel flag.
    pub fn start(&self, what: &str) -> Result<(JobGuard<'_>, Arc<AtomicBool>), AppError> {
        if self
            .running
            .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
        {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                maskline_domain::text!(
                    "{what} is already running: wait for it or cancel it",
                    "已有同类任务({what})在进行,请等待它结束或取消它"
                ),
            ));
        }
        self.cancel.store(false, Ordering::SeqCst);
        Ok((JobGuard(self), self.cancel.clone()))
    }

    /// Asks the running job to stop after its current batch. A no-op when none runs.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

/// The background jobs of the Calls and Recordings pages.
#[derive(Default)]
pub struct CallJobs {
    pub import: JobSlot,
    pub export: JobSlot,
    /// Downloading recordings (manual, or automatic after an import).
    pub fetch: JobSlot,
    /// Exporting calls with their recordings as a zip.
    pub zip_export: JobSlot,
}
