//! App info and database recovery.

use maskline_domain::{AppError, AppInfo, DbStatus, RecoverAction};
use maskline_services::paths;
use tauri::{AppHandle, Runtime, State};

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

/// About → "Copy diagnostics": versions, folders and the last warnings and errors, with no
/// secret and no phone number.
#[tauri::command]
pub async fn app_diagnostics(state: State<'_, AppState>) -> Result<String, AppError> {
    let db = state.db.clone();
    let db_state = blocking(move || {
        Ok(serde_json::to_value(db.status())
            .ok()
            .and_then(|v| v.get("state").and_then(|s| s.as_str()).map(str::to_string))
            .unwrap_or_default())
    })
    .await?;
    let facts = crate::diagnostics::Facts {
        app_version: env!("CARGO_PKG_VERSION").into(),
        webview_version: tauri::webview_version().unwrap_or_else(|e| format!("unknown ({e})")),
        os: std::env::consts::OS.into(),
        arch: std::env::consts::ARCH.into(),
        os_locale: paths::os_locale(),
        data_dir: state.data_dir.display().to_string(),
        db_path: state.db.path().display().to_string(),
        db_state,
        log_dir: crate::logging::log_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_default(),
        last_errors: crate::logging::last_errors(),
    };
    Ok(crate::diagnostics::text(&facts))
}

#[tauri::command]
pub async fn db_status(state: State<'_, AppState>) -> Result<DbStatus, AppError> {
    let db = state.db.clone();
    blocking(move || Ok(db.status())).await
}

/// Restores the last backup or starts fresh; then the watch folder follows the setting of
/// the database now in use.
#[tauri::command]
pub async fn db_recover<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    action: RecoverAction,
) -> Result<DbStatus, AppError> {
    let db = state.db.clone();
    let status = blocking(move || db.recover(action).map_err(AppError::from)).await?;
    super::watch::resume(app, state.inner().clone()).await;
    Ok(status)
}
