//! Recordings: the page, a call's recording state, the fetch job, the local cache (pin,
//! delete, size limit), playback (peaks; the audio itself goes through the `rec` scheme in
//! [`crate::rec_scheme`]) and the zip export.

use maskline_domain::AppError;
use maskline_domain::recordings::{
    FetchProgress, FetchReport, FetchRequest, PlaybackInfo, RecordingPage, RecordingPageRequest,
    RecordingSettings, RecordingStatus, RecordingStorage, RecordingSummary, ZipExportProgress,
    ZipExportReport, ZipExportRequest,
};
use maskline_services::jobs::Kind;
use maskline_services::recordings::{self, FetchContext};
use tauri::State;
use tauri::ipc::Channel;

use super::blocking;
use crate::AppState;

#[tauri::command]
pub async fn recordings_page(
    state: State<'_, AppState>,
    request: RecordingPageRequest,
) -> Result<RecordingPage, AppError> {
    let db = state.db.clone();
    blocking(move || Ok(recordings::page(&db, &request, recordings::now_secs())?)).await
}

#[tauri::command]
pub async fn recordings_summary(state: State<'_, AppState>) -> Result<RecordingSummary, AppError> {
    let db = state.db.clone();
    blocking(move || Ok(recordings::summary(&db, recordings::now_secs())?)).await
}

#[tauri::command]
pub async fn recording_status(
    state: State<'_, AppState>,
    call_id: i64,
) -> Result<RecordingStatus, AppError> {
    let db = state.db.clone();
    blocking(move || Ok(recordings::status(&db, call_id, recordings::now_secs())?)).await
}

/// Runs one fetch job (one at a time); progress goes over `on_progress`.
#[tauri::command]
pub async fn recordings_fetch(
    state: State<'_, AppState>,
    request: FetchRequest,
    on_progress: Channel<FetchProgress>,
) -> Result<FetchReport, AppError> {
    let s = state.inner();
    let ctx = FetchContext {
        db: s.db.clone(),
        secrets: s.secrets.clone(),
        dir: recordings::dir_in(&s.data_dir),
    };
    let progress = move |p: &FetchProgress| drop(on_progress.send(p.clone()));
    Ok(recordings::fetch_job(&s.jobs, &ctx, &request, progress).await?)
}

/// Stops the running fetch; finished files are kept, the rest stays waiting.
#[tauri::command]
pub fn recordings_fetch_cancel(state: State<'_, AppState>) {
    state.jobs.cancel(Kind::Fetch);
}

#[tauri::command]
pub async fn recording_playback(
    state: State<'_, AppState>,
    call_id: i64,
) -> Result<PlaybackInfo, AppError> {
    let s = state.inner().clone();
    blocking(move || {
        s.lock.require_unlocked()?;
        let mut info = recordings::playback(&s.db, &recordings::dir_in(&s.data_dir), call_id)?;
        info.stream_url = crate::rec_http::base_url().map(|b| format!("{b}/{}", info.source));
        Ok(info)
    })
    .await
}

/// The UI started playing a recording: audited, and it becomes the most recently used.
#[tauri::command]
pub async fn recording_played(state: State<'_, AppState>, call_id: i64) -> Result<(), AppError> {
    let db = state.db.clone();
    blocking(move || Ok(recordings::mark_played(&db, call_id)?)).await
}

/// Pins (marks as evidence) or unpins; resolves with how many changed.
#[tauri::command]
pub async fn recording_pin(
    state: State<'_, AppState>,
    call_ids: Vec<i64>,
    pinned: bool,
) -> Result<u64, AppError> {
    let db = state.db.clone();
    blocking(move || Ok(recordings::set_pinned(&db, &call_ids, pinned)?)).await
}

/// Removes local copies (pinned ones are refused); resolves with how many were removed.
#[tauri::command]
pub async fn recording_delete_local(
    state: State<'_, AppState>,
    call_ids: Vec<i64>,
) -> Result<u64, AppError> {
    let s = state.inner().clone();
    blocking(move || {
        Ok(recordings::delete_local(
            &s.db,
            &recordings::dir_in(&s.data_dir),
            &call_ids,
        )?)
    })
    .await
}

#[tauri::command]
pub async fn recordings_storage(state: State<'_, AppState>) -> Result<RecordingStorage, AppError> {
    let s = state.inner().clone();
    blocking(move || {
        Ok(recordings::storage(
            &s.db,
            &recordings::dir_in(&s.data_dir),
        )?)
    })
    .await
}

/// Saves the cache settings; a lower limit evicts at once (never pinned recordings).
#[tauri::command]
pub async fn recordings_settings_set(
    state: State<'_, AppState>,
    settings: RecordingSettings,
) -> Result<RecordingStorage, AppError> {
    let s = state.inner().clone();
    blocking(move || {
        Ok(recordings::set_settings(
            &s.db,
            &recordings::dir_in(&s.data_dir),
            &settings,
        )?)
    })
    .await
}

#[tauri::command]
pub async fn recordings_export_zip(
    state: State<'_, AppState>,
    request: ZipExportRequest,
    on_progress: Channel<ZipExportProgress>,
) -> Result<ZipExportReport, AppError> {
    let s = state.inner().clone();
    let progress = move |p: &ZipExportProgress| drop(on_progress.send(p.clone()));
    blocking(move || {
        let running = s.jobs.start(Kind::ZipExport)?;
        let dir = recordings::dir_in(&s.data_dir);
        Ok(recordings::export_zip(
            &s.db,
            &dir,
            &request,
            running.cancel.clone(),
            progress,
        )?)
    })
    .await
}

#[tauri::command]
pub fn recordings_export_cancel(state: State<'_, AppState>) {
    state.jobs.cancel(Kind::ZipExport);
}
