//! CDR and call-event import: files and folders, progress over a channel, cancellable; then
//! the recordings fetch every import is followed by (`import::after_import`).

use std::path::PathBuf;

use maskline_domain::AppError;
use maskline_domain::import::{FileReport, ImportProgress};
use maskline_services::import::{self, ImportOptions};
use maskline_services::jobs::Kind;
use maskline_services::recordings::{self, FetchContext};
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
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    let mut progress = move |p: &ImportProgress| drop(on_progress.send(p.clone()));
    let opts = ImportOptions::default();
    let reports = blocking(move || {
        Ok(import::import_job(
            &s.jobs,
            &s.db,
            &paths,
            &opts,
            &mut progress,
        )?)
    })
    .await?;
    after_import_in_background(state.inner(), &reports);
    Ok(reports)
}

/// Stops the running import after its current batch (committed batches are kept).
#[tauri::command]
pub fn import_cancel(state: State<'_, AppState>) {
    state.jobs.cancel(Kind::Import);
}

/// Runs [`import::after_import`] in the background (the UI sees rows in the `fetching` state
/// and polls until none is left). Skipped quietly when a fetch is already running: the new
/// rows are picked up by it or by the next fetch.
pub fn after_import_in_background(s: &AppState, reports: &[FileReport]) {
    let (s, reports) = (s.clone(), reports.to_vec());
    tauri::async_runtime::spawn(async move {
        let ctx = FetchContext {
            db: s.db.clone(),
            secrets: s.secrets.clone(),
            dir: recordings::dir_in(&s.data_dir),
        };
        if let Err(e) = import::after_import(&s.jobs, &ctx, &reports, |_| {}).await {
            tracing::info!("automatic recordings fetch did not run: {e}");
        }
    });
}
