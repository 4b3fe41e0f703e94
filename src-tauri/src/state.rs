//! Managed state shared by all commands.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use maskline_secrets::SecretStore;
use maskline_services::import::watch::WatchFolder;
use maskline_services::privacy::AppLock;
use maskline_services::{DbManager, paths};

use crate::commands::bulk::BulkJobs;
use crate::commands::demo::DemoSlot;
use crate::commands::jobs::CallJobs;

/// Everything commands need. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub data_dir: PathBuf,
    pub db: Arc<DbManager>,
    /// Where account secrets live: the OS keyring in the app.
    pub secrets: Arc<dyn SecretStore>,
    /// The running import and export, for cancelling.
    pub jobs: Arc<CallJobs>,
    /// The bulk bind jobs this process is running, for pause / resume / cancel.
    pub bulk_jobs: Arc<BulkJobs>,
    /// The demo simulator while demo mode runs.
    pub demo: Arc<DemoSlot>,
    /// The optional app lock (revealing numbers, playing recordings).
    pub lock: Arc<AppLock>,
    /// The CDR watch folder (off unless turned on in Settings).
    pub watch: Arc<WatchFolder>,
}

impl AppState {
    /// Opens the database inside `data_dir`. Never fails: damage shows the recovery screen.
    pub fn open(data_dir: &Path) -> Self {
        Self::with_secrets(data_dir, Arc::new(paths::keyring_store()))
    }

    /// Like [`AppState::open`] with another secret store (tests use an in-memory one).
    pub fn with_secrets(data_dir: &Path, secrets: Arc<dyn SecretStore>) -> Self {
        AppState {
            data_dir: data_dir.to_path_buf(),
            db: Arc::new(DbManager::open(&paths::db_path_in(data_dir))),
            lock: Arc::new(AppLock::new(secrets.clone())),
            secrets,
            jobs: Arc::default(),
            bulk_jobs: Arc::default(),
            demo: Arc::default(),
            watch: Arc::default(),
        }
    }
}
