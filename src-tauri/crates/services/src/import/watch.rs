//! The watch folder: new and changed CDR files in one folder (read recursively, the same
//! files a folder import takes) are imported with [`super::import_paths`] once they have stopped
//! growing, so a file still being copied is not read half-way.
//!
//! On start the folder is scanned once; after that the OS's file notifications (`notify`)
//! say which files to look at, and a slow rescan is the safety net for file systems whose
//! notifications get lost (network drives), or the only source when the OS refuses to watch.
//! A file is imported when its size and modification time have not changed for
//! [`WatchOptions::settle`]. A file whose path, size and modification time are already in the
//! import history is not read again. A file that cannot be imported gets its normal report;
//! the watch goes on. A missing or unreadable folder is reported in [`WatchStatus`] and
//! retried until it is back. A writer that pauses longer than `settle` in the middle of a
//! file gets the part so far imported (its cut-off last record reported as truncated) and the
//! rest when the file changes again (records already there count as duplicates).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use maskline_domain::import::FileReport;
use maskline_domain::{WatchFolderSettings, WatchProblem, WatchState, WatchStatus};

use crate::DbManager;

mod worker;

use worker::Worker;

/// Timing of the watch.
#[derive(Debug, Clone, Copy)]
pub struct WatchOptions {
    /// A file is imported once its size and modification time have stayed the same this long.
    pub settle: Duration,
    /// How often pending files and stop requests are looked at.
    pub tick: Duration,
    /// Full rescan interval while OS notifications work (the safety net).
    pub rescan: Duration,
    /// Full rescan interval when the OS refuses to watch the folder (polling only).
    pub poll: Duration,
}

impl Default for WatchOptions {
    fn default() -> Self {
        WatchOptions {
            settle: Duration::from_secs(2),
            tick: Duration::from_millis(250),
            rescan: Duration::from_secs(60),
            poll: Duration::from_secs(3),
        }
    }
}

/// Hears what the watch does. Called from the watch's own thread.
pub trait WatchListener: Send + Sync {
    /// The status changed: state, pending files, an import started or finished.
    fn status(&self, status: &WatchStatus);
    /// A file was imported (also in the status's `last_import`).
    fn imported(&self, report: &FileReport);
}

/// The app's one watch folder: started, restarted and stopped by [`WatchFolder::apply`].
#[derive(Default)]
pub struct WatchFolder {
    running: Mutex<Option<Running>>,
    status: Arc<Mutex<WatchStatus>>,
}

struct Running {
    stop: Arc<AtomicBool>,
    thread: JoinHandle<()>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl WatchFolder {
    /// Follows `settings`: stops the running watch (an import in progress stops after its
    /// current batch; committed batches stay), then starts watching when enabled.
    pub fn apply(
        &self,
        dbm: Arc<DbManager>,
        settings: &WatchFolderSettings,
        opts: WatchOptions,
        listener: Arc<dyn WatchListener>,
    ) -> WatchStatus {
        let mut running = lock(&self.running);
        if let Some(r) = running.take() {
            r.stop.store(true, Ordering::SeqCst);
            if r.thread.join().is_err() {
                tracing::warn!("the watch folder's thread panicked");
            }
        }
        let folder = settings.folder.clone().filter(|_| settings.enabled);
        let Some(folder) = folder else {
            let off = WatchStatus {
                folder: settings.folder.clone(),
                ..WatchStatus::default()
            };
            *lock(&self.status) = off.clone();
            listener.status(&off);
            return off;
        };
        *lock(&self.status) = WatchStatus {
            state: WatchState::Watching,
            folder: Some(folder.clone()),
            ..WatchStatus::default()
        };
        let stop = Arc::new(AtomicBool::new(false));
        let mut w = Worker::new(
            dbm,
            PathBuf::from(folder),
            opts,
            listener.clone(),
            self.status.clone(),
            stop.clone(),
        );
        let thread = std::thread::Builder::new()
            .name("watch-folder".into())
            .spawn(move || w.run());
        match thread {
            Ok(thread) => *running = Some(Running { stop, thread }),
            Err(e) => {
                tracing::error!("the watch folder could not start a thread: {e}");
                let failed = {
                    let mut s = lock(&self.status);
                    s.state = WatchState::Error;
                    s.problem = Some(WatchProblem::Unreadable);
                    s.detail = Some(maskline_domain::text!(
                        "the watch could not start: {e}",
                        "无法开始监视文件夹:{e}"
                    ));
                    s.clone()
                };
                listener.status(&failed);
            }
        }
        self.status()
    }

    /// What the watch is doing now.
    pub fn status(&self) -> WatchStatus {
        lock(&self.status).clone()
    }

    /// Stops watching (as when the app quits); the setting is unchanged.
    pub fn stop(&self) {
        if let Some(r) = lock(&self.running).take() {
            r.stop.store(true, Ordering::SeqCst);
            let _ = r.thread.join();
        }
    }
}
