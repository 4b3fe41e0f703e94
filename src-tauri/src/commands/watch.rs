//! The CDR watch folder: its setting, its live status, and the `watch-folder` event that
//! tells the UI to refresh (the watch itself lives in `maskline_services::import::watch`).

use std::sync::Arc;

use maskline_domain::import::FileReport;
use maskline_domain::{AppError, WatchFolderSettings, WatchStatus};
use maskline_services::import::watch::{WatchListener, WatchOptions};
use maskline_services::settings;
use tauri::{AppHandle, Emitter, Runtime, State};

use super::blocking;
use crate::AppState;

/// The event carrying a [`WatchStatus`] each time it changes (after every watched import too).
pub const EVENT: &str = "watch-folder";

/// Sends the watch's news to the webview; a watched import may start the recordings fetch,
/// exactly as a manual import does.
struct UiListener<R: Runtime> {
    app: AppHandle<R>,
    state: AppState,
}

impl<R: Runtime> WatchListener for UiListener<R> {
    fn status(&self, status: &WatchStatus) {
        if let Err(e) = self.app.emit(EVENT, status) {
            tracing::info!("the watch folder status was not sent to the window: {e}");
        }
    }

    fn imported(&self, report: &FileReport) {
        super::import::after_import_in_background(&self.state, std::slice::from_ref(report));
    }
}

/// Starts, restarts or stops the watch to follow `s` (blocking: may wait for a running
/// import to stop after its current batch).
fn apply<R: Runtime>(app: &AppHandle<R>, state: &AppState, s: &WatchFolderSettings) -> WatchStatus {
    let listener = Arc::new(UiListener {
        app: app.clone(),
        state: state.clone(),
    });
    state
        .watch
        .apply(state.db.clone(), s, WatchOptions::default(), listener)
}

/// At app start and after a database recovery: follows the saved setting (watches the saved
/// folder when it is on, stops watching when it is off).
pub async fn resume<R: Runtime>(app: AppHandle<R>, state: AppState) {
    let started = blocking(move || {
        let s = settings::watch_folder(&state.db)?;
        apply(&app, &state, &s);
        Ok(())
    })
    .await;
    if let Err(e) = started {
        tracing::info!("the watch folder was not started: {}", e.message);
    }
}

#[tauri::command]
pub async fn watch_folder_get(state: State<'_, AppState>) -> Result<WatchFolderSettings, AppError> {
    let db = state.db.clone();
    blocking(move || Ok(settings::watch_folder(&db)?)).await
}

/// Saves the setting and follows it at once; resolves with the new status.
#[tauri::command]
pub async fn watch_folder_set<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    settings: WatchFolderSettings,
) -> Result<WatchStatus, AppError> {
    let s = state.inner().clone();
    blocking(move || {
        let saved = settings::set_watch_folder(&s.db, &settings)?;
        Ok(apply(&app, &s, &saved))
    })
    .await
}

#[tauri::command]
pub fn watch_folder_status(state: State<'_, AppState>) -> WatchStatus {
    state.watch.status()
}
