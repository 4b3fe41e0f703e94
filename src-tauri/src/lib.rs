//! `maskline-app`: the Tauri shell, and the only crate that depends on `tauri`.
//!
//! Wires state, plugins and commands. Commands are a few lines each: unpack the
//! arguments, call `maskline-services`, map the error. Business logic lives in services.

pub mod commands;
pub mod diagnostics;
pub mod logging;
pub mod navigation;
pub mod platform;
pub mod rec_http;
pub mod rec_scheme;
mod state;

use tauri::{Manager, Runtime};

pub use state::AppState;

/// Assembles the app. Used by [`run`] and by `tauri::test` (which never runs `setup`,
/// so tests `manage` an [`AppState`] themselves).
pub fn app_builder<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(navigation::guard())
        .register_asynchronous_uri_scheme_protocol(rec_scheme::SCHEME, rec_scheme::handle)
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::app_diagnostics,
            commands::app::db_status,
            commands::app::db_recover,
            commands::settings::settings_get,
            commands::settings::settings_set,
            commands::accounts::accounts_list,
            commands::accounts::account_add,
            commands::accounts::account_update,
            commands::accounts::account_remove,
            commands::accounts::account_set_active,
            commands::accounts::account_test,
            commands::bindings::bindings_list,
            commands::bindings::bindings_sync,
            commands::bindings::binding_bind,
            commands::bindings::binding_modify,
            commands::bindings::binding_unbind,
            commands::numbers::numbers_import,
            commands::numbers::numbers_add,
            commands::numbers::numbers_list,
            commands::numbers::numbers_choose_x,
            commands::numbers::pools_list,
            commands::numbers::pools_overview,
            commands::numbers::pools_assign,
            commands::bulk::bulk_preview,
            commands::bulk::bulk_fields,
            commands::bulk::bulk_dry_run,
            commands::bulk::bulk_create,
            commands::bulk::bulk_start,
            commands::bulk::bulk_pause,
            commands::bulk::bulk_resume,
            commands::bulk::bulk_cancel,
            commands::bulk::bulk_retry_failed,
            commands::bulk::bulk_get,
            commands::bulk::bulk_list,
            commands::bulk::bulk_results,
            commands::bulk::bulk_export,
            commands::bulk::bulk_template,
            commands::audit::audit_list,
            commands::audit::audit_verify,
            commands::audit::audit_export,
            commands::import::import_start,
            commands::import::import_cancel,
            commands::watch::watch_folder_get,
            commands::watch::watch_folder_set,
            commands::watch::watch_folder_status,
            commands::calls::calls_page,
            commands::calls::calls_count,
            commands::calls::call_detail,
            commands::calls::calls_stats,
            commands::calls::calls_export,
            commands::calls::calls_export_cancel,
            commands::demo::demo_start,
            commands::demo::demo_leave,
            commands::demo::demo_status,
            commands::privacy::privacy_status,
            commands::privacy::privacy_set_passphrase,
            commands::privacy::privacy_unlock,
            commands::privacy::privacy_lock_now,
            commands::privacy::number_reveal,
            commands::recordings::recordings_page,
            commands::recordings::recordings_summary,
            commands::recordings::recording_status,
            commands::recordings::recordings_fetch,
            commands::recordings::recordings_fetch_cancel,
            commands::recordings::recording_playback,
            commands::recordings::recording_played,
            commands::recordings::recording_pin,
            commands::recordings::recording_delete_local,
            commands::recordings::recordings_storage,
            commands::recordings::recordings_settings_set,
            commands::recordings::recordings_export_zip,
            commands::recordings::recordings_export_cancel,
        ])
}

/// Starts the desktop app.
pub fn run() {
    platform::choose_renderer();
    logging::init();
    if std::env::var_os(platform::CPU_RENDERING_VAR).is_some() {
        tracing::info!(
            "WebKit draws with Skia's CPU renderer ({}={:?})",
            platform::CPU_RENDERING_VAR,
            std::env::var_os(platform::CPU_RENDERING_VAR).unwrap_or_default()
        );
    }
    // Windows: say plainly that WebView2 is missing instead of failing in a console nobody sees.
    #[cfg(windows)]
    if let Err(e) = tauri::webview_version() {
        platform::show_startup_failure(&format!("WebView2: {e}"));
        std::process::exit(1);
    }
    // The single-instance plugin goes first: a second launch hands over to the first and exits
    // before anything else starts. The real-window tests start a fresh app for every test, one
    // right after the other (tests/e2e/run-e2e.sh sets MASKLINE_E2E_SEQUENTIAL_LAUNCHES): a launch
    // while the previous test's app is still letting go of its single-instance name on the
    // session bus hung there. scripts/single-instance-check.sh tests the plugin itself.
    let mut builder = tauri::Builder::default();
    if std::env::var_os("MASKLINE_E2E_SEQUENTIAL_LAUNCHES").is_none() {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            tracing::info!("a second launch: focusing the running window");
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }));
    }
    let builder = builder.plugin(tauri_plugin_dialog::init());
    let result = app_builder(builder)
        .setup(|app| {
            let data_dir = app.path().app_data_dir()?;
            let state = AppState::open(&data_dir);
            // Downloads cut off by a crash or quit go back to waiting (their partial files
            // are resumed by the next fetch).
            if let Err(e) = maskline_services::recordings::reset_interrupted(&state.db) {
                tracing::info!("recordings were not reset after a restart: {e}");
            }
            // Imports cut off the same way are shown as interrupted (importing again completes them).
            if let Err(e) = maskline_services::import::reset_interrupted(&state.db) {
                tracing::info!("imports were not reset after a restart: {e}");
            }
            if rec_http::needed() {
                let s = state.clone();
                tauri::async_runtime::spawn(async move {
                    if let Err(e) = rec_http::start(s).await {
                        tracing::warn!("recordings cannot be streamed on this system: {e}");
                    }
                });
            }
            // Demo mode survives restarts; its simulator starts again in the background.
            tauri::async_runtime::spawn(commands::demo::resume(state.clone()));
            // The watch folder, when turned on, starts watching again.
            tauri::async_runtime::spawn(commands::watch::resume(
                app.handle().clone(),
                state.clone(),
            ));
            app.manage(state);
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        platform::show_startup_failure(&e.to_string());
        std::process::exit(1);
    }
}
