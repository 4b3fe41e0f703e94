//! Managed state shared by all commands.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use maskline_secrets::SecretStore;
use maskline_services::import::watch::WatchFolder;
use maskline_services::jobs::Jobs;
use maskline_services::privacy::AppLock;
use maskline_services::{DbManager, paths};

/// Everything commands need. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub data_dir: PathBuf,
    pub db: Arc<DbManager>,
    /// Where account secrets live: the OS keyring in the app.
    pub secrets: Arc<dyn SecretStore>,
    /// The background jobs (import, exports, recordings fetch, bulk jobs, the demo
    /// simulator): one-at-a-time guards, cancelling, progress.
    pub jobs: Arc<Jobs>,
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
            watch: Arc::default(),
        }
    }
}
