//! User settings.

use maskline_domain::{AppError, Settings};
use maskline_services::settings;
use tauri::State;

use super::blocking;
use crate::AppState;

#[tauri::command]
pub async fn settings_get(state: State<'_, AppState>) -> Result<Settings, AppError> {
    let db = state.db.clone();
    blocking(move || settings::get(&db).map_err(AppError::from)).await
}

#[tauri::command]
pub async fn settings_set(
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, AppError> {
    let db = state.db.clone();
    blocking(move || settings::set(&db, &settings).map_err(AppError::from)).await
}
