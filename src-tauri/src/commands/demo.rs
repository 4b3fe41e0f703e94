//! Demo mode: start it, leave it, ask whether it is on. The running simulator is held in the
//! job registry (`AppState::jobs`); [`resume`] starts it again when the app starts.

use maskline_domain::{AppError, DemoStatus};
use maskline_services::demo;
use tauri::State;

use crate::AppState;

/// Starts the demo (the first time also creates its data); a running demo is left as it is.
#[tauri::command]
pub async fn demo_start(state: State<'_, AppState>) -> Result<DemoStatus, AppError> {
    let s = state.inner();
    Ok(demo::start(&s.jobs, s.db.clone(), s.secrets.clone(), &s.data_dir).await?)
}

/// Stops the demo simulator and removes every demo row and file.
#[tauri::command]
pub async fn demo_leave(state: State<'_, AppState>) -> Result<DemoStatus, AppError> {
    let s = state.inner();
    Ok(demo::leave(&s.jobs, s.db.clone(), s.secrets.clone(), &s.data_dir).await?)
}

/// Never waits for a start or leave in progress: meanwhile the demo reads as not running.
#[tauri::command]
pub async fn demo_status(state: State<'_, AppState>) -> Result<DemoStatus, AppError> {
    Ok(demo::status(&state.jobs, state.db.clone()).await?)
}

/// At app start: if the demo is on, start its simulator again (on a new port).
pub async fn resume(s: AppState) {
    demo::resume(&s.jobs, s.db.clone(), s.secrets.clone(), &s.data_dir).await;
}
