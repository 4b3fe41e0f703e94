//! Bulk bind / modify / unbind jobs: preview, dry run, journal, run with progress over a
//! channel, pause / resume / cancel, retry, results, export and templates.

use std::path::PathBuf;

use maskline_domain::jobs::{
    BulkField, ColumnMapping, DryRunReport, JobKind, JobProgress, JobRowResult, JobSummary,
    RowState,
};
use maskline_domain::pools::XScope;
use maskline_domain::{AppError, Language, Mode};
use maskline_services::bulk::{self, RunOptions, mapping};
use tauri::State;
use tauri::ipc::Channel;

use super::bindings::session;
use super::blocking;
use crate::AppState;

/// The file's headers and the mapping detected from them.
#[tauri::command]
pub async fn bulk_preview(path: PathBuf) -> Result<(Vec<String>, ColumnMapping), AppError> {
    blocking(move || Ok(bulk::preview(&path)?)).await
}

/// The fields a job needs (`.0`) and may carry (`.1`), for the mapping editor.
#[tauri::command]
pub fn bulk_fields(kind: JobKind, mode: Mode) -> (Vec<BulkField>, Vec<BulkField>) {
    let (required, optional) = mapping::fields_for(kind, mode);
    (required.to_vec(), optional.to_vec())
}

/// Validates every row; sends and stores nothing.
#[tauri::command]
pub async fn bulk_dry_run(
    state: State<'_, AppState>,
    kind: JobKind,
    path: PathBuf,
    mapping: Option<ColumnMapping>,
    x_scope: Option<XScope>,
) -> Result<DryRunReport, AppError> {
    let s = state.inner().clone();
    blocking(move || {
        Ok(bulk::dry_run(
            &s.db,
            None,
            kind,
            &path,
            mapping,
            x_scope.as_ref(),
        )?)
    })
    .await
}

/// Validates and journals the file as a job; returns its id and the dry run.
#[tauri::command]
pub async fn bulk_create(
    state: State<'_, AppState>,
    kind: JobKind,
    path: PathBuf,
    mapping: Option<ColumnMapping>,
    x_scope: Option<XScope>,
) -> Result<(i64, DryRunReport), AppError> {
    let s = state.inner().clone();
    blocking(move || {
        Ok(bulk::create(
            &s.db,
            None,
            kind,
            &path,
            mapping,
            x_scope.as_ref(),
        )?)
    })
    .await
}

/// Starts or resumes a job in the background; progress arrives on `on_progress` (the last
/// message is the final state). Returns at once.
#[tauri::command]
pub async fn bulk_start(
    state: State<'_, AppState>,
    job_id: i64,
    on_progress: Channel<JobProgress>,
) -> Result<(), AppError> {
    let session = session(state.inner()).await?;
    let handle = bulk::start(session, job_id, RunOptions::default())?;
    let s = state.inner();
    let follow = s
        .jobs
        .follow_bulk(s.db.clone(), handle, move |p| drop(on_progress.send(p)));
    tauri::async_runtime::spawn(follow);
    Ok(())
}

#[tauri::command]
pub fn bulk_pause(state: State<'_, AppState>, job_id: i64) -> Result<(), AppError> {
    state.jobs.bulk(job_id)?.pause();
    Ok(())
}

#[tauri::command]
pub fn bulk_resume(state: State<'_, AppState>, job_id: i64) -> Result<(), AppError> {
    state.jobs.bulk(job_id)?.resume();
    Ok(())
}

/// Stops after the rows in flight; the job stays resumable.
#[tauri::command]
pub fn bulk_cancel(state: State<'_, AppState>, job_id: i64) -> Result<(), AppError> {
    state.jobs.bulk(job_id)?.cancel();
    Ok(())
}

/// Queues the failed rows again; returns how many. Start the job to send them.
#[tauri::command]
pub async fn bulk_retry_failed(state: State<'_, AppState>, job_id: i64) -> Result<usize, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(bulk::retry_failed(&s.db, job_id)?)).await
}

#[tauri::command]
pub async fn bulk_get(state: State<'_, AppState>, job_id: i64) -> Result<JobSummary, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(bulk::get(&s.db, job_id)?)).await
}

/// The active account's jobs, newest first (interrupted ones show as cancelled: resumable).
#[tauri::command]
pub async fn bulk_list(state: State<'_, AppState>) -> Result<Vec<JobSummary>, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(bulk::list(&s.db, None)?)).await
}

#[tauri::command]
pub async fn bulk_results(
    state: State<'_, AppState>,
    job_id: i64,
    row_state: Option<RowState>,
    page: u32,
    page_size: u32,
) -> Result<Vec<JobRowResult>, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(bulk::results(&s.db, job_id, row_state, page, page_size)?)).await
}

/// Writes every row's result: XLSX for `.xlsx`, otherwise CSV with a UTF-8 BOM; A and B are
/// masked unless `unmask`.
#[tauri::command]
pub async fn bulk_export(
    state: State<'_, AppState>,
    job_id: i64,
    path: PathBuf,
    unmask: bool,
) -> Result<usize, AppError> {
    let s = state.inner().clone();
    blocking(move || Ok(bulk::export(&s.db, job_id, &path, unmask)?)).await
}

/// Writes an empty template with one example row (XLSX or CSV by the extension).
#[tauri::command]
pub async fn bulk_template(
    kind: JobKind,
    mode: Mode,
    lang: Language,
    path: PathBuf,
) -> Result<(), AppError> {
    blocking(move || Ok(bulk::template(kind, mode, lang, &path)?)).await
}
