//! CDR and call-event import: files and folders, progress over a channel, cancellable.

use std::path::PathBuf;

use maskline_domain::AppError;
use maskline_domain::import::{FileReport, ImportProgress};
use maskline_services::import::{self, ImportOptions};
use tauri::State;
use tauri::ipc::Channel;

use super::blocking;
use crate::AppState;

/// Imports `paths` (files, or folders read recursively); resolves with one report per file.
#[tauri::command]
pub async fn import_start(
    state: State<'_, AppState>,
    paths: Vec<String>,
    on_progress: Channel<ImportProgress>,
) -> Result<Vec<FileReport>, AppError> {
    let s = state.inner().clone();
    let after = s.clone();
    let reports = blocking(move || {
        let (_running, cancel) = s.jobs.import.start("an import")?;
        let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
        let mut progress = |p: &ImportProgress| {
            let _ = on_progress.send(p.clone());
        };
        Ok(import::import_paths(
            &s.db,
            &paths,
            &ImportOptions::default(),
            &cancel,
            &mut progress,
        )?)
    })
    .await?;
    if maskline_services::recordings::fetch_after_import(&after.db, &reports) {
        super::recordings::fetch_in_background(&after);
    }
    Ok(reports)
}

/// Stops the running import after its current batch (committed batches are kept).
#[tauri::command]
pub fn import_cancel(state: State<'_, AppState>) {
    state.jobs.import.cancel();
}
