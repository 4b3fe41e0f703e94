//! Managed state shared by all commands.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use maskline_services::{DbManager, paths};

/// Everything commands need. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub data_dir: PathBuf,
    pub db: Arc<DbManager>,
}

impl AppState {
    /// Opens the database inside `data_dir`. Never fails: damage shows the recovery screen.
    pub fn open(data_dir: &Path) -> Self {
        AppState {
            data_dir: data_dir.to_path_buf(),
            db: Arc::new(DbManager::open(&paths::db_path_in(data_dir))),
        }
    }
}
