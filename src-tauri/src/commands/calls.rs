//! The Calls page, its detail drawer, the dashboard and exports.

use maskline_domain::AppError;
use maskline_domain::calls::{
    CallDetail, CallFilter, CallPage, CallPageRequest, CallStats, ExportProgress, ExportReport,
    ExportRequest, StatsRequest,
};
use maskline_services::calls;
use maskline_services::jobs::Kind;
use tauri::State;
use tauri::ipc::Channel;

use super::blocking;
use crate::AppState;

#[tauri::command]
pub async fn calls_page(
    state: State<'_, AppState>,
    request: CallPageRequest,
) -> Result<CallPage, AppError> {
    let db = state.db.clone();
    blocking(move || Ok(calls::page(&db, &request)?)).await
}

#[tauri::command]
pub async fn calls_count(state: State<'_, AppState>, filter: CallFilter) -> Result<u64, AppError> {
    let db = state.db.clone();
    blocking(move || Ok(calls::count(&db, &filter)?)).await
}

#[tauri::command]
pub async fn call_detail(state: State<'_, AppState>, id: i64) -> Result<CallDetail, AppError> {
    let db = state.db.clone();
    blocking(move || Ok(calls::get(&db, id)?)).await
}

#[tauri::command]
pub async fn calls_stats(
    state: State<'_, AppState>,
    request: StatsRequest,
) -> Result<CallStats, AppError> {
    let db = state.db.clone();
    blocking(move || Ok(calls::stats(&db, &request)?)).await
}

/// Writes the filter's calls to a CSV or XLSX file, masked unless `request.unmask`.
#[tauri::command]
pub async fn calls_export(
    state: State<'_, AppState>,
    request: ExportRequest,
    on_progress: Channel<ExportProgress>,
) -> Result<ExportReport, AppError> {
    let s = state.inner().clone();
    let mut progress = move |p: &ExportProgress| drop(on_progress.send(p.clone()));
    blocking(move || {
        let running = s.jobs.start(Kind::Export)?;
        Ok(calls::export::export(
            &s.db,
            &request,
            &running.cancel,
            &mut progress,
        )?)
    })
    .await
}

/// Stops the running export after its current page; the file keeps the rows written so far.
#[tauri::command]
pub fn calls_export_cancel(state: State<'_, AppState>) {
    state.jobs.cancel(Kind::Export);
}
