//! App info and database recovery.

use maskline_domain::{AppError, AppInfo, DbStatus, RecoverAction};
use maskline_services::paths;
use tauri::State;

use super::blocking;
use crate::AppState;

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, AppError> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        data_dir: state.data_dir.display().to_string(),
        db_path: state.db.path().display().to_string(),
        os_locale: paths::os_locale(),
    })
}

#[tauri::command]
pub async fn db_status(state: State<'_, AppState>) -> Result<DbStatus, AppError> {
    let db = state.db.clone();
    blocking(move || Ok(db.status())).await
}

#[tauri::command]
pub async fn db_recover(
    state: State<'_, AppState>,
    action: RecoverAction,
) -> Result<DbStatus, AppError> {
    let db = state.db.clone();
    blocking(move || db.recover(action).map_err(AppError::from)).await
}
